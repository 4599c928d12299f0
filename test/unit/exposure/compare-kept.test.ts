import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearAnalyticsCache } from '../../../db/exposure/cache';
import { compareSnapshots } from '../../../db/exposure/compare';
import { CellSums } from '../../../db/exposure/compare-sides';
import { setFxRate } from '../../../db/repos/fx';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { storeOf } from '../../../db/store';
import { addSnapshot, makeDb, tag } from './fixture';

/**
 * A comparison keeps both sides it read (compare-sides.ts, readSides): comparing the same two
 * snapshots after a tag edit reads no position again, and a rate that values them differently
 * makes them read again. (That every figure stays equal to the SQL over every position through
 * such edits is compare-groups.test.ts's property.)
 */
describe('the sides a comparison keeps', () => {
  function twoSnapshots() {
    const db = makeDb();
    setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.1' }, '2026-01-01');
    const a = addSnapshot(db, '2026-03-31', '2026-04-01T00:00:00Z', [
      { symbol: 'AAA', quantity: '10', valueCents: 100_000 },
      { symbol: 'BBB', quantity: '5', valueCents: 50_000, currency: 'EUR' },
    ]);
    const b = addSnapshot(db, '2026-06-30', '2026-07-01T00:00:00Z', [
      { symbol: 'AAA', quantity: '12', valueCents: 130_000 },
      { symbol: 'BBB', quantity: '5', valueCents: 55_000, currency: 'EUR' },
    ]);
    const portfolio = getPortfolio(db, 1);
    const compare = () => {
      clearAnalyticsCache(db);
      return compareSnapshots(db, portfolio, getSnapshot(db, a), getSnapshot(db, b));
    };
    return { db, compare };
  }

  it('are read once for tag edits, and again for a new rate', () => {
    const { db, compare } = twoSnapshots();
    compare();
    const kept = storeOf(db).comparedSides;
    expect(kept).not.toBeNull();
    tag(db, 'AAA', 'data-centers', 5000, '2026-08-01T00:00:00Z');
    const tagged = compare();
    expect(storeOf(db).comparedSides).toBe(kept);
    expect(tagged.themes.find((t) => t.id === 'data-centers')?.toValue).toBe(650);
    setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.2' }, '2026-02-01');
    const repriced = compare();
    expect(storeOf(db).comparedSides).not.toBe(kept);
    // BBB: 550.00 EUR at 1.2, not at 1.1.
    expect(repriced.to.totalValue).toBe(1300 + 660);
    db.close();
  });

  it('are not kept when read inside a transaction', () => {
    const { db, compare } = twoSnapshots();
    db.exec('BEGIN');
    compare();
    expect(storeOf(db).comparedSides).toBeNull();
    db.exec('ROLLBACK');
    db.close();
  });
});

describe('CellSums', () => {
  it('lists the same cells in the same order with the same sums, dense or not (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: -1000, max: 1000 })), { maxLength: 200 }), (adds) => {
        const dense = new CellSums(64);
        const sparse = new CellSums(64, 0);
        const map = new Map<number, number>();
        for (const [cell, c] of adds) {
          dense.add(cell, c);
          sparse.add(cell, c);
          map.set(cell, (map.get(cell) ?? 0) + c);
        }
        for (const sums of [dense, sparse]) {
          expect(sums.cells).toEqual([...map.keys()]);
          expect(sums.cells.map((cell) => sums.get(cell))).toEqual([...map.values()]);
          for (let cell = 0; cell < 64; cell++) {
            expect(sums.has(cell)).toBe(map.has(cell));
            expect(sums.get(cell)).toBe(map.get(cell) ?? 0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
