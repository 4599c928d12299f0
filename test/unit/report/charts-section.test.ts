/**
 * The charts section after the first page: the first page draws the top-level themes' bars, so the
 * section draws bars again only when they say more (sub-themes). It drew the same bars twice, on
 * pages 1 and 2 (the screenshot review).
 */
import { describe, expect, it } from 'vitest';
import { documentOf } from '../../../shared/report/document';
import { renderReportBody } from '../../../shared/report/report-html';
import { makeReport } from '../../helpers/report';

/** The bar labels of each bar chart in the body, in order (a bar chart's labels carry a font-size of 11 at x 0 or 16). */
function barCharts(html: string): string[][] {
  return [...html.matchAll(/<svg[^>]*class="chart"[^>]*>(.*?)<\/svg>/gs)]
    .map((m) => [...m[1]!.matchAll(/<text x="(?:0|16)" y="[\d.]+" font-size="11">([^<]*)<\/text>/g)].map((t) => t[1]!))
    .filter((labels) => labels.length > 0);
}

describe('the report charts section', () => {
  it('draws no second bar chart of the same themes: the first page has it; the donut stays', () => {
    const html = renderReportBody(documentOf(makeReport()));
    expect(barCharts(html)).toEqual([['Data-center infrastructure', 'Crude-oil logistics', 'Diamond semiconductors', 'Untagged']]);
    expect(html).not.toContain('<h2>Exposure by theme</h2>');
    expect(html).toContain('<h2>Share of the portfolio</h2>');
  });

  it('draws the bar chart with sub-themes, which the first page leaves out', () => {
    const base = makeReport();
    const sub = { ...base.themes[0]!, id: 'dc-power', name: 'Power for data centers', parentId: base.themes[0]!.id, value: 5000, share: 5000 / 40553.36 };
    const html = renderReportBody(documentOf(makeReport({ themes: [base.themes[0]!, sub, ...base.themes.slice(1)] })));
    const charts = barCharts(html);
    expect(charts).toHaveLength(2);
    expect(charts[0]).not.toContain('Power for data centers');
    expect(charts[1]).toEqual(['Data-center infrastructure', 'Power for data centers', 'Crude-oil logistics', 'Diamond semiconductors', 'Untagged']);
    expect(html).toContain('<h2>Exposure by theme</h2>');
  });
});
