import { t } from '../../i18n';
import type { Series } from './colors';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the computed style, so the file looks as on screen without our CSS. */
const COPIED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'font-size', 'font-weight', 'font-family', 'text-anchor', 'dominant-baseline'] as const;

function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  for (const prop of COPIED) {
    const value = style.getPropertyValue(prop);
    if (value) target.setAttribute(prop, value);
  }
  target.removeAttribute('class');
  target.removeAttribute('style');
  const s = source.children;
  const tc = target.children;
  for (let i = 0; i < s.length && i < tc.length; i++) inlineStyles(s[i] as Element, tc[i] as Element);
}

/**
 * A self-contained SVG of a chart: the page's background, the title on top, the recharts drawing
 * with its computed colors inlined (the file has no stylesheet), and the legend below.
 */
export function chartSvg(svg: SVGSVGElement, title: string, legend: readonly Series[]): string {
  const width = Math.round(svg.width.baseVal.value || svg.getBoundingClientRect().width || 480);
  const height = Math.round(svg.height.baseVal.value || svg.getBoundingClientRect().height || 300);
  const root = getComputedStyle(document.documentElement);
  const background = root.backgroundColor || '#ffffff';
  const text = root.color || '#111827';
  const font = root.fontFamily || 'sans-serif';
  const perRow = Math.max(1, Math.floor(width / 200));
  const legendRows = Math.ceil(legend.length / perRow);
  const top = 32;
  const total = top + height + 12 + legendRows * 20;

  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(total));
  out.setAttribute('viewBox', `0 0 ${width} ${total}`);
  out.setAttribute('font-family', font);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  out.appendChild(bg);
  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '12');
  heading.setAttribute('y', '22');
  heading.setAttribute('font-size', '15');
  heading.setAttribute('font-weight', '600');
  heading.setAttribute('fill', text);
  heading.textContent = title;
  out.appendChild(heading);

  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.setAttribute('x', '0');
  copy.setAttribute('y', String(top));
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  out.appendChild(copy);

  legend.forEach((s, i) => {
    const x = 12 + (i % perRow) * Math.floor((width - 24) / perRow);
    const y = top + height + 12 + Math.floor(i / perRow) * 20;
    const sw = document.createElementNS(SVG_NS, 'rect');
    sw.setAttribute('x', String(x));
    sw.setAttribute('y', String(y));
    sw.setAttribute('width', '10');
    sw.setAttribute('height', '10');
    sw.setAttribute('rx', '2');
    sw.setAttribute('fill', s.color);
    const label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('x', String(x + 16));
    label.setAttribute('y', String(y + 9));
    label.setAttribute('font-size', '12');
    label.setAttribute('fill', text);
    label.textContent = s.detail ? `${s.name} ${s.detail}` : s.name;
    out.append(sw, label);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
}

/** Draws an SVG document on a canvas (twice the pixels, for sharp text) and returns the PNG as base64. */
export async function svgToPngBase64(svgText: string, scale = 2): Promise<string> {
  const size = /<svg[^>]*\bwidth="(\d+)"[^>]*\bheight="(\d+)"/.exec(svgText);
  const width = Number(size?.[1] ?? 480);
  const height = Number(size?.[2] ?? 300);
  const img = new Image();
  // A data: URL (allowed by the CSP's img-src), so the canvas stays untainted and exportable.
  const loaded = new Promise<void>((ok, fail) => {
    img.onload = () => ok();
    img.onerror = () => fail(new Error(t('The chart could not be drawn as an image.')));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t('This display cannot draw images.'));
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

/** A file name without characters file systems refuse. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_').slice(0, 180);
}
