import type { Exposure } from '../../shared/exposure/model';
import type { Db } from '../connection';
import type { RecordedTag, ReportInputs } from './inputs';

/** The earlier report a new one is compared with, as recorded. */
export interface PreviousReport {
  id: number;
  generatedAt: string;
  fingerprint: string;
  snapshot: { id: number; asOf: string };
  tags: RecordedTag[];
}

/**
 * The portfolio's most recent report whose content differs from this one's (another fingerprint),
 * or null. The same report saved again in another format is not "the previous report": comparing
 * with it would always say that nothing changed.
 */
export function previousReportOf(db: Db, portfolioId: number, fingerprint: string): PreviousReport | null {
  const row = db
    .prepare(
      `SELECT r.id, r.generated_at AS generatedAt, r.fingerprint, r.inputs FROM reports r
       WHERE r.portfolio_id = ? AND r.fingerprint <> ? AND EXISTS (SELECT 1 FROM snapshots s WHERE s.id = r.snapshot_id)
       ORDER BY r.generated_at DESC, r.id DESC LIMIT 1`,
    )
    .get(portfolioId, fingerprint) as { id: number; generatedAt: string; fingerprint: string; inputs: string } | undefined;
  if (!row) return null;
  const inputs = JSON.parse(row.inputs) as ReportInputs;
  return { id: row.id, generatedAt: row.generatedAt, fingerprint: row.fingerprint, snapshot: { id: inputs.snapshot.id, asOf: inputs.snapshot.asOf }, tags: inputs.tags };
}

/**
 * Theme weights that differ between the previous report's recorded tags and today's, for the
 * instruments the new snapshot holds: added (before null), removed (after null) or re-weighted.
 */
export function tagChangesSince(
  previous: readonly RecordedTag[],
  current: readonly RecordedTag[],
  previousAt: string,
  isHeld: (symbolKey: string) => boolean,
): Exposure['tagChanges'] {
  const key = (t: RecordedTag) => `${t.symbolKey}\u0000${t.themeId}`;
  const before = new Map(previous.map((t) => [key(t), t]));
  const after = new Map(current.map((t) => [key(t), t]));
  const out: Exposure['tagChanges'] = [];
  for (const [k, a] of after) {
    const b = before.get(k);
    if (!b || b.weightBp !== a.weightBp) out.push({ symbolKey: a.symbolKey, themeId: a.themeId, oldWeight: b ? b.weightBp / 10000 : null, newWeight: a.weightBp / 10000, source: a.source, at: a.updatedAt });
  }
  // A tag removed since, on an instrument the new snapshot still holds.
  for (const [k, b] of before) {
    if (!after.has(k) && isHeld(b.symbolKey)) out.push({ symbolKey: b.symbolKey, themeId: b.themeId, oldWeight: b.weightBp / 10000, newWeight: null, source: b.source, at: previousAt });
  }
  return out.sort((x, y) => (x.symbolKey < y.symbolKey ? -1 : x.symbolKey > y.symbolKey ? 1 : x.themeId < y.themeId ? -1 : x.themeId > y.themeId ? 1 : 0));
}

