/**
 * The report's positions table: each value carries its currency code, so there is no currency
 * column; the local value appears only when some position is held in another currency than the
 * base (otherwise it would repeat the value cell for cell).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, documentOf } from '../../../shared/report/document';
import { positionsHtml } from '../../../shared/report/html-sections';
import { makeReport } from '../../helpers/report';

const headers = (html: string) => [...html.matchAll(/<th(?: [^>]*)?>(.*?)<\/th>/g)].map((m) => m[1]);
const firstRow = (html: string) => [...(html.match(/<tbody>\s*<tr>(.*?)<\/tr>/s)?.[1] ?? '').matchAll(/<td(?: [^>]*)?>(.*?)<\/td>/g)].map((m) => m[1]);
const doc = (r: ReturnType<typeof makeReport>) => documentOf(r, { preferences: DEFAULT_PREFERENCES });

describe('the positions table of a report', () => {
  it('all in the base currency: one value column, no currency or local value column', () => {
    const html = positionsHtml(doc(makeReport()));
    expect(headers(html)).toEqual(['Account', 'Symbol', 'Description', 'Quantity', 'Value (USD)', 'Themes']);
    expect(firstRow(html)).toEqual(['X1', 'NVDA', 'NVIDIA CORPORATION COM', '120', 'USD\u00a021,630.00', '<span class="nowrap">data-centers 60%</span>']);
  });

  it('with a position in another currency: its local value beside the value in the base currency', () => {
    const base = makeReport();
    const eur = { ...base.positions[1]!, symbol: 'SAP', symbolKey: 'SAP', description: 'SAP SE', currency: 'EUR', localValue: 7500, value: 8133 };
    const html = positionsHtml(doc(makeReport({ positions: [base.positions[0]!, eur] })));
    expect(headers(html)).toEqual(['Account', 'Symbol', 'Description', 'Quantity', 'Local value', 'Value (USD)', 'Themes']);
    expect(html).toContain('<td class="num">EUR\u00a07,500.00</td><td class="num">USD\u00a08,133.00</td>');
    expect(firstRow(html)).toContain('USD\u00a021,630.00');
  });
});
