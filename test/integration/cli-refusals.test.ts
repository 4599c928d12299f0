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

  it('history --since refuses what is not a date, and history finds a security by its ISIN or Tokyo code', () => {
    for (const since of ['2026/11/01', 'yesterday', '2026-02-30']) {
      const r = cli('history', '--since', since);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^themelens: history --since takes a date, YYYY-MM-DD/);
    }
    expect(cli('history', '--since', '2026-01-01T00:00:00Z').code).toBe(0);
    expect(cli('tag', 'NVDA', 'data-centers').code).toBe(0);
    expect(cli('tag', '9984', 'data-centers').code).toBe(0);
    // Kept under the securities' keys (NVDA, XTKS:9984): asked by ISIN or code they listed nothing.
    expect(cli('history', 'US67066G1040').stdout).toMatch(/^\S+\tNVDA\tdata-centers\t- -> 1\tmanual\n$/);
    expect(cli('history', '9984').stdout).toMatch(/^\S+\tXTKS:9984\tdata-centers\t- -> 1\tmanual\n$/);
  });

  it('a tag file naming one security and theme twice is refused at the second row; over 100% names the row that goes over', () => {
    const twice = join(temp.dir, 'twice.csv');
    writeFileSync(twice, 'symbol,theme,weight\nKMI,oil-logistics,0.6\nKMI,oil-logistics,0.7\n');
    const before = dumpContent(db);
    const a = cli('tags', 'import', twice);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe('themelens: twice.csv line 3: KMI is tagged oil-logistics on line 2 too; keep one of the two rows. Nothing was imported.\n');
    const over = join(temp.dir, 'over.csv');
    writeFileSync(over, 'symbol,theme,weight\nKMI,oil-logistics,0.6\nKMI,data-centers,0.5\n');
    const b = cli('tags', 'import', over);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe('themelens: over.csv line 3: KMI would be 110% tagged; at most 100% is allowed. Nothing was imported.\n');
    expect(dumpContent(db)).toEqual(before);
  });

  it("a tag file's unreadable cell is named by line and column, as a holdings file's is", () => {
    const bad = join(temp.dir, 'bad-weight.csv');
    writeFileSync(bad, 'Symbol,Theme,Weight\nKMI,oil-logistics,0.6\nNVDA,data-centers,abc\n');
    const before = dumpContent(db);
    const r = cli('tags', 'import', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('themelens: bad-weight.csv line 3, column 3 (Weight): The weight must be a fraction 0..1 (0.5) or a percentage (50%). Nothing was imported.\n');
    expect(dumpContent(db)).toEqual(before);
  });

  it('a portfolio, client or theme name is one line: a line break or tab is refused, the listing stays one portfolio a line', () => {
    const holdings = join(temp.dir, 'u.csv');
    const before = dumpContent(db);
    for (const args of [['import', holdings, '--portfolio', 'Two\nLines'], ['theme', 'add', 'A\tB'], ['client', 'set', 'P', 'X\nY']]) {
      const r = cli(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/: A name is one line: no line breaks, tabs or other control characters\.\n$/);
    }
    expect(dumpContent(db)).toEqual(before);
  });

  it("an argument the call refuses is named as the command's option or argument, not as the call's field", () => {
    const holdings = join(temp.dir, 'u.csv');
    const before = dumpContent(db);
    const cases: [string[], unknown][] = [
      [['fx', 'US', '1'], 'themelens: CURRENCY: Use a three-letter currency code such as USD or EUR.\n'],
      [['import', holdings, '--portfolio', 'T', '--base-currency', 'US'], 'themelens: --base-currency: Use a three-letter currency code such as USD or EUR.\n'],
      [['import', holdings, '--portfolio', '   '], 'themelens: --portfolio: must not be empty.\n'],
      // Said as "Invalid input for createTheme (name)", "… updateTheme (color)", "… previewRule (kind)".
      [['theme', 'add', '   '], 'themelens: NAME: must not be empty.\n'],
      [['theme', 'add', 'Robots', '--color', 'red'], expect.stringMatching(/^themelens: --color: Colors are written #rrggbb/)],
      [['theme', 'recolor', 'data-centers', 'red'], expect.stringMatching(/^themelens: COLOR: Colors are written #rrggbb/)],
      [['rules', 'add', 'nope', 'X', 'data-centers'], expect.stringMatching(/^themelens: KIND: Invalid option: expected one of "symbols"/)],
    ];
    for (const [args, stderr] of cases) {
      const r = cli(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toEqual(stderr);
    }
    expect(dumpContent(db)).toEqual(before);
  });

  it('an empty --as-of is refused as a mistake in the command, not taken as today', () => {
    const before = dumpContent(db);
    const r = cli('import', join(temp.dir, 'u.csv'), '--portfolio', 'Q', '--as-of', '');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('themelens: import --as-of takes a date, YYYY-MM-DD (got ""). Run "themelens help" for usage.\n');
    expect(dumpContent(db)).toEqual(before);
  });

  it('a date option that is not a real YYYY-MM-DD day is a usage error (exit 2), one line naming it; a date in a file stays exit 1', () => {
    const holdings = join(temp.dir, 'u.csv');
    const prices = join(temp.dir, 'dated-prices.csv');
    writeFileSync(prices, 'symbol,price,currency,date\nNVDA,185.00,USD,2026-11-28\n');
    const before = dumpContent(db);
    // Each start of the command line takes a while: three wrong dates each, every kind among them.
    const commands: [string, string[], string[]][] = [
      ['import --as-of', ['import', holdings, '--portfolio', 'Q', '--as-of'], ['2026-13-45', 'yesterday', '31/12/2026']],
      ['fx --as-of', ['fx', 'EUR', '1.1', '--as-of'], ['2026-13-45', 'bad', '2026-02-30']],
      ['reprice --as-of', ['reprice', prices, '--portfolio', 'P', '--as-of'], ['yesterday', '31/12/2026', '2026-02-30']],
      ['history --since', ['history', '--since'], ['2026-13-45', '31/12/2026', 'bad']],
    ];
    for (const [option, args, dates] of commands) {
      for (const date of dates) {
        const r = cli(...args, date);
        expect(r.code, `${option} ${date}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toBe(`themelens: ${option} takes a date, YYYY-MM-DD (got "${date}"). Run "themelens help" for usage.\n`);
        expect(r.stdout).toBe('');
      }
    }
    expect(dumpContent(db)).toEqual(before);
    // The same day inside the prices file is the data's problem: exit 1, naming the line and column.
    writeFileSync(prices, 'symbol,price,currency,date\nNVDA,185.00,USD,31/12/2026\n');
    const inFile = cli('reprice', prices, '--portfolio', 'P');
    expect(inFile.code).toBe(1);
    expect(inFile.stderr).toBe('themelens: dated-prices.csv, line 2, column 4: "31/12/2026" is not a date: write it YYYY-MM-DD. Nothing was written.\n');
    expect(dumpContent(db)).toEqual(before);
  });

  it("a rates file's refusal ends its sentence once (it read 'e.g. 1.0845.. Nothing was imported')", () => {
    const rates = join(temp.dir, 'rates.csv');
    writeFileSync(rates, 'date,currency,rate\n2026-01-01,EUR,abc\n');
    const r = cli('fx', 'import', rates, '--base', 'USD');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('themelens: rates.csv, line 2, column 3: "abc" is not a rate: write a plain number greater than 0, e.g. 1.0845. Nothing was imported.\n');
  });
});
