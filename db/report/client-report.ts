import { createHash } from 'node:crypto';
import { REPORT_SECTIONS, type ReportDocument, type ReportSection, type TagNote } from '../../shared/report/document';
import type { Db } from '../connection';
import { clientPortfolios, computeClientExposure } from '../exposure/client';
import * as snapshots from '../repos/snapshots';
import { applyExtras, preferencesFor, type ReportExtras } from './extras';
import { captureInputs, fingerprintOf } from './inputs';
import { getReportPreferences } from './preferences';
import { listThemes } from '../repos/themes';

/**
 * A client's combined (household) report: the same document as a portfolio's, over the latest
 * snapshot of each of the client's portfolios (db/exposure/client.ts). There is no "what changed"
 * for a household (each portfolio's report has its own), and it is not recorded for regenerate.
 */
export function buildClientReport(
  db: Db,
  client: string,
  generatedAt: string,
  options: { baseCurrency?: string | undefined; sections?: readonly ReportSection[] | undefined; extras: ReportExtras },
): ReportDocument {
  const plain = computeClientExposure(db, client, generatedAt, { baseCurrency: options.baseCurrency });
  const { exposure, scenario } = applyExtras(plain, options.extras);
  // The tag notes and the fingerprint of each portfolio's inputs, as its own report would have them
  // in the client's currency; the household's fingerprint is over all of them.
  const notes = new Map<string, TagNote>();
  const prints: string[] = [];
  for (const p of clientPortfolios(db, client).portfolios) {
    const snapshot = snapshots.latestSnapshot(db, p.id);
    if (!snapshot) continue;
    const inputs = captureInputs(db, { ...p, baseCurrency: exposure.baseCurrency }, snapshot, { tagChanges: [], preferences: getReportPreferences(db), sections: [], generatedAt });
    prints.push(fingerprintOf(inputs));
    for (const t of inputs.tags) {
      notes.set(`${t.symbolKey}\u0000${t.themeId}`, { symbolKey: t.symbolKey, themeId: t.themeId, weight: t.weightBp / 10000, source: t.source, rationale: t.rationale, sourceUrl: t.sourceUrl });
    }
  }
  const hex = createHash('sha256').update(JSON.stringify([exposure.baseCurrency, prints])).digest('hex');
  const sections = options.sections ?? REPORT_SECTIONS;
  return {
    exposure,
    scenario,
    packs: [...new Set(listThemes(db).map((t) => t.pack))],
    preferences: preferencesFor(db, options.extras),
    fingerprint: `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`,
    tagNotes: [...notes.values()].sort((a, b) => a.symbolKey.localeCompare(b.symbolKey) || a.themeId.localeCompare(b.themeId)),
    previousSnapshot: null,
    previousReport: null,
    positionChanges: [],
    sections: REPORT_SECTIONS.filter((s) => sections.includes(s) && s !== 'changes'),
  };
}
