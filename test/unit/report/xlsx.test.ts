import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../db/report/xlsx';
import { tagged } from './backend-fixture';
import { hostileDocument, PAYLOADS } from './hostile-document';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Every non-empty cell of a workbook with its sheet and address. */
function cells(wb: ExcelJS.Workbook): { sheet: string; cell: ExcelJS.Cell }[] {
  const out: { sheet: string; cell: ExcelJS.Cell }[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push({ sheet: ws.name, cell }))));
  return out;
}

describe('XLSX report, read back with exceljs', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it.each(PAYLOADS)('writes %j as text in every user-text field, never as a formula', async (payload) => {
    const wb = await readBack(await renderXlsx(hostileDocument(payload)));
    const all = cells(wb);
    expect(all.filter(({ cell }) => cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined)).toEqual([]);
    const expected = payload.replace(/\r/g, '\n');
    const carrying = all.filter(({ cell }) => typeof cell.value === 'string' && cell.value.replace(/\r\n?/g, '\n').trim() === expected.trim());
    for (const { cell } of carrying) expect(cell.type).toBe(ExcelJS.ValueType.String);
    // Title, client, portfolio, adviser, firm, holdings file, warning, theme, account, symbol, description, source, rationale, reference, FX text, change rows.
    expect(carrying.length).toBeGreaterThanOrEqual(15);
  });

  it('has its sheets, numbers as numbers with formats, and the figures to the cent', async () => {
    const f = await tagged();
    cleanup = f.cleanup;
    const out = join(f.dir, 'r.xlsx');
    await f.backend.handlers.exportReport({ portfolioId: f.portfolioId, format: 'xlsx', paper: 'a4', path: out });
    const wb = await readBack(readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Themes', 'Positions', 'Tags', 'FX', 'Changes', 'Accounts', 'Currencies', 'Overlap']);

    const summary = wb.getWorksheet('Summary')!;
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((r) => { if (r.getCell(1).value === label) found = r; });
      return found!;
    };
    const expectMoney = (cell: ExcelJS.Cell, value: number) => {
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.value).toBe(value);
      expect(cell.numFmt).toBe('#,##0.00;-#,##0.00');
    };
    // By hand: (18025.00 + 3605.00) x 0.6 = 12978.00; 8133.00; 1432.50 x 0.25 = 358.13; total 40553.36.
    expectMoney(rowOf('Data-center infrastructure').getCell(2), 12978);
    expectMoney(rowOf('Crude-oil logistics').getCell(2), 8133);
    expectMoney(rowOf('Diamond semiconductors').getCell(2), 358.13);
    expectMoney(rowOf('Untagged').getCell(2), 19084.23);
    expectMoney(rowOf('of which cash').getCell(2), 1234.56);
    expectMoney(rowOf('Total').getCell(2), 40553.36);
    const share = rowOf('Data-center infrastructure').getCell(3);
    expect(share.type).toBe(ExcelJS.ValueType.Number);
    expect(share.numFmt).toBe('0.00%');
    expect(share.value).toBeCloseTo(12978 / 40553.36, 12);

    const positions = wb.getWorksheet('Positions')!;
    expect(positions.getRow(1).values).toEqual([undefined, 'Account', 'Symbol', 'Description', 'Quantity', 'Currency', 'Local value', 'Value (USD)', 'Cash', 'Themes']);
    const nvda = positions.getRow(2);
    expect(nvda.getCell(2).value).toBe('NVDA');
    expect(nvda.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(nvda.getCell(4).value).toBe(100);
    expectMoney(nvda.getCell(7), 18025);

    const tags = wb.getWorksheet('Tags')!;
    const nvdaTag = tags.getRow(4); // COHR, KMI, NVDA: sorted by symbol
    expect(nvdaTag.getCell(1).value).toBe('NVDA');
    expect(nvdaTag.getCell(3).value).toBe(0.6);
    expect(nvdaTag.getCell(3).numFmt).toBe('0.00%');
    expect(nvdaTag.getCell(5).value).toBe('GPUs for AI data centers');
    expect(cells(wb).some(({ cell }) => cell.formula !== undefined)).toBe(false);
  });
});
