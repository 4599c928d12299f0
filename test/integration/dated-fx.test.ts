/**
 * Dated FX, from the command line: each snapshot is valued at the latest rate on or before its own
 * date; before any rate, at the earliest later one with FX_NOT_AS_OF naming it; a rate added later
 * never revalues an older snapshot; `fx import` reads dated rows and a central bank's table, all or
 * nothing; every report lists the rates it used with their dates.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');

interface Report {
  totalValue: number;
  fxRates: { currency: string; rate: string; asOf: string }[];
  warnings: { code: string; message: string }[];
}

describe('dated exchange rates', () => {
  const temp = makeTempDir('themelens-dated-fx-');
  const db = join(temp.dir, 'fx.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  const report = (snapshot: number): Report => {
    const r = cli('report', '--portfolio', 'Euro', '--format', 'json', '--snapshot', String(snapshot));
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Report;
  };
  const rates = () => {
    const c = new Database(db, { readonly: true });
    try {
      return c.prepare('SELECT currency, quote, as_of, rate, source FROM fx_rates ORDER BY currency, quote, as_of').all();
    } finally {
      c.close();
    }
  };
  afterAll(() => temp.cleanup());

  beforeAll(() => {
    // The same dollar holdings as of three dates (the same file: --allow-duplicate), in a euro portfolio: snapshots 1, 2, 3.
    for (const asOf of ['2026-03-31', '2026-06-30', '2026-01-15']) {
      const r = cli('import', FIDELITY, '--portfolio', 'Euro', '--base-currency', 'EUR', '--as-of', asOf, '--allow-duplicate');
      expect(r.code, r.stderr).toBe(0);
    }
    expect(cli('fx', 'USD', '0.5', '--to', 'EUR', '--as-of', '2026-03-01').stdout).toBe('1 USD = 0.5 EUR (as of 2026-03-01)\n');
    expect(cli('fx', 'USD', '0.25', '--to', 'EUR', '--as-of', '2026-06-01').code).toBe(0);
  });

  it('values each snapshot at the latest rate on or before its date, and lists it with that date', () => {
    const march = report(1);
    // By hand at 0.5 EUR per USD (fx-rates.test.ts): 43,183.87.
    expect(march.totalValue).toBe(43183.87);
    expect(march.fxRates).toEqual([{ currency: 'USD', rate: '1 USD = 0.5 EUR', asOf: '2026-03-01' }]);
    expect(march.warnings.map((w) => w.code)).not.toContain('FX_NOT_AS_OF');
    const june = report(2);
    // By hand at 0.25, each position rounded half away from zero: 11,475.09 + 3,937.50 + 2,488.08
    // + 1,293.00 + 856.38 + 731.00 + 578.52 + 262.50 - 30.13 = 21,591.94.
    expect(june.totalValue).toBe(21591.94);
    expect(june.fxRates[0]?.asOf).toBe('2026-06-01');
  });

  it('before any rate: the earliest later one, with FX_NOT_AS_OF naming its date', () => {
    const january = report(3);
    expect(january.totalValue).toBe(43183.87);
    const late = january.warnings.filter((w) => w.code === 'FX_NOT_AS_OF');
    expect(late).toHaveLength(1);
    expect(late[0]?.message).toContain('No USD rate on or before 2026-01-15: valued at the rate of 2026-03-01');
    expect(late[0]?.message).toContain('--as-of 2026-01-15');
  });

  it('a newer rate never revalues an older snapshot; a rate of the same day replaces the one entered', () => {
    expect(cli('fx', 'USD', '0.3', '--to', 'EUR', '--as-of', '2026-07-01').code).toBe(0);
    expect(report(1).totalValue).toBe(43183.87);
    expect(report(2).totalValue).toBe(21591.94);
    // The reverse pair on the same day replaces it (the two could disagree); other days stay.
    expect(cli('fx', 'EUR', '4', '--to', 'USD', '--as-of', '2026-06-01').code).toBe(0);
    expect(report(2).totalValue).toBe(21591.94);
    expect(rates()).toEqual([
      { currency: 'EUR', quote: 'USD', as_of: '2026-06-01', rate: '4', source: 'entered' },
      { currency: 'USD', quote: 'EUR', as_of: '2026-03-01', rate: '0.5', source: 'entered' },
      { currency: 'USD', quote: 'EUR', as_of: '2026-07-01', rate: '0.3', source: 'entered' },
    ]);
    const list = cli('fx', 'list', 'USD');
    expect(list.stdout.split('\n').filter(Boolean)).toEqual(['2026-06-01\t1 EUR = 4 USD\tentered', '2026-07-01\t1 USD = 0.3 EUR\tentered', '2026-03-01\t1 USD = 0.5 EUR\tentered']);
  });

  it('fx import: dated rows and a central bank table; a bad cell refuses the whole file, naming line and column', () => {
    const before = rates();
    const bad = join(temp.dir, 'bad.csv');
    writeFileSync(bad, 'date,currency,rate,base\n2026-04-01,USD,0.9,EUR\n2026-04-02,USD,0,EUR\n');
    const refused = cli('fx', 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad\.csv, line 3, column 3: .*greater than 0.*Nothing was imported/);
    expect(rates()).toEqual(before);

    const long = join(temp.dir, 'rates.csv');
    writeFileSync(long, 'date,currency,rate,base\n2026-03-31,USD,0.4,EUR\n2026-05-29,GBP,1.17,EUR\n');
    const imported = cli('fx', 'import', long);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 2 rates from rates.csv (2026-03-31 to 2026-05-29)');
    // Snapshot 1 (as of 2026-03-31) now has a rate of its own day: 0.4.
    expect(report(1).fxRates).toEqual([{ currency: 'USD', rate: '1 USD = 0.4 EUR', asOf: '2026-03-31' }]);

    // The ECB's eurofxref-hist.csv layout: 1 EUR = cell; N/A where a currency had no rate; trailing comma.
    const ecb = join(temp.dir, 'eurofxref-hist.csv');
    writeFileSync(ecb, 'Date,USD,JPY,CYP,\n2026-06-30,2.0000,170.12,N/A,\n2026-06-29,1.9000,169.80,N/A,\n');
    const fromEcb = cli('fx', 'import', ecb);
    expect(fromEcb.code, fromEcb.stderr).toBe(0);
    expect(fromEcb.stdout).toContain('Imported 4 rates from eurofxref-hist.csv (2026-06-29 to 2026-06-30); 2 empty or N/A cells skipped.');
    expect(fromEcb.stdout).toContain('1 EUR = 2.0000 USD (as of 2026-06-30)');
    // Snapshot 2 (2026-06-30): 1 EUR = 2 USD is 0.5 EUR per USD, so its figure is March's again.
    const june = report(2);
    expect(june.totalValue).toBe(43183.87);
    expect(june.fxRates).toEqual([{ currency: 'USD', rate: '1 EUR = 2.0000 USD', asOf: '2026-06-30' }]);
    expect(rates()).toContainEqual({ currency: 'EUR', quote: 'JPY', as_of: '2026-06-30', rate: '170.12', source: 'eurofxref-hist.csv' });
  });

  it('fx import says the stored rates it replaces with another figure (they revalue their day), and counts a rate written twice once', () => {
    const again = join(temp.dir, 'again.csv');
    // 2026-06-30 holds 1 EUR = 2.0000 USD: the same rate the other way round is no change; 2026-06-29's 1.9 becomes 1.8.
    writeFileSync(again, 'date,currency,rate,base\n2026-06-30,USD,0.5,EUR\n2026-06-29,EUR,1.8,USD\n2026-06-29,EUR,1.8,USD\n');
    const r = cli('fx', 'import', again);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported 2 rates from again.csv (2026-06-29 to 2026-06-30).');
    expect(r.stderr).toBe("note: 1 stored rate replaced with the file's (the snapshots valued with them change): 2026-06-29: 1 EUR = 1.9000 USD -> 1 EUR = 1.8 USD.\n");
    // The same file again replaces nothing: nothing said.
    expect(cli('fx', 'import', again).stderr).toBe('');
  });

  it('fx import without a base column needs --base; a date that is not a date is refused', () => {
    const noBase = join(temp.dir, 'no-base.csv');
    writeFileSync(noBase, 'Date,Currency,Rate\n2026-02-02,CHF,1.12\n');
    const r = cli('fx', 'import', noBase);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--base');
    expect(cli('fx', 'import', noBase, '--base', 'USD').code).toBe(0);
    const wrongDate = join(temp.dir, 'dates.csv');
    writeFileSync(wrongDate, 'Date,Currency,Rate\n02/03/2026,CHF,1.12\n');
    // A date in the file is the data's problem (exit 1); a date typed as an option, the command's (exit 2).
    expect(cli('fx', 'import', wrongDate, '--base', 'USD')).toMatchObject({ code: 1, stderr: expect.stringMatching(/dates\.csv, line 2, column 1: "02\/03\/2026" is not a date/) });
    const typo = cli('fx', 'CHF', '1.1', '--as-of', '2026-02-30');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('themelens: fx --as-of takes a date, YYYY-MM-DD (got "2026-02-30"). Run "themelens help" for usage.\n');
    expect(rates().filter((r) => (r as { as_of: string }).as_of === '2026-02-30')).toEqual([]);
  });
});
