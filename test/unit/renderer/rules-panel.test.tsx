// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RuleConflict } from '../../../shared/api/contract';
import { DEFAULT_THEMES } from '../../../shared/domain/default-themes';
import { RulesPanel } from '../../../renderer/src/tagging/RulesPanel';
import { installBridge } from './fake-bridge';

afterEach(cleanup);

const record = <T,>(_label: string, action: () => Promise<T>) => action();
const tie: RuleConflict = {
  symbolKey: 'EQIX',
  themeId: 'data-centers',
  priority: 0,
  rules: [
    { id: 1, kind: 'description', pattern: '*REALTY*', weightBp: 5000 },
    { id: null, kind: 'symbols', pattern: 'EQIX', weightBp: 3000 },
  ],
};
const savedRule = { id: 1, kind: 'description', pattern: '*REALTY*', themeId: 'data-centers', weightBp: 5000, priority: 0, createdAt: '2026-12-01T00:00:00Z' };

/**
 * Two rules of one priority that give a holding different weights for a theme leave it as it is
 * (db/repos/rules.ts): the Rules tab says so before a rule is saved, and after applying, naming the
 * pairs by their theme's name, never deciding the tie quietly.
 */
describe('the Rules tab with rules of the same priority that disagree', () => {
  it('says before saving which holdings the new rule would tie on', async () => {
    const bridge = installBridge();
    Object.assign(bridge, {
      listRules: vi.fn(async () => [savedRule]),
      previewRule: vi.fn(async () => ({ positions: 1, symbols: ['EQIX'], conflicts: [tie] })),
    });
    render(<RulesPanel themes={[...DEFAULT_THEMES]} onChanged={() => {}} record={record} />);
    fireEvent.change(await screen.findByTestId('rule-pattern'), { target: { value: 'EQIX' } });
    const said = await screen.findByTestId('rule-conflicts');
    expect(said.textContent).toBe('A saved rule of the same priority gives EQIX Data-center infrastructure another weight: the rules would leave those as they are. Choose another priority, or the same weight.');
  });

  it('says no tie when there is none', async () => {
    const bridge = installBridge();
    Object.assign(bridge, {
      listRules: vi.fn(async () => [savedRule]),
      previewRule: vi.fn(async () => ({ positions: 1, symbols: ['EQIX'], conflicts: [] })),
    });
    render(<RulesPanel themes={[...DEFAULT_THEMES]} onChanged={() => {}} record={record} />);
    fireEvent.change(await screen.findByTestId('rule-pattern'), { target: { value: 'EQIX' } });
    await screen.findByText('Would tag 1 position: EQIX');
    expect(screen.queryByTestId('rule-conflicts')).toBeNull();
  });

  it('after applying, names the pairs left as they are, four and more counted', async () => {
    const bridge = installBridge();
    const four = ['EQIX', 'DLR', 'AMT', 'CCI'].map((symbolKey) => ({ ...tie, symbolKey, rules: tie.rules.map((r, i) => ({ ...r, id: i + 1 })) }));
    Object.assign(bridge, {
      listRules: vi.fn(async () => [savedRule]),
      applyRules: vi.fn(async () => ({ tagged: 2, skipped: [], conflicts: four })),
    });
    render(<RulesPanel themes={[...DEFAULT_THEMES]} onChanged={() => {}} record={record} />);
    await waitFor(() => expect((screen.getByTestId('apply-rules') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('apply-rules'));
    expect(
      await screen.findByText(
        'Tagged 2 holding/theme pairs. Left as they are, since rules of the same priority give them different weights: EQIX Data-center infrastructure, DLR Data-center infrastructure, AMT Data-center infrastructure and 1 more. Give the rule that should win a higher priority.',
      ),
    ).toBeTruthy();
  });
});

describe('the Rules tab preview', () => {
  it('drops a preview that answers after the rule was saved: the cleared pattern previews nothing', async () => {
    const bridge = installBridge();
    let answer: (p: { positions: number; symbols: string[]; conflicts: RuleConflict[] }) => void = () => {};
    const previewRule = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    Object.assign(bridge, { listRules: vi.fn(async () => []), previewRule });
    render(<RulesPanel themes={[...DEFAULT_THEMES]} onChanged={() => {}} record={record} />);
    const pattern = await screen.findByTestId('rule-pattern');
    fireEvent.change(pattern, { target: { value: 'COHR' } });
    await waitFor(() => expect(previewRule).toHaveBeenCalledTimes(1));
    // Cleared (as saving does) before the backend answers.
    fireEvent.change(pattern, { target: { value: '' } });
    answer({ positions: 1, symbols: ['COHR'], conflicts: [] });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/Would tag/)).toBeNull();
  });
});
