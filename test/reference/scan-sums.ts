import type { Db } from '../../db/connection';
import { IN_SNAPSHOT, type SnapshotBasis } from '../../db/exposure/scan';
import { params as bindParams, sql, table, type Sql } from '../../db/sql';
import type { WeightLayout } from '../../db/exposure/weight-tables';

/**
 * A snapshot's total, cash and every theme's long, short and count by SQL over every position,
 * as the app summed them before position groups (db/exposure/position-groups.ts): the reference
 * the groups' figures are held to (test/reference/scan-summary.ts). Each position joins its
 * symbol's row of the weight table; each contribution is |base value| x weight / 10000 rounded
 * half away from zero, signed like the position.
 */

export interface ThemeSums {
  /** Long contributions (cents). */
  long: number;
  /** Short contributions (cents, <= 0). */
  short: number;
  net: number;
  /** Positions with a rate tagged with the theme. */
  count: number;
}

/** Positions with a rate (the ones every theme count counts). */
function rated(basis: SnapshotBasis): string {
  return basis.missing.length === 0 ? '' : ` AND p.currency NOT IN (${basis.missing.map((_, i) => `@m${i}`).join(', ')})`;
}

export function snapshotSums(
  db: Db,
  basis: SnapshotBasis,
  layout: WeightLayout,
  options: { extra?: readonly string[]; extraParams?: Record<string, string | number | bigint> } = {},
): { totalCents: number; cashCents: number; themes: Map<string, ThemeSums>; roots: Map<string, { net: number; count: number }>; taggedCents: number; row: Record<string, number | null> } {
  const contribution = (i: number) => `(${basis.abs} * w.w${i} + 5000) / 10000`;
  const cols = [
    `coalesce(sum(${basis.signed}), 0) AS total`,
    `coalesce(sum(${basis.signed}) FILTER (WHERE p.is_cash = 1), 0) AS cash`,
    ...layout.themes.flatMap((_, i) => [
      `sum(${contribution(i)}) FILTER (WHERE w.w${i} > 0 AND p.value_cents > 0) AS l${i}`,
      `sum(${contribution(i)}) FILTER (WHERE w.w${i} > 0 AND p.value_cents < 0) AS s${i}`,
      `count(*) FILTER (WHERE w.w${i} > 0${rated(basis)}) AS n${i}`,
    ]),
    ...layout.roots.map((_, j) => `count(*) FILTER (WHERE w.r${j} = 1${rated(basis)}) AS rn${j}`),
    ...(options.extra ?? []),
  ];
  // A name given twice is refused (db/sql.ts params): the missing currencies' @m0... once collided.
  const params: Record<string, string | number | bigint> = bindParams(basis.params, options.extraParams ?? {});
  basis.missing.forEach((c, i) => (params[`m${i}`] = c));
  const row = db.prepare(`SELECT ${cols.join(', ')} FROM ${scanFrom(layout)}`).get(params) as Record<string, number | null>;
  const themes = new Map<string, ThemeSums>();
  const roots = new Map<string, { net: number; count: number }>(layout.roots.map((r, j) => [r.id, { net: 0, count: row[`rn${j}`] ?? 0 }]));
  let tagged = 0;
  layout.themes.forEach((t, i) => {
    const long = row[`l${i}`] ?? 0;
    const short = 0 - (row[`s${i}`] ?? 0); // not -0
    const net = long + short;
    themes.set(t.id, { long, short, net, count: row[`n${i}`] ?? 0 });
    tagged += net;
    const root = layout.roots[layout.rootOf[i] ?? -1];
    if (root) (roots.get(root.id) as { net: number }).net += net;
  });
  return { totalCents: row['total'] ?? 0, cashCents: row['cash'] ?? 0, themes, roots, taggedCents: tagged, row };
}

/** The FROM clause of a scan: the snapshot's positions, each with its symbol's weight row (or NULLs). */
export function scanFrom(layout: WeightLayout): Sql {
  return sql`positions p LEFT JOIN ${table(layout.table)} w ON w.k = p.symbol_key WHERE ${IN_SNAPSHOT}`;
}
