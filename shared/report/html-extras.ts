/** The report's optional parts as HTML: a household's portfolios, the benchmark comparison, the scenario. */
import type { ReportDocument } from './document';
import { escapeHtml as e } from './escape';
import { formatMoney, formatShare } from './format';
import { swatch, table, td } from './html-table';

/** Percentage points with a sign: 0.052 -> "+5.2 pts". */
export const formatPoints = (f: number): string => `${f >= 0 ? '+' : ''}${(f * 100).toFixed(1)} pts`;
/** A shock in basis points as a percent with a sign: -2000 -> "-20%". */
export const formatShock = (bp: number): string => `${bp > 0 ? '+' : ''}${Number((bp / 100).toFixed(2))}%`;

/** A client's combined report: the portfolios it adds up, each in the client's currency. */
export function portfoliosHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  if (!r.portfolios) return '';
  const rows = r.portfolios.map((p) =>
    p.snapshotId === null
      ? `<tr>${td(e(p.name))}${td('no snapshot yet')}${td('')}${td('', true)}${td('', true)}${td('', true)}</tr>`
      : `<tr>${td(e(p.name))}${td(e(p.asOf ?? ''))}${td(e(p.sourceFile ?? ''))}${td(String(p.positionCount), true)}${td(e(formatMoney(p.totalValue, r.baseCurrency)), true)}${td(formatShare(r.totalValue === 0 ? 0 : p.totalValue / r.totalValue), true)}</tr>`,
  );
  return `\n<h3>Portfolios of ${e(r.portfolio)}</h3>\n<p class="meta">The latest snapshot of each, valued in ${e(r.baseCurrency)} at the rates of its own date; the same security held in several accounts is one line below.</p>\n${table(['Portfolio', 'As of', 'Holdings file', 'Positions', `Value (${e(r.baseCurrency)})`, 'Share'], rows, [3, 4, 5])}`;
}

/** Each theme's share beside the benchmark's, and the active difference. */
export function benchmarkHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const b = r.benchmark;
  if (!b) return '';
  const rows = r.themes.map((t) =>
    `<tr${t.parentId ? ' class="sub"' : ''}>${td(swatch(t.color) + e(t.name))}${td(formatShare(t.share), true)}${td(formatShare(t.benchmark?.share ?? 0), true)}${td(formatPoints(t.benchmark?.active ?? t.share), true)}</tr>`,
  );
  const about = `${e(b.symbol)}: holdings file ${e(b.sourceFile)}${b.asOf ? ` as of ${e(b.asOf)}` : ''}; its constituents cover ${formatShare(b.coverage)} of the fund, and its theme shares are its look-through weights.`;
  return `\n<h3>Against the benchmark ${e(b.symbol)}</h3>\n<p class="meta">${about}</p>\n${table(['Theme', 'Share', `Benchmark (${e(b.symbol)})`, 'Active'], rows, [1, 2, 3])}`;
}

/** The shocks applied and what they do, by theme and for the positions that move most. */
export function scenarioHtml(doc: ReportDocument): string {
  const s = doc.scenario;
  if (!s) return '';
  const cur = s.baseCurrency;
  const names = new Map(doc.exposure.themes.map((t) => [t.id, t]));
  const applied = s.shocks.map((x) => `${e(names.get(x.themeId)?.name ?? x.themeId)} ${formatShock(x.shockBp)}`).join(', ');
  const themes = s.themes
    .filter((t) => t.shock !== 0 || t.impact !== 0)
    .map((t) => `<tr>${td(swatch(names.get(t.id)?.color ?? '') + e(names.get(t.id)?.name ?? t.id))}${td(`${t.shock > 0 ? '+' : ''}${t.shock}%`, true)}${td(e(formatMoney(t.value, cur)), true)}${td(e(formatMoney(t.impact, cur)), true)}</tr>`);
  const top = s.positions.slice(0, 20).map((p) => `<tr>${td(e(p.account))}${td(e(p.symbol))}${td(e(formatMoney(p.value, cur)), true)}${td(e(formatMoney(p.impact, cur)), true)}</tr>`);
  return `<h2>Scenario</h2>
<p>Shocks applied: ${applied}. Each position moves by the sum over its themes of weight × shock; a sub-theme takes its parent's shock unless it has its own; cash does not move.</p>
<p><strong>${e(formatMoney(s.impact, cur))}</strong> (${s.impactShare >= 0 ? '+' : ''}${(s.impactShare * 100).toFixed(2)}% of ${e(formatMoney(s.totalValue, cur))}).</p>
${table(['Theme', 'Shock', 'Exposure', 'Move'], themes, [1, 2, 3])}
${top.length ? `<h3>Positions that move most</h3>\n${table(['Account', 'Symbol', `Value (${e(cur)})`, 'Move'], top, [2, 3])}` : ''}`;
}
