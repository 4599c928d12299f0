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
import { contributionCents, currencyFactors, type CurrencyFactor } from './rates';
import { absBaseSql, IN_SNAPSHOT, positionRange, scanFrom, snapshotBasis, snapshotSums, tagRowTable, weightTable, type SnapshotBasis, type SnapshotSums, type WeightLayout } from './scan';
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

/** The one-pass figures of a snapshot: its basis, weight layout and sums (db/exposure/scan.ts). */
function scanSnapshot(db: Db, portfolio: Portfolio, snapshot: Snapshot, options: Parameters<typeof snapshotSums>[3] = {}) {
  const basis = snapshotBasis(db, portfolio.baseCurrency, snapshot.id);
  const layout = weightTable(db, 'tags');
  const sums = snapshotSums(db, basis, layout, options);
  return { basis, layout, sums };
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
 * is total). One bounded sort over the whole snapshot keeps the overall largest rows; a theme
 * with fewer than `top` rows among them, and more rows in all, gets its own bounded sort. A
 * theme's `top` first rows in the overall order are its `top` first rows: the overall order
 * restricted to one theme is that theme's order.
 */
function topContributors(db: Db, basis: SnapshotBasis, layout: WeightLayout, sums: SnapshotSums, top: number): Map<string, ThemeContributor[]> {
  const tagRows = tagRowTable(db, layout);
  const magnitude = `((${basis.abs} * t.w + 5000) / 10000)`;
  const rated = basis.missing.length === 0 ? '' : ` AND ${basis.abs} IS NOT NULL`;
  const select = (where: string, limit: number) =>
    db
      .prepare(
        `SELECT p.id AS id, t.ti AS ti FROM positions p JOIN ${tagRows} t ON t.k = p.symbol_key
         WHERE ${IN_SNAPSHOT}${rated}${where}
         ORDER BY ${magnitude} DESC, p.symbol_key, p.account, p.id, t.ti LIMIT ${Math.floor(limit)}`,
      )
      .all(basis.params) as { id: number; ti: number }[];
  const byRoot = new Map<number, { id: number; ti: number }[]>(layout.roots.map((_, j) => [j, []]));
  const overall = select('', Math.max(200, 4 * top * layout.roots.length));
  for (const r of overall) byRoot.get(layout.rootOf[r.ti] ?? -1)?.push(r);
  layout.roots.forEach((_, j) => {
    const members = layout.themes.map((_, i) => i).filter((i) => layout.rootOf[i] === j);
    const rows = members.reduce((n, i) => n + (sums.themes.get(layout.themes[i]!.id)?.count ?? 0), 0);
    const got = byRoot.get(j)!;
    if (got.length < top && got.length < rows) byRoot.set(j, select(` AND t.ti IN (${members.join(', ')})`, top));
  });
  const picked = [...byRoot.values()].flatMap((rows) => rows.slice(0, top));
  const ids = [...new Set(picked.map((r) => r.id))];
  const details = new Map<number, { id: number; account: string; symbol: string | null; symbol_key: string; description: string; v: number; k: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db
      .prepare(`SELECT p.id, p.account, p.symbol, p.symbol_key, p.description, ${basis.signed} AS v FROM positions p WHERE p.id IN (${chunk.map(() => '?').join(', ')})`)
      .all(...chunk, basis.params) as { id: number; account: string; symbol: string | null; symbol_key: string; description: string; v: number }[];
    for (const r of rows) details.set(r.id, { ...r, k: r.symbol_key });
  }
  const tagOf = db.prepare(`SELECT w, source FROM ${tagRows} WHERE k = ? AND ti = ?`);
  const out = new Map<string, ThemeContributor[]>();
  layout.roots.forEach((root, j) => {
    out.set(
      root.id,
      byRoot
        .get(j)!
        .slice(0, top)
        .map((r) => {
          const d = details.get(r.id)!;
          const t = tagOf.get(d.k, r.ti) as { w: number; source: string };
          const theme = layout.themes[r.ti]!;
          return {
            account: d.account,
            symbol: d.symbol ?? d.symbol_key,
            symbolKey: d.symbol_key,
            description: d.description,
            weight: t.w / 10000,
            source: t.source,
            viaThemeId: theme.id === root.id ? null : theme.id,
            positionValue: money(d.v),
            value: money(contributionCents(d.v, t.w)),
          };
        }),
    );
  });
  return out;
}

/** Exposure per top-level theme with its `top` largest contributors (weight and where it comes from). */
export function themeBreakdown(db: Db, portfolio: Portfolio, snapshot: Snapshot, top = 10): ThemeBreakdown {
  const { basis, layout, sums } = scanSnapshot(db, portfolio, snapshot, { rootCounts: true });
  const h = head(portfolio, snapshot, basis.missing, sums.totalCents, sums.taggedCents);
  const tops = topContributors(db, basis, layout, sums, top);
  const share = (cents: number) => (h.totalCents === 0 ? 0 : cents / h.totalCents);
  return {
    ...withoutCents(h),
    themes: layout.roots.map((t) => {
      const s = sums.roots.get(t.id) ?? { net: 0, count: 0 };
      return { id: t.id, name: t.name, color: t.color, value: money(s.net), share: share(s.net), positionCount: s.count, top: tops.get(t.id) ?? [] };
    }),
  };
}

/** Total, untagged and per-theme value of each account: one grouped pass. */
export function accountBreakdown(db: Db, portfolio: Portfolio, snapshot: Snapshot): AccountBreakdown {
  const basis = snapshotBasis(db, portfolio.baseCurrency, snapshot.id);
  const layout = weightTable(db, 'tags');
  // Each theme's signed contribution: sign x (|v| x w / 10000, half away from zero).
  const contribution = (i: number) => `sign(p.value_cents) * ((${basis.abs} * w.w${i} + 5000) / 10000)`;
  const rows = db
    .prepare(
      `SELECT p.account AS account, coalesce(sum(${basis.signed}), 0) AS total, count(*) AS n
              ${layout.themes.map((_, i) => `, sum(${contribution(i)}) FILTER (WHERE w.w${i} > 0) AS c${i}`).join('')}
       FROM ${scanFrom(layout)} GROUP BY p.account`,
    )
    .all(basis.params) as ({ account: string; total: number; n: number } & Record<string, number | null>)[];
  let totalCents = 0;
  let taggedCents = 0;
  const accounts = rows.map((r) => {
    const themes = new Map<string, number>();
    let tagged = 0;
    layout.themes.forEach((_, i) => {
      const c = r[`c${i}`];
      const root = layout.roots[layout.rootOf[i] ?? -1];
      if (c === null || c === undefined || !root) return;
      themes.set(root.id, (themes.get(root.id) ?? 0) + c);
      tagged += c;
    });
    totalCents += r.total;
    taggedCents += tagged;
    return { account: r.account, total: r.total, n: r.n, tagged, themes };
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
  const basis = snapshotBasis(db, portfolio.baseCurrency, snapshot.id);
  // The snapshot's currencies are known (snapshots.currencies), so each is a filtered sum in the
  // same pass as the theme figures; the counts are checked against the whole.
  const extraParams: Record<string, string> = {};
  const extra = basis.currencies.flatMap((c, i) => {
    extraParams[`cur${i}`] = c;
    const is = `p.currency = @cur${i}`;
    return [`count(*) FILTER (WHERE ${is}) AS cn${i}`, `sum(p.value_cents) FILTER (WHERE ${is}) AS cl${i}`, `sum(${basis.signed}) FILTER (WHERE ${is}) AS cb${i}`];
  });
  extra.push('count(*) AS all_n');
  const layout = weightTable(db, 'tags');
  const sums = snapshotSums(db, basis, layout, { extra, extraParams });
  const h = head(portfolio, snapshot, basis.missing, sums.totalCents, sums.taggedCents);
  let rows = basis.currencies.map((c, i) => ({ currency: c, n: sums.row[`cn${i}`] ?? 0, local: sums.row[`cl${i}`] ?? 0, base: sums.row[`cb${i}`] ?? null }));
  if (rows.reduce((s, r) => s + r.n, 0) !== sums.row['all_n']) {
    // A currency missing from the snapshot's list (never written so by an import): group instead.
    rows = db
      .prepare(`SELECT p.currency AS currency, count(*) AS n, sum(p.value_cents) AS local, sum(${basis.signed}) AS base FROM positions p WHERE ${IN_SNAPSHOT} GROUP BY p.currency`)
      .all(basis.params) as { currency: string; n: number; local: number; base: number | null }[];
  }
  rows = rows.filter((r) => r.n > 0);
  rows.sort((a, b) => Math.abs(b.base ?? 0) - Math.abs(a.base ?? 0) || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  return {
    ...withoutCents(h),
    currencies: rows.map((r) => {
      const f = basis.factors.find((x) => x.currency === r.currency);
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
  const basis = snapshotBasis(db, portfolio.baseCurrency, snapshot.id);
  const layout = weightTable(db, 'tags');
  // Every pair of top-level themes (a <= b by id, as the matrix is keyed), one filtered sum each.
  const pairs: { a: string; b: string; cond: string }[] = [];
  layout.roots.forEach((ra, ja) =>
    layout.roots.forEach((rb, jb) => {
      if (ra.id > rb.id || (ra.id === rb.id && ja !== jb)) return;
      pairs.push({ a: ra.id, b: rb.id, cond: ja === jb ? `w.r${ja} = 1` : `w.r${ja} = 1 AND w.r${jb} = 1` });
    }),
  );
  const extra = pairs.flatMap((p, i) => [`sum(${basis.signed}) FILTER (WHERE ${p.cond}) AS ov${i}`, `count(${basis.signed}) FILTER (WHERE ${p.cond}) AS on${i}`]);
  const sums = snapshotSums(db, basis, layout, { extra });
  const h = head(portfolio, snapshot, basis.missing, sums.totalCents, sums.taggedCents);
  const cells = pairs
    .map((p, i) => ({ a: p.a, b: p.b, value: sums.row[`ov${i}`] ?? 0, n: sums.row[`on${i}`] ?? 0 }))
    .filter((c) => c.n > 0)
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  return {
    ...withoutCents(h),
    themes: topThemes(db),
    cells: cells.map((c) => ({ a: c.a, b: c.b, value: money(c.value), positionCount: c.n })),
  };
}
