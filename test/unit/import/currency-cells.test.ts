import { describe, expect, it } from 'vitest';
import { parseHoldings } from '../../../shared/import/parse';
import { parseDecimal } from '../../../shared/money/parse-number';
import { bytesOf, parseOk } from './helpers';

/**
 * A currency column's cells: a code, or a sign or name that names one currency, mapped to its code;
 * anything else (an ambiguous `$` or `¥`, a split number) refuses its row with line, column and cell,
 * so no position is left in a currency no rate can be given for. Amounts that name another currency
 * than the row's refuse it too.
 */
const HEADER = 'Symbol,Description,Quantity,Price,Value,Currency\n';

function rows(currencyCells: readonly string[]) {
  const body = currencyCells.map((c, i) => `S${i},SEC ${i},10,1.00,10.00,"${c}"`).join('\n');
  const r = parseHoldings(bytesOf(`${HEADER}${body}\n`));
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('currency cells', () => {
  it('signs and names of one currency are read as its code', () => {
    const r = rows(['USD', 'usd', 'US$', 'U.S. Dollar', '€', 'Euro', 'EUROS', '£', '円', 'C$', 'HK$', 'CHF']);
    expect(r.rejected).toEqual([]);
    expect(r.positions.map((p) => p.currency)).toEqual(['USD', 'USD', 'USD', 'USD', 'EUR', 'EUR', 'EUR', 'GBP', 'JPY', 'CAD', 'HKD', 'CHF']);
  });

  it('`$` and `¥` name more than one currency: the row is refused with the codes they may mean', () => {
    const r = rows(['$', '¥']);
    expect(r.positions).toEqual([]);
    expect(r.rejected.map((i) => [i.line, i.column, i.header, i.cell, i.message])).toEqual([
      [2, 6, 'Currency', '$', 'Currency "$" may be any of USD, CAD, AUD, HKD, SGD, NZD...; write its three-letter code in the cell'],
      [3, 6, 'Currency', '¥', 'Currency "¥" may be any of JPY or CNY; write its three-letter code in the cell'],
    ]);
  });

  it('a cell that is no currency (a split number, a word) is refused, never imported', () => {
    const r = rows(['345.00', 'Euro Stoxx', 'US']);
    expect(r.positions).toEqual([]);
    expect(r.rejected.map((i) => [i.line, i.column, i.cell, i.message])).toEqual([
      [2, 6, '345.00', 'Currency "345.00" is not a three-letter currency code; write the code (USD, EUR, JPY...) in the cell, or map another column'],
      [3, 6, 'Euro Stoxx', 'Currency "Euro Stoxx" is not a three-letter currency code; write the code (USD, EUR, JPY...) in the cell, or map another column'],
      [4, 6, 'US', 'Currency "US" is not a three-letter currency code; write the code (USD, EUR, JPY...) in the cell, or map another column'],
    ]);
  });
});

describe('amounts in another currency than the row', () => {
  it("a value cell in euros beside a currency column saying USD refuses the row, naming both", () => {
    const r = parseOk(bytesOf(`${HEADER}SAP,SAP SE,10,"231,40 €","2.314,00 €",USD\nNVDA,NVIDIA,1,100,100,USD\n`));
    expect(r.positions.map((p) => p.symbol)).toEqual(['NVDA']);
    expect(r.rejected.map((i) => [i.line, i.column, i.header, i.message])).toEqual([
      [2, 5, 'Value', '"2.314,00 €" is in EUR, but column 6 (Currency) says USD ("USD"); a row has one currency: fix the cell that is wrong'],
    ]);
  });

  it('a price in USD beside a value in EUR (no currency column) refuses the row', () => {
    const r = parseOk(bytesOf('Symbol,Quantity,Price,Value\nSAP,10,USD 231.40,EUR 2314.00\nNVDA,1,100,100\n'));
    expect(r.positions.map((p) => p.symbol)).toEqual(['NVDA']);
    expect(r.rejected.map((i) => [i.line, i.column, i.message])).toEqual([[2, 4, '"EUR 2314.00" is in EUR, but column 3 (Price) says USD ("USD 231.40"); a row has one currency: fix the cell that is wrong']]);
  });

  it('amounts that agree with the row, or name no currency, are read as before', () => {
    const r = parseOk(bytesOf(`${HEADER}SAP,SAP SE,10,EUR 231.40,"2.314,00 €",EUR\nASML,ASML,1,€ 700,700,\n`));
    expect(r.rejected).toEqual([]);
    expect(r.positions.map((p) => [p.symbol, p.currency, p.valueCents])).toEqual([
      ['SAP', 'EUR', 231_400],
      ['ASML', 'EUR', 70_000],
    ]);
  });

  it('one cell naming two currencies is not an amount', () => {
    expect(parseDecimal('USD 12 €').ok).toBe(false);
    expect(parseDecimal('EUR 12 €')).toMatchObject({ ok: true, currency: 'EUR' });
  });
});
