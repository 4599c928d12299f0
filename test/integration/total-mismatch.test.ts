/**
 * Checked totals: a file's own total (Schwab's "Account Total") is checked against its rows; a
 * difference over one cent is TOTAL_MISMATCH, said at import, stored with the snapshot and shown in
 * every report format; one cent (rounding) is not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const SCHWAB = readFileSync(resolve(__dirname, '../fixtures/holdings/schwab-2025.csv'), 'utf8');

describe('TOTAL_MISMATCH', () => {
  const temp = makeTempDir('themelens-totals-');
  const db = join(temp.dir, 't.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());
  const withTotal = (name: string, total: string) => {
    expect(SCHWAB).toContain('"$23,230.62"');
    const p = join(temp.dir, name);
    writeFileSync(p, SCHWAB.replace('"Account Total","--","--","--","--","--","$23,230.62"', `"Account Total","--","--","--","--","--","${total}"`));
    return p;
  };

  it('the fixture as exported: its total agrees, no warning', () => {
    const r = cli('import', withTotal('agrees.csv', '$23,230.62'), '--portfolio', 'Agrees');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/own total/);
    expect(JSON.parse(cli('report', '--portfolio', 'Agrees', '--format', 'json').stdout).warnings).toEqual([]);
  });

  it('one cent off is rounding, not a mismatch', () => {
    cli('import', withTotal('cent.csv', '$23,230.63'), '--portfolio', 'Cent');
    expect(JSON.parse(cli('report', '--portfolio', 'Cent', '--format', 'json').stdout).warnings).toEqual([]);
  });

  it('ten dollars off: said at import, and in JSON, CSV, HTML and XLSX reports of the snapshot', async () => {
    const r = cli('import', withTotal('off.csv', '$23,240.62'), '--portfolio', 'Off');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: The file's own total \(23,240\.62\) differs from the sum of the imported rows \(23,230\.62\) by 10\.00/);
    const json = JSON.parse(cli('report', '--portfolio', 'Off', '--format', 'json').stdout);
    const mismatch = json.warnings.find((w: { code: string }) => w.code === 'TOTAL_MISMATCH');
    expect(mismatch.message).toBe('off.csv states a total of 23,240.62, but its imported positions add up to 23,230.62 (a difference of 10.00): the figures here are the positions\'. Check the file for rows that were left out or misread.');
    expect(cli('report', '--portfolio', 'Off', '--format', 'csv').stdout).toContain('Warning,TOTAL_MISMATCH,"off.csv states a total of 23,240.62');
    expect(cli('report', '--portfolio', 'Off', '--format', 'html').stdout).toContain('off.csv states a total of 23,240.62');
    const xlsx = join(temp.dir, 'off.xlsx');
    expect(cli('report', '--portfolio', 'Off', '--format', 'xlsx', '--out', xlsx).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    expect(cells.some((c) => c.includes('off.csv states a total of 23,240.62'))).toBe(true);
  });
});
