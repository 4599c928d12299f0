/**
 * Repricing offline: `themelens reprice FILE --portfolio NAME [--as-of]` writes a new snapshot of the
 * latest holdings at the file's prices, exact to the cent; a position without a usable price keeps its
 * last value and is listed as stale, with why; a bad price refuses the file and writes nothing.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');

describe('themelens reprice', () => {
  const temp = makeTempDir('themelens-reprice-');
  const db = join(temp.dir, 'r.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  const prices = join(temp.dir, 'prices.csv');
  const total = (snapshot: number) => {
    const r = cli('report', '--portfolio', 'Fid', '--format', 'json', '--snapshot', String(snapshot));
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { totalValue: number }).totalValue;
  };
  const warnings = (snapshot: number) => {
    const r = cli('report', '--portfolio', 'Fid', '--format', 'json', '--snapshot', String(snapshot));
    return (JSON.parse(r.stdout) as { warnings: { code: string; message: string }[] }).warnings.filter((w) => w.code === 'KEPT_LAST_VALUE').map((w) => w.message);
  };
  const snapshots = () => {
    const c = new Database(db, { readonly: true });
    try {
      return c.prepare('SELECT id, as_of, source_file, preset, repriced_from, row_count FROM snapshots ORDER BY id').all();
    } finally {
      c.close();
    }
  };
  /** The Fidelity holdings as a portfolio of their own, as of 2026-12-02, repriced from a file of `prices`. */
  const repriceNew = (portfolio: string, file: string, prices: string) => {
    expect(cli('import', FIDELITY, '--portfolio', portfolio, '--as-of', '2026-12-02').code).toBe(0);
    const path = join(temp.dir, file);
    writeFileSync(path, prices);
    const r = cli('reprice', path, '--portfolio', portfolio);
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  afterAll(() => temp.cleanup());
  beforeAll(() => {
    expect(cli('import', FIDELITY, '--portfolio', 'Fid', '--as-of', '2026-11-24').code).toBe(0);
    writeFileSync(
      prices,
      [
        'symbol,price,currency,date',
        'NVDA,185.00,USD,2026-11-28',
        'NVDA,190.00,USD,2026-12-01',
        'vrt,140.125,USD,2026-12-01',
        '912797LN5,99.60,USD,2026-12-01',
        'AMAT,180.00,GBP,2026-12-01',
        'BND,75.00,USD,2026-12-02',
      ].join('\n') + '\n',
    );
  });

  it('as of a date: the latest price on or before it, exact to the cent; the rest stale, with why', () => {
    const r = cli('reprice', prices, '--portfolio', 'Fid', '--as-of', '2026-12-01');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Repriced 2 of 9 positions of Fid from prices.csv (snapshot 2, as of 2026-12-01, from snapshot 1).\n');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'stale: 4 positions keep their last value:',
      '  BND: its prices in the file are after 2026-12-01',
      '  912797LN5: its value is not quantity x price (a bond quoted per 100, or a contract with a multiplier)',
      '  AMAT: the price is in GBP, the position in USD',
      '  FIDELITY 500 INDEX FUND: no price in the file',
    ]);
    // By hand: the file's 86,367.72 with NVDA 250 x 190.00 = 47,500.00 (was 45,900.35) and VRT
    // 120 x 140.125 = 16,815.00 (was 15,750.00): 86,367.72 + 1,599.65 + 1,065.00 = 89,032.37.
    expect(total(1)).toBe(86367.72);
    expect(total(2)).toBe(89032.37);
    expect(snapshots()[1]).toEqual({ id: 2, as_of: '2026-12-01', source_file: 'prices.csv', preset: 'reprice', repriced_from: 1, row_count: 9 });
    // Said with the snapshot wherever it is reported, not only by this command: its total is of two dates.
    expect(warnings(2)).toEqual([
      '4 positions (BND, 912797LN5, AMAT, FIDELITY 500 INDEX FUND) kept earlier values (as far back as 2026-11-24): prices.csv has no usable price for them. The total mixes those values with prices of 2026-12-01. Add their prices to the file and revalue again (themelens reprice); a value that is not quantity x price (a bond quoted per 100, a contract with a multiplier) is never revalued.',
    ]);
    expect(warnings(1)).toEqual([]);
  });

  it('without --as-of: the latest price of each, and the latest price date as the snapshot date', () => {
    const r = cli('reprice', prices, '--portfolio', 'Fid');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Repriced 3 of 9 positions of Fid from prices.csv (snapshot 3, as of 2026-12-02, from snapshot 2)');
    // BND 40 x 75.00 = 3,000.00 (was 2,924.00): 89,032.37 + 76.00.
    expect(total(3)).toBe(89108.37);
    expect(warnings(3)).toEqual([
      // Kept a second time: their values are still those of 2026-11-24, not of snapshot 2's day.
      '3 positions (912797LN5, AMAT, FIDELITY 500 INDEX FUND) kept earlier values (as far back as 2026-11-24): prices.csv has no usable price for them. The total mixes those values with prices of 2026-12-02. Add their prices to the file and revalue again (themelens reprice); a value that is not quantity x price (a bond quoted per 100, a contract with a multiplier) is never revalued.',
    ]);
  });

  it('revalued the day the holdings are of, a kept value is of that day: no warning', () => {
    const r = repriceNew('Same day', 'same-day.csv', 'symbol,price,currency,date\nNVDA,190.00,USD,2026-12-02\n');
    expect(r.stderr).toContain('stale: 5 positions keep their last value');
    const report = JSON.parse(cli('report', '--portfolio', 'Same day', '--format', 'json').stdout) as { asOf: string; warnings: { code: string }[] };
    expect(report.asOf).toBe('2026-12-02');
    expect(report.warnings.map((w) => w.code)).not.toContain('KEPT_LAST_VALUE');
  });

  it("a position the holdings name by ticker is priced by the ISIN the security master knows for it (it kept its value as having 'no price in the file')", () => {
    // NVDA's ISIN, from the reference list the security master starts with.
    const r = repriceNew('By ISIN', 'by-isin.csv', 'isin,price,currency,date\nUS67066G1040,200.00,USD,2026-12-03\n');
    expect(r.stdout).toContain('Repriced 1 of 9 positions of By ISIN');
    expect(r.stderr).not.toContain('NVDA');
    const report = JSON.parse(cli('report', '--portfolio', 'By ISIN', '--format', 'json').stdout) as { positions: { symbol: string; value: number }[] };
    // 250 x 200.00.
    expect(report.positions.find((p) => p.symbol === 'NVDA')?.value).toBe(50000);
  });

  it("never takes the price of a security a position is linked to: a link shares tags, not a price", () => {
    const holdings = join(temp.dir, 'brk.csv');
    writeFileSync(holdings, 'Symbol,ISIN,Description,Quantity,Price,Market Value\nBRK.B,US0846707026,BERKSHIRE HATHAWAY B,10,450.00,4500.00\nBRK.A,US0846701086,BERKSHIRE HATHAWAY A,1,680000.00,680000.00\n');
    expect(cli('import', holdings, '--portfolio', 'Linked', '--as-of', '2026-12-02').code).toBe(0);
    expect(cli('securities', 'link', 'BRK.B', 'BRK.A').code).toBe(0);
    // A's price by its ticker, then by its ISIN: neither is B's.
    for (const [name, text] of [['brk-by-symbol.csv', 'symbol,price,currency,date\nBRK.A,700000.00,USD,2026-12-03\n'], ['brk-by-isin.csv', 'isin,price,currency,date\nUS0846701086,710000.00,USD,2026-12-04\n']] as const) {
      const file = join(temp.dir, name);
      writeFileSync(file, text);
      const r = cli('reprice', file, '--portfolio', 'Linked');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Repriced 1 of 2 positions of Linked');
      expect(r.stderr).toContain('BRK.B: no price in the file');
      const report = JSON.parse(cli('report', '--portfolio', 'Linked', '--format', 'json').stdout) as { positions: { symbol: string; value: number }[] };
      expect(report.positions.find((p) => p.symbol === 'BRK.B')?.value).toBe(4500);
    }
  });

  it('a price dated past tomorrow makes a snapshot of that date, and says so as an import does (it was unsaid)', () => {
    const r = repriceNew('Future', 'future.csv', 'symbol,price,currency,date\nNVDA,200.00,USD,2099-12-05\n');
    expect(r.stderr).toMatch(/^warning: The snapshot is dated 2099-12-05, after today \(\d{4}-\d{2}-\d{2}\)\./m);
  });

  it('prices older than the latest holdings are refused: the new snapshot would sit behind them', () => {
    const r = cli('reprice', prices, '--portfolio', 'Fid', '--as-of', '2026-11-30');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('prices as of 2026-11-30 are older than Fid\'s latest holdings (as of 2026-12-02)');
  });

  it('a price of 0 refuses the whole file, naming line and column; nothing is written', () => {
    const bad = join(temp.dir, 'bad-prices.csv');
    writeFileSync(bad, 'symbol,price,currency,date\nNVDA,190.00,USD,2026-12-03\nVRT,0,USD,2026-12-03\n');
    const before = snapshots();
    const r = cli('reprice', bad, '--portfolio', 'Fid');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^themelens: bad-prices\.csv, line 3, column 2: "0" is not a price: .*Nothing was written\.$/m);
    expect(snapshots()).toEqual(before);
    const noCurrency = join(temp.dir, 'no-ccy.csv');
    writeFileSync(noCurrency, 'symbol,price,date\nNVDA,190.00,2026-12-03\n');
    expect(cli('reprice', noCurrency, '--portfolio', 'Fid').stderr).toContain('no Currency column');
    expect(snapshots()).toEqual(before);
  });
});
