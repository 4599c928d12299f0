import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type { ChangeReason, ChangeStatus, PositionChange, SnapshotComparison } from '../../shared/exposure/analytics';
import type { Db } from '../../db/connection';
import { snapshotScope, topThemes } from '../../db/exposure/breakdowns';
import { ownWrites } from '../../db/exposure/cache';
import type { TagMoments } from '../../db/exposure/compare';
import { tagsAsOf, type TagTable } from '../../db/exposure/tag-tables';
import { sql, table } from '../../db/sql';

/**
 * The comparison of two snapshots computed by SQL over every position (temp tables joined), as the
 * app computed it before it read the position groups (db/exposure/compare.ts): the reference the
 * app's comparison must equal (test/unit/exposure/compare-groups.test.ts).
 */
export function scanCompare(db: Db, portfolio: Portfolio, from: Snapshot, to: Snapshot, limit: number, tagsAt: TagMoments): SnapshotComparison {
  return ownWrites(db, () => compareIn(db, portfolio, from, to, limit, tagsAt));
}

const money = (cents: number): number => cents / 100;
/** A change smaller than half a cent explains nothing. */
const EPS = 0.5;

/**
 * Materializes one side of a comparison into temp tables: `name` holds one row per (account,
 * symbol) with quantity and base value; `name_c` the contributions per (account, symbol, theme).
 */
function side(db: Db, name: 'cmp_a' | 'cmp_b' | 'cmp_ba', portfolio: Portfolio, snapshotId: number, tags: TagTable, withPositions: boolean): string[] {
  const scope = snapshotScope(db, portfolio.baseCurrency, snapshotId, tags);
  if (withPositions) {
    db.exec(sql`DROP TABLE IF EXISTS ${table(`temp.${name}`)}`.text);
    db.prepare(
      sql`CREATE TABLE ${table(`temp.${name}`)} AS ${scope.with}
       SELECT account, symbol_key, max(symbol) AS symbol, max(description) AS description,
              sum(CAST(quantity AS REAL)) AS q, count(quantity) AS qn, coalesce(sum(v), 0) AS v
       FROM pos WHERE v IS NOT NULL GROUP BY account, symbol_key`.text,
    ).run(scope.params);
    db.exec(sql`CREATE UNIQUE INDEX ${table(`temp.${name}_key`)} ON ${table(name)}(account, symbol_key)`.text);
  }
  db.exec(sql`DROP TABLE IF EXISTS ${table(`temp.${name}_c`)}`.text);
  db.prepare(sql`CREATE TABLE ${table(`temp.${name}_c`)} AS ${scope.with} SELECT account, symbol_key, root, sum(c) AS c FROM contrib GROUP BY account, symbol_key, root`.text).run(scope.params);
  db.exec(sql`CREATE UNIQUE INDEX ${table(`temp.${name}_c_key`)} ON ${table(`${name}_c`)}(account, symbol_key, root)`.text);
  return scope.missing;
}

function compareIn(db: Db, portfolio: Portfolio, from: Snapshot, to: Snapshot, limit: number, tagsAt: TagMoments): SnapshotComparison {
  return db.transaction(() => {
    tagsAsOf(db, 'temp.tags_from', tagsAt.from);
    tagsAsOf(db, 'temp.tags_to', tagsAt.to);
    const missingFrom = side(db, 'cmp_a', portfolio, from.id, 'temp.tags_from', true);
    const missingTo = side(db, 'cmp_b', portfolio, to.id, 'temp.tags_to', true);
    // The new positions under the old weights: separates value moves from weight moves.
    side(db, 'cmp_ba', portfolio, to.id, 'temp.tags_from', false);

    db.exec(`DROP TABLE IF EXISTS temp.cmp;
      CREATE TEMP TABLE cmp AS
      WITH keys AS (SELECT account, symbol_key FROM cmp_a UNION SELECT account, symbol_key FROM cmp_b),
      tag AS (SELECT account, symbol_key, sum(c) AS te FROM (
                SELECT account, symbol_key, c FROM cmp_b_c UNION ALL SELECT account, symbol_key, -c FROM cmp_ba_c)
              GROUP BY account, symbol_key)
      SELECT k.account, k.symbol_key, coalesce(b.symbol, a.symbol, k.symbol_key) AS symbol, coalesce(b.description, a.description, '') AS description,
             a.symbol_key IS NOT NULL AS in_a, b.symbol_key IS NOT NULL AS in_b,
             CASE WHEN a.qn > 0 THEN a.q END AS qa, CASE WHEN b.qn > 0 THEN b.q END AS qb,
             coalesce(a.v, 0) AS va, coalesce(b.v, 0) AS vb,
             CASE WHEN a.symbol_key IS NULL THEN coalesce(b.v, 0)
                  WHEN b.symbol_key IS NULL THEN -a.v
                  WHEN a.qn = 0 OR b.qn = 0 OR a.q = 0 THEN 0
                  ELSE round((b.q - a.q) * (a.v * 1.0 / a.q)) END AS qe,
             coalesce(t.te, 0) AS te
      FROM keys k LEFT JOIN cmp_a a USING (account, symbol_key) LEFT JOIN cmp_b b USING (account, symbol_key)
      LEFT JOIN tag t USING (account, symbol_key);`);

    const status = sql`CASE WHEN NOT in_a THEN 'new' WHEN NOT in_b THEN 'gone' WHEN vb > va THEN 'grown' WHEN vb < va THEN 'shrunk' ELSE 'unchanged' END`;
    const counts: Record<ChangeStatus, number> = { new: 0, gone: 0, grown: 0, shrunk: 0, unchanged: 0 };
    for (const r of db.prepare(sql`SELECT ${status} AS s, count(*) AS n FROM cmp GROUP BY s`.text).all() as { s: ChangeStatus; n: number }[]) counts[r.s] = r.n;

    const rows = db
      .prepare(sql`SELECT *, ${status} AS status FROM cmp WHERE vb <> va OR te <> 0 OR qe <> 0 OR NOT in_a OR NOT in_b ORDER BY max(abs(vb - va), abs(te), abs(qe)) DESC, account, symbol_key LIMIT ?`.text)
      .all(limit) as { account: string; symbol_key: string; symbol: string; description: string; qa: number | null; qb: number | null; va: number; vb: number; qe: number; te: number; status: ChangeStatus }[];
    const positions: PositionChange[] = rows.map((r) => {
      const pe = r.vb - r.va - r.qe;
      const effects: [ChangeReason, number][] = [
        ['quantity', r.qe],
        ['price', pe],
        ['tag', r.te],
      ];
      return {
        account: r.account,
        symbolKey: r.symbol_key,
        symbol: r.symbol,
        description: r.description,
        status: r.status,
        fromQuantity: r.qa,
        toQuantity: r.qb,
        fromValue: money(r.va),
        toValue: money(r.vb),
        quantityEffect: money(r.qe),
        priceEffect: money(pe),
        tagEffect: money(r.te),
        reasons: effects
          .filter(([, v]) => Math.abs(v) >= EPS)
          .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]))
          .map(([k]) => k),
      };
    });

    // Per theme: value effect (old weights) split into quantity and price in each position's
    // proportion; tag effect = new value under new weights minus new value under old weights.
    const themeRows = db
      .prepare(
        `WITH r AS (SELECT account, symbol_key, root, sum(ca) AS ca, sum(cb) AS cb, sum(cba) AS cba FROM (
                SELECT account, symbol_key, root, c AS ca, 0 AS cb, 0 AS cba FROM cmp_a_c
                UNION ALL SELECT account, symbol_key, root, 0, c, 0 FROM cmp_b_c
                UNION ALL SELECT account, symbol_key, root, 0, 0, c FROM cmp_ba_c) GROUP BY account, symbol_key, root)
         SELECT r.root, sum(r.ca) AS va, sum(r.cb) AS vb, sum(r.cb - r.cba) AS te,
                sum(CASE WHEN m.vb <> m.va THEN (r.cba - r.ca) * 1.0 * m.qe / (m.vb - m.va) WHEN m.va = 0 THEN 0 ELSE r.ca * 1.0 * m.qe / m.va END) AS qe
         FROM r JOIN cmp m USING (account, symbol_key) GROUP BY r.root`,
      )
      .all() as { root: string; va: number; vb: number; te: number; qe: number }[];
    const total = (t: string) => (db.prepare(sql`SELECT coalesce(sum(v), 0) FROM ${table(t)}`.text).pluck().get() as number);
    const totalA = total('cmp_a');
    const totalB = total('cmp_b');
    const themes = topThemes(db).map((t) => {
      const r = themeRows.find((x) => x.root === t.id) ?? { va: 0, vb: 0, te: 0, qe: 0 };
      const qe = Math.round(r.qe);
      return {
        ...t,
        fromValue: money(r.va),
        toValue: money(r.vb),
        fromShare: totalA === 0 ? 0 : r.va / totalA,
        toShare: totalB === 0 ? 0 : r.vb / totalB,
        quantityEffect: money(qe),
        priceEffect: money(r.vb - r.va - r.te - qe),
        tagEffect: money(r.te),
      };
    });
    // Untagged: the total less what the contributions to the themes listed hold, by SQL over them.
    const listed = JSON.stringify(themes.map((t) => t.id));
    const themed = (t: string) => (db.prepare(sql`SELECT coalesce(sum(c), 0) FROM ${table(t)} WHERE root IN (SELECT value FROM json_each(?))`.text).pluck().get(listed) as number);
    const ua = totalA - themed('cmp_a_c');
    const ub = totalB - themed('cmp_b_c');
    const ute = -(themed('cmp_b_c') - themed('cmp_ba_c'));
    const allQe = db.prepare('SELECT coalesce(sum(qe), 0) FROM cmp').pluck().get() as number;
    const uqe = Math.round(allQe - themes.reduce((sum, t) => sum + Math.round(t.quantityEffect * 100), 0));
    const untagged = {
      fromValue: money(ua),
      toValue: money(ub),
      fromShare: totalA === 0 ? 0 : ua / totalA,
      toShare: totalB === 0 ? 0 : ub / totalB,
      quantityEffect: money(uqe),
      priceEffect: money(ub - ua - ute - uqe),
      tagEffect: money(ute),
    };
    const missing = [...new Set([...missingFrom, ...missingTo])];
    const changedCount = db.prepare('SELECT count(*) FROM cmp WHERE vb <> va OR te <> 0 OR qe <> 0 OR NOT in_a OR NOT in_b').pluck().get() as number;
    db.exec('DROP TABLE IF EXISTS temp.cmp; DROP TABLE IF EXISTS temp.cmp_a; DROP TABLE IF EXISTS temp.cmp_b; DROP TABLE IF EXISTS temp.cmp_a_c; DROP TABLE IF EXISTS temp.cmp_b_c; DROP TABLE IF EXISTS temp.cmp_ba_c;');
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
      missingCurrencies: missing,
    };
  })();
}
