import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type {
  AccountBreakdown,
  BreakdownHead,
  CurrencyBreakdown,
  CurrencyBreakdownRow,
  ThemeBreakdown,
  ThemeContributor,
  ThemeOverlap,
} from '../../shared/exposure/analytics';
import type { Db } from '../connection';
import { listThemes } from '../repos/themes';
import { layoutOf } from './group-summary';
import type { CurrencyFactor } from './rates';
import { cached } from './cache';
import { brokerRateGaps, type BrokerRateGap } from './broker-values';
import { brokerValuedText } from '../../shared/fx/broker-valued';
import { accountSums } from './group-accounts';
import { largestPositions } from './group-largest';
import { snapshotSummary } from './summary';
import { absBaseSql, IN_SNAPSHOT, snapshotBasis, type SnapshotBasis } from './scan';
import { tagRowTable, weightTable, type WeightLayout } from './weight-tables';
import { checkTagTable, type TagTable } from './tag-tables';
import { empty, integer, join, params, placeholders, sql, table, type Sql } from '../sql';

const money = (cents: number): number => cents / 100;

/** The SQL pieces every breakdown of one snapshot starts from. */
export interface SnapshotScope {
  params: Record<string, string | number | bigint>;
  factors: CurrencyFactor[];
  missing: string[];
  /** CTEs `pos` (positions with base value `v`, null without a rate) and `contrib` (one row per position x tag). */
  with: Sql;
}

/**
 * `pos`: the snapshot's positions with `v`, the base value in cents; `contrib`: each position's
 * contribution `c` to each theme it is tagged with, and `root`, the top-level theme it rolls into.
 * The contribution is rounded half away from zero exactly as in compute.ts, so figures agree.
 */
export function snapshotScope(db: Db, baseCurrency: string, snapshotId: number, tagTable: TagTable = 'tags'): SnapshotScope {
  const basis = snapshotBasis(db, baseCurrency, snapshotId);
  const base = absBaseSql(basis.factors, basis.broker !== null);
  const tags = checkTagTable(tagTable);
  return {
    params: basis.params,
    factors: basis.factors,
    missing: basis.missing,
    with: sql`WITH pos AS (
        SELECT p.id, p.account, p.symbol, p.symbol_key, p.description, p.quantity, p.currency, p.is_cash, p.value_cents AS x,
               sign(p.value_cents) * ${base.sql} AS v
        FROM positions p WHERE ${IN_SNAPSHOT}),
      contrib AS (
        SELECT pos.*, t.theme_id, t.weight_bp, t.source, coalesce(th.parent_id, th.id) AS root,
               sign(pos.x) * ((abs(pos.v) * t.weight_bp + 5000) / 10000) AS c
        FROM pos JOIN ${table(tags)} t ON t.symbol_key = pos.symbol_key JOIN themes th ON th.id = t.theme_id
        WHERE t.weight_bp > 0 AND pos.v IS NOT NULL)`,
  };
}

/** Top-level themes in the user's order, with their colors. */
export function topThemes(db: Db): { id: string; name: string; color: string }[] {
  return listThemes(db)
    .filter((t) => !t.parentId)
    .map((t) => ({ id: t.id, name: t.name, color: t.color }));
}

function head(portfolio: Portfolio, snapshot: Snapshot, missing: string[], totalCents: number, taggedCents: number): BreakdownHead & { totalCents: number } {
  return {
    portfolioId: portfolio.id,
    snapshotId: snapshot.id,
    asOf: snapshot.asOf,
    baseCurrency: portfolio.baseCurrency,
    totalValue: money(totalCents),
    untaggedValue: money(totalCents - taggedCents),
    missingCurrencies: missing,
    totalCents,
  };
}

const withoutCents = <T extends { totalCents: number }>(h: T): Omit<T, 'totalCents'> => {
  const { totalCents: _, ...rest } = h;
  return rest;
};

/**
 * The `top` largest contributions (|value| x weight, one row per position and theme tag) of every
 * top-level theme, largest first, ties by symbol, account (then position and theme, so the order
 * is total).
 *
 * Without sorting every contribution: a contribution is never larger than its position's |value|
 * (weights are at most 100%), so the positions with the largest |value| are the only candidates
 * worth a look. A bounded heap over the position groups picks them (group-largest.ts); their
 * contributions are ordered; a theme's first `top` candidate rows are its answer when the last of
 * them is larger than the smallest candidate |value| (every other position's contribution is at
 * most that), or when the candidates hold all the theme's rows. Any other theme gets an exact
 * bounded sort of its own rows.
 */
function topContributors(db: Db, basis: SnapshotBasis, layout: WeightLayout, counts: ReadonlyMap<string, { count: number }>, top: number): Map<string, ThemeContributor[]> {
  const tagRows = tagRowTable(db, layout);
  const magnitude = sql`((${basis.abs} * t.w + 5000) / 10000)`;
  const order = sql`ORDER BY m DESC, p.symbol_key, p.account, p.id, t.ti`;
  type Row = { id: number; ti: number; m: number };
  const limit = Math.max(256, 8 * top * layout.roots.length);
  // The largest |value|s, from the position groups.
  const candidates = largestPositions(db, basis, limit);
  // Every position with a rate is a candidate when there are fewer than `limit`.
  const threshold = candidates.length < limit ? -1 : (candidates[candidates.length - 1]?.a ?? -1);
  const candidateRows: Row[] = [];
  for (let i = 0; i < candidates.length; i += 500) {
    const ids = candidates.slice(i, i + 500).map((c) => c.id);
    candidateRows.push(
      ...(db
        .prepare(sql`SELECT p.id AS id, t.ti AS ti, ${magnitude} AS m FROM positions p JOIN ${tagRows} t ON t.k = p.symbol_key WHERE p.id IN (${placeholders(ids.length)})`.text)
        .all(...ids, basis.params) as Row[]),
    );
  }
  const inOrder = (rows: Row[]): Row[] => {
    if (rows.length === 0) return rows;
    // The final order is SQL's (BINARY collation), read back for these few rows.
    const pairs = JSON.stringify(rows.map((r) => [r.id, r.ti]));
    return db
      .prepare(
        sql`SELECT p.id AS id, t.ti AS ti, ${magnitude} AS m FROM json_each(@pairs) j
         JOIN positions p ON p.id = j.value ->> 0 JOIN ${tagRows} t ON t.k = p.symbol_key AND t.ti = j.value ->> 1 ${order}`.text,
      )
      .all(params(basis.params, { pairs })) as Row[];
  };
  const own = (j: number) => layout.themes.map((_, i) => i).filter((i) => layout.rootOf[i] === j);
  const byRoot = new Map<number, Row[]>();
  layout.roots.forEach((_, j) => {
    const members = own(j);
    const total = members.reduce((n, i) => n + (counts.get(layout.themes[i]!.id)?.count ?? 0), 0);
    const mine = candidateRows.filter((r) => members.includes(r.ti));
    const sorted = inOrder(mine.length > 0 ? mine : []);
    const last = sorted[Math.min(top, sorted.length) - 1];
    const exact = threshold < 0 || sorted.length >= total || (sorted.length >= top && last !== undefined && last.m > threshold);
    if (exact) {
      byRoot.set(j, sorted.slice(0, top));
      return;
    }
    const rated = basis.missing.length === 0 ? empty : sql` AND ${basis.abs} IS NOT NULL`;
    byRoot.set(
      j,
      db
        .prepare(
          sql`SELECT p.id AS id, t.ti AS ti, ${magnitude} AS m FROM positions p JOIN ${tagRows} t ON t.k = p.symbol_key
           WHERE ${IN_SNAPSHOT}${rated} AND t.ti IN (${join(members.map(integer))}) ${order} LIMIT ${integer(Math.floor(top))}`.text,
        )
        .all(basis.params) as Row[],
    );
  });
  const ids = [...new Set([...byRoot.values()].flatMap((rows) => rows.map((r) => r.id)))];
  const details = new Map<number, { id: number; account: string; symbol: string | null; symbol_key: string; description: string; v: number }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db
      .prepare(sql`SELECT p.id, p.account, p.symbol, p.symbol_key, p.description, ${basis.signed} AS v FROM positions p WHERE p.id IN (${placeholders(chunk.length)})`.text)
      .all(...chunk, basis.params) as { id: number; account: string; symbol: string | null; symbol_key: string; description: string; v: number }[];
    for (const r of rows) details.set(r.id, r);
  }
  const tagOf = db.prepare(sql`SELECT w, source FROM ${tagRows} WHERE k = ? AND ti = ?`.text);
  const out = new Map<string, ThemeContributor[]>();
  layout.roots.forEach((root, j) => {
    out.set(
      root.id,
      (byRoot.get(j) ?? []).map((r) => {
        const d = details.get(r.id)!;
        const t = tagOf.get(d.symbol_key, r.ti) as { w: number; source: string };
        const theme = layout.themes[r.ti]!;
        return {
          positionId: r.id,
          account: d.account,
          symbol: d.symbol ?? d.symbol_key,
          symbolKey: d.symbol_key,
          description: d.description,
          weight: t.w / 10000,
          source: t.source,
          viaThemeId: theme.id === root.id ? null : theme.id,
          viaThemeName: theme.id === root.id ? null : theme.name,
          positionValue: money(d.v),
          // The magnitude as SQL computed it, signed like the position.
          value: money(d.v < 0 && r.m !== 0 ? -r.m : r.m),
        };
      }),
    );
  });
  return out;
}

/** The name a snapshot's Themes figures are kept under (figures-ahead.ts waits for them by it). */
export function themesKey(portfolio: Portfolio, snapshotId: number, top: number): string {
  return `themes:${portfolio.id}:${portfolio.baseCurrency}:${snapshotId}:${top}`;
}

/** The name a snapshot's Accounts figures are kept under. */
export function accountsKey(portfolio: Portfolio, snapshotId: number): string {
  return `accounts:${portfolio.id}:${portfolio.baseCurrency}:${snapshotId}`;
}

/** Exposure per top-level theme with its `top` largest contributors (weight and where it comes from). */
export function themeBreakdown(db: Db, portfolio: Portfolio, snapshot: Snapshot, top = 10): ThemeBreakdown {
  return cached(db, themesKey(portfolio, snapshot.id, top), () => {
    const summary = snapshotSummary(db, portfolio.baseCurrency, snapshot.id);
    const h = head(portfolio, snapshot, summary.missing, summary.totalCents, summary.taggedCents);
    const basis = snapshotBasis(db, portfolio.baseCurrency, snapshot.id);
    const layout = weightTable(db, 'tags');
    const tops = topContributors(db, basis, layout, summary.themes, top);
    const share = (cents: number) => (h.totalCents === 0 ? 0 : cents / h.totalCents);
    return {
      ...withoutCents(h),
      themes: layout.roots.map((t) => {
        const s = summary.roots.get(t.id) ?? { net: 0, count: 0 };
        return { id: t.id, name: t.name, color: t.color, value: money(s.net), share: share(s.net), positionCount: s.count, top: tops.get(t.id) ?? [] };
      }),
    };
  });
}

/** Total, untagged and per-theme value of each account: one grouped pass. */
export function accountBreakdown(db: Db, portfolio: Portfolio, snapshot: Snapshot): AccountBreakdown {
  return cached(db, accountsKey(portfolio, snapshot.id), () => accountsOf(db, portfolio, snapshot));
}

function accountsOf(db: Db, portfolio: Portfolio, snapshot: Snapshot): AccountBreakdown {
  const basis = snapshotBasis(db, portfolio.baseCurrency, snapshot.id);
  const themes = listThemes(db);
  const { roots, rootOf } = layoutOf(themes);
  let totalCents = 0;
  let taggedCents = 0;
  const accounts = accountSums(db, portfolio.baseCurrency, snapshot.id).map((r) => {
    const byRoot = new Map<string, number>();
    let tagged = 0;
    r.themes.forEach((c, i) => {
      const root = roots[rootOf[i] ?? -1];
      if (c === null || !root) return;
      byRoot.set(root.id, (byRoot.get(root.id) ?? 0) + c);
      tagged += c;
    });
    totalCents += r.total;
    taggedCents += tagged;
    return { account: r.account, total: r.total, n: r.n, tagged, themes: byRoot };
  });
  accounts.sort((a, b) => b.total - a.total || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  const h = head(portfolio, snapshot, basis.missing, totalCents, taggedCents);
  return {
    ...withoutCents(h),
    themes: topThemes(db),
    accounts: accounts.map((a) => ({
      account: a.account,
      totalValue: money(a.total),
      untaggedValue: money(a.total - a.tagged),
      positionCount: a.n,
      themes: Object.fromEntries([...a.themes].map(([id, c]) => [id, money(c)])),
    })),
  };
}

/** Value per currency held, in the currency and in base, with the rate used or a missing-rate flag. */
export function currencyBreakdown(db: Db, portfolio: Portfolio, snapshot: Snapshot): CurrencyBreakdown {
  const summary = snapshotSummary(db, portfolio.baseCurrency, snapshot.id);
  const factors = summary.factors;
  const h = head(portfolio, snapshot, summary.missing, summary.totalCents, summary.taggedCents);
  const rows = [...summary.currencies].sort((a, b) => Math.abs(b.base ?? 0) - Math.abs(a.base ?? 0) || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  // Where the broker valued a currency that also has a rate: the exposure's BROKER_RATE_DIFFERS.
  const gaps = brokerRateGaps(db, snapshot, portfolio.baseCurrency, { factors, broker: summary.broker });
  return {
    ...withoutCents(h),
    currencies: rows.map((r) => {
      const f = factors.find((x) => x.currency === r.currency);
      // Valued by the broker (its own column in this base currency): not missing, whatever the rates.
      const broker = summary.broker?.currencies.includes(r.currency) ? summary.broker : null;
      const missing = summary.missing.includes(r.currency) || (!f && !broker);
      return {
        currency: r.currency,
        positionCount: r.n,
        localValue: money(r.local),
        value: missing || r.base === null ? null : money(r.base),
        share: missing || r.base === null || h.totalCents === 0 ? null : r.base / h.totalCents,
        rate: broker ? `${brokerValuedText(broker.column)}${f ? `; the rate says ${f.description}` : ''}` : f ? f.description : null,
        rateAsOf: broker ? snapshot.asOf : f ? f.asOf : null,
        missing,
        broker: broker ? brokerOf(broker.column, f, gaps.find((g) => g.currency === r.currency)) : null,
      };
    }),
  };
}

/** A broker-valued row's broker fields: its column, the rate held and, where they disagree, the rate's figure. */
function brokerOf(column: string, factor: CurrencyFactor | undefined, gap: BrokerRateGap | undefined): CurrencyBreakdownRow['broker'] {
  return { column, rate: factor?.description ?? null, rateAsOf: factor?.asOf ?? null, ratedValue: gap ? money(gap.ratedCents) : null, apart: gap ? gap.apart : null };
}

/** For each pair of top-level themes, the value of positions tagged with both (diagonal: with that theme). */
export function themeOverlap(db: Db, portfolio: Portfolio, snapshot: Snapshot): ThemeOverlap {
  const summary = snapshotSummary(db, portfolio.baseCurrency, snapshot.id);
  const h = head(portfolio, snapshot, summary.missing, summary.totalCents, summary.taggedCents);
  const cells = [...summary.overlap].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  return {
    ...withoutCents(h),
    themes: topThemes(db),
    cells: cells.map((c) => ({ a: c.a, b: c.b, value: money(c.value), positionCount: c.n })),
  };
}
