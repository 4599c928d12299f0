import { describe, expect, it } from 'vitest';
import { ROW_TEXT, rowIssue, rowReason, type RowText } from '../../../shared/import/row-text';
import { invalidRows } from '../../../db/import/import-errors';
import { fillTemplate } from '../../../shared/text/fill';
import { bytesOf, parseOk } from './helpers';

/**
 * Why a row could not be read, in English word for word as the command line printed it before the
 * messages became templates (the app says them in Japanese from the same template and figures).
 */
describe('why a row could not be read, in English', () => {
  const fix = 'fix the cell or map another column';
  const cases: [RowText, Record<string, string>, string][] = [
    [ROW_TEXT.quantityPercent, { cell: '5%' }, 'Quantity "5%" is a percentage, not a quantity; map the column that holds the quantity'],
    [ROW_TEXT.pricePercent, { cell: '5%' }, 'Price "5%" is a percentage, not a price; map the column that holds the price'],
    [ROW_TEXT.valuePercent, { cell: '12.5%' }, 'Value "12.5%" is a percentage, not an amount; map the column that holds the market value'],
    [ROW_TEXT.quantityNotNumber, { cell: 'abc' }, `Quantity "abc" is not a number; ${fix}`],
    [ROW_TEXT.priceNotNumber, { cell: 'abc' }, `Price "abc" is not a number; ${fix}`],
    [ROW_TEXT.valueNotNumber, { cell: 'abc' }, `Value "abc" is not a number; ${fix}`],
    [ROW_TEXT.quantitySeparators, { cell: '1,2,3' }, `Quantity "1,2,3" is not a number (digit separators in unexpected places); ${fix}`],
    [ROW_TEXT.priceSeparators, { cell: '1,2,3' }, `Price "1,2,3" is not a number (digit separators in unexpected places); ${fix}`],
    [ROW_TEXT.valueSeparators, { cell: '1,2,3' }, `Value "1,2,3" is not a number (digit separators in unexpected places); ${fix}`],
    [ROW_TEXT.quantitySigns, { cell: '--5' }, `Quantity "--5" is not a number (more than one sign); ${fix}`],
    [ROW_TEXT.priceSigns, { cell: '--5' }, `Price "--5" is not a number (more than one sign); ${fix}`],
    [ROW_TEXT.valueSigns, { cell: '--5' }, `Value "--5" is not a number (more than one sign); ${fix}`],
    [ROW_TEXT.noValueCell, {}, 'No market value: the value cell is empty and quantity x price cannot be computed; fill the cell or map the value column'],
    [ROW_TEXT.noValueColumn, {}, 'No market value: quantity x price cannot be computed because a cell is empty; fill it or map a value column'],
    [ROW_TEXT.beyondLimit, { limit: '90,071,992,547,409.91' }, 'The amount is beyond the largest ThemeLens keeps exact (90,071,992,547,409.91 either way); check the cell for a misplaced separator'],
    [ROW_TEXT.badRate, {}, 'The rate to the base currency must be a number greater than 0; fix the cell'],
    [ROW_TEXT.noHolding, {}, 'The row names no holding: symbol and description are both empty; fill one or map another column'],
    [
      ROW_TEXT.extraCells,
      { column: '4', shown: '1 234,56' },
      'This row has more cells than the header has columns (from column 4, "1 234,56"): a number with a decimal comma such as 1 234,56 may have been split in two. Quote the cell ("1 234,56") or export the file again with a semicolon delimiter',
    ],
    [
      ROW_TEXT.sumBeyondLimit,
      { limit: '90,071,992,547,409.91' },
      "The positions up to this row add up to more than the largest amount ThemeLens keeps exact (90,071,992,547,409.91); check the file's amounts, or split it into several portfolios",
    ],
    [ROW_TEXT.cashNotNumber, { cell: 'n.v.' }, 'Cash balance "n.v." is not a number; fix the cell'],
    [ROW_TEXT.badCurrency, { cell: '345.00' }, 'Currency "345.00" is not a three-letter currency code; write the code (USD, EUR, JPY...) in the cell, or map another column'],
    [ROW_TEXT.ambiguousCurrency, { cell: '$', codes: 'USD, CAD, AUD, HKD, SGD, NZD...' }, 'Currency "$" may be any of USD, CAD, AUD, HKD, SGD, NZD...; write its three-letter code in the cell'],
    [
      ROW_TEXT.currencyConflict,
      { cell: '2.314,00 €', cellCurrency: 'EUR', otherColumn: '5', otherHeader: 'Currency', otherCurrency: 'USD', otherCell: 'USD' },
      '"2.314,00 €" is in EUR, but column 5 (Currency) says USD ("USD"); a row has one currency: fix the cell that is wrong',
    ],
    [
      ROW_TEXT.foreignSection,
      { section: '外国株式（特定預り）' },
      'This row is in the section "外国株式（特定預り）", whose amounts are not in yen; ThemeLens does not read that section yet. Export it from the foreign-stock screen, or import the other rows only',
    ],
    [
      ROW_TEXT.noForeignValue,
      { kind: '米国株式', currency: 'USD', cell: '' },
      'This 米国株式 row has no value in USD in 時価評価額[外貨] (""): it cannot be valued in its own currency. Export the file again, or import the other rows only',
    ],
  ];

  it('every template is pinned here', () => {
    expect(new Set(cases.map(([text]) => text))).toEqual(new Set(Object.values(ROW_TEXT)));
  });

  it.each(cases)('%s', (text, params, english) => {
    expect(fillTemplate(text, params)).toBe(english);
    expect(rowIssue(2, 3, 'Qty', 'x', rowReason(text, params))).toEqual({ line: 2, column: 3, header: 'Qty', cell: 'x', message: english, text, params });
  });
});

describe('a refused row carries its template and figures', () => {
  it('each kind of number cell that does not read, by its field and why', () => {
    const r = parseOk(bytesOf('Symbol,Quantity,Price,Value\nA,5%,1,1\nB,1,1.2.3,1\nC,1,1,--5\nD,1,1,abc\nE,1,,\n'), { mapping: { symbol: 'Symbol', quantity: 'Quantity', price: 'Price', value: 'Value' } });
    expect(r.rejected.map((i) => [i.line, i.column, i.text, i.params])).toEqual([
      [2, 2, ROW_TEXT.quantityPercent, { cell: '5%' }],
      [3, 3, ROW_TEXT.priceSeparators, { cell: '1.2.3' }],
      [4, 4, ROW_TEXT.valueSigns, { cell: '--5' }],
      [5, 4, ROW_TEXT.valueNotNumber, { cell: 'abc' }],
      [6, 4, ROW_TEXT.noValueCell, {}],
    ]);
    for (const i of r.rejected) expect(i.message).toBe(fillTemplate(i.text as string, i.params ?? {}));
  });

  it('a row split by a decimal comma and a row that names no holding', () => {
    const r = parseOk(bytesOf('Account,Symbol,Description,Value\nX1,A,Alpha,1 234,56\nX1,,,5\nX1,B,Beta,7\n'));
    expect(r.rejected.map((i) => [i.line, i.text, i.params])).toEqual([
      [2, ROW_TEXT.extraCells, { column: '5', shown: '1 234,56' }],
      [3, ROW_TEXT.noHolding, {}],
    ]);
  });
});

describe('rows refused as a whole', () => {
  const issue = rowIssue(3, 2, 'Quantity', 'abc', rowReason(ROW_TEXT.quantityNotNumber, { cell: 'abc' }));
  const said = (total: number, valid: number) => invalidRows('a.csv', [issue], total, valid).message.replace(/^a\.csv line 3, column 2 \(Quantity\): Quantity "abc" is not a number; fix the cell or map another column/, '');
  it.each([
    [1, 5, '. Nothing was imported; fix the file, or import the 5 valid rows only.'],
    [1, 1, '. Nothing was imported; fix the file, or import the 1 valid row only.'],
    [1, 0, '. Nothing was imported, and no row of the file can be read: fix the file.'],
    [2, 5, ' (and 1 more row). Nothing was imported; fix the file, or import the 5 valid rows only.'],
    [2, 1, ' (and 1 more row). Nothing was imported; fix the file, or import the 1 valid row only.'],
    [2, 0, ' (and 1 more row). Nothing was imported, and no row of the file can be read: fix the file.'],
    [1235, 2, ' (and 1,234 more rows). Nothing was imported; fix the file, or import the 2 valid rows only.'],
    [3, 1, ' (and 2 more rows). Nothing was imported; fix the file, or import the 1 valid row only.'],
    [3, 0, ' (and 2 more rows). Nothing was imported, and no row of the file can be read: fix the file.'],
  ])('%i unreadable and %i valid: each count as one or several, and no "import the 0 valid rows"', (total, valid, rest) => {
    expect(said(total, valid)).toBe(rest);
  });
});
