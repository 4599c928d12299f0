import { describe, expect, it } from 'vitest';
import { compareSnapshots } from '../../../db/exposure/compare';
import { computeExposure } from '../../../db/exposure/compute';
import { portfoliosOverview, themeHistory } from '../../../db/exposure/history';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { recordSnapshotKeys } from '../../../db/securities/resolve';
import { addSnapshot, makeDb, tag } from './fixture';

/**
 * Two snapshots of one portfolio:
 *   A (2026-06-30, imported 07-01): NVDA 100 @ 100 = 10,000; KMI 200 @ 25 = 5,000; AAPL 10 @ 200 = 2,000; TSLA 5 @ 200 = 1,000; CASH 500
 *   B (2026-09-30, imported 10-01): NVDA 150 @ 100 = 15,000; KMI 200 @ 27.5 = 5,500; AAPL 10 @ 200 = 2,000; AMD 10 @ 150 = 1,500; CASH 500
 * NVDA grew by quantity, KMI by price, TSLA is gone, AMD is new. NVDA (data-centers 100%) and KMI
 * (oil 100%) are tagged from the start; AAPL gets data-centers 50% after B's import, so only B (the
 * latest, read with today's tags) sees it: a change explained by tag.
 */
function twoSnapshots() {
  const db = makeDb();
  tag(db, 'NVDA', 'data-centers', 10000, '2026-06-01T00:00:00Z');
  tag(db, 'KMI', 'oil-logistics', 10000, '2026-06-01T00:00:00Z');
  const a = addSnapshot(db, '2026-06-30', '2026-07-01T00:00:00Z', [
    { symbol: 'NVDA', quantity: '100', valueCents: 1_000_000 },
    { symbol: 'KMI', quantity: '200', valueCents: 500_000 },
    { symbol: 'AAPL', quantity: '10', valueCents: 200_000 },
    { symbol: 'TSLA', quantity: '5', valueCents: 100_000 },
    { symbol: 'CASH', valueCents: 50_000, isCash: true },
  ]);
  const b = addSnapshot(db, '2026-09-30', '2026-10-01T00:00:00Z', [
    { symbol: 'NVDA', quantity: '150', valueCents: 1_500_000 },
    { symbol: 'KMI', quantity: '200', valueCents: 550_000 },
    { symbol: 'AAPL', quantity: '10', valueCents: 200_000 },
    { symbol: 'AMD', quantity: '10', valueCents: 150_000 },
    { symbol: 'CASH', valueCents: 50_000, isCash: true },
  ]);
  tag(db, 'AAPL', 'data-centers', 5000, '2026-10-02T00:00:00Z');
  const portfolio = getPortfolio(db, 1);
  return { db, portfolio, a: getSnapshot(db, a), b: getSnapshot(db, b) };
}

describe('theme history', () => {
  it('gives each theme its share at every snapshot, oldest first, each read with the tags of its time', () => {
    const { db, portfolio } = twoSnapshots();
    const h = themeHistory(db, portfolio);
    expect(h.points.map((p) => p.asOf)).toEqual(['2026-06-30', '2026-09-30']);
    const [pa, pb] = h.points;
    expect(pa!.totalValue).toBe(18500);
    expect(pa!.values['data-centers']).toBe(10000); // AAPL was not tagged until after B's import
    expect(pa!.shares['data-centers']).toBeCloseTo(10000 / 18500, 12);
    expect(pb!.values['data-centers']).toBe(16000);
    expect(pb!.values['oil-logistics']).toBe(5500);
    expect(pb!.untaggedValue).toBe(24500 - 21500);
    // The latest point uses today's tags: the same figures as the exposure screen.
    const report = computeExposure(db, portfolio, getSnapshot(db, pb!.snapshotId), 'now');
    expect(report.themes.find((t) => t.id === 'data-centers')!.value).toBe(16000);
  });

  it('shows every portfolio side by side at its latest snapshot', () => {
    const { db } = twoSnapshots();
    db.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (2, 'Empty', 'EUR', 'now')").run();
    const o = portfoliosOverview(db);
    expect(o.portfolios.map((p) => [p.name, p.asOf, p.totalValue])).toEqual([
      ['Empty', null, 0],
      ['Smith family', '2026-09-30', 24500],
    ]);
    expect(o.portfolios[1]!.shares['data-centers']).toBeCloseTo(16000 / 24500, 12);
    expect(o.themes.map((t) => t.id)).toEqual(['data-centers', 'oil-logistics', 'diamond-semiconductors']);
  });
});

describe('snapshot comparison', () => {
  it('names each position new, gone, grown or shrunk and explains the change as quantity, price or tag', () => {
    const { db, portfolio, a, b } = twoSnapshots();
    const c = compareSnapshots(db, portfolio, a, b);
    expect(c.counts).toEqual({ new: 1, gone: 1, grown: 2, shrunk: 0, unchanged: 2 });
    const row = (s: string) => c.positions.find((p) => p.symbolKey === s)!;
    expect(row('NVDA')).toMatchObject({ status: 'grown', fromQuantity: 100, toQuantity: 150, fromValue: 10000, toValue: 15000, quantityEffect: 5000, priceEffect: 0, tagEffect: 0, reasons: ['quantity'] });
    expect(row('KMI')).toMatchObject({ status: 'grown', quantityEffect: 0, priceEffect: 500, reasons: ['price'] });
    expect(row('AAPL')).toMatchObject({ status: 'unchanged', fromValue: 2000, toValue: 2000, tagEffect: 1000, reasons: ['tag'] });
    expect(row('AMD')).toMatchObject({ status: 'new', fromValue: 0, toValue: 1500, quantityEffect: 1500, reasons: ['quantity'] });
    expect(row('TSLA')).toMatchObject({ status: 'gone', fromValue: 1000, toValue: 0, quantityEffect: -1000, reasons: ['quantity'] });
    expect(c.positions.find((p) => p.symbolKey === 'CASH')).toBeUndefined();
  });

  it('splits each theme change into quantity, price and tag effects that add up to the change', () => {
    const { db, portfolio, a, b } = twoSnapshots();
    const c = compareSnapshots(db, portfolio, a, b);
    const dc = c.themes.find((t) => t.id === 'data-centers')!;
    expect(dc).toMatchObject({ fromValue: 10000, toValue: 16000, quantityEffect: 5000, priceEffect: 0, tagEffect: 1000 });
    const oil = c.themes.find((t) => t.id === 'oil-logistics')!;
    expect(oil).toMatchObject({ fromValue: 5000, toValue: 5500, quantityEffect: 0, priceEffect: 500, tagEffect: 0 });
    for (const t of c.themes) expect(Math.round((t.quantityEffect + t.priceEffect + t.tagEffect) * 100)).toBe(Math.round((t.toValue - t.fromValue) * 100));
    expect(c.from.totalValue).toBe(18500);
    expect(c.to.totalValue).toBe(24500);
  });

  it("splits a holding's quantity effect among its themes when its value did not move (a split), where untagged took all of it", () => {
    const db = makeDb();
    tag(db, 'NVDA', 'data-centers', 6000, '2026-06-01T00:00:00Z');
    // 10 at 100, then 20 at 50 (a two-for-one split): 1,000 both times.
    const a = addSnapshot(db, '2026-06-30', '2026-07-01T00:00:00Z', [{ symbol: 'NVDA', quantity: '10', valueCents: 100_000 }]);
    const b = addSnapshot(db, '2026-09-30', '2026-10-01T00:00:00Z', [{ symbol: 'NVDA', quantity: '20', valueCents: 100_000 }]);
    const c = compareSnapshots(db, getPortfolio(db, 1), getSnapshot(db, a), getSnapshot(db, b));
    // Quantity: 10 more at the old price of 100, +1,000; price: the rest of no change, -1,000. Data
    // centers hold 60% of it, untagged 40%. Listed (it was left out as unchanged), its status by value.
    expect(c.positions.map((p) => [p.symbolKey, p.status, p.fromQuantity, p.toQuantity, p.quantityEffect, p.priceEffect, p.reasons])).toEqual([['NVDA', 'unchanged', 10, 20, 1000, -1000, ['quantity', 'price']]]);
    expect(c.changedCount).toBe(1);
    expect(c.themes.find((t) => t.id === 'data-centers')).toMatchObject({ fromValue: 600, toValue: 600, quantityEffect: 600, priceEffect: -600, tagEffect: 0 });
    expect(c.untagged).toMatchObject({ fromValue: 400, toValue: 400, quantityEffect: 400, priceEffect: -400, tagEffect: 0 });
  });

  it('gives untagged (cash included) its change too, so the rows add up to the totals (by hand)', () => {
    const { db, portfolio, a, b } = twoSnapshots();
    const c = compareSnapshots(db, portfolio, a, b);
    // A: AAPL 2,000 + TSLA 1,000 + cash 500. B: half of AAPL 1,000 + AMD 1,500 + cash 500.
    // Quantity: AMD new +1,500, TSLA gone -1,000. Tag: AAPL's half went to data centers, -1,000.
    // Price: the rest of the -500, none.
    expect(c.untagged).toEqual({ fromValue: 3500, toValue: 3000, fromShare: 3500 / 18500, toShare: 3000 / 24500, quantityEffect: 500, priceEffect: 0, tagEffect: -1000 });
  });

  it('compares a snapshot with itself as all unchanged, and leaves no temp tables behind', () => {
    const { db, portfolio, b } = twoSnapshots();
    const c = compareSnapshots(db, portfolio, b, b);
    expect(c.counts).toEqual({ new: 0, gone: 0, grown: 0, shrunk: 0, unchanged: 5 });
    expect(c.positions).toEqual([]);
    expect(db.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table' AND name LIKE 'cmp%'").all()).toEqual([]);
  });
});

describe("the tag changes a snapshot's exposure lists (a report's \"Theme weights changed\")", () => {
  it('are those the comparison with the snapshot before sees: made after that snapshot was read, not after it was imported', () => {
    const { db, portfolio, a, b } = twoSnapshots();
    // The keys each snapshot holds, as an import records them (the list looks there).
    for (const s of [a, b]) recordSnapshotKeys(db, s.id);
    // Between A's import and B's: in both snapshots' figures, so no tag effect; it must not be listed.
    tag(db, 'KMI', 'oil-logistics', 7500, '2026-08-01T00:00:00Z');
    const changes = computeExposure(db, portfolio, b, 'now').tagChanges.map((c) => [c.symbolKey, c.themeId, c.oldWeight, c.newWeight]);
    // AAPL's, after B's import, is the one change the comparison explains by tag.
    expect(changes).toEqual([['AAPL', 'data-centers', null, 0.5]]);
    const compared = compareSnapshots(db, portfolio, a, b);
    expect(compared.themes.find((t) => t.id === 'data-centers')?.tagEffect).toBe(1000);
    expect(compared.themes.find((t) => t.id === 'oil-logistics')?.tagEffect).toBe(0);
    // The first snapshot has none before it: every change on its holdings is listed.
    expect(computeExposure(db, portfolio, a, 'now').tagChanges.map((c) => c.symbolKey).sort()).toEqual(['AAPL', 'KMI', 'KMI', 'NVDA']);
  });
});
