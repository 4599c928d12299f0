/** The report's optional parts as HTML: a household's portfolios, the benchmark comparison, the scenario. */
import { textOf, type ReportDocument } from './document';
import { escapeHtml as e } from './escape';
import { formatMoney, formatShare, unsignedZero } from './format';
import { swatch, table, td } from './html-table';
import { reportText, type Tr } from './i18n';

const ENGLISH: Tr = (english, vars) => reportText('en').tr(english, vars);

/** Percentage points with a sign: 0.052 -> "+5.2 pts" (plain text; `tr` for a report's language, English without). */
export const formatPoints = (f: number, tr: Tr = ENGLISH): string => {
  const points = unsignedZero((f * 100).toFixed(1));
  // No sign on a difference that rounds to nothing: "+0.0 pts" read as a gain.
  const sign = points.startsWith('-') || Number(points) === 0 ? '' : '+';
  return tr('{{points}} pts', { points: `${sign}${points}` });
};

/** A shock in basis points as a percent with a sign: -2000 -> "-20%". */
export const formatShock = (bp: number): string => `${bp > 0 ? '+' : ''}${Number((bp / 100).toFixed(2))}%`;

/** A client's combined report: the portfolios it adds up, each in the client's currency. */
export function portfoliosHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  if (!r.portfolios) return '';
  const { html } = textOf(doc);
  const rows = r.portfolios.map((p) =>
    p.snapshotId === null
      ? `<tr>${td(e(p.name))}${td(html('no snapshot yet'))}${td('')}${td('', true)}${td('', true)}${td('', true)}</tr>`
      : `<tr>${td(e(p.name))}${td(e(p.asOf ?? ''))}${td(e(p.sourceFile ?? ''))}${td(String(p.positionCount), true)}${td(e(formatMoney(p.totalValue, r.baseCurrency)), true)}${td(formatShare(r.totalValue === 0 ? 0 : p.totalValue / r.totalValue), true)}</tr>`,
  );
  const about = html('The latest snapshot of each, valued in {{currency}} at the rates of its own date; the same security held in the same currency in several accounts is one line below (held in two currencies, a line for each).', { currency: e(r.baseCurrency) });
  const head = [html('Portfolio'), html('As of'), html('Holdings file'), html('Positions'), html('Value ({{currency}})', { currency: e(r.baseCurrency) }), html('Share')];
  return `\n<h3>${html('Portfolios of {{client}}', { client: e(r.portfolio) })}</h3>\n<p class="meta">${about}</p>\n${table(head, rows, [3, 4, 5])}`;
}

/** Each theme's share beside the benchmark's, and the active difference. */
export function benchmarkHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const b = r.benchmark;
  if (!b) return '';
  const { tr, html } = textOf(doc);
  const rows = r.themes.map((t) =>
    `<tr${t.parentId ? ' class="sub"' : ''}>${td(swatch(t.color) + e(t.name))}${td(formatShare(t.share), true)}${td(formatShare(t.benchmark?.share ?? 0), true)}${td(e(formatPoints(t.benchmark?.active ?? t.share, tr)), true)}</tr>`,
  );
  const about = html('{{symbol}}: holdings file {{file}}{{asOf}}; its constituents cover {{coverage}} of the fund, and its theme shares are its look-through weights.', {
    symbol: e(b.symbol),
    file: e(b.sourceFile),
    asOf: b.asOf ? html(' as of {{date}}', { date: e(b.asOf) }) : '',
    coverage: formatShare(b.coverage),
  });
  return `\n<h3>${html('Against the benchmark {{symbol}}', { symbol: e(b.symbol) })}</h3>\n<p class="meta">${about}</p>\n${table([html('Theme'), html('Share'), html('Benchmark ({{symbol}})', { symbol: e(b.symbol) }), html('Active')], rows, [1, 2, 3])}`;
}

/** The shocks applied and what they do, by theme and for the positions that move most. */
export function scenarioHtml(doc: ReportDocument): string {
  const s = doc.scenario;
  if (!s) return '';
  const cur = s.baseCurrency;
  const { html } = textOf(doc);
  const names = new Map(doc.exposure.themes.map((t) => [t.id, t]));
  const applied = s.shocks.map((x) => `${e(names.get(x.themeId)?.name ?? x.themeId)} ${formatShock(x.shockBp)}`).join(', ');
  const themes = s.themes
    .filter((t) => t.shock !== 0 || t.impact !== 0)
    .map((t) => `<tr>${td(swatch(names.get(t.id)?.color ?? '') + e(names.get(t.id)?.name ?? t.id))}${td(`${t.shock > 0 ? '+' : ''}${t.shock}%`, true)}${td(e(formatMoney(t.value, cur)), true)}${td(e(formatMoney(t.impact, cur)), true)}</tr>`);
  const top = s.positions.slice(0, 20).map((p) => `<tr>${td(e(p.account))}${td(e(p.symbol))}${td(e(formatMoney(p.value, cur)), true)}${td(e(formatMoney(p.impact, cur)), true)}</tr>`);
  const result = html('{{impact}} ({{share}} of {{total}}).', {
    impact: `<strong>${e(formatMoney(s.impact, cur))}</strong>`,
    share: `${unsignedZero((s.impactShare * 100).toFixed(2)).replace(/^(?!-)/, '+')}%`,
    total: e(formatMoney(s.totalValue, cur)),
  });
  return `<h2>${html('Scenario')}</h2>
<p>${html("Shocks applied: {{shocks}}. Each position moves by the sum over its themes of weight × shock; a sub-theme takes its parent's shock unless it has its own; cash does not move.", { shocks: applied })}</p>
<p>${result}</p>
${table([html('Theme'), html('Shock'), html('Exposure'), html('Move')], themes, [1, 2, 3])}
${top.length ? `<h3>${html('Positions that move most')}</h3>\n${table([html('Account'), html('Symbol'), html('Value ({{currency}})', { currency: e(cur) }), html('Move')], top, [2, 3])}` : ''}`;
}
