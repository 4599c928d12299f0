import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountBreakdown, currencyBreakdown, themeBreakdown, themeOverlap } from '../../../db/exposure/breakdowns';
import { computeExposure } from '../../../db/exposure/compute';
import { setFxRate } from '../../../db/repos/fx';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { createTheme } from '../../../db/repos/theme-edits';
import { addSnapshot, makeDb, tag } from './fixture';

const cents = (x: number) => Math.round(x * 100);

/**
 * Hand-computed fixture (base USD, EUR at 1.0845, no JPY rate):
 *   X1 NVDA  10,000.00 USD   data-centers 60% -> 6,000.00; diamond 40% -> 4,000.00
 *   X1 KMI    5,000.00 USD   oil 100%         -> 5,000.00
 *   Z9 NVDA   2,000.00 USD   data-centers 60% -> 1,200.00; diamond 40% ->   800.00
 *   Z9 SAP    1,000.00 EUR = 1,084.50 USD, data-centers 33.33% -> 361.46 (1084.50 x 0.3333 = 361.4639)
 *   Z9 SHORT   -500.00 USD   oil 100%         ->  -500.00
 *   Z9 CASH     300.00 USD   untagged
 *   X1 TM     10,000 JPY: no rate, left out of every figure
 * Total 17,884.50; data-centers 7,561.46; oil 4,500.00; diamond 4,800.00; untagged 1,023.04.
 */
function fixture() {
  const db = makeDb();
  const sid = addSnapshot(db, '2026-11-24', '2026-11-24T10:00:00Z', [
    { account: 'X1', symbol: 'NVDA', quantity: '100', valueCents: 1_000_000 },
    { account: 'X1', symbol: 'KMI', quantity: '200', valueCents: 500_000 },
    { account: 'Z9', symbol: 'NVDA', quantity: '20', valueCents: 200_000 },
    { account: 'Z9', symbol: 'SAP', quantity: '5', valueCents: 100_000, currency: 'EUR' },
    { account: 'Z9', symbol: 'SHORT', quantity: '-10', valueCents: -50_000 },
    { account: 'Z9', symbol: 'CASH', valueCents: 30_000, isCash: true },
    { account: 'X1', symbol: 'TM', quantity: '1', valueCents: 1_000_000, currency: 'JPY' },
  ]);
  setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.0845' }, '2026-11-20');
  tag(db, 'NVDA', 'data-centers', 6000, '2026-11-24T11:00:00Z');
  tag(db, 'NVDA', 'diamond-semiconductors', 4000, '2026-11-24T11:00:00Z');
  tag(db, 'KMI', 'oil-logistics', 10000, '2026-11-24T11:00:00Z');
  tag(db, 'SHORT', 'oil-logistics', 10000, '2026-11-24T11:00:00Z');
  tag(db, 'SAP', 'data-centers', 3333, '2026-11-24T11:00:00Z');
  tag(db, 'TM', 'oil-logistics', 10000, '2026-11-24T11:00:00Z');
  return { db, portfolio: getPortfolio(db, 1), snapshot: getSnapshot(db, sid) };
}

describe('theme breakdown (SQL)', () => {
  it('gives each theme its value, share and position count, with top contributors, weights and sources, matching the report', () => {
    const { db, portfolio, snapshot } = fixture();
    const b = themeBreakdown(db, portfolio, snapshot, 2);
    expect(b.totalValue).toBe(17884.5);
    expect(b.untaggedValue).toBe(1023.04);
    expect(b.missingCurrencies).toEqual(['JPY']);
    const dc = b.themes.find((t) => t.id === 'data-centers')!;
    expect(dc.value).toBe(7561.46);
    expect(dc.positionCount).toBe(3);
    expect(dc.share).toBeCloseTo(7561.46 / 17884.5, 12);
    expect(dc.top.map((c) => [c.account, c.symbol, c.weight, c.source, c.positionValue, c.value])).toEqual([
      ['X1', 'NVDA', 0.6, 'manual', 10000, 6000],
      ['Z9', 'NVDA', 0.6, 'manual', 2000, 1200],
    ]);
    const oil = b.themes.find((t) => t.id === 'oil-logistics')!;
    expect(oil.value).toBe(4500);
    expect(oil.top.map((c) => c.value)).toEqual([5000, -500]);
    // The same figures as the exposure report of the same snapshot.
    const report = computeExposure(db, portfolio, snapshot, 'now');
    for (const t of b.themes) expect(t.value).toBe(report.themes.find((r) => r.id === t.id)!.value);
    expect(b.untaggedValue).toBe(report.untaggedValue);
  });

  it('rolls a sub-theme into its parent and names the sub-theme a contributor comes through', () => {
    const { db, portfolio, snapshot } = fixture();
    const sub = createTheme(db, { name: 'Cooling', parentId: 'data-centers' });
    tag(db, 'KMI', 'oil-logistics', null, '2026-11-24T12:00:00Z');
    tag(db, 'KMI', sub.id, 5000, '2026-11-24T12:00:00Z');
    const b = themeBreakdown(db, portfolio, snapshot, 10);
    expect(b.themes.map((t) => t.id)).not.toContain(sub.id);
    const dc = b.themes.find((t) => t.id === 'data-centers')!;
    expect(dc.value).toBe(7561.46 + 2500);
    expect(dc.top.find((c) => c.symbol === 'KMI')).toMatchObject({ viaThemeId: sub.id, viaThemeName: sub.name, weight: 0.5, value: 2500 });
  });
});

describe('account, currency and overlap breakdowns (SQL)', () => {
  it('splits each account into themes and untagged, adding up to the account total', () => {
    const { db, portfolio, snapshot } = fixture();
    const b = accountBreakdown(db, portfolio, snapshot);
    const x1 = b.accounts.find((a) => a.account === 'X1')!;
    const z9 = b.accounts.find((a) => a.account === 'Z9')!;
    expect(x1).toMatchObject({ totalValue: 15000, untaggedValue: 0, positionCount: 3, themes: { 'data-centers': 6000, 'diamond-semiconductors': 4000, 'oil-logistics': 5000 } });
    expect(z9).toMatchObject({ totalValue: 2884.5, untaggedValue: 1023.04, positionCount: 4, themes: { 'data-centers': 1561.46, 'diamond-semiconductors': 800, 'oil-logistics': -500 } });
    expect(cents(x1.totalValue) + cents(z9.totalValue)).toBe(cents(b.totalValue));
  });

  it('lists every currency held with local and base value, the rate used, and flags a missing rate', () => {
    const { db, portfolio, snapshot } = fixture();
    const b = currencyBreakdown(db, portfolio, snapshot);
    expect(b.currencies).toEqual([
      { currency: 'USD', positionCount: 5, localValue: 16800, value: 16800, share: 16800 / 17884.5, rate: '', rateAsOf: '', missing: false, broker: null },
      { currency: 'EUR', positionCount: 1, localValue: 1000, value: 1084.5, share: 1084.5 / 17884.5, rate: '1 EUR = 1.0845 USD', rateAsOf: '2026-11-20', missing: false, broker: null },
      { currency: 'JPY', positionCount: 1, localValue: 10000, value: null, share: null, rate: null, rateAsOf: null, missing: true, broker: null },
    ]);
  });

  it('counts positions tagged with two themes in the overlap matrix, by their full value', () => {
    const { db, portfolio, snapshot } = fixture();
    const o = themeOverlap(db, portfolio, snapshot);
    const cell = (a: string, b: string) => o.cells.find((c) => c.a === a && c.b === b);
    // Both NVDA lines are in data-centers and diamond: 10,000 + 2,000.
    expect(cell('data-centers', 'diamond-semiconductors')).toEqual({ a: 'data-centers', b: 'diamond-semiconductors', value: 12000, positionCount: 2 });
    expect(cell('data-centers', 'data-centers')).toEqual({ a: 'data-centers', b: 'data-centers', value: 13084.5, positionCount: 3 });
    expect(cell('data-centers', 'oil-logistics')).toBeUndefined();
    expect(cell('oil-logistics', 'oil-logistics')?.value).toBe(4500);
  });

  it('property: per account, theme values plus untagged equal the account total; accounts add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ account: fc.constantFrom('A', 'B', 'C'), symbol: fc.constantFrom('P', 'Q', 'R', 'S'), valueCents: fc.integer({ min: -1_000_000, max: 10_000_000 }), currency: fc.constantFrom('USD', 'EUR') }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.record({ symbol: fc.constantFrom('P', 'Q', 'R', 'S'), theme: fc.constantFrom('data-centers', 'oil-logistics', 'diamond-semiconductors'), bp: fc.integer({ min: 1, max: 10_000 }) }), { maxLength: 8 }),
        (positions, tags) => {
          const db = makeDb();
          const sid = addSnapshot(db, '2026-01-01', '2026-01-01T00:00:00Z', positions);
          setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.17' }, '2026-01-01');
          for (const t of tags) {
            try {
              tag(db, t.symbol, t.theme, t.bp, '2026-01-01T01:00:00Z');
            } catch {
              // over 100% for the symbol: refused
            }
          }
          const b = accountBreakdown(db, getPortfolio(db, 1), getSnapshot(db, sid));
          let sum = 0;
          for (const a of b.accounts) {
            const themed = Object.values(a.themes).reduce((s, v) => s + cents(v), 0);
            expect(themed + cents(a.untaggedValue)).toBe(cents(a.totalValue));
            sum += cents(a.totalValue);
          }
          expect(sum).toBe(cents(b.totalValue));
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
