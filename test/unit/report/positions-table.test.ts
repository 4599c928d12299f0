/**
 * The report's positions table: each value carries its currency code, so there is no currency
 * column; the local value appears only when some position is held in another currency than the
 * base (otherwise it would repeat the value cell for cell).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, documentOf } from '../../../shared/report/document';
import { PAGE_ROWS, positionsHtml, themeDetailsHtml } from '../../../shared/report/html-sections';
import { renderReportHtml } from '../../../shared/report/report-html';
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

  it('a page lists the largest PAGE_ROWS positions, and each theme its largest contributions, and says the data reports have them all', () => {
    const base = makeReport();
    const n = PAGE_ROWS + 500;
    const positions = Array.from({ length: n }, (_, i) => ({
      ...base.positions[0]!,
      symbol: `S${i}`,
      symbolKey: `S${i}`,
      value: n - i,
      // Weights that make the contributions' order differ from the positions': the largest contribution is S2499's.
      themes: [{ id: 'data-centers', weight: i === n - 1 ? 1 : 0.0001, value: i === n - 1 ? 5000 : (n - i) * 0.0001 }],
    }));
    const d = doc(makeReport({ positions, positionCount: n }));
    const table = positionsHtml(d);
    expect(table.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g)).toHaveLength(PAGE_ROWS);
    expect(table).toContain('The 2,000 largest of 2,500 positions; the CSV, XLSX and JSON reports list every one.');
    expect(table).toContain('<td>S0</td>');
    expect(table).not.toContain('<td>S2000</td>');
    const themes = themeDetailsHtml(d);
    expect(themes).toContain('The 2,000 largest of its 2,500 positions; the CSV, XLSX and JSON reports list every one.');
    // The largest contribution is listed (first), though its position is the smallest.
    expect(themes.indexOf('<td>S2499</td>')).toBeGreaterThan(-1);
    expect(themes.indexOf('<td>S2499</td>')).toBeLessThan(themes.indexOf('<td>S0</td>'));
    // A whole page stays small: the rows beyond are not written at all.
    expect(renderReportHtml(d).length).toBeLessThan(3_000_000);
  });

  it('a portfolio within PAGE_ROWS is listed whole, without a note', () => {
    const html = positionsHtml(doc(makeReport()));
    expect(html).not.toContain('largest');
  });
});
