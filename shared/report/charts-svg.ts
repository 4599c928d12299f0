/** The report's two charts as inline SVG, so HTML and PDF both carry them as vectors. */
import { UNTAGGED_COLOR } from '../domain/default-themes';
import type { Exposure } from '../exposure/model';
import { escapeHtml } from './escape';
import { formatMoney, formatShare, safeColor } from './format';
import { reportText, type Tr } from './i18n';

const ENGLISH: Tr = (english, vars) => reportText('en').tr(english, vars);

export interface ChartBar {
  label: string;
  value: number;
  color: string;
  /** Drawn indented (a sub-theme). */
  indent?: boolean;
}

/**
 * The top-level themes and Untagged, each with its share: what the first page's bars, its shares'
 * sum and the donut show (a sub-theme's value is in its parent's).
 */
export function topLevelParts(r: Exposure, untaggedLabel: string): (ChartBar & { share: number })[] {
  const themes = r.themes.filter((t) => !t.parentId).map((t) => ({ label: t.name, value: t.value, color: t.color, share: t.share }));
  return [...themes, { label: untaggedLabel, value: r.untaggedValue, color: UNTAGGED_COLOR, share: r.totalValue === 0 ? 0 : r.untaggedValue / r.totalValue }];
}

const n = (x: number) => Number(x.toFixed(2)).toString();

/** Horizontal bars of net value per theme (negative values to the left of a zero axis); `tr` names the chart in the report's language. */
export function themeBarChartSvg(bars: readonly ChartBar[], currency: string, tr: Tr = ENGLISH, width = 640): string {
  const rowH = 24;
  const labelW = 200;
  const valueW = 130;
  const plotW = width - labelW - valueW - 16;
  const height = bars.length * rowH + 12;
  const min = Math.min(0, ...bars.map((b) => b.value));
  const max = Math.max(0, ...bars.map((b) => b.value));
  const span = max - min || 1;
  const x = (v: number) => labelW + ((v - min) / span) * plotW;
  const zero = x(0);
  const rows = bars.map((b, i) => {
    const y = 6 + i * rowH;
    const left = Math.min(x(b.value), zero);
    const w = Math.abs(x(b.value) - zero);
    return `<text x="${b.indent ? 16 : 0}" y="${n(y + 15)}" font-size="11">${escapeHtml(b.label)}</text>` +
      `<rect x="${n(left)}" y="${n(y + 4)}" width="${n(Math.max(w, 0.5))}" height="14" fill="${safeColor(b.color)}"/>` +
      `<text x="${n(width - 4)}" y="${n(y + 15)}" font-size="11" text-anchor="end">${escapeHtml(formatMoney(b.value, currency))}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeHtml(tr('Net exposure by theme'))}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="DejaVu Sans, Liberation Sans, Arial, Noto Sans CJK JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif">` +
    `<line x1="${n(zero)}" y1="2" x2="${n(zero)}" y2="${height - 2}" stroke="#6b7280" stroke-width="1"/>${rows.join('')}</svg>`;
}

export interface DonutSlice {
  label: string;
  value: number;
  color: string;
}

/** The path of one donut segment from angle a0 to a1 (radians, clockwise from 12 o'clock). */
function segmentPath(cx: number, cy: number, r: number, r0: number, a0: number, a1: number): string {
  const pt = (rad: number, a: number) => `${n(cx + rad * Math.sin(a))} ${n(cy - rad * Math.cos(a))}`;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return `M${pt(r, a0)} A${r} ${r} 0 ${large} 1 ${pt(r, a1)} L${pt(r0, a1)} A${r0} ${r0} 0 ${large} 0 ${pt(r0, a0)} Z`;
}

/**
 * A donut of each slice's share of `total` (slices of zero or less are left out: a donut cannot
 * show a short), with a legend. Each slice is a filled path, so it prints exactly. `tr` names the chart
 * in the report's language.
 */
export function shareDonutSvg(slices: readonly DonutSlice[], total: number, tr: Tr = ENGLISH): string {
  const shown = slices.filter((s) => s.value > 0);
  const sum = shown.reduce((a, s) => a + s.value, 0) || 1;
  let angle = 0;
  const arcs = shown.flatMap((s) => {
    const a0 = angle;
    angle += (s.value / sum) * 2 * Math.PI;
    // A full circle cannot be one arc: draw a whole slice as two halves.
    const parts = angle - a0 >= 2 * Math.PI - 1e-9 ? [[a0, a0 + Math.PI], [a0 + Math.PI, angle]] : [[a0, angle]];
    return parts.map(([from, to]) => `<path d="${segmentPath(90, 90, 77, 43, from as number, to as number)}" fill="${safeColor(s.color)}" stroke="#ffffff" stroke-width="1"/>`);
  });
  const legend = shown.map(
    (s, i) =>
      `<rect x="200" y="${24 + i * 22}" width="12" height="12" fill="${safeColor(s.color)}"/>` +
      `<text x="218" y="${34 + i * 22}" font-size="11">${escapeHtml(s.label)} ${escapeHtml(formatShare(total === 0 ? 0 : s.value / total))}</text>`,
  );
  const height = Math.max(180, 36 + shown.length * 22);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeHtml(tr('Share of the portfolio by theme'))}" viewBox="0 0 640 ${height}" width="640" height="${height}" font-family="DejaVu Sans, Liberation Sans, Arial, Noto Sans CJK JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif">` +
    `${shown.length ? '' : '<circle cx="90" cy="90" r="60" fill="none" stroke="#f3f4f6" stroke-width="34"/>'}${arcs.join('')}${legend.join('')}</svg>`;
}

