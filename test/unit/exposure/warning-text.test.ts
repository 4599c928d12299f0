import { describe, expect, it } from 'vitest';
import { checkWarnings } from '../../../db/exposure/import-checks';
import { exposureWarning } from '../../../shared/exposure/warnings';

/**
 * Each warning's English, word for word, as the command line and the CSV, XLSX and JSON reports
 * print it: the templates must not change what it says. A warning that counts says one as one.
 */
describe('exposure warnings in English', () => {
  it.each([
    [exposureWarning('MISSING_FX', { currency: 'EUR', base: 'USD' }), 'No exchange rate from EUR to USD: the positions in EUR are left out of the totals. Add a rate (themelens fx EUR RATE --to USD).'],
    [
      exposureWarning('FX_NOT_AS_OF', { currency: 'EUR', asOf: '2026-11-24', rateDate: '2026-11-25', rate: '1 EUR = 1.08 USD', base: 'USD' }),
      'No EUR rate on or before 2026-11-24: valued at the rate of 2026-11-25 (1 EUR = 1.08 USD). Add the rate of that day (themelens fx EUR RATE --to USD --as-of 2026-11-24).',
    ],
    [
      exposureWarning('BROKER_RATE_DIFFERS', { currency: 'EUR', broker: '2,100.00', base: 'USD', column: 'Wert in USD', rate: '1 EUR = 1.08 USD', rateDate: '2026-11-24', rated: '2,160.00', apart: '2.8' }),
      'The broker valued the EUR positions at 2,100.00 USD ("Wert in USD"); at 1 EUR = 1.08 USD (as of 2026-11-24) they would be 2,160.00 USD, 2.8% apart. The figures here use the broker\'s values; check the rate, or the file.',
    ],
    [
      exposureWarning('TOTAL_MISMATCH', { file: 'a.csv', fileTotal: '1,600.00', rowsTotal: '1,500.00', difference: '100.00' }),
      "a.csv states a total of 1,600.00, but its imported positions add up to 1,500.00 (a difference of 100.00): the figures here are the positions'. Check the file for rows that were left out or misread.",
    ],
    [
      exposureWarning('AMOUNT_LIMIT', { base: 'JPY' }),
      "Some totals in JPY are beyond 90,071,992,547,409.91, the largest amount kept exact to the cent: they are shown rounded. Check the holdings' amounts and exchange rates.",
    ],
    [
      exposureWarning('STALE_LOOK_THROUGH', { fund: 'SPY', fundAsOf: '2026-01-01', asOf: '2026-11-24' }),
      'The holdings of SPY used for look-through are as of 2026-01-01, more than 90 days before 2026-11-24; import a newer holdings file from the issuer.',
    ],
    [
      exposureWarning('SIGN_DIFFERS', { n: '2', file: 'a.csv', line: '22', label: 'AAPL', quantity: '10', price: '150', value: '-1,500.00' }),
      '2 positions of a.csv have values whose sign is not that of quantity x price (the first on line 22, AAPL: 10 x 150, value -1,500.00). They are kept as the file gives them; if its value column is not the market value (a gain or loss, say), import it again with the right column mapped.',
    ],
    [
      exposureWarning('SIGN_DIFFERS', { n: '1', file: 'a.csv', line: '22', label: 'AAPL', quantity: '10', price: '150', value: '-1,500.00' }),
      '1 position of a.csv has a value whose sign is not that of quantity x price (line 22, AAPL: 10 x 150, value -1,500.00). It is kept as the file gives it; if its value column is not the market value (a gain or loss, say), import it again with the right column mapped.',
    ],
    [
      exposureWarning('VALUE_COMPUTED', { n: '1', file: 'a.csv', line: '22', label: 'AAPL', quantity: '10', price: '150', value: '1,500.00' }),
      '1 position of a.csv had no value in the file, so its value is quantity x price (line 22, AAPL: 10 x 150 = 1,500.00). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.',
    ],
    [
      exposureWarning('VALUE_COMPUTED', { n: '1,234', file: 'a.csv', line: '22', label: 'AAPL', quantity: '10', price: '150', value: '1,500.00' }),
      '1,234 positions of a.csv had no value in the file, so their values are quantity x price (the first on line 22, AAPL: 10 x 150 = 1,500.00). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.',
    ],
    [exposureWarning('UNRESOLVED_SECURITIES', { n: '3' }), '3 positions could be more than one security and count as untagged until confirmed in Needs review (themelens securities --unresolved).'],
    [exposureWarning('UNRESOLVED_SECURITIES', { n: '1' }), '1 position could be more than one security and counts as untagged until confirmed in Needs review (themelens securities --unresolved).'],
    [exposureWarning('UNPARSED_CELL', { n: '2', file: 'a.csv' }), '2 rows of a.csv were not imported because a cell could not be read.'],
    [exposureWarning('UNPARSED_CELL', { n: '1', file: 'a.csv' }), '1 row of a.csv was not imported because a cell could not be read.'],
    [
      exposureWarning('KEPT_LAST_VALUE', { n: '2', file: 'prices.csv', fromAsOf: '2026-09-30', asOf: '2026-12-01', symbols: 'KMI, BND' }),
      '2 positions (KMI, BND) kept earlier values (as far back as 2026-09-30): prices.csv has no usable price for them. The total mixes those values with prices of 2026-12-01. Add their prices to the file and revalue again (themelens reprice); a value that is not quantity x price (a bond quoted per 100, a contract with a multiplier) is never revalued.',
    ],
    [
      exposureWarning('KEPT_LAST_VALUE', { n: '1', file: 'prices.csv', fromAsOf: '2026-09-30', asOf: '2026-12-01', symbols: 'KMI' }),
      'KMI kept an earlier value (as far back as 2026-09-30): prices.csv has no usable price for it. The total mixes that value with prices of 2026-12-01. Add its price to the file and revalue again (themelens reprice); a value that is not quantity x price (a bond quoted per 100, a contract with a multiplier) is never revalued.',
    ],
  ])('warning %#', (warning, english) => {
    expect(warning.message).toBe(english);
  });
});

describe("a repriced snapshot's positions that kept their value", () => {
  it('are named, the first five, then "…" where more are unnamed', () => {
    const kept = (count: number, symbols: string[], more: boolean) => JSON.stringify([{ kind: 'kept', count, symbols, more, fromAsOf: '2026-09-30', asOf: '2026-12-01' }]);
    const [seven] = checkWarnings(kept(7, ['A', 'B', 'C', 'D', 'E'], true), 'prices.csv');
    expect(seven).toMatchObject({ code: 'KEPT_LAST_VALUE', params: { n: '7', symbols: 'A, B, C, D, E, …' } });
    expect(seven?.message).toMatch(/^7 positions \(A, B, C, D, E, …\) kept earlier values \(as far back as 2026-09-30\): prices\.csv has no usable price for them\./);
    // Seven positions of three securities (held in several accounts): all three named, nothing more.
    expect(checkWarnings(kept(7, ['A', 'B', 'C'], false), 'prices.csv')[0]?.params?.['symbols']).toBe('A, B, C');
  });
});
