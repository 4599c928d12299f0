import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type {
  AccountBreakdown,
  BreakdownHead,
  CurrencyBreakdown,
  ThemeBreakdown,
  ThemeContributor,
  ThemeOverlap,
} from '../../shared/exposure/analytics';
import type { Db } from '../connection';
import { listFxRates } from '../repos/fx';
import { listThemes } from '../repos/themes';
import { absBaseSql, IN_SNAPSHOT, positionRange } from './compute';
import { currencyFactors, type CurrencyFactor } from './rates';
import { checkTagTable, type TagTable } from './tag-tables';

const money = (cents: number): number => cents / 100;

/** The SQL pieces every breakdown of one snapshot starts from. */
export interface SnapshotScope {
  params: Record<string, string | number | bigint>;
  factors: CurrencyFactor[];
  missing: string[];
  /** CTEs `pos` (positions with base value `v`, null without a rate) and `contrib` (one row per position x tag). */
  with: string;
}

/**
 * `pos`: the snapshot's positions with `v`, the base value in cents; `contrib`: each position's
 * contribution `c` to each theme it is tagged with, and `root`, the top-level theme it rolls into.
 * The contribution is rounded half away from zero exactly as in compute.ts, so figures agree.
 */
export function snapshotScope(db: Db, baseCurrency: string, snapshotId: number, tagTable: TagTable = 'tags'): SnapshotScope {
  const range = positionRange(db, snapshotId);
  const currencies = range.currencies ? range.currencies.split(',') : [];
  const { factors, missing } = currencyFactors(listFxRates(db), currencies, baseCurrency);
  const base = absBaseSql(factors);
  const tags = checkTagTable(tagTable);
  return {
    params: { sid: snapshotId, first: range.first, last: range.last, ...base.params },
    factors,
    missing,
    with: `WITH pos AS (
        SELECT p.id, p.account, p.symbol, p.symbol_key, p.description, p.quantity, p.currency, p.is_cash, p.value_cents AS x,
               sign(p.value_cents) * ${base.sql} AS v
        FROM positions p WHERE ${IN_SNAPSHOT}),
      contrib AS (
        SELECT pos.*, t.theme_id, t.weight_bp, t.source, coalesce(th.parent_id, th.id) AS root,
               sign(pos.x) * ((abs(pos.v) * t.weight_bp + 5000) / 10000) AS c
        FROM pos JOIN ${tags} t ON t.symbol_key = pos.symbol_key JOIN themes th ON th.id = t.theme_id
        WHERE t.weight_bp > 0 AND pos.v IS NOT NULL)`,
  };
}

/** Top-level themes in the user's order, with their colors. */
export function topThemes(db: Db): { id: string; name: string; color: string }[] {
  return listThemes(db)
    .filter((t) => !t.parentId)
    .map((t) => ({ id: t.id, name: t.name, color: t.color }));
}

function head(db: Db, portfolio: Portfolio, snapshot: Snapshot, scope: SnapshotScope): BreakdownHead & { totalCents: number } {
  const r = db
    .prepare(`${scope.with} SELECT coalesce((SELECT sum(v) FROM pos), 0) AS total, coalesce((SELECT sum(c) FROM contrib), 0) AS tagged`)
    .get(scope.params) as { total: number; tagged: number };
  return {
    portfolioId: portfolio.id,
    snapshotId: snapshot.id,
    asOf: snapshot.asOf,
    baseCurrency: portfolio.baseCurrency,
    totalValue: money(r.total),
    untaggedValue: money(r.total - r.tagged),
    missingCurrencies: scope.missing,
    totalCents: r.total,
  };
}

const withoutCents = <T extends { totalCents: number }>(h: T): Omit<T, 'totalCents'> => {
  const { totalCents: _, ...rest } = h;
  return rest;
};

/** Exposure per top-level theme with its `top` largest contributors (weight and where it comes from). */
export function themeBreakdown(db: Db, portfolio: Portfolio, snapshot: Snapshot, top = 10): ThemeBreakdown {
  const scope = snapshotScope(db, portfolio.baseCurrency, snapshot.id);
  const h = head(db, portfolio, snapshot, scope);
  const sums = db
    .prepare(`${scope.with} SELECT root, sum(c) AS value, count(DISTINCT id) AS n FROM contrib GROUP BY root`)
    .all(scope.params) as { root: string; value: number; n: number }[];
  const rows = db
    .prepare(
      `${scope.with} SELECT * FROM (
         SELECT root, theme_id, account, symbol, symbol_key, description, weight_bp, source, v, c,
                row_number() OVER (PARTITION BY root ORDER BY abs(c) DESC, symbol_key, account) AS rn
         FROM contrib) WHERE rn <= @top ORDER BY root, rn`,
    )
    .all({ ...scope.params, top }) as { root: string; theme_id: string; account: string; symbol: string | null; symbol_key: string; description: string; weight_bp: number; source: string; v: number; c: number }[];
  const byRoot = new Map<string, ThemeContributor[]>();
  for (const r of rows) {
    const list = byRoot.get(r.root) ?? [];
    list.push({
      account: r.account,
      symbol: r.symbol ?? r.symbol_key,
      symbolKey: r.symbol_key,
      description: r.description,
      weight: r.weight_bp / 10000,
      source: r.source,
      viaThemeId: r.theme_id === r.root ? null : r.theme_id,
      positionValue: money(r.v),
      value: money(r.c),
    });
    byRoot.set(r.root, list);
  }
  const share = (cents: number) => (h.totalCents === 0 ? 0 : cents / h.totalCents);
  return {
    ...withoutCents(h),
    themes: topThemes(db).map((t) => {
      const s = sums.find((x) => x.root === t.id);
      return { ...t, value: money(s?.value ?? 0), share: share(s?.value ?? 0), positionCount: s?.n ?? 0, top: byRoot.get(t.id) ?? [] };
    }),
  };
}

/** Total, untagged and per-theme value of each account. */
export function accountBreakdown(db: Db, portfolio: Portfolio, snapshot: Snapshot): AccountBreakdown {
  const scope = snapshotScope(db, portfolio.baseCurrency, snapshot.id);
  const h = head(db, portfolio, snapshot, scope);
  const totals = db
    .prepare(`${scope.with} SELECT account, coalesce(sum(v), 0) AS total, count(*) AS n FROM pos GROUP BY account ORDER BY total DESC, account`)
    .all(scope.params) as { account: string; total: number; n: number }[];
  const cells = db
    .prepare(`${scope.with} SELECT account, root, sum(c) AS value FROM contrib GROUP BY account, root`)
    .all(scope.params) as { account: string; root: string; value: number }[];
  return {
    ...withoutCents(h),
    themes: topThemes(db),
    accounts: totals.map((a) => {
      const mine = cells.filter((c) => c.account === a.account);
      const tagged = mine.reduce((s, c) => s + c.value, 0);
      return {
        account: a.account,
        totalValue: money(a.total),
        untaggedValue: money(a.total - tagged),
        positionCount: a.n,
        themes: Object.fromEntries(mine.map((c) => [c.root, money(c.value)])),
      };
    }),
  };
}

/** Value per currency held, in the currency and in base, with the rate used or a missing-rate flag. */
export function currencyBreakdown(db: Db, portfolio: Portfolio, snapshot: Snapshot): CurrencyBreakdown {
  const scope = snapshotScope(db, portfolio.baseCurrency, snapshot.id);
  const h = head(db, portfolio, snapshot, scope);
  const rows = db
    .prepare(`${scope.with} SELECT currency, count(*) AS n, sum(x) AS local, sum(v) AS base FROM pos GROUP BY currency ORDER BY abs(coalesce(base, 0)) DESC, currency`)
    .all(scope.params) as { currency: string; n: number; local: number; base: number | null }[];
  return {
    ...withoutCents(h),
    currencies: rows.map((r) => {
      const f = scope.factors.find((x) => x.currency === r.currency);
      const missing = !f;
      return {
        currency: r.currency,
        positionCount: r.n,
        localValue: money(r.local),
        value: missing || r.base === null ? null : money(r.base),
        share: missing || r.base === null || h.totalCents === 0 ? null : r.base / h.totalCents,
        rate: f ? f.description : null,
        rateAsOf: f ? f.asOf : null,
        missing,
      };
    }),
  };
}

/** For each pair of top-level themes, the value of positions tagged with both (diagonal: with that theme). */
export function themeOverlap(db: Db, portfolio: Portfolio, snapshot: Snapshot): ThemeOverlap {
  const scope = snapshotScope(db, portfolio.baseCurrency, snapshot.id);
  const h = head(db, portfolio, snapshot, scope);
  const cells = db
    .prepare(
      `${scope.with}, roots AS (SELECT DISTINCT id, v, root FROM contrib)
       SELECT r1.root AS a, r2.root AS b, sum(r1.v) AS value, count(*) AS n
       FROM roots r1 JOIN roots r2 ON r2.id = r1.id AND r1.root <= r2.root
       GROUP BY r1.root, r2.root`,
    )
    .all(scope.params) as { a: string; b: string; value: number; n: number }[];
  return {
    ...withoutCents(h),
    themes: topThemes(db),
    cells: cells.map((c) => ({ a: c.a, b: c.b, value: money(c.value), positionCount: c.n })),
  };
}
