import { AppError } from '../../shared/api/errors';
import type { Portfolio, Snapshot } from '../../shared/domain/types';
import { REPORT_SCHEMA_VERSION, type ExposureReport, type ReportPosition, type ReportWarning } from '../../shared/report/model';
import type { Db } from '../connection';
import { listFxRates } from '../repos/fx';
import { listThemes } from '../repos/themes';
import { contributionCents, currencyFactors, type CurrencyFactor } from './rates';


const money = (cents: number): number => cents / 100;

// Base value of a position, in integer cents, rounded half away from zero: the same rule as
// convertCents() so the SQL totals and the per-position figures agree to the cent.
const BASE_CENTS_SQL = `CASE WHEN f.num = f.den THEN p.value_cents
  WHEN p.value_cents < 0 THEN -((-p.value_cents * f.num + f.den / 2) / f.den)
  ELSE (p.value_cents * f.num + f.den / 2) / f.den END`;

/**
 * Loads the currency factors into a per-connection TEMP table: a join on its primary key costs far
 * less per row than json_each, which keeps exposure near the cost of a bare SUM over the positions.
 */
function loadFactors(db: Db, factors: readonly CurrencyFactor[]): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS fx_factor (currency TEXT PRIMARY KEY, num INTEGER NOT NULL, den INTEGER NOT NULL)');
  db.prepare('DELETE FROM temp.fx_factor').run();
  const insert = db.prepare('INSERT INTO temp.fx_factor (currency, num, den) VALUES (?, ?, ?)');
  for (const f of factors) insert.run(f.currency, f.num, f.den);
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
  const currencies = db.prepare('SELECT DISTINCT currency FROM positions WHERE snapshot_id = ? ORDER BY currency').pluck().all(snapshotId) as string[];
  const { factors, missing } = currencyFactors(listFxRates(db), currencies, baseCurrency);
  loadFactors(db, factors);
  const params = { sid: snapshotId };

  const totals = db
    .prepare(
      `SELECT coalesce(sum(${BASE_CENTS_SQL}), 0) AS total,
              coalesce(sum(CASE WHEN p.is_cash = 1 THEN ${BASE_CENTS_SQL} ELSE 0 END), 0) AS cash
       FROM positions p JOIN temp.fx_factor f ON f.currency = p.currency WHERE p.snapshot_id = @sid`,
    )
    .get(params) as { total: number; cash: number };

  const themeRows = db
    .prepare(
      `WITH pos AS (SELECT p.symbol_key, ${BASE_CENTS_SQL} AS v FROM positions p JOIN temp.fx_factor f ON f.currency = p.currency WHERE p.snapshot_id = @sid),
       contrib AS (
         SELECT t.theme_id,
                CASE WHEN pos.v < 0 THEN -((-pos.v * t.weight_bp + 5000) / 10000) ELSE (pos.v * t.weight_bp + 5000) / 10000 END AS c
         FROM pos JOIN tags t ON t.symbol_key = pos.symbol_key WHERE t.weight_bp > 0)
       SELECT theme_id, sum(c) AS net, sum(max(c, 0)) AS long, sum(min(c, 0)) AS short, count(*) AS n
       FROM contrib GROUP BY theme_id`,
    )
    .all(params) as ThemeAggRow[];
  const aggByTheme = new Map(themeRows.map((r) => [r.theme_id, r]));

  const totalCents = totals.total;
  const share = (cents: number) => (totalCents === 0 ? 0 : cents / totalCents);
  let taggedCents = 0;
  const themes = listThemes(db).map((t) => {
    const agg = aggByTheme.get(t.id);
    const net = agg?.net ?? 0;
    taggedCents += net;
    return {
      id: t.id,
      name: t.name,
      color: t.color,
      value: money(net),
      grossValue: money((agg?.long ?? 0) - (agg?.short ?? 0)),
      longValue: money(agg?.long ?? 0),
      shortValue: money(agg?.short ?? 0),
      share: share(net),
      positionCount: agg?.n ?? 0,
    };
  });
  return { totalCents, cashCents: totals.cash, untaggedCents: totalCents - taggedCents, themes, factors, missingCurrencies: missing };
}

/**
 * The exposure of one snapshot (DESIGN.md section 5). Theme totals are aggregated in SQL; each
 * position's contribution is value x weight rounded to the cent, and a theme's value is the sum of
 * its contributions, so every figure in a report adds up by hand.
 */
export function computeExposure(db: Db, portfolio: Portfolio, snapshot: Snapshot, generatedAt: string): ExposureReport {
  if (snapshot.portfolioId !== portfolio.id) throw new AppError('NOT_FOUND', `Snapshot ${snapshot.id} is not part of ${portfolio.name}.`);
  const base = portfolio.baseCurrency;
  const totals = computeExposureTotals(db, base, snapshot.id);
  const positions = listReportPositions(db, snapshot.id);
  const warnings: ReportWarning[] = totals.missingCurrencies.map((c) => ({
    code: 'MISSING_FX',
    message: `No exchange rate from ${c} to ${base}: ${positions.filter((p) => p.currency === c).length} position(s) in ${c} are left out of the totals. Add a rate (themelens fx ${c} RATE --to ${base}).`,
  }));
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
    positions,
    fxRates: totals.factors
      .filter((f) => f.currency !== base)
      .map((f) => ({ currency: f.currency, rate: f.description, asOf: f.asOf })),
    warnings,
    generatedAt,
  };
}

/** Every position of a snapshot with its base value and theme contributions, largest first. */
function listReportPositions(db: Db, snapshotId: number): ReportPosition[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.account, p.symbol, p.symbol_key, p.description, p.quantity, p.value_cents, p.currency, p.is_cash,
              CASE WHEN f.currency IS NULL THEN NULL ELSE ${BASE_CENTS_SQL} END AS base_cents
       FROM positions p LEFT JOIN temp.fx_factor f ON f.currency = p.currency
       WHERE p.snapshot_id = @sid
       ORDER BY p.is_cash, abs(coalesce(base_cents, 0)) DESC, p.account, p.symbol_key`,
    )
    .all({ sid: snapshotId }) as PositionRow[];
  const tagRows = db
    .prepare(
      `SELECT symbol_key, theme_id, weight_bp FROM tags
       WHERE weight_bp > 0 AND symbol_key IN (SELECT symbol_key FROM positions WHERE snapshot_id = ?)
       ORDER BY symbol_key, theme_id`,
    )
    .all(snapshotId) as { symbol_key: string; theme_id: string; weight_bp: number }[];
  const tagsByKey = new Map<string, { theme_id: string; weight_bp: number }[]>();
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
      value: r.base_cents === null ? 0 : money(contributionCents(r.base_cents, t.weight_bp)),
    })),
  }));
}
