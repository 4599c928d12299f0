import type { Db } from '../../db/connection';
import type { AccountSums } from '../../db/exposure/group-accounts';
import { IN_SNAPSHOT, snapshotBasis } from '../../db/exposure/scan';
import { scanFrom } from './scan-sums';
import { snapshotScope } from '../../db/exposure/breakdowns';
import { weightTable } from '../../db/exposure/weight-tables';
import { listThemes } from '../../db/repos/themes';
import { empty, indexed, integer, join, sql } from '../../db/sql';

/**
 * The accounts breakdown and the largest contributors computed from every position in SQL, as
 * the app computed them before it read them from the position groups: the references
 * test/integration/position-groups.test.ts holds the groups' figures to.
 */

/** Each account's sums by a grouped scan of the positions (the app's query until groups carried accounts). */
export function scanAccountSums(db: Db, baseCurrency: string, snapshotId: number): AccountSums[] {
  const basis = snapshotBasis(db, baseCurrency, snapshotId);
  const layout = weightTable(db, 'tags');
  const contribution = (i: number) => sql`sign(p.value_cents) * ((${basis.abs} * ${indexed('w.w', i)} + 5000) / 10000)`;
  const query = sql`SELECT p.account AS account, coalesce(sum(${basis.signed}), 0) AS total, count(*) AS n
              ${join(layout.themes.map((_, i) => sql`, sum(${contribution(i)}) FILTER (WHERE ${indexed('w.w', i)} > 0) AS ${indexed('c', i)}`), empty)}
       FROM ${scanFrom(layout)} GROUP BY p.account`;
  const rows = db.prepare(query.text).all(basis.params) as ({ account: string; total: number; n: number } & Record<string, number | null>)[];
  return rows.map((r) => ({ account: r.account, total: r.total, n: r.n, themes: layout.themes.map((_, i) => r[`c${i}`] ?? null) }));
}

/**
 * Each top-level theme's `top` largest contributions, by sorting every one of them: |contribution|
 * largest first, then symbol key, account, position id and theme (in the themes' order), as
 * breakdowns.ts orders them. As [symbol key, account, signed cents].
 */
export function scanTopContributors(db: Db, baseCurrency: string, snapshotId: number, top: number): Map<string, [string, string, number][]> {
  const scope = snapshotScope(db, baseCurrency, snapshotId);
  const order = new Map(listThemes(db).map((t, i) => [t.id, i]));
  const rows = db.prepare(sql`${scope.with} SELECT root, symbol_key AS k, account, id, theme_id AS theme, c FROM contrib`.text).all(scope.params) as {
    root: string;
    k: string;
    account: string;
    id: number;
    theme: string;
    c: number;
  }[];
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((x, y) => Math.abs(y.c) - Math.abs(x.c) || cmp(x.k, y.k) || cmp(x.account, y.account) || x.id - y.id || (order.get(x.theme) ?? 0) - (order.get(y.theme) ?? 0));
  const out = new Map<string, [string, string, number][]>();
  for (const r of rows) {
    const list = out.get(r.root) ?? [];
    if (list.length < top) list.push([r.k, r.account, r.c]);
    out.set(r.root, list);
  }
  return out;
}

/** The |base value|s of the `limit` largest valued positions, largest first. */
export function scanLargestValues(db: Db, baseCurrency: string, snapshotId: number, limit: number): number[] {
  const basis = snapshotBasis(db, baseCurrency, snapshotId);
  return db.prepare(sql`SELECT ${basis.abs} AS a FROM positions p WHERE ${IN_SNAPSHOT} AND a IS NOT NULL ORDER BY a DESC LIMIT ${integer(limit)}`.text).pluck().all(basis.params) as number[];
}
