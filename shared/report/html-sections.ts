/** The body sections of the client report as HTML fragments; every piece of user text escaped. */
import { UNTAGGED_COLOR } from '../domain/default-themes';
import { themeBarChartSvg, shareDonutSvg, topLevelParts } from './charts-svg';
import { comparedWith, contributionsByTheme, disclaimerOf, languageOf, textOf, type ReportDocument } from './document';
import { escapeHtml as e } from './escape';
import { formatMoney, formatPositionQuantity, formatQuantity, formatShare, formatWeight } from './format';
import { swatch, table, td, rateWords } from './html-table';
import { attributionHtml } from './html-breakdowns';
import { rateUsers } from './breakdowns';
import { benchmarkHtml, formatPoints, portfoliosHtml } from './html-extras';
import type { Tr } from './i18n';
import { TAG_SOURCES } from '../domain/types';
import { methodologyParagraphs } from './methodology';

const desc = (html: string) => `<td class="desc">${html}</td>`;

/**
 * Rows a page report (HTML, PDF, the window's preview) lists at most in one table: the largest
 * positions, or a theme's largest contributions. A portfolio of a million positions made a page of
 * 371 MB (4 GB of memory to write it, and as much again for the window or the printer to read); a
 * person reads the largest. The CSV, XLSX and JSON reports, for machines, list every one.
 */
export const PAGE_ROWS = 2000;

/** Where a tag's weight comes from, in the report's language when it is one of the app's own sources; any other is shown as written. */
export const sourceLabel = (source: string, tr: Tr): string => ((TAG_SOURCES as readonly string[]).includes(source) ? tr(source) : source);

/** Summary table: each theme's net, long, short and share, then untagged (with the cash in it) and total. */
export function summaryHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const { html } = textOf(doc);
  const cur = r.baseCurrency;
  const m = (v: number) => e(formatMoney(v, cur));
  const share = (v: number) => formatShare(r.totalValue === 0 ? 0 : v / r.totalValue);
  const rows = r.themes.map((t) =>
    `<tr${t.parentId ? ' class="sub"' : ''}>${td(swatch(t.color) + e(t.name))}${td(m(t.value), true)}${td(formatShare(t.share), true)}${td(m(t.longValue), true)}${td(m(t.shortValue), true)}${td(String(t.positionCount), true)}</tr>`,
  );
  rows.push(`<tr>${td(swatch(UNTAGGED_COLOR) + html('Untagged'))}${td(m(r.untaggedValue), true)}${td(share(r.untaggedValue), true)}${td('')}${td('')}${td('')}</tr>`);
  // Cash is a part of Untagged, not a row that adds: said "of which cash", indented and in italics under it.
  rows.push(`<tr class="sub part">${td(html('of which cash'))}${td(m(r.cashValue), true)}${td(share(r.cashValue), true)}${td('')}${td('')}${td('')}</tr>`);
  const foot = `<tfoot><tr>${td(html('Total'))}${td(m(r.totalValue), true)}${td(r.totalValue === 0 ? '0.0%' : '100.0%', true)}${td('')}${td('')}${td(String(r.positionCount), true)}</tr></tfoot>`;
  return `<h2>${html('Summary')}</h2>\n${table([html('Theme'), html('Net ({{currency}})', { currency: e(cur) }), html('Share'), html('Long'), html('Short'), html('Positions')], rows, [1, 2, 3, 4, 5], foot)}${portfoliosHtml(doc)}${targetsHtml(doc)}${benchmarkHtml(doc)}`;
}

/** The target mix, when the portfolio has one: each target, its band, the share now and the drift. */
function targetsHtml(doc: ReportDocument): string {
  const withTarget = doc.exposure.themes.filter((t) => t.target);
  if (withTarget.length === 0) return '';
  const { tr, html } = textOf(doc);
  const rows = withTarget.map((t) => {
    const g = t.target!;
    return `<tr>${td(swatch(t.color) + e(t.name))}${td(formatShare(g.share), true)}${td(`± ${e(tr('{{points}} pts', { points: (g.band * 100).toFixed(1) }))}`, true)}${td(formatShare(t.share), true)}${td(e(formatPoints(g.drift, tr)), true)}${td(g.outside ? `<strong>${html('outside the band')}</strong>` : html('within'))}</tr>`;
  });
  return `\n<h3>${html('Target mix')}</h3>\n${table([html('Theme'), html('Target'), html('Band'), html('Share now'), html('Drift'), html('Status')], rows, [1, 2, 3, 4])}`;
}

/**
 * The donut of shares and, when some theme has sub-themes, the bar chart of net exposure with them
 * (inline SVG). The first page's bar chart has the top-level themes: without sub-themes this one
 * drew the same bars again on the next page.
 */
export function chartsHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const { tr, html } = textOf(doc);
  const slices = topLevelParts(r, tr('Untagged'));
  const bars = [...r.themes.map((t) => ({ label: t.name, value: t.value, color: t.color, indent: Boolean(t.parentId) })), slices[slices.length - 1]!];
  const barChart = r.themes.some((t) => t.parentId) ? `<h2>${html('Exposure by theme')}</h2>\n<figure>${themeBarChartSvg(bars, r.baseCurrency, tr)}</figure>\n` : '';
  return `${barChart}<h2>${html('Share of the portfolio')}</h2>\n<figure>${shareDonutSvg(slices, r.totalValue, tr)}</figure>`;
}

/** Per theme: its contributing positions with weight, the weight's source and rationale, and value. */
export function themeDetailsHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const { tr, html } = textOf(doc);
  const notes = new Map(doc.tagNotes.map((n) => [`${n.symbolKey}\u0000${n.themeId}`, n]));
  const byTheme = contributionsByTheme(r);
  // A Rationale column only when some tag has one: empty on every row, it took a seventh of the width.
  const hasWhy = doc.tagNotes.some((n) => n.rationale || n.sourceUrl);
  const parts = r.themes.map((t) => {
    const all = byTheme.get(t.id) ?? [];
    // In the positions' order (largest position first); cut, the largest contributions.
    const listed = all.length > PAGE_ROWS ? [...all].sort((a, b) => Math.abs(b.theme.value) - Math.abs(a.theme.value)).slice(0, PAGE_ROWS) : all;
    const rows = listed.map(({ position: p, theme: pt }) => {
      const note = notes.get(`${p.symbolKey}\u0000${t.id}`);
      const why = [note?.rationale ?? '', note?.sourceUrl ?? ''].filter(Boolean).map(e).join('<br>');
      return `<tr>${td(e(p.account))}${td(e(p.symbol))}${desc(e(p.description))}${td(formatWeight(pt.weight), true)}${td(e(sourceLabel(pt.source ?? note?.source ?? 'manual', tr)))}${hasWhy ? td(why) : ''}${td(e(formatMoney(pt.value, r.baseCurrency)), true)}</tr>`;
    });
    if (rows.length === 0) return `<h3>${swatch(t.color)}${e(t.name)}</h3>\n<p class="meta">${html('No position is tagged with this theme.')}</p>`;
    const cut = all.length > PAGE_ROWS ? `<p class="meta">${html('The {{shown}} largest of its {{total}} positions; the CSV, XLSX and JSON reports list every one.', { shown: formatQuantity(PAGE_ROWS), total: formatQuantity(all.length) })}</p>\n` : '';
    return `<h3>${swatch(t.color)}${e(t.name)}: ${e(formatMoney(t.value, r.baseCurrency))} (${formatShare(t.share)})</h3>\n${cut}${table([html('Account'), html('Symbol'), html('Description'), html('Weight'), html('Source'), ...(hasWhy ? [html('Rationale')] : []), html('Contribution')], rows, [3, hasWhy ? 6 : 5])}`;
  });
  return `<h2>${html('Themes and their positions')}</h2>\n${parts.join('\n')}`;
}

/**
 * Every position with its values and theme weights. Each value carries its currency code, so no
 * column repeats it; where every position is held in the base currency the local value is the value
 * itself and is shown once. Fewer cells also print faster: each is a tagged element of the PDF.
 */
export function positionsHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const { html } = textOf(doc);
  const local = r.positions.some((p) => p.currency !== r.baseCurrency);
  const shown = r.positions.slice(0, PAGE_ROWS);
  const rows = shown.map((p) => {
    const base = p.value === null ? html('no FX rate') : e(formatMoney(p.value, r.baseCurrency));
    const themes = p.themes.map((t) => `<span class="nowrap">${e(t.id)} ${formatWeight(t.weight)}</span>`).join('<br>');
    const localCell = local ? td(e(formatMoney(p.localValue, p.currency)), true) : '';
    return `<tr>${td(e(p.account))}${td(e(p.symbol))}${desc(e(p.description))}${td(formatPositionQuantity(p), true)}${localCell}${td(base, true)}${td(themes)}</tr>`;
  });
  const figures = { shown: formatQuantity(shown.length), total: formatQuantity(r.positionCount) };
  const note =
    shown.length < r.positions.length
      ? `<p class="meta">${html('The {{shown}} largest of {{total}} positions; the CSV, XLSX and JSON reports list every one.', figures)}</p>`
      : shown.length < r.positionCount
        ? `<p class="meta">${html('The {{shown}} largest of {{total}} positions.', figures)}</p>`
        : '';
  const head = [html('Account'), html('Symbol'), html('Description'), html('Quantity'), ...(local ? [html('Local value')] : []), html('Value ({{currency}})', { currency: e(r.baseCurrency) }), html('Themes')];
  return `<h2>${html('Positions')}</h2>\n${note}${table(head, rows, local ? [3, 4, 5] : [3, 4])}`;
}

/** The exchange rates the figures were converted with. */
export function fxHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const { html } = textOf(doc);
  if (r.fxRates.length === 0) return `<h2>${html('Exchange rates')}</h2>\n<p>${html('Every position is in {{currency}}; no exchange rate was used.', { currency: e(r.baseCurrency) })}</p>`;
  // A client's report: each rate with the portfolios (at their dates) valued at it.
  const client = r.portfolios !== undefined;
  const head = [html('Currency'), html('Rate used'), html('As of'), ...(client ? [html('Used for (portfolio, as of)')] : [])];
  return `<h2>${html('Exchange rates')}</h2>\n${table(head, r.fxRates.map((f) => `<tr>${td(e(f.currency))}${td(rateWords(f.rate, html))}${td(e(f.asOf))}${client ? td(e(rateUsers(r, f))) : ''}</tr>`))}`;
}

/** What changed since the previous report (or snapshot): positions added, removed or changed, and tag changes. */
export function changesHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const prev = doc.previousSnapshot;
  const { tr, html } = textOf(doc);
  const since = comparedWith(doc, languageOf(doc));
  const head = since ? `<p>${html('Compared with {{since}}.', { since: e(since) })}</p>` : `<p>${html('This is the first snapshot of this portfolio; there is nothing earlier to compare with.')}</p>`;
  const money = (v: number | null, c: string) => (v === null ? '—' : e(formatMoney(v, c)));
  const q = (v: number | null) => (v === null ? '—' : formatQuantity(v));
  const positions = doc.positionChanges.length
    ? table([html('Change'), html('Account'), html('Symbol'), html('Description'), html('Quantity before'), html('Quantity after'), html('Value before'), html('Value after')],
        doc.positionChanges.map((c) => `<tr>${td(html(c.kind))}${td(e(c.account))}${td(e(c.symbolKey))}${td(e(c.description))}${td(q(c.quantityBefore), true)}${td(q(c.quantityAfter), true)}${td(money(c.localValueBefore, c.currency), true)}${td(money(c.localValueAfter, c.currency), true)}</tr>`), [4, 5, 6, 7])
    : prev ? `<p>${html('No position changed.')}</p>` : '';
  const w = (x: number | null) => (x === null ? '—' : formatWeight(x));
  // A client reads the theme's name, not its id ("oil-logistics"); a theme deleted since keeps its id.
  const themeName = (id: string) => r.themes.find((t) => t.id === id)?.name ?? id;
  const tags = r.tagChanges.length
    ? `<h3>${html('Theme weights changed')}</h3>\n${table([html('When'), html('Symbol'), html('Theme'), html('Before'), html('After'), html('Source')], r.tagChanges.map((c) => `<tr>${td(e(c.at.slice(0, 10)))}${td(e(c.symbolKey))}${td(e(themeName(c.themeId)))}${td(w(c.oldWeight), true)}${td(w(c.newWeight), true)}${td(e(sourceLabel(c.source, tr)))}</tr>`), [3, 4])}`
    : `<p>${html('No theme weight of a holding changed.')}</p>`;
  return `<h2>${html('What changed')}</h2>\n${head}\n${attributionHtml(doc)}\n${prev ? `<h3>${html('Positions')}</h3>\n` : ''}${positions}\n${tags}`;
}

/** How exposure is computed, in plain words. */
export const methodologyHtml = (doc: ReportDocument): string =>
  `<h2>${textOf(doc).html('Methodology')}</h2>\n${methodologyParagraphs(doc).map((p) => `<p>${e(p)}</p>`).join('\n')}`;

/** The adviser's disclaimer from preferences (the default one in the report's language), line breaks kept. */
export const disclaimerHtml = (doc: ReportDocument): string =>
  `<h2>${textOf(doc).html('Disclaimer')}</h2>\n<p class="disclaimer">${e(disclaimerOf(doc)).replace(/\r?\n/g, '<br>')}</p>`;
