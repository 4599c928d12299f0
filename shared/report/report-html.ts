/** The client report as one self-contained HTML file: the page the PDF is printed from, too. */
import { warningIn } from '../exposure/warnings';
import { hasSection, languageOf, textOf, titleOf, type ReportDocument, type ReportSection } from './document';
import { escapeHtml as e } from './escape';
import { withThemeNamesIn } from '../domain/theme-names';
import { answerHtml } from './answer-html';
import { accountsHtml, currenciesHtml, overlapHtml } from './html-breakdowns';
import { scenarioHtml } from './html-extras';
import { changesHtml, chartsHtml, disclaimerHtml, fxHtml, methodologyHtml, positionsHtml, summaryHtml, themeDetailsHtml } from './html-sections';

const SECTIONS: Record<ReportSection, (doc: ReportDocument) => string> = {
  summary: summaryHtml,
  charts: chartsHtml,
  themes: themeDetailsHtml,
  accounts: accountsHtml,
  currencies: currenciesHtml,
  overlap: overlapHtml,
  positions: positionsHtml,
  fx: fxHtml,
  changes: changesHtml,
  methodology: methodologyHtml,
  disclaimer: disclaimerHtml,
};

// Print rules: the cover is a page of its own, table headers repeat on every page (a <thead> is a
// table-header-group), rows and charts are not split across pages. `:host` is the same page shown
// in the app's preview, inside a shadow root. Japanese names (an SBI or Rakuten account) take the
// Japanese forms of shared Han characters from the first Japanese font found, never a Chinese one.
export const REPORT_CSS = `
body,:host{display:block;font:10.5pt/1.45 "DejaVu Sans","Liberation Sans",Arial,Helvetica,"Noto Sans CJK JP","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;color:#111827;margin:24px auto;max-width:980px;padding:0 16px}
h1{font-size:22pt;margin:0 0 8px}h2{font-size:14pt;margin:24px 0 8px;break-after:avoid}h3{font-size:11.5pt;margin:16px 0 6px;break-after:avoid}
.meta{color:#6b7280}.cover h1{margin-bottom:2px}.particulars{color:#4b5563;font-size:8.5pt;margin:2px 0 10px}.headline{font-size:13pt;margin:10px 0 4px}
.answer-table td{font-size:8.5pt}.rests-on{font-size:8.5pt}.logo{max-height:48px;max-width:200px;margin-bottom:12px}.fingerprint{font-family:"DejaVu Sans Mono",monospace;white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:9pt}th,td{border-bottom:1px solid #e5e7eb;padding:4px 6px;text-align:left;vertical-align:top}
thead{display:table-header-group}tfoot{display:table-row-group}tr{break-inside:avoid}
th{background:#f3f4f6;font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.sub td:first-child{padding-left:22px}tr.part td{font-style:italic;color:#4b5563}tfoot td{font-weight:600;border-top:1px solid #9ca3af}
.swatch{display:inline-block;width:9px;height:9px;margin-right:6px;vertical-align:baseline}
figure{margin:8px 0;break-inside:avoid}svg.chart{max-width:100%;height:auto}
.warnings{background:#fef3c7;border:1px solid #f59e0b;padding:4px 12px;margin:16px 0}
.disclaimer{font-size:9pt;color:#374151}.nowrap{white-space:nowrap}td.desc{width:32%}
@media print{body{margin:0;max-width:none;padding:0}.cover{break-after:page}}
`;

/**
 * When the report was made, to the minute, for the reader: "2026-12-07 16:01 UTC". The ISO moment
 * (2026-12-07T16:01:59.930Z) read as a machine's in a client's report; the header gives the day.
 */
function generatedMoment(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/**
 * What goes inside the report's <body>: every piece of user text escaped, no script, no event
 * handler and no style attribute (colors are SVG fill attributes), so the same markup can be shown
 * under the app's strict CSP.
 */
export function renderReportBody(report: ReportDocument): string {
  // Default themes the user has not renamed are named in the report's language.
  const doc = withThemeNamesIn(report, languageOf(report));
  const r = doc.exposure;
  const { html, tr } = textOf(doc);
  // In the report's language, from each warning's figures (English where it has none), without the
  // command that fixes it: a client reads these pages.
  const warnings = r.warnings.length ? `<div class="warnings">${r.warnings.map((w) => `<p>${e(warningIn(w, tr, true))}</p>`).join('')}</div>` : '';
  const chosen = (Object.keys(SECTIONS) as ReportSection[]).filter((s) => hasSection(doc, s));
  const body = chosen.map((s) => SECTIONS[s](doc));
  // The scenario (only when shocks were asked for) follows the summary and charts it qualifies.
  if (doc.scenario) body.splice(chosen.filter((s) => s === 'summary' || s === 'charts').length, 0, scenarioHtml(doc));
  return `${answerHtml(doc)}
${warnings}
${body.join('\n')}
<p class="meta">${html('Generated {{date}}', { date: e(generatedMoment(r.generatedAt)) })}${doc.fingerprint ? ` · ${html('fingerprint')} <span class="fingerprint">${e(doc.fingerprint)}</span>` : ''} · ThemeLens</p>
`;
}

/**
 * One self-contained HTML file: inline CSS and SVG, no scripts, no external requests (its own CSP
 * forbids them). `body` when the caller already rendered it (the preview needs both).
 */
export function renderReportHtml(doc: ReportDocument, body: string = renderReportBody(doc)): string {
  const r = doc.exposure;
  return `<!doctype html>
<html lang="${languageOf(doc)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(titleOf(doc))}: ${e(r.portfolio)}</title>
<style>${REPORT_CSS}</style></head><body>
${body}</body></html>
`;
}
