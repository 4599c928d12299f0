/** The client report as JSON: the documented exposure schema plus the adviser's additions. */
import { reportBreakdowns } from './breakdowns';
import { publicWarning } from '../exposure/warnings';
import type { ReportDocument } from './document';

/** The exposure fields at the top level (schemaVersion and all), then fingerprint, adviser, notes and changes. */
export function renderReportJson(doc: ReportDocument): string {
  const { reportTitle, adviserName, adviserFirm, disclaimer } = doc.preferences;
  const out = {
    ...doc.exposure,
    // { code, message } as documented: the figures kept for other languages stay out.
    warnings: doc.exposure.warnings.map(publicWarning),
    fingerprint: doc.fingerprint,
    report: { title: reportTitle, adviserName, adviserFirm, disclaimer },
    tagNotes: doc.tagNotes,
    previousSnapshot: doc.previousSnapshot,
    previousReport: doc.previousReport,
    positionChanges: doc.positionChanges,
    breakdowns: reportBreakdowns(doc.exposure),
    ...(doc.attribution ? { attribution: doc.attribution } : {}),
    // Only when shocks were asked for, so plain reports keep their exact bytes.
    ...(doc.scenario ? { scenario: doc.scenario } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
