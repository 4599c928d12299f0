import { AppError } from '../../shared/api/errors';
import type { Portfolio, Snapshot } from '../../shared/domain/types';
import { REPORT_SCHEMA_VERSION, type ExposureReport, type ReportPosition, type ReportWarning } from '../../shared/report/model';
import type { Db } from '../connection';
import { listFxRates } from '../repos/fx';
import { listThemes } from '../repos/themes';
import { contributionCents, currencyFactors, type CurrencyFactor } from './rates';


const money = (cents: number): number => cents / 100;

/**
 * |base value| of a position in integer cents, as SQL: a CASE over the snapshot's few currencies
 * with each factor bound as a parameter (no join per row), rounding half away from zero like
 * convertCents(). A currency without a rate gives NULL, which SUM skips.
 */
export function absBaseSql(factors: readonly CurrencyFactor[]): { sql: string; params: Record<string, string | bigint> } {
  // BigInt binds as INTEGER (a JS number binds as REAL), so the division below is integer division.
  const params: Record<string, string | bigint> = {};
  const branches = factors.map((f, i) => {
    params[`c${i}`] = f.currency;
    if (f.num === f.den) return `WHEN @c${i} THEN abs(p.value_cents)`;
    params[`n${i}`] = BigInt(f.num);
    params[`d${i}`] = BigInt(f.den);
    params[`h${i}`] = BigInt(Math.floor(f.den / 2));
    return `WHEN @c${i} THEN (abs(p.value_cents) * @n${i} + @h${i}) / @d${i}`;
  });
  return { sql: branches.length ? `(CASE p.currency ${branches.join(' ')} END)` : 'NULL', params };
}

/** A snapshot's positions: its rowid range (see migration 1), checked against snapshot_id too. */
export const IN_SNAPSHOT = 'p.id BETWEEN @first AND @last AND p.snapshot_id = @sid';

export function positionRange(db: Db, snapshotId: number): { first: number; last: number; currencies: string } {
  const r = db.prepare('SELECT first_position_id AS first, last_position_id AS last, currencies FROM snapshots WHERE id = ?').get(snapshotId) as
    | { first: number | null; last: number | null; currencies: string }
    | undefined;
  return { first: r?.first ?? 0, last: r?.last ?? -1, currencies: r?.currencies ?? '' };
}

interface ThemeAggRow {
  theme_id: string;
  net: number;
  long: number;
  short: number;
  n: number;
}

interface PositionRow {
  id: number;
  account: string;
  symbol: string | null;
  symbol_key: string;
  description: string;
  quantity: string | null;
  value_cents: number;
  currency: string;
  is_cash: number;
  base_cents: number | null;
}

/**
 * The exposure of one snapshot (DESIGN.md section 5). Theme totals are aggregated in SQL; each
 * position's contribution is value x weight rounded to the cent, and a theme's value is the sum of
 * its contributions, so every figure in a report adds up by hand.
 */
export interface ExposureTotals {
  totalCents: number;
  cashCents: number;
  untaggedCents: number;
  themes: ExposureReport['themes'];
  factors: CurrencyFactor[];
  missingCurrencies: string[];
}

/** Theme, cash and total figures of a snapshot, all by SQL aggregation (no rows loaded into JS). */
export function computeExposureTotals(db: Db, baseCurrency: string, snapshotId: number): ExposureTotals {
  const range = positionRange(db, snapshotId);
  const currencies = range.currencies ? range.currencies.split(',') : [];
  const { factors, missing } = currencyFactors(listFxRates(db), currencies, baseCurrency);
  const base = absBaseSql(factors);
  const params = { sid: snapshotId, first: range.first, last: range.last, ...base.params };
  const value = `(sign(p.value_cents) * ${base.sql})`;

  const totals = db
    .prepare(
      `SELECT coalesce(sum(${value}), 0) AS total, coalesce(sum(CASE WHEN p.is_cash = 1 THEN ${value} END), 0) AS cash
       FROM positions p WHERE ${IN_SNAPSHOT}`,
    )
    .get(params) as { total: number; cash: number };

  // One pass over the snapshot with conditional sums per theme: no GROUP BY, so no temp B-tree of
  // a million contribution rows. Theme ids are bound as parameters (@t0, @t1...), never spliced in.
  const themeList = listThemes(db);
  const aggByTheme = new Map<string, ThemeAggRow>();
  if (themeList.length > 0) {
    // sign x ((|v| x weight + 5000) / 10000): half away from zero, with no CASE to re-evaluate.
    const contribution = `sign(pos.x) * ((pos.a * t.weight_bp + 5000) / 10000)`;
    const columns = themeList
      .map((_, i) => {
        const is = `t.theme_id = @t${i}`;
        // Each CASE evaluates the contribution only for the matching theme; short = net - long.
        return `sum(CASE WHEN ${is} THEN c END) AS net${i}, sum(CASE WHEN ${is} THEN max(c, 0) END) AS long${i}, count(CASE WHEN ${is} THEN 1 END) AS n${i}`;
      })
      .join(',\n');
    const themeParams: Record<string, string | number | bigint> = { ...params };
    themeList.forEach((t, i) => (themeParams[`t${i}`] = t.id));
    const row = db
      .prepare(
        `SELECT ${columns} FROM (
           SELECT t.theme_id, ${contribution} AS c
           FROM (SELECT p.symbol_key, p.value_cents AS x, ${base.sql} AS a FROM positions p WHERE ${IN_SNAPSHOT}) pos
           JOIN tags t ON t.symbol_key = pos.symbol_key WHERE t.weight_bp > 0 AND pos.a IS NOT NULL) t`,
      )
      .get(themeParams) as Record<string, number | null>;
    themeList.forEach((t, i) => {
      const net = row[`net${i}`] ?? 0;
      const long = row[`long${i}`] ?? 0;
      aggByTheme.set(t.id, { theme_id: t.id, net, long, short: net - long, n: row[`n${i}`] ?? 0 });
    });
  }

  const totalCents = totals.total;
  const share = (cents: number) => (totalCents === 0 ? 0 : cents / totalCents);
  let taggedCents = 0;
  for (const a of aggByTheme.values()) taggedCents += a.net;
  // A parent's figures include its sub-themes' (one level); untagged counts each tag once.
  const rolled = (t: (typeof themeList)[number]) => {
    const parts = [aggByTheme.get(t.id), ...themeList.filter((c) => c.parentId === t.id).map((c) => aggByTheme.get(c.id))];
    return parts.reduce(
      (acc, a) => ({ net: acc.net + (a?.net ?? 0), long: acc.long + (a?.long ?? 0), short: acc.short + (a?.short ?? 0), n: acc.n + (a?.n ?? 0) }),
      { net: 0, long: 0, short: 0, n: 0 },
    );
  };
  const ordered = themeList.filter((t) => !t.parentId).flatMap((p) => [p, ...themeList.filter((c) => c.parentId === p.id)]);
  const themes = ordered.map((t) => {
    const agg = rolled(t);
    return {
      id: t.id,
      name: t.name,
      color: t.color,
      ...(t.parentId ? { parentId: t.parentId } : {}),
      value: money(agg.net),
      grossValue: money(agg.long - agg.short),
      longValue: money(agg.long),
      shortValue: money(agg.short),
      share: share(agg.net),
      positionCount: agg.n,
    };
  });
  return { totalCents, cashCents: totals.cash, untaggedCents: totalCents - taggedCents, themes, factors, missingCurrencies: missing };
}

/**
 * The exposure of one snapshot (DESIGN.md section 5). Theme totals are aggregated in SQL; each
 * position's contribution is value x weight rounded to the cent, and a theme's value is the sum of
 * its contributions, so every figure in a report adds up by hand.
 */
export function computeExposure(db: Db, portfolio: Portfolio, snapshot: Snapshot, generatedAt: string, positionLimit?: number): ExposureReport {
  if (snapshot.portfolioId !== portfolio.id) throw new AppError('NOT_FOUND', `Snapshot ${snapshot.id} is not part of ${portfolio.name}.`);
  const base = portfolio.baseCurrency;
  const totals = computeExposureTotals(db, base, snapshot.id);
  const positions = listReportPositions(db, snapshot.id, totals.factors, positionLimit);
  const warnings: ReportWarning[] = totals.missingCurrencies.map((c) => ({
    code: 'MISSING_FX',
    message: `No exchange rate from ${c} to ${base}: the positions in ${c} are left out of the totals. Add a rate (themelens fx ${c} RATE --to ${base}).`,
  }));
  // Look-through from an issuer file more than 90 days older than the holdings it explains.
  const stale = db
    .prepare(
      `SELECT f.fund_key AS fund, f.as_of AS asOf FROM funds f
       WHERE f.as_of IS NOT NULL AND julianday(?) - julianday(f.as_of) > 90
         AND EXISTS (SELECT 1 FROM tags t WHERE t.symbol_key = f.fund_key AND t.source = 'look-through')`,
    )
    .all(snapshot.asOf) as { fund: string; asOf: string }[];
  const held = new Set(positions.map((p) => p.symbolKey));
  for (const f of stale.filter((x) => held.has(x.fund))) {
    warnings.push({ code: 'STALE_LOOK_THROUGH', message: `The holdings of ${f.fund} used for look-through are as of ${f.asOf}, more than 90 days before ${snapshot.asOf}; import a newer holdings file from the issuer.` });
  }
  const issues = db.prepare('SELECT count(*) FROM import_issues WHERE snapshot_id = ?').pluck().get(snapshot.id) as number;
  if (issues > 0) {
    warnings.push({ code: 'UNPARSED_CELL', message: `${issues} row(s) of ${snapshot.sourceFile} were not imported because a cell could not be read.` });
  }

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    portfolio: portfolio.name,
    clientName: portfolio.clientName,
    snapshotId: snapshot.id,
    asOf: snapshot.asOf,
    sourceFile: snapshot.sourceFile,
    baseCurrency: base,
    totalValue: money(totals.totalCents),
    cashValue: money(totals.cashCents),
    untaggedValue: money(totals.untaggedCents),
    themes: totals.themes,
    positionCount: snapshot.rowCount,
    positions,
    fxRates: totals.factors
      .filter((f) => f.currency !== base)
      .map((f) => ({ currency: f.currency, rate: f.description, asOf: f.asOf })),
    warnings,
    tagChanges: tagChangesSincePrevious(db, snapshot),
    generatedAt,
  };
}

/** Tag changes on this snapshot's holdings since the portfolio's previous snapshot was imported. */
function tagChangesSincePrevious(db: Db, snapshot: Snapshot): ExposureReport['tagChanges'] {
  const previous = db
    .prepare('SELECT imported_at FROM snapshots WHERE portfolio_id = ? AND (as_of < ? OR (as_of = ? AND id < ?)) ORDER BY as_of DESC, id DESC LIMIT 1')
    .pluck()
    .get(snapshot.portfolioId, snapshot.asOf, snapshot.asOf, snapshot.id) as string | undefined;
  const range = positionRange(db, snapshot.id);
  const rows = db
    .prepare(
      `SELECT symbol_key AS symbolKey, theme_id AS themeId, old_weight_bp AS o, new_weight_bp AS n, source, at FROM tag_events
       WHERE at >= @since AND symbol_key IN (SELECT p.symbol_key FROM positions p WHERE ${IN_SNAPSHOT})
       ORDER BY id DESC LIMIT 500`,
    )
    .all({ since: previous ?? '', sid: snapshot.id, first: range.first, last: range.last }) as { symbolKey: string; themeId: string; o: number | null; n: number | null; source: string; at: string }[];
  return rows.map((r) => ({ symbolKey: r.symbolKey, themeId: r.themeId, oldWeight: r.o === null ? null : r.o / 10000, newWeight: r.n === null ? null : r.n / 10000, source: r.source, at: r.at }));
}

/** Every position of a snapshot with its base value and theme contributions, largest first. */
function listReportPositions(db: Db, snapshotId: number, factors: readonly CurrencyFactor[], limit = -1): ReportPosition[] {
  const base = absBaseSql(factors);
  const range = positionRange(db, snapshotId);
  const rows = db
    .prepare(
      `SELECT p.id, p.account, p.symbol, p.symbol_key, p.description, p.quantity, p.value_cents, p.currency, p.is_cash,
              sign(p.value_cents) * ${base.sql} AS base_cents
       FROM positions p
       WHERE ${IN_SNAPSHOT}
       ORDER BY p.is_cash, abs(coalesce(base_cents, 0)) DESC, p.account, p.symbol_key
       LIMIT @limit`,
    )
    .all({ sid: snapshotId, first: range.first, last: range.last, limit, ...base.params }) as PositionRow[];
  const tagRows = db
    .prepare(
      `SELECT symbol_key, theme_id, weight_bp, source FROM tags
       WHERE weight_bp > 0 AND symbol_key IN (SELECT p.symbol_key FROM positions p WHERE ${IN_SNAPSHOT})
       ORDER BY symbol_key, theme_id`,
    )
    .all({ sid: snapshotId, first: range.first, last: range.last }) as { symbol_key: string; theme_id: string; weight_bp: number; source: string }[];
  const tagsByKey = new Map<string, { theme_id: string; weight_bp: number; source: string }[]>();
  for (const t of tagRows) {
    const list = tagsByKey.get(t.symbol_key) ?? [];
    list.push(t);
    tagsByKey.set(t.symbol_key, list);
  }
  return rows.map((r) => ({
    account: r.account,
    symbol: r.symbol ?? r.symbol_key,
    symbolKey: r.symbol_key,
    description: r.description,
    quantity: r.quantity === null ? null : Number(r.quantity),
    value: r.base_cents === null ? null : money(r.base_cents),
    localValue: money(r.value_cents),
    currency: r.currency,
    isCash: r.is_cash === 1,
    themes: (tagsByKey.get(r.symbol_key) ?? []).map((t) => ({
      id: t.theme_id,
      weight: t.weight_bp / 10000,
      ...(t.source !== 'manual' ? { source: t.source } : {}),
      value: r.base_cents === null ? 0 : money(contributionCents(r.base_cents, t.weight_bp)),
    })),
  }));
}
