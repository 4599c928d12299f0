/** The client report as CSV: the exposure blocks plus adviser, fingerprint, tag notes and position changes. */
import { plainAmount } from './amount';
import { csvLines, numberCell, textCell } from './csv';
import { comparedWith, type ReportDocument } from './document';


/** UTF-8 with a BOM, CRLF line ends, every text cell neutralised against formulas. */
export function renderReportCsv(doc: ReportDocument): string {
  const p = doc.preferences;
  const lines = csvLines(doc.exposure);
  // After the exposure's own header block (portfolio, client, as of, base currency), before its blank line.
  lines.splice(4, 0, `Report,${textCell(p.reportTitle)}`, `Adviser,${textCell(p.adviserName)}`, `Firm,${textCell(p.adviserFirm)}`, `Fingerprint,${textCell(doc.fingerprint)}`);
  const row = (...cells: string[]) => lines.push(cells.join(','));
  // Warnings (missing rates, a file total that disagrees...) travel with the figures they qualify.
  if (doc.exposure.warnings.length > 0) {
    lines.push('');
    for (const w of doc.exposure.warnings) row('Warning', w.code, textCell(w.message));
  }
  if (doc.tagNotes.some((n) => n.rationale || n.sourceUrl)) {
    lines.push('');
    row('Weight rationale: symbol', 'Theme', 'Source', 'Rationale', 'Reference');
    for (const n of doc.tagNotes) if (n.rationale || n.sourceUrl) row(textCell(n.symbolKey), textCell(n.themeId), textCell(n.source), textCell(n.rationale), textCell(n.sourceUrl));
  }
  if (doc.previousSnapshot) {
    lines.push('');
    row('Compared with', textCell(comparedWith(doc)));
    row('Position change since', doc.previousSnapshot.asOf, 'Account', 'Symbol', 'Description', 'Currency', 'Quantity before', 'Quantity after', 'Value before', 'Value after');
    for (const c of doc.positionChanges) {
      row(c.kind, '', textCell(c.account), textCell(c.symbolKey), textCell(c.description), textCell(c.currency), numberCell(c.quantityBefore), numberCell(c.quantityAfter), plainAmount(c.localValueBefore, c.currency), plainAmount(c.localValueAfter, c.currency));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
