import type { ExposureReport } from './model';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes user text for HTML text and attribute values. */
export function escapeHtml(text: string | null | undefined): string {
  return (text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Only #rrggbb colors reach a style attribute; anything else falls back to gray. */
const safeColor = (c: string) => (/^#[0-9a-fA-F]{6}$/.test(c) ? c : '#9ca3af');

function formatMoney(value: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' }).format(value);
}
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * One self-contained HTML file: inline CSS, no scripts, no external requests (its own CSP forbids
 * them), every piece of user text escaped. Bars are drawn with CSS widths.
 */
export function renderHtml(report: ExposureReport): string {
  const cur = report.baseCurrency;
  const max = Math.max(1, ...report.themes.map((t) => Math.abs(t.value)), Math.abs(report.untaggedValue));
  const bar = (value: number, color: string) =>
    `<div class="bar"><span style="width:${((Math.abs(value) / max) * 100).toFixed(2)}%;background:${safeColor(color)}"></span></div>`;
  const themeRows = report.themes
    .map(
      (t) => `<tr><td><span class="swatch" style="background:${safeColor(t.color)}"></span>${escapeHtml(t.name)}</td>
<td class="num">${formatMoney(t.value, cur)}</td><td class="num">${pct(t.share)}</td><td class="num">${t.positionCount}</td><td>${bar(t.value, t.color)}</td></tr>`,
    )
    .join('\n');
  const untaggedShare = report.totalValue === 0 ? 0 : report.untaggedValue / report.totalValue;
  const positionRows = report.positions
    .map(
      (p) => `<tr><td>${escapeHtml(p.account)}</td><td>${escapeHtml(p.symbol)}</td><td>${escapeHtml(p.description)}</td>
<td class="num">${p.quantity ?? ''}</td><td class="num">${p.value === null ? `${escapeHtml(p.currency)} ${p.localValue.toFixed(2)} (no FX rate)` : formatMoney(p.value, cur)}</td>
<td>${p.themes.map((t) => `${escapeHtml(t.id)} ${(t.weight * 100).toFixed(0)}%`).join(', ')}</td></tr>`,
    )
    .join('\n');
  const warnings = report.warnings.length
    ? `<div class="warnings">${report.warnings.map((w) => `<p>${escapeHtml(w.message)}</p>`).join('')}</div>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Theme exposure: ${escapeHtml(report.portfolio)}</title>
<style>
body{font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#111827;margin:32px auto;max-width:960px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}.meta{color:#6b7280}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f9fafb;font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.bar{background:#f3f4f6;height:10px;width:160px}.bar span{display:block;height:10px}
.warnings{background:#fef3c7;border:1px solid #f59e0b;padding:4px 12px;margin:16px 0}
tfoot td{font-weight:600}
</style></head><body>
<h1>Theme exposure: ${escapeHtml(report.portfolio)}</h1>
<p class="meta">${report.clientName ? `Client: ${escapeHtml(report.clientName)} · ` : ''}As of ${escapeHtml(report.asOf)} · Base currency ${escapeHtml(cur)} · Source ${escapeHtml(report.sourceFile)}</p>
${warnings}
<h2>Summary</h2>
<table><thead><tr><th>Theme</th><th class="num">Value</th><th class="num">Share</th><th class="num">Positions</th><th></th></tr></thead>
<tbody>
${themeRows}
<tr><td><span class="swatch" style="background:#9ca3af"></span>Untagged</td><td class="num">${formatMoney(report.untaggedValue, cur)}</td><td class="num">${pct(untaggedShare)}</td><td></td><td>${bar(report.untaggedValue, '#9ca3af')}</td></tr>
</tbody>
<tfoot><tr><td>Total (cash ${formatMoney(report.cashValue, cur)})</td><td class="num">${formatMoney(report.totalValue, cur)}</td><td class="num">${report.totalValue === 0 ? '0.0%' : '100.0%'}</td><td></td><td></td></tr></tfoot>
</table>
<h2>Positions</h2>
<table><thead><tr><th>Account</th><th>Symbol</th><th>Description</th><th class="num">Quantity</th><th class="num">Value</th><th>Themes</th></tr></thead>
<tbody>
${positionRows}
</tbody></table>
${report.tagChanges.length ? `<h2>Tag changes since the previous snapshot</h2>
<table><thead><tr><th>When</th><th>Symbol</th><th>Theme</th><th class="num">Before</th><th class="num">After</th><th>Source</th></tr></thead><tbody>
${report.tagChanges.map((c) => `<tr><td>${escapeHtml(c.at.slice(0, 10))}</td><td>${escapeHtml(c.symbolKey)}</td><td>${escapeHtml(c.themeId)}</td><td class="num">${c.oldWeight === null ? '—' : pct(c.oldWeight)}</td><td class="num">${c.newWeight === null ? '—' : pct(c.newWeight)}</td><td>${escapeHtml(c.source)}</td></tr>`).join('\n')}
</tbody></table>` : ''}
<h2>Method</h2>
<p>Each position's value in ${escapeHtml(cur)} is multiplied by the weight of each theme it is tagged with; a theme's exposure is the sum of those contributions, rounded to the cent per position. Untagged is the total less every tagged contribution. Shares are of the total value including cash.</p>
</body></html>
`;
}
