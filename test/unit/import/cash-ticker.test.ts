import { describe, expect, it } from 'vitest';
import { parseHoldings } from '../../../shared/import/parse';

/**
 * "CASH" is a broker's cash row (E*TRADE writes it alone, with a value) and a ticker (Pathward
 * Financial, NASDAQ: CASH). A row naming the company, with a quantity and a price, was read as the
 * account's cash, its name replaced: the security vanished into "of which cash" and could not be tagged.
 */
function parse(text: string) {
  const r = parseHoldings(new TextEncoder().encode(text), {});
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('a symbol of CASH', () => {
  it('is the security CASH on a row that names a company and has a quantity and a price', () => {
    const r = parse('Symbol,Description,Quantity,Price,Market Value\nCASH,PATHWARD FINANCIAL INC COM,100,55.00,5500.00\n');
    expect(r.positions.map((p) => [p.symbolKey, p.isCash, p.description])).toEqual([['CASH', false, 'PATHWARD FINANCIAL INC COM']]);
  });

  it('is cash on a cash row: alone with a value, or described as cash', () => {
    const r = parse('Symbol,Description,Quantity,Price,Market Value\nCASH,,,,1304.92\nCash,Cash,1000,1,1000\n');
    expect(r.positions.map((p) => [p.symbolKey, p.isCash])).toEqual([
      ['CASH:USD', true],
      ['CASH:USD', true],
    ]);
  });
});
