/**
 * The Summary of every report format: the rows that add (themes, untagged) add up to the total, and
 * cash, a part of untagged, is a sub-line "of which cash" under it, never a row that adds. A tester's
 * portfolio: NVDA 100 (data-centers), KMI 100 (oil-logistics), TSLA -100 untagged, cash 100; total
 * 200, untagged -100 + 100 = 0. With a "Cash" row the Summary read 100 + 100 + 0 + 0 + 100 = 300
 * against a total of 200, its shares 150%.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../db/report/xlsx';
import { DEFAULT_PREFERENCES, documentOf } from '../../../shared/report/document';
import { renderReportCsv } from '../../../shared/report/report-csv';
import { renderReportHtml } from '../../../shared/report/report-html';
import { makeReport } from '../../helpers/report';

const theme = (id: string, name: string, value: number) => ({ id, name, color: '#2563eb', value, grossValue: value, longValue: value, shortValue: 0, share: value / 200, positionCount: value ? 1 : 0 });
const R5 = makeReport({
  totalValue: 200,
  cashValue: 100,
  untaggedValue: 0,
  themes: [theme('data-centers', 'Data-center infrastructure', 100), theme('oil-logistics', 'Crude-oil logistics', 100), theme('diamond-semiconductors', 'Diamond semiconductors', 0)],
  positionCount: 4,
  positions: [
    { account: 'X1', symbol: 'NVDA', symbolKey: 'NVDA', description: 'NVIDIA', quantity: 1, value: 100, localValue: 100, currency: 'USD', isCash: false, themes: [{ id: 'data-centers', weight: 1, value: 100 }] },
    { account: 'X1', symbol: 'KMI', symbolKey: 'KMI', description: 'KINDER', quantity: 1, value: 100, localValue: 100, currency: 'USD', isCash: false, themes: [{ id: 'oil-logistics', weight: 1, value: 100 }] },
    { account: 'X1', symbol: 'TSLA', symbolKey: 'TSLA', description: 'TESLA', quantity: -1, value: -100, localValue: -100, currency: 'USD', isCash: false, themes: [] },
    { account: 'X1', symbol: 'CASH:USD', symbolKey: 'CASH:USD', description: 'Cash', quantity: null, value: 100, localValue: 100, currency: 'USD', isCash: true, themes: [] },
  ],
});

const cents = (s: string) => Math.round(Number(s.replace(/[^\d.-]/g, '')) * 100);

describe('the Summary: cash is a part of untagged, not a row that adds', () => {
  it('CSV: the rows above the total add up to it; cash is "of which cash", with no share', () => {
    const lines = renderReportCsv(documentOf(R5)).split('\r\n');
    const start = lines.indexOf('Theme,Theme id,Value (USD),Gross (USD),Share of portfolio,Positions');
    const rows = lines.slice(start + 1, lines.indexOf('', start)).map((l) => l.split(','));
    expect(rows.map((r) => r[0])).toEqual(['Data-center infrastructure', 'Crude-oil logistics', 'Diamond semiconductors', 'Untagged', 'of which cash', 'Total']);
    expect(rows.find((r) => r[0] === 'of which cash')).toEqual(['of which cash', '', '100.00', '', '', '']);
    const adding = rows.filter((r) => r[0] !== 'of which cash' && r[0] !== 'Total');
    expect(adding.reduce((s, r) => s + cents(r[2]!), 0)).toBe(cents(rows.at(-1)![2]!)); // 100 + 100 + 0 + 0 = 200
    expect(adding.reduce((s, r) => s + Number(r[4]), 0)).toBe(1);
  });

  it('HTML and PDF: "of which cash" is an indented, italic sub-line of untagged; the rows that add make the total', () => {
    for (const [language, label] of [['en', 'of which cash'], ['ja', 'うち現金']] as const) {
      const html = renderReportHtml(documentOf(R5, { preferences: { ...DEFAULT_PREFERENCES, language } }));
      const table = /<h2>[^<]+<\/h2>\n<table>.*?<\/table>/s.exec(html.slice(html.indexOf('<h2>' + (language === 'en' ? 'Summary' : '概要'))))![0];
      const rows = [...table.matchAll(/<tr( class="[^"]*")?>(.*?)<\/tr>/g)].map((m) => ({ cls: m[1] ?? '', cells: [...m[2]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').replace(/\s/g, ' ')) }));
      const body = rows.slice(1, -1);
      const cash = body.find((r) => r.cls.includes('part'))!;
      expect(cash.cls).toBe(' class="sub part"');
      expect(cash.cells.slice(0, 3)).toEqual([label, 'USD 100.00', '50.0%']);
      expect(body.indexOf(cash)).toBe(body.length - 1); // right under Untagged
      expect(body.filter((r) => r !== cash).reduce((s, r) => s + cents(r.cells[1]!), 0)).toBe(20000);
      expect(rows.at(-1)!.cells[1]).toBe('USD 200.00');
      expect(html).toContain('tr.part td{font-style:italic');
      expect(html).not.toMatch(/<td>(Cash|現金)<\/td>/);
      // The methodology says why untagged (0.00 here) can be smaller than the cash in it (100.00): an untagged short.
      expect(html).toContain(language === 'en' ? 'Cash is a part of untagged (&quot;of which cash&quot;), not a further row: where short positions are untagged, untagged can be smaller than the cash in it, or negative.' : '現金は未タグの内数');
    }
  });

  it('XLSX: "of which cash" is an italic, indented part; the rows that add make the total', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(documentOf(R5))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Summary')!;
    const rows: ExcelJS.Row[] = [];
    let inTable = false;
    ws.eachRow((r) => {
      if (r.getCell(1).value === 'Theme') inTable = true;
      else if (inTable) rows.push(r);
    });
    expect(rows.map((r) => r.getCell(1).value)).toEqual(['Data-center infrastructure', 'Crude-oil logistics', 'Diamond semiconductors', 'Untagged', 'of which cash', 'Total']);
    const cash = rows[4]!;
    expect(cash.getCell(2).value).toBe(100);
    expect(cash.getCell(1).font?.italic).toBe(true);
    expect(cash.getCell(2).font?.italic).toBe(true);
    expect(cash.getCell(1).alignment?.indent).toBe(1);
    expect(rows[3]!.getCell(1).font?.italic).toBeFalsy();
    expect(rows.slice(0, 4).reduce((s, r) => s + Math.round((r.getCell(2).value as number) * 100), 0)).toBe(Math.round((rows[5]!.getCell(2).value as number) * 100));
  });
});
