/** The client report as JSON: the documented exposure schema plus the adviser's additions. */
import { reportBreakdowns } from './breakdowns';
import { publicWarning } from '../exposure/warnings';
import type { ReportDocument } from './document';

/** The exposure fields at the top level (schemaVersion and all), then fingerprint, adviser, notes and changes. */
export function renderReportJson(doc: ReportDocument): string {
  return `${JSON.stringify({ ...reportObject(doc), positions: doc.exposure.positions.map(jsonPosition) }, null, 2)}\n`;
}

/**
 * A position as the JSON report writes it: the documented fields, `quantity` a number (an IEEE
 * double). The exact text the other formats show (quantityText) stays out, so the schema and every
 * recorded report's content hash (export-file.ts) stay as they were.
 */
function jsonPosition(p: ReportDocument['exposure']['positions'][number]): object {
  if (!('quantityText' in p)) return p;
  const { quantityText: _exact, ...documented } = p;
  return documented;
}

/** Stands for the positions while the rest is written: a string no position or name can hold (JSON writes a NUL as \u0000). */
const POSITIONS_HERE = '\u0000positions\u0000';

/**
 * The same text as renderReportJson, in pieces: the report around its positions, then each
 * position. For hashing a report's content (db/report/export-file.ts) without writing a million
 * positions into one string first (400 MB). The pieces join to exactly renderReportJson's bytes
 * (JSON.stringify with 2 spaces puts each array element on its own line, 4 spaces in).
 */
export function* reportJsonPieces(doc: ReportDocument): Generator<string> {
  const whole = `${JSON.stringify({ ...reportObject(doc), positions: POSITIONS_HERE }, null, 2)}\n`;
  const marker = JSON.stringify(POSITIONS_HERE);
  const at = whole.indexOf(marker);
  const positions = doc.exposure.positions;
  yield whole.slice(0, at);
  if (positions.length === 0) yield '[]';
  else {
    for (let i = 0; i < positions.length; i++) yield `${i === 0 ? '[' : ','}\n    ${JSON.stringify(jsonPosition(positions[i]!), null, 2).replace(/\n/g, '\n    ')}`;
    yield '\n  ]';
  }
  yield whole.slice(at + marker.length);
}

function reportObject(doc: ReportDocument) {
  const { reportTitle, adviserName, adviserFirm, disclaimer } = doc.preferences;
  return {
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
}
