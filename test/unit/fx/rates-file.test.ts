import { describe, expect, it } from 'vitest';
import { parseRatesFile } from '../../../shared/fx/rates-file';

describe('parseRatesFile', () => {
  it('reads dated rows as 1 currency = rate base, with a base column or --base', () => {
    const r = parseRatesFile('\uFEFFDate;Currency;Rate\n2026-01-02;usd;0.91\n\n2026-01-05;JPY;0.0061\n', 'EUR');
    expect(r).toEqual({
      ok: true,
      layout: 'long',
      skipped: 0,
      rates: [
        { currency: 'USD', quote: 'EUR', rate: '0.91', asOf: '2026-01-02', line: 2 },
        { currency: 'JPY', quote: 'EUR', rate: '0.0061', asOf: '2026-01-05', line: 4 },
      ],
    });
  });

  it("reads a central bank's table as 1 base = cell, skipping N/A", () => {
    const r = parseRatesFile('Date,USD,JPY,CYP,\n2026-06-30,1.1720,170.12,N/A,\n', null);
    expect(r).toMatchObject({ ok: true, layout: 'wide', skipped: 1 });
    expect(r.ok && r.rates.map((x) => `${x.currency}/${x.quote}=${x.rate}`)).toEqual(['EUR/USD=1.1720', 'EUR/JPY=170.12']);
  });

  it.each([
    ['date,currency,rate,base\n2026-01-02,USD,-1,EUR\n', 2, 3, 'greater than 0'],
    ['date,currency,rate,base\n2026-01-02,USD,1e3,EUR\n', 2, 3, 'not a rate'],
    ['date,currency,rate,base\n2026-01-02,US,1.1,EUR\n', 2, 2, 'not a currency code'],
    ['date,currency,rate,base\n2026-02-30,USD,1.1,EUR\n', 2, 1, 'not a date'],
    ['Date,USD,Comment\n2026-01-02,1.1,hello\n', 1, 3, 'neither'],
    ['Date,USD\n2026-01-02,zero\n', 2, 2, 'not a rate'],
    ['date,currency,rate,base\n2026-01-02,USD,1.1,EUR\n2026-01-02,EUR,0.95,USD\n', 3, null, 'a second rate for EUR/USD on 2026-01-02'],
    // A decimal comma, unquoted, splits the rate: 1 EUR = 1 USD was stored, the 10 read by no one.
    ['date,currency,rate\n2026-11-01,EUR,1,10\n', 2, 4, '"10" in column 4 is under no column name: a number written with a decimal comma (1,10) may have been split in two'],
    // The same in a central bank's table, whose every line ends in a comma: 160.1 fell under the empty last column.
    ['Date,USD,JPY,\n2026-11-03,1,0845,160.1,\n', 2, 4, '"160.1" in column 4 is under no column name'],
  ])('refuses %j at line %i, column %s', (text, line, column, message) => {
    const r = parseRatesFile(text, null);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(line);
      expect(r.column).toBe(column);
      expect(r.message).toContain(message);
    }
  });

  it('needs a base when the file names none', () => {
    const r = parseRatesFile('date,currency,rate\n2026-01-02,USD,1.1\n', null);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('--base');
  });
});

describe('cells under no column name that are not a split number', () => {
  it.each([
    ['a notes column', 'date,currency,rate\n2026-11-01,EUR,1.1,from ECB\n'],
    ["a spreadsheet's index column", ',date,currency,rate\n0,2026-11-01,EUR,1.1\n'],
    ["a central bank's trailing comma", 'Date,USD,JPY,\n2026-11-03,1.0845,160.1,\n'],
  ])('%s is left unread, as before', (_what, text) => {
    expect(parseRatesFile(text, 'USD').ok).toBe(true);
  });
});
