import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

// Commands a tester found answered with an internal error or a quiet guess: each is now refused
// with one line that says what to do, and the database is exactly as before.
describe('command-line refusals', () => {
  const temp = makeTempDir('themelens-refusals-');
  const db = join(temp.dir, 'r.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());

  beforeAll(() => {
    const holdings = join(temp.dir, 'u.csv');
    writeFileSync(holdings, 'Symbol,Description,Quantity,Price,Market Value\nNVDA,NVIDIA CORP,100,183.60,18360.00\n');
    expect(cli('import', holdings, '--portfolio', 'P').code).toBe(0);
  });

  it('a rate from a currency to itself is a usage error, not an internal one', () => {
    const before = dumpContent(db);
    for (const args of [['fx', 'USD', '1.1'], ['fx', 'eur', '1', '--to', 'EUR']]) {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^themelens: fx (USD|EUR) 1(\.1)?: a rate converts one currency into another, and 1 (USD|EUR) is always 1 \1\. Nothing was saved/);
    }
    expect(dumpContent(db)).toEqual(before);
  });

  it("importing into an existing portfolio with another --base-currency is refused, not ignored", () => {
    const euros = join(temp.dir, 'e.csv');
    writeFileSync(euros, 'Symbol,Description,Quantity,Price,Market Value\nSAP,SAP SE,10,231.40,2314.00\n');
    const before = dumpContent(db);
    const r = cli('import', euros, '--portfolio', 'P', '--base-currency', 'EUR');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("themelens: P's base currency is USD, not EUR. Nothing was imported; leave out --base-currency to import into P, or import into a new portfolio.\n");
    expect(dumpContent(db)).toEqual(before);
    // The same currency as the portfolio's is no conflict.
    expect(cli('import', euros, '--portfolio', 'P', '--base-currency', 'usd').code).toBe(0);
  });
});
