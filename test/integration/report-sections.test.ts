import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const RESULTS = join(ROOT, 'test-results');
const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

/**
 * The breakdown sections (by account, by currency, theme overlap) and the change attribution, in
 * every format, against figures computed by hand from the fixture:
 *
 * Snapshot 1 (2026-11-24), tags NVDA data-centers 60% and diamond 10%, KMI oil 100%, COHR diamond 25%.
 *   X12345678: cash 1,234.56 + NVDA 18,025.00 + EQIX 8,123.30 = 27,382.86; data centers 10,815.00,
 *     diamond 1,802.50; untagged 27,382.86 - 10,815.00 - 1,802.50 = 14,765.36.
 *   Z87654321: KMI 8,133.00 + NVDA 3,605.00 + COHR 1,432.50 = 13,170.50; data centers 2,163.00, oil
 *     4,066.50 (KMI at today's 50%), diamond 360.50 + 358.13 = 718.63; untagged 13,170.50 - 2,163.00
 *     - 4,066.50 - 718.63 = 6,222.37.
 *   Overlap data centers x diamond: both NVDA lines, 18,025.00 + 3,605.00 = 21,630.00 (53.3% of 40,553.36).
 * Snapshot 2 (2026-12-01): NVDA in X12345678 grows to 120 at 190.00 = 22,800.00; then KMI's weight
 *   goes to 50%. Data centers: 12,978.00 -> 13,680.00 + 2,163.00 = 15,843.00; quantity 20 x 180.25
 *   x 60% = 2,163.00, price 2,865.00 - 2,163.00 = 702.00. Oil: 8,133.00 -> 4,066.50, all tag (-4,066.50).
 */
describe('report sections: by account, by currency, overlap and the change attribution', () => {
  const temp = makeTempDir('themelens-sections-');
  const db = join(temp.dir, 'sections.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());

  beforeAll(() => {
    const first = join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv');
    expect(cli('import', first, '--portfolio', 'Smith family').code).toBe(0);
    for (const args of [['NVDA', 'data-centers', '--weight', '0.6'], ['NVDA', 'diamond-semiconductors', '--weight', '0.1'], ['KMI', 'oil-logistics'], ['COHR', 'diamond-semiconductors', '--weight', '0.25']]) {
      expect(cli('tag', ...args).code).toBe(0);
    }
    const second = join(temp.dir, 'fidelity-december.csv');
    writeFileSync(
      second,
      readFileSync(first, 'utf8')
        .replace('NVDA,NVIDIA CORPORATION COM,100,$180.25,+$1.20,"$18,025.00"', 'NVDA,NVIDIA CORPORATION COM,120,$190.00,+$1.20,"$22,800.00"')
        .replace('Nov-24-2026', 'Dec-01-2026'),
    );
    expect(cli('import', second, '--portfolio', 'Smith family').code).toBe(0);
    expect(cli('tag', 'KMI', 'oil-logistics', '--weight', '0.5').code).toBe(0);
    mkdirSync(RESULTS, { recursive: true });
  });

  it('JSON: the breakdowns of the first snapshot (with today\'s tags, as every report) add up to the summary, to the cent', () => {
    const r = cli('report', '--portfolio', 'Smith family', '--format', 'json', '--snapshot', '1');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const b = report.breakdowns;
    expect(b.complete).toBe(true);
    expect(b.accounts).toEqual([
      { account: 'X12345678', positionCount: 3, value: 27382.86, themes: { 'data-centers': 10815, 'oil-logistics': 0, 'diamond-semiconductors': 1802.5 }, untaggedValue: 14765.36, withoutRate: 0 },
      { account: 'Z87654321', positionCount: 3, value: 13170.5, themes: { 'data-centers': 2163, 'oil-logistics': 4066.5, 'diamond-semiconductors': 718.63 }, untaggedValue: 6222.37, withoutRate: 0 },
    ]);
    expect(b.currencies).toEqual([{ currency: 'USD', positionCount: 6, localValue: 40553.36, value: 40553.36, share: 1, rate: '' }]);
    const cell = (a: string, c: string) => b.overlap.find((o: { a: string; b: string }) => o.a === a && o.b === c) as { value: number; share: number; positionCount: number };
    expect(cell('data-centers', 'diamond-semiconductors')).toMatchObject({ value: 21630, positionCount: 2 });
    expect(cell('data-centers', 'diamond-semiconductors').share).toBeCloseTo(21630 / 40553.36, 12);
    expect(cell('data-centers', 'data-centers')).toMatchObject({ value: 21630, positionCount: 2 });
    expect(cell('diamond-semiconductors', 'diamond-semiconductors')).toMatchObject({ value: 23062.5, positionCount: 3 });
    expect(cell('data-centers', 'oil-logistics')).toMatchObject({ value: 0, positionCount: 0 });
    // The accounts' theme columns add up to the summary's theme values.
    for (const t of report.themes.filter((x: { parentId?: string }) => !x.parentId)) {
      const sum = b.accounts.reduce((s: number, a: { themes: Record<string, number> }) => s + Math.round((a.themes[t.id] ?? NaN) * 100), 0);
      expect(sum).toBe(Math.round(t.value * 100));
    }
    expect(report.attribution).toBeUndefined();
  });

  it('PDF: the new sections, and the change explained as quantity, price and tag', () => {
    const pdf = join(temp.dir, 'sections.pdf');
    const r = cli('report', '--portfolio', 'Smith family', '--format', 'pdf', '--out', pdf, '--sections', 'accounts,currencies,overlap,changes');
    expect(r.code).toBe(0);
    const all = pdfText(pdf);
    expect(all).toMatch(/By account/);
    // Second snapshot: X12345678 = 1,234.56 + 22,800.00 + 8,123.30 = 32,157.86; data centers 13,680.00, diamond 2,280.00.
    expect(all).toMatch(/X12345678\s+3\s+USD 32,157\.86\s+USD 13,680\.00\s+USD 0\.00\s+USD 2,280\.00\s+USD 16,197\.86/);
    // Z87654321 with KMI at 50%: oil 4,066.50; untagged 13,170.50 - 2,163.00 - 4,066.50 - 718.63 = 6,222.37.
    expect(all).toMatch(/Z87654321\s+3\s+USD 13,170\.50\s+USD 2,163\.00\s+USD 4,066\.50\s+USD 718\.63\s+USD 6,222\.37/);
    expect(all).toMatch(/By currency[\s\S]*USD\s+6\s+USD 45,328\.36\s+USD 45,328\.36\s+100\.0%\s+base currency/);
    // NVDA 22,800.00 + 3,605.00 = 26,405.00 in both data centers and diamond: 58.3% of 45,328.36.
    expect(all).toMatch(/Theme overlap/);
    expect(all).toMatch(/USD 26,405\.00/);
    expect(all).toMatch(/58\.3% · 2/);
    expect(all).toMatch(/Exposure change explained/);
    // A theme's name may wrap in its column: the text has "infrastructure" (or "logistics") on the next line.
    expect(all).toMatch(/Data-center(?: infrastructure)?\s+USD 12,978\.00\s+USD 15,843\.00\s+\+USD 2,865\.00\s+\+USD 2,163\.00\s+\+USD 702\.00\s+USD 0\.00/);
    expect(all).toMatch(/Crude-oil(?: logistics)?\s+USD 8,133\.00\s+USD 4,066\.50\s+-USD 4,066\.50\s+USD 0\.00\s+USD 0\.00\s+-USD 4,066\.50/);
    // Untagged and the total, so the rows add up, as in the Compare view. By hand: before 12,978.00
    // + 8,133.00 + 2,521.13 + 16,921.23 = 40,553.36; now 15,843.00 + 4,066.50 + 2,998.63 + 22,420.23
    // = 45,328.36; quantity 2,163.00 + 360.50 + 1,081.50 = 3,605.00 (NVDA 100 -> 120 at 180.25);
    // price 702.00 + 117.00 + 351.00 = 1,170.00; tag -4,066.50 + 4,066.50 = 0.
    expect(all).toMatch(/Untagged\s+USD 16,921\.23\s+USD 22,420\.23\s+\+USD 5,499\.00\s+\+USD 1,081\.50\s+\+USD 351\.00\s+\+USD 4,066\.50/);
    expect(all).toMatch(/Total\s+USD 40,553\.36\s+USD 45,328\.36\s+\+USD 4,775\.00\s+\+USD 3,605\.00\s+\+USD 1,170\.00\s+USD 0\.00\s+100\.0% → 100\.0%/);
    expect(all).toMatch(/value up\s+X12345678\s+NVDA\s+100 → 120\s+\+USD 4,775\.00\s+\+USD 3,605\.00\s+\+USD 1,170\.00/);
    for (const page of [1, 2]) execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(RESULTS, `report-sections-page${page}`)]);
  });

  it('regenerated from its record, the attribution is the same even after the tags change again', () => {
    const out = join(temp.dir, 'recorded.json');
    expect(cli('report', '--portfolio', 'Smith family', '--format', 'json', '--out', out).code).toBe(0);
    const before = JSON.parse(readFileSync(out, 'utf8')).attribution;
    expect(before.themes.find((t: { id: string }) => t.id === 'oil-logistics')).toMatchObject({ fromValue: 8133, toValue: 4066.5, tagEffect: -4066.5 });
    const reports = cli('reports', '--portfolio', 'Smith family');
    expect(reports.code).toBe(0);
    const id = reports.stdout.split('\t')[0]!;
    expect(cli('tag', 'KMI', 'oil-logistics', '--weight', '0.2').code).toBe(0);
    const again = join(temp.dir, 'again.json');
    expect(cli('regenerate', id, '--out', again).code).toBe(0);
    expect(JSON.parse(readFileSync(again, 'utf8')).attribution).toEqual(before);
    expect(cli('tag', 'KMI', 'oil-logistics', '--weight', '0.5').code).toBe(0);
  });

  it('XLSX: one sheet per section with numbers as numbers, formats and frozen headers', async () => {
    const out = join(temp.dir, 'sections.xlsx');
    expect(cli('report', '--portfolio', 'Smith family', '--format', 'xlsx', '--out', out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const accounts = wb.getWorksheet('Accounts')!;
    expect(accounts.getRow(1).values).toEqual([undefined, 'Account', 'Positions', 'Value (USD)', 'Data-center infrastructure', 'Crude-oil logistics', 'Diamond semiconductors', 'Untagged', 'Without a rate']);
    expect(accounts.getRow(2).values).toEqual([undefined, 'X12345678', 3, 32157.86, 13680, 0, 2280, 16197.86, 0]);
    expect(accounts.getCell('C2').numFmt).toBe('#,##0.00;-#,##0.00');
    expect(accounts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const overlap = wb.getWorksheet('Overlap')!;
    const both = overlap.getSheetValues().find((row) => Array.isArray(row) && row[1] === 'Data-center infrastructure' && row[2] === 'Diamond semiconductors') as unknown[];
    expect(both[3]).toBe(26405);
    expect(wb.getWorksheet('Currencies')!.getRow(2).values).toEqual([undefined, 'USD', 6, 45328.36, 45328.36, 1, 'base currency']);
    const attribution = wb.getWorksheet('Attribution')!;
    const dc = attribution.getSheetValues().find((row) => Array.isArray(row) && row[1] === 'Data-center infrastructure') as unknown[];
    expect(dc.slice(2, 7)).toEqual([12978, 15843, 2163, 702, 0]);
    expect(attribution.getCell('D1').value).toBeNull();
    // Untagged and the total rows, as in the PDF.
    const rowOf = (name: string) => attribution.getSheetValues().find((row) => Array.isArray(row) && row[1] === name) as unknown[];
    expect(rowOf('Untagged').slice(2, 7)).toEqual([16921.23, 22420.23, 1081.5, 351, 4066.5]);
    expect(rowOf('Total').slice(2, 7)).toEqual([40553.36, 45328.36, 3605, 1170, 0]);
  });
});
