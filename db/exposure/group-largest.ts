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
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && (heapA[l] as number) < (heapA[m] as number)) m = l;
      if (r < size && (heapA[r] as number) < (heapA[m] as number)) m = r;
      if (m === i) return;
      [heapA[i], heapA[m]] = [heapA[m] as number, heapA[i] as number];
      [heapId[i], heapId[m]] = [heapId[m] as number, heapId[i] as number];
      i = m;
    }
  };
  const offer = (a: number, id: number) => {
    if (size < limit) {
      // Sift up.
      let i = size++;
      heapA[i] = a;
      heapId[i] = id;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if ((heapA[p] as number) <= (heapA[i] as number)) break;
        [heapA[i], heapA[p]] = [heapA[p] as number, heapA[i] as number];
        [heapId[i], heapId[p]] = [heapId[p] as number, heapId[i] as number];
        i = p;
      }
    } else if (limit > 0 && a > (heapA[0] as number)) {
      heapA[0] = a;
      heapId[0] = id;
      siftDown(0);
    }
  };
  for (const g of groupsWithPositions(db, basis.snapshotId)) {
    const how = valuation(g, factorOf.get(g.currency), broker);
    if (how === 'unrated') continue;
    const values = valuesOf(g);
    const ids = g.positions.ids;
    for (let k = 0; k < g.n; k++) {
      const a = how === 'plain' ? Math.abs(values[k] as number) : (how[k] as number);
      if (a === a) offer(a, ids[k] as number);
    }
  }
  const out: { id: number; a: number }[] = [];
  for (let i = 0; i < size; i++) out.push({ id: heapId[i] as number, a: heapA[i] as number });
  return out.sort((x, y) => y.a - x.a || x.id - y.id);
}
