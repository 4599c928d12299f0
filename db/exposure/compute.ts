import { exposureWarning } from '../../shared/exposure/warnings';
import { AppError } from '../../shared/api/errors';
import { formatCents } from '../../shared/money/decimal';
import type { Portfolio, Snapshot, ThemeTarget } from '../../shared/domain/types';
import { REPORT_SCHEMA_VERSION } from '../../shared/report/model';
import { type Exposure, type ExposurePosition, type ExposureWarning, type SnapshotExposure } from '../../shared/exposure/model';
import type { Db } from '../connection';
import { listTargets } from '../repos/targets';
import { listThemes } from '../repos/themes';
import { contributionCents, type CurrencyFactor } from './rates';
import { absBaseSql, holdsSymbol, IN_SNAPSHOT, positionRange, type BrokerValues } from './scan';
import { brokerRateDifferences } from './broker-values';
import { brokerValuedText } from '../../shared/fx/broker-valued';
import { checkWarnings } from './import-checks';
import { snapshotSummary } from './summary';
import { empty, params, sql } from '../sql';

const money = (cents: number): number => cents / 100;

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
 * The exposure of one snapshot (docs/ARCHITECTURE.md, "The path of an exposure"). Theme totals are aggregated in SQL; each
 * position's contribution is value x weight rounded to the cent, and a theme's value is the sum of
 * its contributions, so every figure in a report adds up by hand.
 */
export interface ExposureTotals {
  totalCents: number;
  cashCents: number;
  untaggedCents: number;
  themes: Exposure['themes'];
  factors: CurrencyFactor[];
  missingCurrencies: string[];
  broker: BrokerValues | null;
}

/**
 * Theme, cash and total figures of a snapshot, all by SQL aggregation (no rows loaded into JS): one
 * pass over the snapshot's positions (db/exposure/summary.ts, scan.ts), shared with the views.
 */
export function computeExposureTotals(db: Db, baseCurrency: string, snapshotId: number): ExposureTotals {
  const themeList = listThemes(db);
  const summary = snapshotSummary(db, baseCurrency, snapshotId);
  const aggByTheme = new Map<string, ThemeAggRow>(
    [...summary.themes].map(([id, s]) => [id, { theme_id: id, net: s.net, long: s.long, short: s.short, n: s.count }]),
  );
  const totals = { total: summary.totalCents, cash: summary.cashCents };
  const basis = { factors: summary.factors, missing: summary.missing };

  const totalCents = totals.total;
  const share = (cents: number) => (totalCents === 0 ? 0 : cents / totalCents);
  let taggedCents = 0;
  for (const a of aggByTheme.values()) taggedCents += a.net;
  // A parent's figures include its sub-themes' (one level); untagged counts each tag once. Its
  // position count is of positions (each once, however many of its themes tag it): the summary's
  // count per top-level theme, never the sum of its themes' counts.
  const rolled = (t: (typeof themeList)[number]) => {
    const parts = [aggByTheme.get(t.id), ...themeList.filter((c) => c.parentId === t.id).map((c) => aggByTheme.get(c.id))];
    const sums = parts.reduce(
      (acc, a) => ({ net: acc.net + (a?.net ?? 0), long: acc.long + (a?.long ?? 0), short: acc.short + (a?.short ?? 0), n: acc.n + (a?.n ?? 0) }),
      { net: 0, long: 0, short: 0, n: 0 },
    );
    const root = t.parentId ? undefined : summary.roots.get(t.id);
    return root ? { ...sums, n: root.count } : sums;
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
  return { totalCents, cashCents: totals.cash, untaggedCents: totalCents - taggedCents, themes, factors: basis.factors, missingCurrencies: basis.missing, broker: summary.broker };
}

/**
 * The exposure of one snapshot (docs/ARCHITECTURE.md, "The path of an exposure"). Theme totals are aggregated in SQL; each
 * position's contribution is value x weight rounded to the cent, and a theme's value is the sum of
 * its contributions, so every figure in a report adds up by hand.
 */
export function computeExposure(db: Db, portfolio: Portfolio, snapshot: Snapshot, generatedAt: string, positionLimit?: number): SnapshotExposure {
  if (snapshot.portfolioId !== portfolio.id) throw new AppError('NOT_FOUND', `Snapshot ${snapshot.id} is not part of ${portfolio.name}.`);
  const base = portfolio.baseCurrency;
  const totals = computeExposureTotals(db, base, snapshot.id);
  // None asked for (the screen, the exposure command): no look at the positions at all.
  const positions = positionLimit === 0 ? [] : listReportPositions(db, snapshot.id, totals.factors, totals.broker !== null, positionLimit);
  const warnings: ExposureWarning[] = totals.missingCurrencies.map((c) => exposureWarning('MISSING_FX', { currency: c, base }));
  warnings.push(...brokerRateDifferences(db, snapshot, base, totals));
  // Dated FX: a rate from after the snapshot's date was the nearest there was. Say so, naming it.
  for (const f of totals.factors) {
    if (f.currency === base || !f.asOf || f.asOf <= snapshot.asOf) continue;
    warnings.push(exposureWarning('FX_NOT_AS_OF', { currency: f.currency, asOf: snapshot.asOf, rateDate: f.asOf, rate: f.description, base }));
  }
  const kept = db.prepare('SELECT file_total_cents AS file, rows_total_cents AS rows, checks FROM snapshots WHERE id = ?').get(snapshot.id) as { file: number | null; rows: number | null; checks: string | null };
  if (kept.file !== null && kept.rows !== null && Math.abs(kept.file - kept.rows) > 1) {
    warnings.push(exposureWarning('TOTAL_MISMATCH', { file: snapshot.sourceFile, fileTotal: formatCents(kept.file), rowsTotal: formatCents(kept.rows), difference: formatCents(kept.file - kept.rows) }));
  }
  // What the import asked the user to check about the figures, said again wherever they are shown.
  warnings.push(...checkWarnings(kept.checks, snapshot.sourceFile));
  // Each snapshot's own amounts are kept within 2^53 - 1 cents at import, but converting to the base
  // currency (dollars into yen) can go past it: the report still renders, and says its sums are rounded.
  const sums = [totals.totalCents, totals.cashCents, ...totals.themes.flatMap((t) => [t.longValue * 100, t.shortValue * 100])];
  if (sums.some((c) => Math.abs(c) > Number.MAX_SAFE_INTEGER)) {
    warnings.push(exposureWarning('AMOUNT_LIMIT', { base }));
  }
  // Look-through from an issuer file more than 90 days older than the holdings it explains.
  const stale = db
    .prepare(
      `SELECT f.fund_key AS fund, f.as_of AS asOf FROM funds f
       WHERE f.as_of IS NOT NULL AND julianday(?) - julianday(f.as_of) > 90
         AND EXISTS (SELECT 1 FROM tags t WHERE t.symbol_key = f.fund_key AND t.source = 'look-through')`,
    )
    .all(snapshot.asOf) as { fund: string; asOf: string }[];
  // Held anywhere in the snapshot, not only among the positions returned (a screen asks for few).
  const held = stale.length > 0 ? holdsSymbol(db, snapshot.id) : () => false;
  for (const f of stale.filter((x) => held(x.fund))) {
    warnings.push(exposureWarning('STALE_LOOK_THROUGH', { fund: f.fund, fundAsOf: f.asOf, asOf: snapshot.asOf }));
  }
  // Positions that could be two securities count as untagged until the user says which (Needs review).
  const unresolved = db
    .prepare("SELECT coalesce(sum(position_count), 0) FROM position_resolutions WHERE snapshot_id = ? AND symbol_key IN (SELECT symbol_key FROM security_reviews WHERE status = 'open')")
    .pluck()
    .get(snapshot.id) as number;
  if (unresolved > 0) {
    warnings.push(exposureWarning('UNRESOLVED_SECURITIES', { n: String(unresolved) }));
  }
  const issues = db.prepare('SELECT count(*) FROM import_issues WHERE snapshot_id = ?').pluck().get(snapshot.id) as number;
  if (issues > 0) {
    warnings.push(exposureWarning('UNPARSED_CELL', { n: String(issues), file: snapshot.sourceFile }));
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
    themes: withTargets(totals.themes, listTargets(db, portfolio.id)),
    positionCount: snapshot.rowCount,
    positions,
    fxRates: [
      ...totals.factors.filter((f) => f.currency !== base && !totals.broker?.currencies.includes(f.currency)).map((f) => ({ currency: f.currency, rate: f.description, asOf: f.asOf })),
      // Valued by the broker: recorded as such, with the snapshot's date (the broker's figures are of that day).
      ...(totals.broker?.currencies ?? []).map((c) => ({ currency: c, rate: brokerValuedText(totals.broker?.column ?? ''), asOf: snapshot.asOf })),
    ],
    warnings,
    tagChanges: tagChangesSincePrevious(db, snapshot),
    generatedAt,
  };
}

/**
 * Each theme with the portfolio's target for it, if any: drift is the share minus the target, in
 * fractions of the portfolio; outside when it is further than the band either way.
 */
export function withTargets(themes: Exposure['themes'], targets: readonly Pick<ThemeTarget, 'themeId' | 'shareBp' | 'bandBp'>[]): Exposure['themes'] {
  if (targets.length === 0) return themes;
  const byTheme = new Map(targets.map((t) => [t.themeId, t]));
  return themes.map((t) => {
    const target = byTheme.get(t.id);
    if (!target) return t;
    const share = target.shareBp / 10_000;
    const band = target.bandBp / 10_000;
    const drift = t.share - share;
    return { ...t, target: { share, band, drift, outside: Math.abs(drift) > band + 1e-12 } };
  });
}

/**
 * Tag changes on this snapshot's holdings since the tags the portfolio's previous snapshot is read
 * with: those as they stood until the snapshot after it, this one, was imported (tagCutoff), as a
 * comparison and a report's "what changed" read it. A change made before that moment is in both
 * snapshots' figures, so moved nothing between them: listed from the previous snapshot's own
 * import, it stood in "Theme weights changed" beside a tag effect of 0.00. Every change, with no
 * previous snapshot.
 */
function tagChangesSincePrevious(db: Db, snapshot: Snapshot): Exposure['tagChanges'] {
  const hasPrevious = db
    .prepare('SELECT 1 FROM snapshots WHERE portfolio_id = ? AND (as_of < ? OR (as_of = ? AND id < ?)) LIMIT 1')
    .get(snapshot.portfolioId, snapshot.asOf, snapshot.asOf, snapshot.id) !== undefined;
  const since = hasPrevious ? snapshot.importedAt : '';
  // Usually nothing changed since: one look at the tag history, from its newest end.
  if (db.prepare('SELECT 1 FROM tag_events WHERE at >= ? ORDER BY id DESC LIMIT 1').get(since) === undefined) return [];
  // The snapshot's keys from its resolutions (a row per key held, written with every snapshot),
  // not from its positions: a few thousand rows instead of up to a million. Newest first, each
  // event checked against them (EXISTS): stops at the 500th; an IN list looked up every key's
  // events and sorted them all (3.5 ms against 0.4 ms for 5,000 tagged keys, after every edit).
  const rows = db
    .prepare(
      `SELECT e.symbol_key AS symbolKey, e.theme_id AS themeId, e.old_weight_bp AS o, e.new_weight_bp AS n, e.source, e.at FROM tag_events e
       WHERE e.at >= @since AND EXISTS (SELECT 1 FROM position_resolutions r WHERE r.snapshot_id = @sid AND r.symbol_key = e.symbol_key)
       ORDER BY e.id DESC LIMIT 500`,
    )
    .all({ since, sid: snapshot.id }) as { symbolKey: string; themeId: string; o: number | null; n: number | null; source: string; at: string }[];
  return rows.map((r) => ({ symbolKey: r.symbolKey, themeId: r.themeId, oldWeight: r.o === null ? null : r.o / 10000, newWeight: r.n === null ? null : r.n / 10000, source: r.source, at: r.at }));
}

/**
 * Every position of a snapshot (or those of `ids`) with its base value and theme contributions,
 * largest first.
 */
export function listReportPositions(db: Db, snapshotId: number, factors: readonly CurrencyFactor[], broker: boolean, limit = -1, ids?: readonly number[]): ExposurePosition[] {
  const base = absBaseSql(factors, broker);
  const range = positionRange(db, snapshotId);
  const rows = db
    .prepare(
      sql`SELECT p.id, p.account, p.symbol, p.symbol_key, p.description, p.quantity, p.value_cents, p.currency, p.is_cash,
              sign(p.value_cents) * ${base.sql} AS base_cents
       FROM positions p
       WHERE ${IN_SNAPSHOT}${ids ? sql` AND p.id IN (SELECT value FROM json_each(@ids))` : empty}
       ORDER BY p.is_cash, abs(coalesce(base_cents, 0)) DESC, p.account, p.symbol_key
       LIMIT @limit`.text,
    )
    .all(params({ sid: snapshotId, first: range.first, last: range.last, limit, ...(ids ? { ids: JSON.stringify(ids) } : {}) }, base.params)) as PositionRow[];
  // The tags of the keys listed: those of the rows themselves when they are few (a screen asks for
  // one), else every tag (the tags are thousands, the positions up to a million: never a second
  // pass over the positions to find which keys they hold).
  const few = rows.length <= 1000;
  const tagRows = db
    .prepare(
      sql`SELECT symbol_key, theme_id, weight_bp, source FROM tags
       WHERE weight_bp > 0${few ? sql` AND symbol_key IN (SELECT value FROM json_each(@keys))` : empty}
       ORDER BY symbol_key, theme_id`.text,
    )
    .all(few ? { keys: JSON.stringify([...new Set(rows.map((r) => r.symbol_key))]) } : {}) as { symbol_key: string; theme_id: string; weight_bp: number; source: string }[];
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
    quantityText: r.quantity,
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
