import { AppError } from '../../shared/api/errors';
import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type { ChangeReason, ChangeStatus, PositionChange, SnapshotComparison, UntaggedChange } from '../../shared/exposure/analytics';
import type { Db } from '../connection';
import { topThemes } from './breakdowns';
import { cached, ownWrites } from './cache';
import { addContributions, addExactly, CellSums, cellRoot, cellRow, compareBinary, namesOf, quantityOf, readSides, tagWeights } from './compare-sides';
import { tagCutoff, tagsAsOf } from './tag-tables';

const money = (cents: number): number => cents / 100;
/** A change smaller than half a cent explains nothing. */
const EPS = 0.5;

/**
 * What changed between two snapshots of a portfolio, per theme and per position (matched by
 * account and symbol): new, gone, grown, shrunk, each explained as quantity (quantity change at
 * the old price), price (the rest of the value change, FX included) and tag (the themed value
 * that moved because weights changed between the two snapshots). Each snapshot is read with the
 * tags as they stood until the next snapshot was imported, as on the history chart.
 */
export function compareSnapshots(db: Db, portfolio: Portfolio, from: Snapshot, to: Snapshot, limit = 300, tagsAt?: TagMoments): SnapshotComparison {
  const { key, moments } = comparisonKey(db, portfolio, from, to, limit, tagsAt);
  // Kept until data changes, like every view (cache.ts). Its temp tag tables are the analytics' own, not an edit.
  return cached(db, key, () => ownWrites(db, () => compareIn(db, portfolio, from, to, limit, moments)));
}

/**
 * The analytics cache's name for a comparison, and the moments its sides' tags are read at: one
 * computed on another thread (figures-ahead.ts) is kept under it, as if computed here.
 */
export function comparisonKey(db: Db, portfolio: Portfolio, from: Snapshot, to: Snapshot, limit: number, tagsAt?: TagMoments): { key: string; moments: TagMoments } {
  for (const s of [from, to]) if (s.portfolioId !== portfolio.id) throw new AppError('NOT_FOUND', `Snapshot ${s.id} is not part of ${portfolio.name}.`);
  const moments = tagsAt ?? { from: tagCutoff(db, from), to: tagCutoff(db, to) };
  return { key: `compare:${portfolio.id}:${portfolio.baseCurrency}:${from.id}:${to.id}:${limit}:${moments.from}:${moments.to}`, moments };
}

/**
 * The moments each side's tags are read at (an ISO time; null: today's tags). By default each
 * snapshot's own (tagCutoff); a report reads its own side with the tags it shows, and the earlier
 * side with the tags of the report it is compared with.
 */
export interface TagMoments {
  from: string | null;
  to: string | null;
}

/** SQLite's round(x) to a whole number: half away from zero, by adding a half and cutting (func.c). */
const roundLikeSql = (x: number): number => (x < 0 ? 0 - Math.trunc(-x + 0.5) : Math.trunc(x + 0.5));

/**
 * The comparison from both sides' holdings (compare-sides.ts): each holding of either side is a
 * row, matched by account and security; figures as the SQL computed them before (the property test
 * holds them equal: test/unit/exposure/compare-groups.test.ts).
 */
function compareIn(db: Db, portfolio: Portfolio, from: Snapshot, to: Snapshot, limit: number, tagsAt: TagMoments): SnapshotComparison {
  tagsAsOf(db, 'temp.tags_from', tagsAt.from);
  tagsAsOf(db, 'temp.tags_to', tagsAt.to);
  const roots = new Map<string, number>();
  const weightsFrom = tagWeights(db, 'temp.tags_from', roots);
  const weightsTo = tagWeights(db, 'temp.tags_to', roots);
  const { names, a, b, slotsOfA } = readSides(db, portfolio.baseCurrency, from.id, to.id);

  // The rows: every holding of `a`, then those of `b` that `a` has not. rowOfA/rowOfB: a slot's row.
  const nA = a.count;
  const rowOfA = new Int32Array(nA);
  for (let s = 0; s < nA; s++) rowOfA[s] = s;
  const rowOfB = new Int32Array(b.count);
  const slotA: number[] = [...rowOfA];
  const slotB: number[] = new Array<number>(nA).fill(-1);
  for (let s = 0; s < b.count; s++) {
    const found = slotsOfA[b.keyId[s] as number]?.get(b.accountId[s] as number);
    if (found === undefined) {
      rowOfB[s] = slotA.length;
      slotA.push(-1);
      slotB.push(s);
    } else {
      rowOfB[s] = found;
      slotB[found] = s;
    }
  }
  const rows = slotA.length;
  const va = new Float64Array(rows);
  const vb = new Float64Array(rows);
  const qe = new Float64Array(rows);
  const te = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const sa = slotA[i] as number;
    const sb = slotB[i] as number;
    va[i] = sa >= 0 ? (a.v[sa] as number) : 0;
    vb[i] = sb >= 0 ? (b.v[sb] as number) : 0;
    const qa = sa >= 0 ? quantityOf(a, sa) : null;
    const qb = sb >= 0 ? quantityOf(b, sb) : null;
    // The quantity effect: the change in quantity at the old price (all of a new or gone holding's
    // value). 0 - x, not -x: a gone holding worth nothing lost 0, not -0 (which prints "-$0.00").
    qe[i] = sa < 0 ? (vb[i] as number) : sb < 0 ? 0 - (va[i] as number) : qa === null || qb === null || qa === 0 ? 0 : roundLikeSql((qb - qa) * ((va[i] as number) / qa));
  }
  // Contributions per row and theme: the old positions under the old weights, the new under the
  // new, and the new under the old (which separates value moves from weight moves).
  const width = Math.max(1, roots.size);
  const ca = new CellSums(rows * width);
  const cb = new CellSums(rows * width);
  const cba = new CellSums(rows * width);
  addContributions(a, weightsFrom, rowOfA, width, ca, names.keyText);
  addContributions(b, weightsTo, rowOfB, width, cb, names.keyText);
  addContributions(b, weightsFrom, rowOfB, width, cba, names.keyText);
  // The tag effect: the new positions under the new weights, less under the old.
  for (const cell of cb.cells) te[cellRow(cell, width)] = (te[cellRow(cell, width)] as number) + cb.get(cell);
  for (const cell of cba.cells) te[cellRow(cell, width)] = (te[cellRow(cell, width)] as number) - cba.get(cell);

  const statusOf = (i: number): ChangeStatus => ((slotA[i] as number) < 0 ? 'new' : (slotB[i] as number) < 0 ? 'gone' : (vb[i] as number) > (va[i] as number) ? 'grown' : (vb[i] as number) < (va[i] as number) ? 'shrunk' : 'unchanged');
  const counts: Record<ChangeStatus, number> = { new: 0, gone: 0, grown: 0, shrunk: 0, unchanged: 0 };
  for (let i = 0; i < rows; i++) counts[statusOf(i)]++;

  // A row's account and security, as text (from whichever side holds it).
  const accountOf = (i: number) => names.accountText[(slotA[i] as number) >= 0 ? (a.accountId[slotA[i] as number] as number) : (b.accountId[slotB[i] as number] as number)] as string;
  const keyOf = (i: number) => names.keyText[(slotA[i] as number) >= 0 ? (a.keyId[slotA[i] as number] as number) : (b.keyId[slotB[i] as number] as number)] as string;
  // How far each row changed (-1: not at all, so not listed): value or tagged value, or new or gone.
  const sizes = new Float64Array(rows);
  let changedCount = 0;
  for (let i = 0; i < rows; i++) {
    // A quantity that moved while the value held (a split) is a change too: its quantity and price
    // effects explain the themes' rows, and it was left out as unchanged.
    const changed = va[i] !== vb[i] || te[i] !== 0 || qe[i] !== 0 || (slotA[i] as number) < 0 || (slotB[i] as number) < 0;
    sizes[i] = changed ? Math.max(Math.abs((vb[i] as number) - (va[i] as number)), Math.abs(te[i] as number), Math.abs(qe[i] as number)) : -1;
    if (changed) changedCount++;
  }
  const shown = rowsShown(sizes, limit, (x, y) => compareBinary(accountOf(x), accountOf(y)) || compareBinary(keyOf(x), keyOf(y)));
  // Symbols and descriptions only for the rows shown.
  const namesA = namesOf(db, a, new Set(shown.map((i) => slotA[i] as number).filter((s) => s >= 0)));
  const namesB = namesOf(db, b, new Set(shown.map((i) => slotB[i] as number).filter((s) => s >= 0)));
  const positions: PositionChange[] = shown.map((i) => {
    const sa = slotA[i] as number;
    const sb = slotB[i] as number;
    const na = sa >= 0 ? namesA.get(sa) : undefined;
    const nb = sb >= 0 ? namesB.get(sb) : undefined;
    const pe = (vb[i] as number) - (va[i] as number) - (qe[i] as number);
    const effects: [ChangeReason, number][] = [
      ['quantity', qe[i] as number],
      ['price', pe],
      ['tag', te[i] as number],
    ];
    return {
      account: accountOf(i),
      symbolKey: keyOf(i),
      symbol: nb?.symbol ?? na?.symbol ?? keyOf(i),
      description: nb?.description ?? na?.description ?? '',
      status: statusOf(i),
      fromQuantity: sa >= 0 ? quantityOf(a, sa) : null,
      toQuantity: sb >= 0 ? quantityOf(b, sb) : null,
      fromValue: money(va[i] as number),
      toValue: money(vb[i] as number),
      quantityEffect: money(qe[i] as number),
      priceEffect: money(pe),
      tagEffect: money(te[i] as number),
      reasons: effects
        .filter(([, v]) => Math.abs(v) >= EPS)
        .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]))
        .map(([k]) => k),
    };
  });

  // Per theme: value effect (old weights) split into quantity and price in each holding's
  // proportion; tag effect = new value under new weights minus new value under old weights.
  const n = roots.size;
  const sumA = new Array<number>(n).fill(0);
  const sumB = new Array<number>(n).fill(0);
  const sumTe = new Array<number>(n).fill(0);
  const add = (sums: number[], r: number, c: number) => (sums[r] = (sums[r] as number) + c);
  const sumQe = new Array<number>(n).fill(0);
  const errQe = new Array<number>(n).fill(0);
  // A holding whose value did not move (a split: twice the shares at half the price) has a
  // quantity effect and its opposite in price, and no change to share them by: each theme takes
  // its part of the old value's. Untagged, the rest, took all of it.
  const quantityShare = (cell: number, x: number, z: number) => {
    const row = cellRow(cell, width);
    const r = cellRoot(cell, width);
    if (vb[row] !== va[row]) addExactly(sumQe, errQe, r, ((z - x) * 1.0 * (qe[row] as number)) / ((vb[row] as number) - (va[row] as number)));
    else if (va[row] !== 0) addExactly(sumQe, errQe, r, (x * 1.0 * (qe[row] as number)) / (va[row] as number));
  };
  for (const cell of ca.cells) {
    const c = ca.get(cell);
    add(sumA, cellRoot(cell, width), c);
    quantityShare(cell, c, cba.get(cell));
  }
  for (const cell of cba.cells) if (!ca.has(cell)) quantityShare(cell, 0, cba.get(cell));
  for (const cell of cb.cells) {
    const r = cellRoot(cell, width);
    add(sumB, r, cb.get(cell));
    add(sumTe, r, cb.get(cell));
  }
  for (const cell of cba.cells) add(sumTe, cellRoot(cell, width), -cba.get(cell));
  let totalA = 0;
  for (let s = 0; s < a.count; s++) totalA += a.v[s] as number;
  let totalB = 0;
  for (let s = 0; s < b.count; s++) totalB += b.v[s] as number;
  // What the themes hold in all, in cents, for untagged (below).
  let themedA = 0;
  let themedB = 0;
  let themedTe = 0;
  let themedQe = 0;
  const themes = topThemes(db).map((t) => {
    const r = roots.get(t.id);
    const [x, y, tagged, moved] = r === undefined ? [0, 0, 0, 0] : [sumA[r] as number, sumB[r] as number, sumTe[r] as number, (sumQe[r] as number) + (errQe[r] as number)];
    const q = Math.round(moved);
    themedA += x;
    themedB += y;
    themedTe += tagged;
    themedQe += q;
    return {
      ...t,
      fromValue: money(x),
      toValue: money(y),
      fromShare: totalA === 0 ? 0 : x / totalA,
      toShare: totalB === 0 ? 0 : y / totalB,
      quantityEffect: money(q),
      priceEffect: money(y - x - tagged - q),
      tagEffect: money(tagged),
    };
  });
  // Untagged (cash included): what no theme holds, so the rows add up to the totals. Its quantity
  // effect is every holding's less the themes'; its tag effect the themes' with the sign turned
  // (weights move value between the themes and untagged, never in or out of the total).
  let allQe = 0;
  for (let i = 0; i < rows; i++) allQe += qe[i] as number;
  // A difference of sums of fractions of a cent: its rounding residue is no amount (it printed "-$0.00").
  const clean = (cents: number) => (Math.abs(cents) < 1e-6 ? 0 : cents);
  const untaggedA = clean(totalA - themedA);
  const untaggedB = clean(totalB - themedB);
  const untaggedTe = clean(0 - themedTe);
  const untaggedQe = Math.round(allQe - themedQe);
  const untagged: UntaggedChange = {
    fromValue: money(untaggedA),
    toValue: money(untaggedB),
    fromShare: totalA === 0 ? 0 : untaggedA / totalA,
    toShare: totalB === 0 ? 0 : untaggedB / totalB,
    quantityEffect: money(untaggedQe),
    priceEffect: money(clean(untaggedB - untaggedA - untaggedTe - untaggedQe)),
    tagEffect: money(untaggedTe),
  };
  return {
    portfolioId: portfolio.id,
    baseCurrency: portfolio.baseCurrency,
    from: { snapshotId: from.id, asOf: from.asOf, totalValue: money(totalA) },
    to: { snapshotId: to.id, asOf: to.asOf, totalValue: money(totalB) },
    themes,
    untagged,
    counts,
    positions,
    changedCount,
    missingCurrencies: [...new Set([...a.missing, ...b.missing])],
  };
}

/**
 * The `limit` rows to show, in order: largest of `sizes` first (-1: not shown), ties by `tie`. The
 * sizes are sorted as numbers to find the cut, and only the rows at or above it by `tie`.
 */
function rowsShown(sizes: Float64Array, limit: number, tie: (x: number, y: number) => number): number[] {
  if (limit <= 0) return [];
  const rows = sizes.length;
  const sorted = sizes.slice().sort();
  const cut = Math.max(0, sorted[Math.max(0, rows - limit)] ?? 0);
  const candidates: number[] = [];
  for (let i = 0; i < rows; i++) if ((sizes[i] as number) >= cut && (sizes[i] as number) >= 0) candidates.push(i);
  return candidates.sort((x, y) => (sizes[y] as number) - (sizes[x] as number) || tie(x, y)).slice(0, limit);
}
