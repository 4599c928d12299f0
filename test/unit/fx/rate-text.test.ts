import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateProblem } from '../../../shared/fx/rate-text';
import { apiInputs } from '../../../shared/api/contract';

describe('exchange rates are finite and greater than 0', () => {
  it.each(['0', '0.0', '0.000000', '-1', 'NaN', 'Infinity', '-Infinity', '1e3', '', ' ', '1,5', '0x10'])('refuses %j', (text) => {
    expect(rateProblem(text)).not.toBeNull();
    expect(apiInputs.setFxRate.safeParse({ currency: 'JPY', quote: 'USD', rate: text }).success).toBe(false);
  });

  it('keeps a rate typed with spaces around it as the number alone (it was stored " 1.1", and valued nothing)', () => {
    expect(apiInputs.setFxRate.parse({ currency: 'EUR', quote: 'USD', rate: ' 1.1 ' }).rate).toBe('1.1');
  });

  it('accepts any plain positive decimal (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const text = (units / 10 ** scale).toFixed(scale);
        expect(rateProblem(text)).toBeNull();
      }),
    );
  });
});
