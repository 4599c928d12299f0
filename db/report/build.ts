import type { Portfolio, Snapshot } from '../../shared/domain/types';
import { REPORT_SECTIONS, type ReportDocument, type ReportSection } from '../../shared/report/document';
import type { Exposure } from '../../shared/exposure/model';
import type { Db } from '../connection';
import { computeExposure } from '../exposure/compute';
import { holdsSymbol } from '../exposure/scan';
import { attributionOf } from './attribution';
import { applyExtras, NO_EXTRAS, preferencesFor, type ReportExtras } from './extras';
import { captureInputs, fingerprintOf, type ReportInputs } from './inputs';
import { positionChanges } from './position-changes';
import { previousReportOf, tagChangesSince } from './previous-report';
import { withRecordedInputs } from './recorded-state';

/** The document of a report from its exposure and recorded inputs: the one place both paths meet. */
function documentFrom(plain: Exposure, inputs: ReportInputs, db: Db): ReportDocument {
  const { exposure, scenario } = applyExtras(plain, { benchmark: inputs.benchmark ?? null, shocks: inputs.shocks ?? [] });
  return {
    exposure,
    scenario,
    attribution: inputs.attribution ?? null,
    packs: [...new Set(inputs.themes.map((t) => t.pack))],
    preferences: inputs.preferences,
    fingerprint: fingerprintOf(inputs),
    tagNotes: inputs.tags.map((t) => ({ symbolKey: t.symbolKey, themeId: t.themeId, weight: t.weightBp / 10000, source: t.source, rationale: t.rationale, sourceUrl: t.sourceUrl })),
    previousSnapshot: inputs.previousSnapshot,
    previousReport: inputs.previousReport ?? null,
    positionChanges: inputs.previousSnapshot ? positionChanges(db, inputs.previousSnapshot.id, inputs.snapshot.id) : [],
    sections: inputs.sections,
  };
}

/** A report on a snapshot with today's tags, rates and preferences; returns the inputs to record too. */
export function buildReport(
  db: Db,
  portfolio: Portfolio,
  snapshot: Snapshot,
  generatedAt: string,
  sections: readonly ReportSection[] = REPORT_SECTIONS,
  extras: ReportExtras = NO_EXTRAS,
): { doc: ReportDocument; inputs: ReportInputs } {
  const exposure = computeExposure(db, portfolio, snapshot, generatedAt);
  const captured = captureInputs(db, portfolio, snapshot, {
    tagChanges: exposure.tagChanges,
    preferences: preferencesFor(db, extras),
    sections: REPORT_SECTIONS.filter((s) => sections.includes(s)),
    generatedAt,
  });
  // Recorded only when asked for, so the records (and content hashes) of plain reports stay as they were.
  if (extras.benchmark) captured.benchmark = extras.benchmark;
  if (extras.shocks.length > 0) captured.shocks = extras.shocks;
  // What changed is counted from the previous report sent, where there is one: its holdings and
  // its recorded tags. Without one, from the snapshot before this one (as captured above).
  const previous = previousReportOf(db, portfolio.id, fingerprintOf(captured));
  const inputs: ReportInputs = previous
    ? {
        ...captured,
        previousSnapshot: previous.snapshot,
        previousReport: { id: previous.id, generatedAt: previous.generatedAt, fingerprint: previous.fingerprint },
        tagChanges: tagChangesSince(previous.tags, captured.tags, previous.generatedAt, holdsSymbol(db, snapshot.id)),
      }
    : { ...captured, previousReport: null };
  const attribution = attributionOf(db, portfolio, snapshot, inputs);
  if (attribution) inputs.attribution = attribution;
  return { doc: documentFrom({ ...exposure, tagChanges: inputs.tagChanges }, inputs, db), inputs };
}

/**
 * The same report again from a record's inputs, whatever has changed since: the exposure is
 * computed by the same code over the recorded tags, rates and themes (swapped in and rolled back).
 */
export function rebuildReport(db: Db, inputs: ReportInputs): ReportDocument {
  const portfolio: Portfolio = { id: inputs.portfolio.id, name: inputs.portfolio.name, baseCurrency: inputs.portfolio.baseCurrency, clientName: inputs.portfolio.clientName, notes: null, createdAt: '' };
  const snapshotRow = db.prepare('SELECT row_count AS rowCount, imported_at AS importedAt, preset FROM snapshots WHERE id = ?').get(inputs.snapshot.id) as
    | { rowCount: number; importedAt: string; preset: string | null }
    | undefined;
  if (!snapshotRow) throw new Error(`snapshot ${inputs.snapshot.id} is gone`);
  const snapshot: Snapshot = { id: inputs.snapshot.id, portfolioId: inputs.portfolio.id, asOf: inputs.snapshot.asOf, sourceFile: inputs.snapshot.sourceFile, fileSha256: inputs.snapshot.fileSha256, ...snapshotRow };
  const exposure = withRecordedInputs(db, inputs, () => computeExposure(db, portfolio, snapshot, inputs.generatedAt));
  return documentFrom({ ...exposure, tagChanges: inputs.tagChanges }, inputs, db);
}
