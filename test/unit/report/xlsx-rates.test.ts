/**
 * The XLSX FX sheet's "per unit" rate is shown with the digits it takes to redo the report's figures
 * by hand. At six decimals 1 EUR = 162.35 JPY showed 0.006160 EUR per JPY, and JPY 123,400 x 0.006160
 * = 760.14 against the report's 760.09 (the stored value was exact; only its format was short).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rateFormat, renderXlsx } from '../../../db/report/xlsx';
import { documentOf } from '../../../shared/report/document';
import { makeReport } from '../../helpers/report';

/** What a spreadsheet shows for a number under a format "0.00##…" (the only kind the FX sheet uses). */
function shown(value: number, numFmt: string): string {
  const m = /^0\.(0+)(#*)$/.exec(numFmt);
  if (!m) throw new Error(`not a decimal format: ${numFmt}`);
  const fixed = value.toFixed(m[1]!.length + m[2]!.length);
  const [whole, decimals] = fixed.split('.') as [string, string];
  return `${whole}.${decimals.slice(0, m[1]!.length)}${decimals.slice(m[1]!.length).replace(/0+$/, '')}`;
}

const cents = (x: number) => Math.round(x * 100) / 100;

describe('XLSX FX sheet', () => {
  it('shows each rate per unit to enough digits to redo the figures to the cent', async () => {
    const fxRates = [
      { currency: 'JPY', rate: '1 EUR = 162.35 JPY', asOf: '2026-05-01' },
      { currency: 'USD', rate: '1 USD = 0.9221 EUR', asOf: '2026-05-01' },
      { currency: 'IDR', rate: '1 EUR = 17345.67 IDR', asOf: '2026-05-01' },
    ];
    const positions = [
      { account: 'X1', symbol: '7203', symbolKey: '7203', description: 'TOYOTA', quantity: 100, value: 760.09, localValue: 123400, currency: 'JPY', isCash: false, themes: [] },
      { account: 'X1', symbol: 'NVDA', symbolKey: 'NVDA', description: 'NVIDIA', quantity: 3, value: 553.26, localValue: 600, currency: 'USD', isCash: false, themes: [] },
      { account: 'X1', symbol: 'BBCA', symbolKey: 'BBCA', description: 'BANK CENTRAL ASIA', quantity: 1e5, value: 57651.28, localValue: 1e9, currency: 'IDR', isCash: false, themes: [] },
    ];
    const doc = documentOf(makeReport({ baseCurrency: 'EUR', fxRates, positions, themes: [], totalValue: 58964.63, untaggedValue: 58964.63, cashValue: 0, positionCount: 3 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(doc)) as unknown as ArrayBuffer);
    const fx = wb.getWorksheet('FX')!;
    const perUnit = new Map<string, string>();
    fx.eachRow((row, n) => {
      if (n > 1) perUnit.set(String(row.getCell(1).value), shown(row.getCell(3).value as number, row.getCell(3).numFmt));
    });
    expect(perUnit.get('JPY')).toBe('0.00615953187557746');
    expect(perUnit.get('USD')).toBe('0.9221'); // a rate as written stays as written: trailing zeros hidden
    // Each position's local value x the rate shown: the report's figure, to the cent.
    for (const p of positions) expect(cents(p.localValue * Number(perUnit.get(p.currency)))).toBe(p.value);
    expect(fx.getColumn(3).width).toBeGreaterThanOrEqual(perUnit.get('IDR')!.length);
  });

  it('gives a rate 15 significant digits, whatever its size', () => {
    expect(rateFormat(1.0845)).toBe(`0.00${'#'.repeat(12)}`);
    expect(rateFormat(150)).toBe(`0.00${'#'.repeat(10)}`);
    expect(rateFormat(1 / 17345.67)).toBe(`0.00${'#'.repeat(17)}`);
    expect(shown(1 / 17345.67, rateFormat(1 / 17345.67)).replace(/^0\.0*/, '')).toHaveLength(15);
  });
});
