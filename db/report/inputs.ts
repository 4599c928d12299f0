import { createHash } from 'node:crypto';
import type { FxRate, Portfolio, Snapshot, Theme } from '../../shared/domain/types';
import type { ReportAttribution, ReportPreferences, ReportSection } from '../../shared/report/document';
import type { Exposure } from '../../shared/exposure/model';
import type { Db } from '../connection';
import type { Benchmark } from '../exposure/benchmark';
import type { Shock } from './extras';
import { fxRatesAsOf } from '../repos/fx';
import { listThemes } from '../repos/themes';

export interface RecordedTag {
  symbolKey: string;
  themeId: string;
  weightBp: number;
  source: string;
  rationale: string | null;
  sourceUrl: string | null;
  updatedAt: string;
}

/** Everything a report was made from, stored with its record so it can be made again unchanged. */
export interface ReportInputs {
  version: 1;
  portfolio: { id: number; name: string; clientName: string | null; baseCurrency: string };
  snapshot: { id: number; asOf: string; sourceFile: string; fileSha256: string };
  /** The snapshot the changes are counted from: the previous report's, else the one before this. */
  previousSnapshot: { id: number; asOf: string } | null;
  /** The earlier report the changes are counted from, when there is one (absent in older records). */
  previousReport?: { id: number; generatedAt: string; fingerprint: string } | null;
  /** Tags of the instruments the snapshot holds, as they were. */
  tags: RecordedTag[];
  fxRates: FxRate[];
  themes: Theme[];
  tagChanges: Exposure['tagChanges'];
  preferences: ReportPreferences;
  sections: ReportSection[];
  generatedAt: string;
  /** The benchmark compared with and its theme weights then (absent in older records and without one). */
  benchmark?: Benchmark | null;
  /** What moved each theme since the snapshot compared with (absent in older records and without one). */
  attribution?: ReportAttribution;
  /** Theme shocks of the report's scenario section (absent in older records and without one). */
  shocks?: Shock[];
}

/** The tags on instruments a snapshot holds (its keys from its position groups, a few rows a security, not its positions). */
export function heldTags(db: Db, snapshotId: number): RecordedTag[] {
  return db
    .prepare(
      `SELECT t.symbol_key AS symbolKey, t.theme_id AS themeId, t.weight_bp AS weightBp, t.source, t.rationale, t.source_url AS sourceUrl, t.updated_at AS updatedAt
       FROM tags t WHERE t.symbol_key IN (SELECT g.symbol_key FROM position_groups g WHERE g.snapshot_id = @sid)
       ORDER BY t.symbol_key, t.theme_id`,
    )
    .all({ sid: snapshotId }) as RecordedTag[];
}

/** The portfolio's snapshot before this one (by as-of date, then import order), or null. */
export function previousSnapshotOf(db: Db, snapshot: Snapshot): { id: number; asOf: string } | null {
  const row = db
    .prepare('SELECT id, as_of AS asOf FROM snapshots WHERE portfolio_id = ? AND (as_of < ? OR (as_of = ? AND id < ?)) ORDER BY as_of DESC, id DESC LIMIT 1')
    .get(snapshot.portfolioId, snapshot.asOf, snapshot.asOf, snapshot.id) as { id: number; asOf: string } | undefined;
  return row ?? null;
}

/** Captures the current inputs of a report on one snapshot. */
export function captureInputs(
  db: Db,
  portfolio: Portfolio,
  snapshot: Snapshot,
  rest: Pick<ReportInputs, 'tagChanges' | 'preferences' | 'sections' | 'generatedAt'>,
): ReportInputs {
  return {
    version: 1,
    portfolio: { id: portfolio.id, name: portfolio.name, clientName: portfolio.clientName, baseCurrency: portfolio.baseCurrency },
    snapshot: { id: snapshot.id, asOf: snapshot.asOf, sourceFile: snapshot.sourceFile, fileSha256: snapshot.fileSha256 },
    previousSnapshot: previousSnapshotOf(db, snapshot),
    tags: heldTags(db, snapshot.id),
    // The rates that value this snapshot (one per pair, as of its date), not every rate ever entered.
    fxRates: fxRatesAsOf(db, snapshot.asOf),
    themes: listThemes(db),
    ...rest,
  };
}

/**
 * A short fingerprint of what the figures depend on (snapshot and its file hash, base currency,
 * tags, FX rates, themes): 12 hex digits in groups of four. Same inputs, same fingerprint.
 */
export function fingerprintOf(inputs: ReportInputs): string {
  const material = {
    snapshot: [inputs.snapshot.id, inputs.snapshot.fileSha256],
    base: inputs.portfolio.baseCurrency,
    tags: inputs.tags.map((t) => [t.symbolKey, t.themeId, t.weightBp, t.source, t.rationale, t.sourceUrl]),
    fx: inputs.fxRates.map((r) => [r.currency, r.quote, r.rate, r.asOf]).sort(),
    themes: inputs.themes.map((t) => [t.id, t.name, t.color, t.parentId ?? null, t.sortOrder]),
  };
  const hex = createHash('sha256').update(JSON.stringify(material)).digest('hex');
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

/** SHA-256 of a text, hex. */
export const sha256Hex = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');
