import { describe, expect, it } from 'vitest';
import { parseHoldings } from '../../../shared/import/parse';
import { checkWarnings } from '../../../db/exposure/import-checks';
import { isLasting } from '../../../shared/import/checks';

/**
 * A value that is not quantity x price, nor one of the conventions that make it legitimately other
 * (a bond per 100, pence, an option's 100 to a contract, a future's 1,000, a fund per 10,000 units),
 * is kept as the file gives it and said, with the count and the first row's figures.
 */
const HEADER = 'Symbol,Description,Quantity,Price,Market Value\n';

function parse(text: string) {
  const r = parseHoldings(new TextEncoder().encode(text), {});
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('value against quantity x price', () => {
  it("100 x 183.60 with a value of 1,836.00 (a tenth of it) is said, with the row's figures", () => {
    const r = parse(`${HEADER}NVDA,NVIDIA CORP,100,183.60,1836.00\nAAPL,APPLE INC,10,205.35,2053.50\n`);
    expect(r.positions).toHaveLength(2);
    expect(r.checks).toEqual([{ kind: 'differs', count: 1, first: { line: 2, label: 'NVDA', quantity: '100', price: '183.6', valueCents: 183_600 } }]);
    expect(r.warnings).toEqual([
      "1 position has a value that is not quantity x price (line 2, NVDA: 100 x 183.6, value 1,836.00), nor a bond's, an option's or a fund's convention of it (per 100, 100 or 1,000 to a contract, per 10,000 units). It is kept as the file gives it; check the cells (a misplaced separator, a column mapped wrong, a stale price).",
    ]);
  });

  it('kept with the snapshot (VALUE_DIFFERS)', () => {
    const r = parse(`${HEADER}NVDA,NVIDIA CORP,100,183.60,1836.00\nMSFT,MICROSOFT,5,500,2600\n`);
    const [w] = checkWarnings(JSON.stringify(r.checks.filter(isLasting)), 'f.csv');
    expect(w?.code).toBe('VALUE_DIFFERS');
    expect(w?.message).toMatch(/^2 positions of f\.csv have values that are not quantity x price \(the first on line 2, NVDA: 100 x 183\.6, value 1,836\.00\)/);
  });

  it('a stock whose quantity is 100 or 1,000 times too small is said: only a row naming an option or a future is a contract', () => {
    // NVDA 0.1 for 100 (18,025.00 = 0.1 x 180.25 x 1,000), DTE 1.234 for 1,234 (a decimal point read as a thousands separator's place).
    const r = parse(`${HEADER}NVDA,NVIDIA CORPORATION COM,0.1,180.25,18025.00\nDTE,DEUTSCHE TELEKOM AG,1.234,30.25,37328.50\nAMD,ADVANCED MICRO DEVICES,1,150.00,15000.00\n`);
    expect(r.checks).toEqual([{ kind: 'differs', count: 3, first: { line: 2, label: 'NVDA', quantity: '0.1', price: '180.25', valueCents: 1_802_500 } }]);
  });

  it('options and futures keep their multipliers, named in the symbol, description or security type', () => {
    const rows = [
      'NVDA  261218C00180000,NVIDIA CORP,2,5.30,1060.00', // an OCC option symbol
      'NVDA 12/18/2026 180.00 C,CALL NVIDIA CORP $180 EXP 12/18/26,2,5.30,1060.00',
      "AAPL Dec 18 '26 $200 Put,AAPL Dec 18 '26 $200 Put,1,4.00,400.00",
      'ESZ6,E-MINI S&P 500 FUTURES,1,7.00,7000.00',
    ];
    expect(parse(`${HEADER}${rows.join('\n')}\n`).warnings).toEqual([]);
    const typed = parse('Symbol,Description,Type,Quantity,Price,Market Value\nXYZ,SOMETHING,Options,2,5.30,1060.00\nABC,OTHER,Stock,2,5.30,1060.00\nCL,CRUDE OIL,FOP,1,70.00,70000.00\n7203,トヨタ自動車 プット,,1,50,5000\n');
    expect(typed.checks).toEqual([{ kind: 'differs', count: 1, first: { line: 3, label: 'ABC', quantity: '2', price: '5.3', valueCents: 106_000 } }]);
  });

  it('a name that only holds a contract word, or an ISIN shaped like an option code, is no contract', () => {
    const rows = [
      'OPCH,OPTION CARE HEALTH INC,1,25.00,2500.00',
      'QYLD,GLOBAL X NASDAQ 100 COVERED CALL ETF,1,17.00,1700.00',
      'US912828P469,US TREASURY NOTE,1,99.00,9900.00',
    ];
    expect(parse(`${HEADER}${rows.join('\n')}\n`).checks).toEqual([{ kind: 'differs', count: 3, first: { line: 2, label: 'OPCH', quantity: '1', price: '25', valueCents: 250_000 } }]);
  });

  it('conventions and rounding raise nothing', () => {
    const rows = [
      'BND,TREASURY 4% 2030,10000,98.5,9850.00', // a bond priced per 100 of face
      'AAPL 250117C200,AAPL CALL,2,5.30,1060.00', // an option: 100 shares to a contract
      'CLZ6,CRUDE OIL DEC26,1,70.00,70000.00', // a future of 1,000 barrels
      'VOD.L,VODAFONE (pence),1000,72.5,725.00', // priced in pence, valued in pounds
      ',eMAXIS Slim All Country,1234567,23456,2895800', // a Japanese fund priced per 10,000 units
      'FRAC,FRACTIONAL,0.123,101.37,12.47', // rounding of the value
      'RND,ROUNDED PRICE,1000,1.23,1234.00', // the price shown to 2 decimals: 1.234 rounded
      'SHRT,SHORT,-10,150,-1500', // signs are SIGN_DIFFERS' business
      'ZERO,WORTHLESS,100,0,0',
    ];
    const r = parse(`${HEADER}${rows.join('\n')}\n`);
    expect(r.positions).toHaveLength(rows.length);
    expect(r.warnings).toEqual([]);
  });
});
