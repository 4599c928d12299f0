/**
 * Rates a user gives are refused unless finite and > 0 (one line, exit 2, nothing saved), and a US
 * broker's file held in a EUR portfolio is in dollars: without a USD rate it is MISSING_FX and left out
 * of the total, never counted as euros.
 */
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');

describe('fx from the command line', () => {
  const temp = makeTempDir('themelens-fx-');
  const db = join(temp.dir, 'fx.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());
  const rateCount = () => {
    const c = new Database(db, { readonly: true });
    try {
      return c.prepare('SELECT count(*) FROM fx_rates').pluck().get() as number;
    } finally {
      c.close();
    }
  };

  it.each([['0'], ['-1'], ['NaN'], ['Infinity'], ['0.000']])('fx JPY %s: one line, exit 2, nothing saved', (rate) => {
    cli('themes');
    const r = cli('fx', 'JPY', rate);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^themelens: fx JPY: .*(greater than 0|not a rate).* Nothing was saved/);
    expect(rateCount()).toBe(0);
  });

  it('a Fidelity file in a EUR portfolio is in dollars: MISSING_FX until a USD rate exists, then valued through it', () => {
    expect(cli('import', FIDELITY, '--portfolio', 'Euro', '--base-currency', 'EUR').code).toBe(0);
    const before = JSON.parse(cli('report', '--portfolio', 'Euro', '--format', 'json').stdout);
    expect(before.warnings.map((w: { code: string }) => w.code)).toContain('MISSING_FX');
    expect(before.totalValue).toBe(0);
    expect(cli('fx', 'USD', '0.5', '--to', 'EUR').code).toBe(0);
    const after = JSON.parse(cli('report', '--portfolio', 'Euro', '--format', 'json').stdout);
    expect(after.warnings.map((w: { code: string }) => w.code)).not.toContain('MISSING_FX');
    // By hand, each position at 0.5 EUR per USD rounded to the cent, then summed:
    // 22,950.18 (45,900.35) + 7,875.00 + 4,976.15 + 2,586.00 + 1,712.75 + 1,462.00 + 1,157.04 (2,314.07)
    // + 525.00 - 60.25 = 43,183.87 EUR.
    expect(after.totalValue).toBe(43183.87);
  });
});
