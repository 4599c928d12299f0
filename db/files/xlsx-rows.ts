import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { FILE_TEXT, fileRefusal } from '../../shared/api/file-text';

/** Larger than any issuer's holdings workbook: a bigger file is refused before it is read. */
const MAX_BYTES = 50 * 1024 * 1024;

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The first sheet of an XLSX workbook (SPDR's holdings file) as CSV text, so it goes through the
 * same reader as the issuers' CSV files: numbers written plainly, dates as YYYY-MM-DD, formulas as
 * their cached results. exceljs is loaded only here, when such a file is opened.
 */
export async function xlsxAsCsv(path: string): Promise<string> {
  const name = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw fileRefusal('NOT_FOUND', FILE_TEXT.workbookMissing, { file: name });
  }
  if (size > MAX_BYTES) throw fileRefusal('IMPORT_FATAL', FILE_TEXT.workbookTooLarge, { file: name });
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    // The zip library's own words (and its links) mean nothing to the user: say what the file is not.
    throw fileRefusal('IMPORT_FATAL', FILE_TEXT.workbookUnreadable, { file: name });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw fileRefusal('IMPORT_FATAL', FILE_TEXT.workbookNoSheet, { file: name });
  const lines: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) {
      const v = row.getCell(c).value as unknown;
      const plain =
        v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' && v !== null && 'result' in v ? String((v as { result: unknown }).result ?? '') : typeof v === 'object' && v !== null && 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : String(v);
      cells.push(csvCell(plain));
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
