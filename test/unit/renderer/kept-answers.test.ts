import { afterEach, describe, expect, it } from 'vitest';
import { answerName, forgetAnswers, keepAnswer, keeping, keptAnswer } from '../../../renderer/src/analytics/kept-answers';

afterEach(forgetAnswers);

describe('answers kept in the window', () => {
  it('offers an answer only to the generation it was fetched in', async () => {
    const name = answerName('themes', 1, 7);
    await keeping(name, 3, async () => ({ value: 1 }))();
    expect(keptAnswer(name, 3)).toEqual({ value: 1 });
    expect(keptAnswer(name, 4)).toBeUndefined();
    expect(keptAnswer(answerName('themes', 1, 8), 3)).toBeUndefined();
    expect(keptAnswer(answerName('accounts', 1, 7), 3)).toBeUndefined();
  });

  it('names history, portfolios and snapshots without the snapshot they do not depend on', () => {
    expect(answerName('history', 2, 5)).toBe(answerName('history', 2, 9));
    expect(answerName('portfolios', 2, 5)).toBe(answerName('portfolios', 3, null));
    expect(answerName('snapshots', 2, null)).not.toBe(answerName('snapshots', 3, null));
  });

  it('keeps no empty answer, and the 48 most recent answers only', () => {
    keepAnswer('x', 1, null);
    expect(keptAnswer('x', 1)).toBeUndefined();
    for (let i = 0; i < 50; i++) keepAnswer(`n${i}`, 1, i);
    expect(keptAnswer('n0', 1)).toBeUndefined();
    expect(keptAnswer('n1', 1)).toBeUndefined();
    expect(keptAnswer('n2', 1)).toBe(2);
    expect(keptAnswer('n49', 1)).toBe(49);
  });
});
