import type { Db } from '../connection';
import type { CurrencyFactor } from './rates';
import type { SnapshotBasis } from './scan';
import { groupsWithPositions, valuation, valuesOf } from './loaded-groups';

/**
 * The `limit` positions of a snapshot with the largest |base value| (id and |base value| in cents,
 * largest first, ties by id), read from its position groups: one pass over packed values with a
 * bounded heap, where SQL sorted every position. Positions without a value in the base currency
 * are left out. Which of several equal |value|s at the cut are kept is not defined (the largest
 * contributors' search does not depend on it: breakdowns.ts).
 */
export function largestPositions(db: Db, basis: SnapshotBasis, limit: number): { id: number; a: number }[] {
  const factorOf = new Map<string, CurrencyFactor>(basis.factors.map((f) => [f.currency, f]));
  const broker = basis.broker !== null;
  // A min-heap on |value|: its root is the smallest of the largest so far.
  const heapA = new Float64Array(limit);
  const heapId = new Float64Array(limit);
  let size = 0;
  // The heap's root once it is full: a value no larger is never kept, and most are not (of 100,000
  // positions about 1,500 ever enter a heap of 256). So the loops below only load, compare and
  // move on for those, and call `offer` for the rest: with a call per value, the first calls of
  // a session, before the compiler has optimised anything, took 20-40 ms for 100,000 positions.
  let floor = limit > 0 ? -1 : Infinity;
  const offer = (a: number, id: number): void => {
    if (size < limit) {
      // Sift up.
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if ((heapA[p] as number) <= a) break;
        heapA[i] = heapA[p] as number;
        heapId[i] = heapId[p] as number;
        i = p;
      }
      heapA[i] = a;
      heapId[i] = id;
      if (size === limit) floor = heapA[0] as number;
      return;
    }
    // Replace the root and sift down.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const m = r < size && (heapA[r] as number) < (heapA[l] as number) ? r : l;
      if ((heapA[m] as number) >= a) break;
      heapA[i] = heapA[m] as number;
      heapId[i] = heapId[m] as number;
      i = m;
    }
    heapA[i] = a;
    heapId[i] = id;
    floor = heapA[0] as number;
  };
  for (const g of groupsWithPositions(db, basis.snapshotId)) {
    const how = valuation(g, factorOf.get(g.currency), broker);
    if (how === 'unrated') continue;
    const ids = g.positions.ids;
    if (how === 'plain') {
      const values = valuesOf(g);
      for (let k = 0; k < g.n; k++) {
        const a = Math.abs(values[k] as number);
        if (a > floor) offer(a, ids[k] as number);
      }
    } else {
      // NaN (no value in the base currency) is never above the floor: left out.
      for (let k = 0; k < g.n; k++) {
        const a = how[k] as number;
        if (a > floor) offer(a, ids[k] as number);
      }
    }
  }
  const out: { id: number; a: number }[] = [];
  for (let i = 0; i < size; i++) out.push({ id: heapId[i] as number, a: heapA[i] as number });
  return out.sort((x, y) => y.a - x.a || x.id - y.id);
}
