import type { Db } from '../../db/connection';
import { IN_SNAPSHOT, snapshotBasis } from '../../db/exposure/scan';
import { snapshotSums } from './scan-sums';
import type { SnapshotSummary } from '../../db/exposure/summary';
import { weightTable } from '../../db/exposure/weight-tables';
import type { TagTable } from '../../db/exposure/tag-tables';

/**
 * The snapshot summary computed afresh from every position by the SQL scan (db/exposure/scan.ts),
 * as the app computed it before position groups: the reference the groups' figures must equal
 * (test/integration/position-groups.test.ts).
 */
export function scanSummary(db: Db, baseCurrency: string, snapshotId: number, tagTable: TagTable = 'tags'): SnapshotSummary {
  const basis = snapshotBasis(db, baseCurrency, snapshotId);
  const layout = weightTable(db, tagTable);
  // The snapshot's currencies are known (snapshots.currencies), so each is a filtered sum (a
  // lone currency is the whole); the counts are checked against the whole.
  const extraParams: Record<string, string> = {};
  const several = basis.currencies.length > 1;
  const extra = several
    ? basis.currencies.flatMap((c, i) => {
        extraParams[`cur${i}`] = c;
        const is = `p.currency = @cur${i}`;
        return [`count(*) FILTER (WHERE ${is}) AS cn${i}`, `sum(p.value_cents) FILTER (WHERE ${is}) AS cl${i}`, `sum(${basis.signed}) FILTER (WHERE ${is}) AS cb${i}`];
      })
    : basis.plain
      ? [] // one currency: its count is all_n, its base value the total, and so is its local sum at 1
      : ['sum(p.value_cents) AS cl0'];
  extra.push('count(*) AS all_n');
  // Overlap cells (a <= b by id, as the matrix is keyed): a theme with itself is its positions'
  // value; a pair of themes only where some symbol is tagged with both (asked of the weight
  // table, a few thousand rows, not of the positions).
  const pairs: { a: string; b: string; ja: number; jb: number }[] = [];
  const both = (ja: number, jb: number) => `w.r${ja} = 1 AND w.r${jb} = 1`;
  const candidatesPairs: { a: string; b: string; ja: number; jb: number }[] = [];
  layout.roots.forEach((ra, ja) =>
    layout.roots.forEach((rb, jb) => {
      if (ra.id < rb.id) candidatesPairs.push({ a: ra.id, b: rb.id, ja, jb });
    }),
  );
  if (candidatesPairs.length > 0) {
    const present = db
      .prepare(`SELECT ${candidatesPairs.map((p, i) => `max(${both(p.ja, p.jb)}) AS p${i}`).join(', ')} FROM ${layout.table} w`)
      .get() as Record<string, number | null>;
    candidatesPairs.forEach((p, i) => present[`p${i}`] === 1 && pairs.push(p));
  }
  layout.roots.forEach((_, j) => extra.push(`sum(${basis.signed}) FILTER (WHERE w.r${j} = 1) AS dv${j}`));
  pairs.forEach((p, i) => extra.push(`sum(${basis.signed}) FILTER (WHERE ${both(p.ja, p.jb)}) AS ov${i}`, `count(${basis.signed}) FILTER (WHERE ${both(p.ja, p.jb)}) AS on${i}`));
  const sums = snapshotSums(db, basis, layout, { extra, extraParams });
  const all = sums.row['all_n'] ?? 0;
  let currencies = several
    ? basis.currencies.map((c, i) => ({ currency: c, n: sums.row[`cn${i}`] ?? 0, local: sums.row[`cl${i}`] ?? 0, base: sums.row[`cb${i}`] ?? null }))
    : basis.currencies.map((c) => ({
        currency: c,
        n: all,
        local: basis.plain ? sums.totalCents : (sums.row['cl0'] ?? 0),
        base: basis.missing.includes(c) || all === 0 ? null : sums.totalCents,
      }));
  if (currencies.reduce((n, r) => n + r.n, 0) !== all) {
    // A currency missing from the snapshot's list (an import never writes one so): group instead.
    currencies = db
      .prepare(`SELECT p.currency AS currency, count(*) AS n, sum(p.value_cents) AS local, sum(${basis.signed}) AS base FROM positions p WHERE ${IN_SNAPSHOT} GROUP BY p.currency`)
      .all(basis.params) as { currency: string; n: number; local: number; base: number | null }[];
  }
  const overlap = [
    ...layout.roots.map((r, j) => ({ a: r.id, b: r.id, value: sums.row[`dv${j}`] ?? 0, n: sums.roots.get(r.id)?.count ?? 0 })),
    ...pairs.map((p, i) => ({ a: p.a, b: p.b, value: sums.row[`ov${i}`] ?? 0, n: sums.row[`on${i}`] ?? 0 })),
  ];
  return {
    factors: basis.factors,
    missing: basis.missing,
    broker: basis.broker,
    totalCents: sums.totalCents,
    cashCents: sums.cashCents,
    taggedCents: sums.taggedCents,
    themes: sums.themes,
    roots: sums.roots,
    currencies: currencies.filter((r) => r.n > 0),
    overlap: overlap.filter((c) => c.n > 0),
  };
}
