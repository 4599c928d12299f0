/**
 * Quantities are stored as the file's decimal text; a report showed them through a double, so
 * 123456789012345678 was written 123456789012345680 and 0.12345678901234567 as 0.12345678901234566.
 * The CSV, HTML (and PDF, its print) and XLSX show the stored text; the JSON keeps `quantity` a
 * number, as documented, and its bytes (and so every recorded report's content hash) as they were.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../db/service/backend';
import { quantityFormat, renderXlsx } from '../../../db/report/xlsx';
import { addDecimalTexts } from '../../../shared/money/decimal';
import { documentOf } from '../../../shared/report/document';
import { renderReportCsv } from '../../../shared/report/report-csv';
import { renderReportHtml } from '../../../shared/report/report-html';
import { renderReportJson, reportJsonPieces } from '../../../shared/report/report-json';
import type { ExposurePosition } from '../../../shared/exposure/model';
import { makeReport } from '../../helpers/report';
import { makeTempDir } from '../../helpers/temp-dir';

const position = (symbol: string, quantityText: string | null | undefined): ExposurePosition => ({
  account: 'X1', symbol, symbolKey: symbol, description: symbol, quantity: quantityText == null ? null : Number(quantityText),
  ...(quantityText === undefined ? {} : { quantityText }), value: 100, localValue: 100, currency: 'USD', isCash: false, themes: [],
});
const POSITIONS = [position('BIG', '123456789012345678'), position('SMALL', '0.12345678901234567'), position('SHORT', '-1234.5'), position('OLD', undefined)];
POSITIONS[3]!.quantity = 7;
const doc = documentOf(makeReport({ positions: POSITIONS, positionCount: 4 }));

describe('quantities as stored', () => {
  it('CSV: each quantity as its stored text, digit for digit', () => {
    const csv = renderReportCsv(doc);
    expect(csv).toContain('\r\nX1,BIG,BIG,123456789012345678,USD,');
    expect(csv).toContain('\r\nX1,SMALL,SMALL,0.12345678901234567,USD,');
    expect(csv).toContain('\r\nX1,SHORT,SHORT,-1234.5,USD,');
    expect(csv).toContain('\r\nX1,OLD,OLD,7,USD,'); // a position without its text (an older document): the number
  });

  it('HTML and PDF: the stored text with thousands separators and every decimal', () => {
    const html = renderReportHtml(doc);
    for (const q of ['123,456,789,012,345,678', '0.12345678901234567', '-1,234.5']) expect(html).toContain(`<td class="num">${q}</td>`);
  });

  it('XLSX: a number where a spreadsheet keeps it exactly (15 digits), with its decimals; else the text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(doc)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Positions')!;
    const cells = new Map<string, ExcelJS.Cell>();
    ws.eachRow((row, n) => {
      if (n > 1) cells.set(String(row.getCell(2).value), row.getCell(4));
    });
    expect(cells.get('BIG')!.value).toBe('123456789012345678');
    expect(cells.get('SMALL')!.value).toBe('0.12345678901234567');
    expect(cells.get('SHORT')!.value).toBe(-1234.5);
    expect(cells.get('SHORT')!.numFmt).toBe('0.0');
    expect(cells.get('OLD')!.value).toBe(7);
    expect(cells.get('OLD')!.numFmt).toBe('0');
    expect([quantityFormat(100), quantityFormat(0.1), quantityFormat(1e-7), quantityFormat(-2.125)]).toEqual(['0', '0.0', '0.0000000', '0.000']);
  });

  it('JSON: quantity stays a number (an IEEE double), no new field, the same bytes as without the text', () => {
    const json = renderReportJson(doc);
    const parsed = JSON.parse(json) as { positions: Record<string, unknown>[] };
    expect(parsed.positions.map((p) => p['quantity'])).toEqual([123456789012345678, 0.12345678901234567, -1234.5, 7]);
    expect(parsed.positions.every((p) => !('quantityText' in p))).toBe(true);
    const without = documentOf(makeReport({ positions: POSITIONS.map(({ quantityText: _t, ...p }) => p), positionCount: 4 }));
    expect(json).toBe(renderReportJson(without));
    expect([...reportJsonPieces(doc)].join('')).toBe(json);
  });

  it('from the database: the text an import stored reaches the CSV report', async () => {
    const temp = makeTempDir('themelens-quantity-');
    const backend = await openBackend({ dbPath: join(temp.dir, 't.db'), clock: () => '2026-05-02T09:00:00.000Z' });
    try {
      const file = join(temp.dir, 'q.csv');
      writeFileSync(file, 'Account,Symbol,Description,Quantity,Price,Value,Currency\nX1,BIG,BIG,123456789012345678,0.000001,123.46,USD\nX1,SMALL,SMALL,0.12345678901234567,1000,123.46,USD\n');
      const { portfolio } = await backend.handlers.importHoldings({ path: file, portfolioName: 'Q', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false, asOf: '2026-05-01' });
      const out = join(temp.dir, 'q-report.csv');
      await backend.handlers.exportReport({ portfolioId: portfolio.id, format: 'csv', paper: 'a4', path: out });
      const csv = readFileSync(out, 'utf8');
      expect(csv).toContain('\r\nX1,BIG,BIG,123456789012345678,USD,');
      expect(csv).toContain('\r\nX1,SMALL,SMALL,0.12345678901234567,USD,');
    } finally {
      backend.close();
      temp.cleanup();
    }
  });

  it("a household's line adds its accounts' quantities exactly", () => {
    expect(addDecimalTexts('123456789012345678', '1')).toBe('123456789012345679');
    expect(addDecimalTexts('0.12345678901234567', '0.00000000000000003')).toBe('0.1234567890123457');
    expect(addDecimalTexts('-1.5', '1.5')).toBe('0');
    expect(addDecimalTexts('1e3', '1')).toBeNull();
  });
});
