/** The report's breakdown sections as HTML (by account, by currency, theme overlap) and the change attribution. */
import type { ChangeStatus, UntaggedChange } from '../exposure/analytics';
import { totalChange } from '../exposure/compare-total';
import { UNTAGGED_COLOR } from '../domain/default-themes';
import { reportBreakdowns, overlapOf, type ReportBreakdowns } from './breakdowns';
import { textOf, type ReportDocument } from './document';
import { escapeHtml as e } from './escape';
import { formatMoney, formatQuantity, formatShare } from './format';
import { swatch, table, td, rateWords } from './html-table';

const range = (a: readonly unknown[]) => a.map((_, i) => i);

// The breakdowns are computed once per document, however many sections read them.
const computed = new WeakMap<ReportDocument, ReportBreakdowns>();
function breakdownsOf(doc: ReportDocument): ReportBreakdowns {
  let b = computed.get(doc);
  if (!b) computed.set(doc, (b = reportBreakdowns(doc.exposure)));
  return b;
}

const partial = (doc: ReportDocument) => {
  const r = doc.exposure;
  return breakdownsOf(doc).complete ? '' : `<p class="meta">${textOf(doc).html('Over the {{shown}} positions this report lists, of {{total}}.', { shown: r.positions.length, total: r.positionCount })}</p>\n`;
};

/** Each account's value, its net exposure per theme and what is untagged. */
export function accountsHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const b = breakdownsOf(doc);
  const { html } = textOf(doc);
  const m = (v: number) => e(formatMoney(v, r.baseCurrency));
  // A Note column only when an account has something to note (positions without a rate).
  const noted = b.accounts.some((a) => a.withoutRate);
  const rows = b.accounts.map((a) =>
    `<tr>${td(e(a.account))}${td(String(a.positionCount), true)}${td(m(a.value), true)}${b.themes.map((t) => td(m(a.themes[t.id] ?? 0), true)).join('')}${td(m(a.untaggedValue), true)}${noted ? td(a.withoutRate ? html('{{n}} without a rate', { n: a.withoutRate }) : '') : ''}</tr>`,
  );
  const head = [html('Account'), html('Positions'), html('Value ({{currency}})', { currency: e(r.baseCurrency) }), ...b.themes.map((t) => swatch(t.color) + e(t.name)), html('Untagged'), ...(noted ? [html('Note')] : [])];
  const numeric = range(head).slice(1, noted ? -1 : undefined);
  return `<h2>${html('By account')}</h2>\n${partial(doc)}<p class="meta">${html('Net exposure per theme in {{currency}}, sub-themes included.', { currency: e(r.baseCurrency) })}</p>\n${table(head, rows, numeric)}`;
}

/** Each currency held: its local sum, its value and share in the base currency, and the rate used. */
export function currenciesHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const b = breakdownsOf(doc);
  const { html } = textOf(doc);
  const rows = b.currencies.map((c) => {
    const value = c.value === null ? html('no rate: left out') : e(formatMoney(c.value, r.baseCurrency));
    const rate = c.rate === null ? html('missing') : c.rate === '' ? html('base currency') : rateWords(c.rate, html);
    return `<tr>${td(e(c.currency))}${td(String(c.positionCount), true)}${td(e(formatMoney(c.localValue, c.currency)), true)}${td(value, true)}${td(c.share === null ? '' : formatShare(c.share), true)}${td(rate)}</tr>`;
  });
  return `<h2>${html('By currency')}</h2>\n${partial(doc)}${table([html('Currency'), html('Positions'), html('Local value'), html('Value ({{currency}})', { currency: e(r.baseCurrency) }), html('Share'), html('Rate used')], rows, [1, 2, 3, 4])}`;
}

/** The value held in two themes at once: each cell is the base value of positions tagged with both. */
export function overlapHtml(doc: ReportDocument): string {
  const r = doc.exposure;
  const b = breakdownsOf(doc);
  const { html } = textOf(doc);
  if (b.themes.length < 2) return `<h2>${html('Theme overlap')}</h2>\n<p>${html('With fewer than two themes, nothing can overlap.')}</p>`;
  const rows = b.themes.map((x) => {
    const cells = b.themes.map((y) => {
      const c = overlapOf(b, x.id, y.id);
      return td(c && c.positionCount > 0 ? `${e(formatMoney(c.value, r.baseCurrency))}<br><span class="meta">${formatShare(c.share)} · ${c.positionCount}</span>` : '—', true);
    });
    return `<tr><th scope="row">${swatch(x.color)}${e(x.name)}</th>${cells.join('')}</tr>`;
  });
  const head = [html('Theme'), ...b.themes.map((t) => e(t.name))];
  return `<h2>${html('Theme overlap')}</h2>\n${partial(doc)}<p class="meta">${html('Each cell: the value of positions tagged with both themes (whole position value, not weighted), its share of the total and how many positions; the diagonal is the value tagged with the theme at all.')}</p>\n${table(head, rows, range(head).slice(1))}`;
}

/**
 * A position's change by value, as the comparison sorts them: the same quantity at a higher price
 * is "value up" (it read "grown", as if more had been bought; the effects' columns say why).
 */
const STATUS_WORDS: Record<ChangeStatus, string> = { new: 'new', gone: 'gone', grown: 'value up', shrunk: 'value down', unchanged: 'unchanged' };

/** Per theme, how exposure moved since the snapshot compared with: quantity, price (FX included) and tag effects. */
export function attributionHtml(doc: ReportDocument): string {
  const a = doc.attribution;
  if (!a) return '';
  const cur = doc.exposure.baseCurrency;
  const { html } = textOf(doc);
  const m = (v: number) => e(formatMoney(v, cur));
  const signed = (v: number) => (v > 0 ? '+' : '') + m(v);
  const row = (label: string, t: UntaggedChange) =>
    `<tr>${td(label)}${td(m(t.fromValue), true)}${td(m(t.toValue), true)}${td(signed(t.toValue - t.fromValue), true)}${td(signed(t.quantityEffect), true)}${td(signed(t.priceEffect), true)}${td(signed(t.tagEffect), true)}${td(`${formatShare(t.fromShare)} → ${formatShare(t.toShare)}`, true)}</tr>`;
  const rows = a.themes.map((t) => row(swatch(t.color) + e(t.name), t));
  // Untagged, then the total in the table's foot, as the Compare view has them: the rows add up to
  // the total's change (the themes alone did not). A report recorded before has no Untagged.
  if (a.untagged) rows.push(row(swatch(UNTAGGED_COLOR) + html('Untagged'), a.untagged));
  const foot = a.untagged ? `<tfoot>${row(html('Total'), totalChange({ ...a, untagged: a.untagged }))}</tfoot>` : '';
  const q = (v: number | null) => (v === null ? '—' : formatQuantity(v));
  const positions = a.positions.map((p) =>
    `<tr>${td(html(STATUS_WORDS[p.status]))}${td(e(p.account))}${td(e(p.symbol))}${td(`${q(p.fromQuantity)} → ${q(p.toQuantity)}`, true)}${td(signed(p.toValue - p.fromValue), true)}${td(signed(p.quantityEffect), true)}${td(signed(p.priceEffect), true)}${td(signed(p.tagEffect), true)}</tr>`,
  );
  const counts = html('{{added}} new, {{gone}} gone, {{grown}} up in value, {{shrunk}} down in value, {{unchanged}} unchanged', { added: a.counts.new, gone: a.counts.gone, grown: a.counts.grown, shrunk: a.counts.shrunk, unchanged: a.counts.unchanged });
  const about = html('From {{fromDate}} ({{fromValue}}) to {{toDate}} ({{toValue}}); holdings: {{counts}}. Quantity: the change in quantity at the old price; price: the rest of the value change, exchange rates included; tag: the change of weights, on the new value.', {
    fromDate: e(a.from.asOf),
    fromValue: m(a.from.totalValue),
    toDate: e(a.to.asOf),
    toValue: m(a.to.totalValue),
    counts,
  });
  const effects = [html('Quantity effect'), html('Price effect'), html('Tag effect')];
  return `<h3>${html('Exposure change explained')}</h3>
<p class="meta">${about}</p>
${table([html('Theme'), html('Before'), html('Now'), html('Change'), ...effects, html('Share')], rows, [1, 2, 3, 4, 5, 6, 7], foot)}
${positions.length ? `<h3>${html('Largest position changes')}</h3>\n${table([html('Change'), html('Account'), html('Symbol'), html('Quantity held'), html('Value change'), ...effects], positions, [3, 4, 5, 6, 7])}` : ''}`;
}
