import { describe, expect, it } from 'vitest';
import { parseHoldings } from '../../../shared/import/parse';
import { parseStreamed } from './parse-streamed';
import type { ParsedPosition } from '../../../shared/import/types';
import { checkText, type ImportCheck } from '../../../shared/import/checks';

/**
 * Rows kept as the file gives them but said, whole or streamed: a value whose sign is not quantity x
 * price's (a long holding worth less than nothing: a value column mapped to a gain or loss looks like
 * that), and a value cell left empty, for which quantity x price stands in (not a bond's value).
 */
const HEADER = 'Symbol,Description,Quantity,Price,Market Value\n';

const streamed = parseStreamed;

function whole(text: string): { warnings: string[]; checks: ImportCheck[]; positions: ParsedPosition[] } {
  const r = parseHoldings(new TextEncoder().encode(text), {});
  if (!r.ok) throw new Error('parse failed');
  return r;
}

/** Enough ordinary rows for the head of the stream to end before the rows under test. */
const FILLER = Array.from({ length: 20 }, (_, i) => `F${i},FILLER ${i},1,10.00,10.00\n`).join('');

describe.each([
  ['whole', whole],
  ['streamed', streamed],
])('value sign against quantity x price (%s)', (_name, parse) => {
  it('a long holding with a negative value is kept and named, with its line', () => {
    const { warnings, checks, positions } = parse(`${HEADER}${FILLER}AAPL,APPLE INC,10,$150.00,"($1,500.00)"\nMSFT,MICROSOFT,5,300,1500\n`);
    expect(positions.find((p) => p.symbol === 'AAPL')?.valueCents).toBe(-150000);
    expect(warnings).toEqual([
      '1 position has a value whose sign is not that of quantity x price (line 22, AAPL: 10 x 150, value -1,500.00). It is kept as the file gives it; if the value column is not the market value (a gain or loss, say), map the right column.',
    ]);
    // A check: the app lists these apart from the notes every import may carry, as data it words itself.
    expect(checks).toEqual([{ kind: 'sign', count: 1, first: { line: 22, label: 'AAPL', quantity: '10', price: '150', valueCents: -150000 } }]);
    expect(checks.map(checkText)).toEqual(warnings);
  });

  it('several are counted, the first named', () => {
    const { warnings } = parse(`${HEADER}${FILLER}AAA,A,10,1,-10\nBBB,B,-5,2,10\nCCC,C,3,1,3\n`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^2 positions have values whose sign is not that of quantity x price \(first: line 22, AAA: 10 x 1, value -10\.00\)\. They are kept/);
  });

  it('shorts, negative prices, zeros and rows without a quantity or price raise nothing', () => {
    const rows = [
      'SHRT,SHORT SALE,-10,150,-1500', // short: negative quantity, negative value
      'CL,CRUDE FUTURE,1,-37.63,-37.63', // a negative price (a future, a spread)
      'WORTHLESS,DELISTED,100,0,0',
      'ZERO,ZERO VALUE,100,1,0',
      'DEBIT,MARGIN DEBIT,,,-2500', // no quantity or price: nothing to compare
    ];
    const { warnings, positions } = parse(`${HEADER}${FILLER}${rows.join('\n')}\n`);
    expect(positions).toHaveLength(25);
    expect(warnings).toEqual([]);
  });
});

describe.each([
  ['whole', whole],
  ['streamed', streamed],
])('an empty value cell in a file that has the column (%s)', (_name, parse) => {
  it('quantity x price stands in, and the import says so with the first row and its figures', () => {
    const { warnings, positions } = parse(`${HEADER}${FILLER}BND,TREASURY 4% 2030,10000,98.5,--\nAAPL,APPLE INC,10,150,\n`);
    expect(positions.find((p) => p.symbol === 'BND')?.valueCents).toBe(98_500_000);
    expect(warnings).toEqual([
      '2 positions have no value in the file, so their values are quantity x price (first: line 22, BND: 10000 x 98.5 = 985,000.00). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.',
    ]);
  });

  it('a file without a value column, and a cash row valued by its quantity, raise nothing', () => {
    const noValueColumn = parse(`Symbol,Description,Quantity,Price\n${FILLER.replace(/,10\.00\n/g, '\n')}AAPL,APPLE INC,10,150\n`);
    expect(noValueColumn.warnings).toEqual([]);
    expect(noValueColumn.positions.at(-1)?.valueCents).toBe(150_000);
    const cash = parse(`${HEADER}${FILLER}SPAXX**,MONEY MARKET,2500,,\nFCASH**,CASH,100,1.00,\n`);
    expect(cash.warnings).toEqual([]);
  });
});
