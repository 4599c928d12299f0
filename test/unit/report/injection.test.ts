import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../../shared/report/csv-cells';
import { documentOf } from '../../../shared/report/document';
import { escapeHtml } from '../../../shared/report/escape';
import type { Exposure, SnapshotExposure } from '../../../shared/exposure/model';
import { renderReportCsv } from '../../../shared/report/report-csv';
import { renderReportHtml } from '../../../shared/report/report-html';
import { makeReport as baseReport } from '../../helpers/report';

/** A neutral report (no themes or positions) that each test fills with payloads. */
const makeReport = (overrides: Partial<SnapshotExposure> = {}): Exposure =>
  baseReport({ portfolio: 'P', sourceFile: 'f.csv', totalValue: 100, cashValue: 0, untaggedValue: 100, themes: [], positionCount: 0, positions: [], ...overrides });

const PAYLOADS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>', 'javascript:alert(1)', '"quoted", with comma'];

const renderCsv = (report: Exposure) => renderReportCsv(documentOf(report));
const renderHtml = (report: Exposure) => renderReportHtml(documentOf(report));

const hostile = (text: string): Exposure =>
  makeReport({
    portfolio: text,
    clientName: text,
    sourceFile: text,
    themes: [{ id: 't', name: text, color: `red;background:url(${text})`, value: -5, grossValue: 5, longValue: 0, shortValue: -5, share: -0.05, positionCount: 1 }],
    positions: [{ account: text, symbol: text, symbolKey: text, description: text, quantity: -3, value: -5, localValue: -5, currency: 'USD', isCash: false, themes: [] }],
    warnings: [{ code: 'MISSING_FX', message: text }],
  });

describe('CSV report', () => {
  it.each(PAYLOADS)('neutralises %j in every text cell while negative numbers stay numbers', (payload) => {
    const csv = renderCsv(hostile(payload));
    // Parse the CSV minimally: every cell that contains the payload must not start with a formula character.
    const cells = csv.replace(/^\uFEFF/, '').split(/\r\n/).flatMap((l) => l.match(/("([^"]|"")*"|[^,]*)/g) ?? []);
    for (const cell of cells) {
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      if (unquoted.includes(payload.trim()) && /^[=+\-@\t\r]/.test(payload)) expect(unquoted.startsWith("'")).toBe(true);
    }
    expect(csv).toContain(',-3,USD,-5.00,-5.00,'); // the numbers are untouched
    expect(csv).toContain('t,-5.00,5.00,-0.050000,1');
    // Each warning once, with its code (it was once written twice, the second time without one).
    expect(csv.match(/^Warning,/gm)).toHaveLength(1);
    expect(csv).toMatch(/^Warning,MISSING_FX,/m);
  });
  it('starts with a BOM and uses CRLF', () => {
    const csv = renderCsv(makeReport());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
  });
  it('neutraliseFormula leaves ordinary text alone', () => {
    expect(neutraliseFormula('NVIDIA')).toBe('NVIDIA');
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
  });
});

describe('HTML report', () => {
  it.each(PAYLOADS)('escapes %j everywhere', (payload) => {
    const html = renderHtml(hostile(payload));
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/url\(/);
    expect(html.match(/<script/gi)).toBeNull();
    expect(html).toContain(escapeHtml(payload));
  });
  it('is self-contained: no external URLs', () => {
    const html = renderHtml(makeReport());
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  });
});
