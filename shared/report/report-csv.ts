/** The client report as CSV: the exposure blocks plus adviser, fingerprint, tag notes and position changes. */
import { plainAmount } from './amount';
import { csvLines, numberCell, textCell } from './csv-cells';
import { reportBreakdowns } from './breakdowns';
import { comparedWith, type ReportDocument } from './document';
import { fixedShare } from './format';


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
  const r = doc.exposure;
  if (r.portfolios) {
    lines.push('');
    row('Portfolio of the client', 'Snapshot', 'As of', 'Holdings file', 'Positions', `Value (${r.baseCurrency})`);
    for (const p of r.portfolios) row(textCell(p.name), numberCell(p.snapshotId), p.asOf ?? '', textCell(p.sourceFile), String(p.positionCount), plainAmount(p.totalValue, r.baseCurrency));
  }
  if (r.benchmark) {
    lines.push('');
    row('Benchmark', textCell(r.benchmark.symbol), 'As of', r.benchmark.asOf ?? '', 'Coverage', r.benchmark.coverage.toFixed(6));
    row('Theme id', 'Share of portfolio', 'Benchmark share', 'Active');
    for (const t of r.themes) row(textCell(t.id), fixedShare(t.share), fixedShare(t.benchmark?.share ?? 0), fixedShare(t.benchmark?.active ?? 0));
  }
  if (doc.scenario) {
    const s = doc.scenario;
    lines.push('');
    row('Scenario shock: theme id', 'Shock (%)');
    for (const x of s.shocks) row(textCell(x.themeId), String(x.shockBp / 100));
    row('Scenario: theme id', 'Shock applied (%)', `Exposure (${s.baseCurrency})`, `Move (${s.baseCurrency})`);
    for (const t of s.themes) row(textCell(t.id), String(t.shock), plainAmount(t.value, s.baseCurrency), plainAmount(t.impact, s.baseCurrency));
    row('Scenario: total move', '', plainAmount(s.totalValue, s.baseCurrency), plainAmount(s.impact, s.baseCurrency));
  }
  // The breakdowns (by account, by currency, theme overlap) and, with a comparison, what moved each theme.
  const b = reportBreakdowns(r);
  const cur = r.baseCurrency;
  lines.push('');
  row('Account', 'Positions', `Value (${cur})`, ...b.themes.map((t) => textCell(t.id)), 'Untagged', 'Positions without a rate');
  for (const a of b.accounts) row(textCell(a.account), String(a.positionCount), plainAmount(a.value, cur), ...b.themes.map((t) => plainAmount(a.themes[t.id] ?? 0, cur)), plainAmount(a.untaggedValue, cur), String(a.withoutRate));
  lines.push('');
  row('Currency held', 'Positions', 'Local value', `Value (${cur})`, 'Share', 'Rate used');
  for (const c of b.currencies) row(textCell(c.currency), String(c.positionCount), plainAmount(c.localValue, c.currency), plainAmount(c.value, cur), c.share === null ? '' : fixedShare(c.share), textCell(c.rate ?? 'missing'));
  lines.push('');
  row('Overlap: theme id', 'With theme id', `Value in both (${cur})`, 'Share', 'Positions');
  for (const o of b.overlap) row(textCell(o.a), textCell(o.b), plainAmount(o.value, cur), fixedShare(o.share), String(o.positionCount));
  if (doc.attribution) {
    const a = doc.attribution;
    lines.push('');
    row('Theme change: theme id', `Before (${a.from.asOf})`, `Now (${a.to.asOf})`, 'Quantity effect', 'Price effect', 'Tag effect', 'Share before', 'Share now');
    for (const t of a.themes) row(textCell(t.id), plainAmount(t.fromValue, cur), plainAmount(t.toValue, cur), plainAmount(t.quantityEffect, cur), plainAmount(t.priceEffect, cur), plainAmount(t.tagEffect, cur), fixedShare(t.fromShare), fixedShare(t.toShare));
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
