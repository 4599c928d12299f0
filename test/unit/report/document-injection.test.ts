import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../shared/report/escape';
import { renderReportCsv } from '../../../shared/report/report-csv';
import { renderReportBody, renderReportHtml } from '../../../shared/report/report-html';
import { renderReportJson } from '../../../shared/report/report-json';
import { hostileDocument, PAYLOADS } from './hostile-document';

/** Splits CSV text into rows of unquoted cells (RFC 4180: quotes, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('client report CSV against formula injection, in every user-text field', () => {
  it.each(PAYLOADS)('%j: no cell starts with a formula character, and the payload is in every field', (payload) => {
    const rows = parseCsv(renderReportCsv(hostileDocument(payload)).replace(/^\uFEFF/, ''));
    const cells = rows.flat();
    // A cell may start with '-' only as a number; = + @ tab CR never.
    for (const c of cells) expect(c).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    // Portfolio, client, source file, title, adviser, firm, theme, account, symbol, description,
    // tag change, warning, rationale, reference, position change: each carries the payload.
    const carrying = cells.filter((c) => c.replace(/^'/, '') === payload).length;
    expect(carrying).toBeGreaterThanOrEqual(15);
    // Negative numbers stay numbers.
    expect(cells).toContain('-5.00');
    expect(cells).toContain('-3');
  });
});

describe('client report HTML against markup injection, in every user-text field', () => {
  it.each(PAYLOADS.flatMap((p) => [[p, 'en'] as const, [p, 'ja'] as const]))('%j is escaped everywhere (%s), and no script, URL or foreign logo gets in', (payload, language) => {
    const html = renderReportHtml(hostileDocument(payload, language));
    expect(html).not.toMatch(/<script|<img src=x|url\(|src="javascript:/i);
    expect(html).not.toMatch(/<x\/>/);
    expect(html.split(escapeHtml(payload)).length - 1).toBeGreaterThanOrEqual(15);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).toContain("default-src 'none'");
  });
});

describe('client report JSON', () => {
  it('keeps the documented fields and schemaVersion, and carries the text as data', () => {
    const doc = JSON.parse(renderReportJson(hostileDocument('=1+1')));
    expect(doc.schemaVersion).toBe(1);
    for (const key of ['portfolio', 'asOf', 'baseCurrency', 'totalValue', 'untaggedValue', 'themes', 'positions', 'warnings', 'fingerprint']) expect(doc).toHaveProperty(key);
    expect(doc.portfolio).toBe('=1+1');
  });
});

describe("client report body (the app's preview) under a strict CSP", () => {
  it.each(PAYLOADS)('%j: no style attribute, style element, script, event handler or image from data', (payload) => {
    const body = renderReportBody(hostileDocument(payload));
    const tags = body.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(50);
    for (const tag of tags) expect(tag).not.toMatch(/^<(style|script|iframe|img|object|embed|link|meta)\b|\s(style|on\w+|href|src)\s*=/i);
    expect(body.split(escapeHtml(payload)).length - 1).toBeGreaterThanOrEqual(15);
  });
});
