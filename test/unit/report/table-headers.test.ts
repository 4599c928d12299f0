/**
 * Every header cell of a report's tables says what it heads: scope="col" in a header row, scope="row"
 * at the start of a row. Screen readers then need not guess, and Chromium's tagged PDF does not have
 * to work each cell's headers out (a 200-position report prints about 10% faster).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, documentOf } from '../../../shared/report/document';
import { renderReportHtml } from '../../../shared/report/report-html';
import { makeReport } from '../../helpers/report';

describe('report table headers', () => {
  it('every <th> has a scope: col in a <thead>, row elsewhere', () => {
    const html = renderReportHtml(documentOf(makeReport(), { preferences: DEFAULT_PREFERENCES }));
    const heads = [...html.matchAll(/<thead>(.*?)<\/thead>/gs)].map((m) => m[1] as string);
    expect(heads.length).toBeGreaterThan(2);
    for (const head of heads) for (const th of head.match(/<th\b[^>]*>/g) ?? []) expect(th).toMatch(/ scope="col"/);
    const body = html.replace(/<thead>.*?<\/thead>/gs, '');
    const rowHeads = body.match(/<th\b[^>]*>/g) ?? [];
    for (const th of rowHeads) expect(th).toMatch(/ scope="row"/);
  });
});

describe('columns that would be empty on every row are left out', () => {
  const headsOf = (html: string, section: string) => {
    const at = html.indexOf(section);
    const head = /<thead>(.*?)<\/thead>/s.exec(html.slice(at))![1] as string;
    return [...head.matchAll(/<th\b[^>]*>(.*?)<\/th>/gs)].map((m) => (m[1] as string).replace(/<svg.*?<\/svg>/g, ''));
  };

  it("the themes' Rationale only when some tag has one", () => {
    const plain = renderReportHtml(documentOf(makeReport(), { preferences: DEFAULT_PREFERENCES }));
    expect(headsOf(plain, 'Themes and their positions')).toEqual(['Account', 'Symbol', 'Description', 'Weight', 'Source', 'Contribution']);
    expect(plain).toMatch(/<td>manual<\/td><td class="num">USD.12,978\.00<\/td>/);
    const tagNotes = [{ symbolKey: 'NVDA', themeId: 'data-centers', weight: 0.6, source: 'manual', rationale: 'GPU demand', sourceUrl: null }];
    const noted = renderReportHtml(documentOf(makeReport(), { preferences: DEFAULT_PREFERENCES, tagNotes }));
    expect(headsOf(noted, 'Themes and their positions')).toEqual(['Account', 'Symbol', 'Description', 'Weight', 'Source', 'Rationale', 'Contribution']);
    expect(noted).toMatch(/<td>manual<\/td><td>GPU demand<\/td><td class="num">USD.12,978\.00<\/td>/);
  });

  it("the accounts' Note only when an account has positions without a rate", () => {
    const plain = renderReportHtml(documentOf(makeReport(), { preferences: DEFAULT_PREFERENCES }));
    expect(headsOf(plain, 'By account').at(-1)).toBe('Untagged');
    const eur = { account: 'Y2', symbol: 'SAP', symbolKey: 'SAP', description: 'SAP SE', quantity: 10, value: null, localValue: 2000, currency: 'EUR', isCash: false, themes: [] };
    const base = makeReport();
    const missing = renderReportHtml(documentOf(makeReport({ positions: [...base.positions, eur as unknown as (typeof base.positions)[number]], positionCount: 3 }), { preferences: DEFAULT_PREFERENCES }));
    expect(headsOf(missing, 'By account').at(-1)).toBe('Note');
    expect(missing).toContain('1 without a rate');
  });
});
