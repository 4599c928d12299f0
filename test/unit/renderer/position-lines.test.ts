import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPositionLines, filterPositions, sortPositions, type PositionLine } from '../../../renderer/src/positions/position-lines';
import type { PositionRow } from '../../../shared/exposure/position-list';

const rows: PositionRow[] = [
  ['X1', 'NVDA', 'NVDA', 'NVIDIA CORP', '100', 18025, 18025, 'USD', false],
  ['Z9', 'kmi', 'KMI', 'Kinder Morgan', '300', 8133, 8133, 'USD', false],
  ['Z9', 'TM', 'TM', 'Toyota', '1', null, 10000, 'JPY', false],
  ['X1', 'EQIX', 'EQIX', 'EQUINIX', null, 8123.3, 8123.3, 'USD', false],
  ['X1', 'SPAXX', 'SPAXX', 'MONEY MARKET', null, 1234.56, 1234.56, 'USD', true],
];
const tags = [
  { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000, source: 'manual' as const },
  { symbolKey: 'NVDA', themeId: 'dc-power', weightBp: 4000, source: 'rule' as const },
  { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 5000, source: 'manual' as const },
  { symbolKey: 'EQIX', themeId: 'data-centers', weightBp: 0, source: 'manual' as const },
];
const all = buildPositionLines(rows, tags);
const symbols = (h: PositionLine[]) => h.map((x) => x.symbolKey);
const none = { query: '', untaggedOnly: false, themeIds: null };

describe('positions table: search, filters and sorting', () => {
  it('joins each position with its current tags (zero weights dropped)', () => {
    expect(all[0]!.themes).toEqual([{ id: 'data-centers', weight: 0.6 }, { id: 'dc-power', weight: 0.4, source: 'rule' }]);
    expect(all[0]!.tagged).toBeCloseTo(1);
    expect(all[3]!.themes).toEqual([]);
  });

  it("reads each position from its row, not a copy: untagged lines share one empty list, a symbol's lines one list of tags", () => {
    // Copies cost the window 50 MB and a full garbage collection twice as long at 100,000 positions.
    const line = all[1]!;
    expect([line.account, line.symbol, line.symbolKey, line.description, line.quantityText, line.value, line.localValue, line.currency, line.isCash]).toEqual(rows[1]);
    expect(line.quantity).toBe(300);
    expect(Object.keys(line)).not.toContain('value');
    expect(all[2]!.themes).toBe(all[3]!.themes);
    const twice = buildPositionLines([rows[0]!, rows[0]!], tags);
    expect(twice[0]!.themes).toBe(twice[1]!.themes);
    expect(twice[0]!.key).not.toBe(twice[1]!.key);
  });

  it('searches symbol, description and account, case-insensitively', () => {
    expect(symbols(filterPositions(all, { ...none, query: 'KMI' }))).toEqual(['KMI']);
    expect(symbols(filterPositions(all, { ...none, query: 'toyo' }))).toEqual(['TM']);
    expect(symbols(filterPositions(all, { ...none, query: ' z9 ' }))).toEqual(['KMI', 'TM']);
    expect(filterPositions(all, { ...none, query: 'nothing like it' })).toEqual([]);
  });

  it('filters by theme (a parent with its sub-themes) and by untagged, cash never counted as untagged', () => {
    expect(symbols(filterPositions(all, { ...none, themeIds: new Set(['oil-logistics']) }))).toEqual(['KMI']);
    expect(symbols(filterPositions(all, { ...none, themeIds: new Set(['dc-power']) }))).toEqual(['NVDA']);
    expect(symbols(filterPositions(all, { ...none, untaggedOnly: true }))).toEqual(['KMI', 'TM', 'EQIX']);
  });

  it('sorts by each column both ways; empty values last either way; no order = the file order', () => {
    expect(symbols(sortPositions(all, { column: 'value', direction: 'desc' }))).toEqual(['NVDA', 'KMI', 'EQIX', 'SPAXX', 'TM']);
    expect(symbols(sortPositions(all, { column: 'value', direction: 'asc' }))).toEqual(['SPAXX', 'EQIX', 'KMI', 'NVDA', 'TM']);
    expect(symbols(sortPositions(all, { column: 'quantity', direction: 'asc' }))).toEqual(['TM', 'NVDA', 'KMI', 'EQIX', 'SPAXX']);
    expect(symbols(sortPositions(all, { column: 'symbol', direction: 'asc' }))).toEqual(['EQIX', 'KMI', 'NVDA', 'SPAXX', 'TM']);
    expect(symbols(sortPositions(all, { column: 'description', direction: 'desc' }))).toEqual(['TM', 'NVDA', 'SPAXX', 'KMI', 'EQIX']);
    expect(symbols(sortPositions(all, { column: 'themes', direction: 'desc' }))).toEqual(['NVDA', 'KMI', 'TM', 'EQIX', 'SPAXX']);
    expect(sortPositions(all, null)).toBe(all);
  });

  it('any sort is a stable permutation: same rows, ties in file order', () => {
    fc.assert(
      fc.property(fc.constantFrom('account', 'symbol', 'description', 'quantity', 'value', 'themes' as const), fc.constantFrom('asc', 'desc' as const), (column, direction) => {
        const sorted = sortPositions(all, { column, direction });
        expect([...sorted].sort((a, b) => a.key.localeCompare(b.key))).toEqual([...all].sort((a, b) => a.key.localeCompare(b.key)));
        const byAccount = sortPositions(all, { column: 'account', direction: 'asc' });
        expect(symbols(byAccount)).toEqual(['NVDA', 'EQIX', 'SPAXX', 'KMI', 'TM']);
      }),
    );
  });
});
