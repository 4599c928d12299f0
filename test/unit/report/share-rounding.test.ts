/**
 * Shares are each rounded on their own, never forced to add up: three themes of a third each show
 * 33.3% three times under a Total of 100.0%, and the methodology says why (in both languages).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, documentOf } from '../../../shared/report/document';
import { renderReportHtml } from '../../../shared/report/report-html';
import { makeReport } from '../../helpers/report';

const third = (id: string) => ({ id, name: id, color: '#2563eb', value: 100, grossValue: 100, longValue: 100, shortValue: 0, share: 1 / 3, positionCount: 1 });
const THIRDS = makeReport({ totalValue: 300, cashValue: 0, untaggedValue: 0, themes: [third('a'), third('b'), third('c')], positionCount: 3, positions: [] });

describe('shares rounded each on its own', () => {
  it('shows 33.3% three times under 100.0%, and the methodology says the shares may not add up to exactly 100%', () => {
    const html = renderReportHtml(documentOf(THIRDS));
    const summary = html.slice(html.indexOf('<h2>Summary</h2>'), html.indexOf('</table>', html.indexOf('<h2>Summary</h2>')));
    expect(summary.match(/>33\.3%</g)).toHaveLength(3); // each its own correctly rounded value, none forced to 33.4%
    expect(summary).toMatch(/<tfoot>.*>100\.0%</s);
    expect(html).toContain('<p>Each share is rounded on its own (to 0.1%), so the shares shown may not add up to exactly 100%; the amounts add up to the cent.</p>');
    const ja = renderReportHtml(documentOf(THIRDS, { preferences: { ...DEFAULT_PREFERENCES, language: 'ja' } }));
    expect(ja).toContain('構成比はそれぞれ個別に（0.1% 単位に）丸めているため');
  });

  it('says on the first page, beside the shares, when those shown do not add up to 100.0% (33.3 x 3 = 99.9), and nothing when they do', () => {
    const html = renderReportHtml(documentOf(THIRDS));
    expect(html).toContain('Each share is rounded on its own: those above add up to 99.9%, not 100.0%.');
    const ja = renderReportHtml(documentOf(THIRDS, { preferences: { ...DEFAULT_PREFERENCES, language: 'ja' } }));
    expect(ja).toContain('上の構成比の合計は 100.0% ではなく 99.9% です。');
    // Halves add up: 50.0% + 50.0%.
    const half = (id: string) => ({ ...third(id), value: 150, grossValue: 150, longValue: 150, share: 0.5 });
    const HALVES = makeReport({ totalValue: 300, cashValue: 0, untaggedValue: 0, themes: [half('a'), half('b')], positionCount: 2, positions: [] });
    expect(renderReportHtml(documentOf(HALVES))).not.toContain('Each share is rounded on its own: those above');
  });
});
