import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../db/service/backend';
import { parseFundHoldings } from '../../shared/lookthrough/parse-fund';
import { runCli } from '../helpers/cli';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

const DCX = resolve(__dirname, '../fixtures/funds/ishares-dcx.csv');

describe('fund look-through', () => {
  const temp = makeTempDir('themelens-lt-');
  const db = join(temp.dir, 'lt.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());

  it('reads an iShares holdings file: as-of date, tickers, weights; stops at the disclaimer', () => {
    const parsed = parseFundHoldings(readFileSync(DCX, 'utf8'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.asOf).toBe('2026-11-21');
    expect(parsed.constituents.map((c) => [c.key, c.weightPpm])).toEqual([
      ['EQIX', 250000],
      ['DLR', 200000],
      ['VRT', 150000],
      ['NVDA', 150000],
      ['XOM', 245000],
      ['USD', 5000],
    ]);
  });

  it("derives the fund's theme weights from its constituents' tags, and follows them when tags change", () => {
    const holdings = join(temp.dir, 'p.csv');
    writeFileSync(holdings, 'Symbol,Description,Quantity,Market Value\nDCX,ISHARES DATA CENTER ETF,100,"10,000.00"\nKMI,KINDER MORGAN,10,"1,000.00"\n');
    expect(cli('import', holdings, '--portfolio', 'P', '--as-of', '2026-11-24').code).toBe(0);
    cli('tag', 'EQIX', 'data-centers');
    cli('tag', 'DLR', 'data-centers');
    cli('tag', 'VRT', 'data-centers', '--weight', '0.8');
    cli('tag', 'NVDA', 'data-centers', '--weight', '0.5');
    cli('tag', 'NVDA', 'diamond-semiconductors', '--weight', '0.1');
    expect(cli('fund', 'import', 'dcx', DCX).stdout).toBe('DCX: 6 holdings (100.00% of the fund) as of 2026-11-21\n');
    // data-centers: 25% + 20% + 15% x 0.8 + 15% x 0.5 = 64.5%; diamond: 15% x 0.1 = 1.5%
    let report = JSON.parse(cli('report', '--portfolio', 'P', '--format', 'json').stdout);
    const dcx = () => report.positions.find((p: { symbol: string }) => p.symbol === 'DCX');
    expect(dcx().themes).toEqual([
      { id: 'data-centers', weight: 0.645, value: 6450, source: 'look-through' },
      { id: 'diamond-semiconductors', weight: 0.015, value: 150, source: 'look-through' },
    ]);
    cli('untag', 'NVDA');
    report = JSON.parse(cli('report', '--portfolio', 'P', '--format', 'json').stdout);
    expect(dcx().themes.map((t: { id: string; weight: number }) => [t.id, t.weight])).toEqual([['data-centers', 0.57]]);
    expect(report.warnings).toEqual([]);
  });

  it('follows nested funds and refuses a cycle without writing', () => {
    const fof = join(temp.dir, 'fof.csv');
    writeFileSync(fof, 'Fund of funds\nAs of 11/20/2026\n\nTicker,Name,Weight (%)\nDCX,ISHARES DATA CENTER ETF,50\nKMI,KINDER MORGAN,50\n');
    cli('tag', 'KMI', 'oil-logistics');
    expect(cli('fund', 'import', 'FOF', fof).code).toBe(0);
    const history = join(temp.dir, 'p2.csv');
    writeFileSync(history, 'Symbol,Description,Quantity,Market Value\nFOF,FUND OF FUNDS,1,"1,000.00"\n');
    cli('import', history, '--portfolio', 'Q', '--as-of', '2026-11-24');
    const report = JSON.parse(cli('report', '--portfolio', 'Q', '--format', 'json').stdout);
    // 50% x DCX (57% data centers) + 50% x KMI (100% oil)
    expect(report.positions[0].themes.map((t: { id: string; weight: number }) => [t.id, t.weight])).toEqual([
      ['data-centers', 0.285],
      ['oil-logistics', 0.5],
    ]);
    const cycle = join(temp.dir, 'cycle.csv');
    writeFileSync(cycle, 'Ticker,Name,Weight (%)\nFOF,FUND OF FUNDS,100\n');
    const before = dumpContent(db);
    const r = cli('fund', 'import', 'DCX', cycle);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DCX → FOF → DCX holds itself/);
    expect(dumpContent(db)).toBe(before);
  });

  it('refuses one holding past the whole fund, and a fund under a cash symbol, writing nothing; says a sum past 100%', () => {
    const file = (name: string, rows: string) => {
      const path = join(temp.dir, name);
      writeFileSync(path, `Ticker,Name,Weight (%)\n${rows}`);
      return path;
    };
    const before = dumpContent(db);
    // One holding past 100% stopped on the database's check: "internal error", exit 70.
    const one = cli('fund', 'import', 'F5', file('f100.csv', 'EQIX,a,100.5\n'));
    expect(one).toMatchObject({ code: 1, stderr: 'themelens: f100.csv line 2: Weight "100.5" is more than 100% of the fund, or less than -100%. Nothing was imported.\n' });
    // Listed twice, past 100% together, the rest short (a cash line below 0).
    const twice = cli('fund', 'import', 'F6', file('twice.csv', 'EQIX,a,60\nEQIX,a,60\nUSD,cash,-20\n'));
    expect(twice).toMatchObject({ code: 1, stderr: 'themelens: twice.csv: EQIX is listed for 120.00% of the fund in all, more than 100%. Nothing was imported.\n' });
    // Cash takes no tags: its look-through counted the account's cash in a theme.
    const cash = cli('fund', 'import', 'CASH:USD', file('cash.csv', 'EQIX,a,100\n'));
    expect(cash).toMatchObject({ code: 1, stderr: 'themelens: CASH:USD is cash, which is never part of a theme: it holds nothing to look through. Nothing was imported.\n' });
    expect(dumpContent(db)).toBe(before);
    // Weights of net assets past 100% in all are real (a Treasury fund's 102-108%): kept, the sum said,
    // and that the fund's themes are at most 100% of it (80% + 70% tagged read as 100%, unsaid).
    const over = cli('fund', 'import', 'F2', file('f150.csv', 'EQIX,a,80\nVRT,b,70\n'));
    expect(over).toMatchObject({ code: 0, stdout: 'F2: 2 holdings (150.00% of the fund) as of an unknown date\n' });
    expect(over.stderr).toBe("note: F2's holdings add up to 150.00% of the fund (weights of its net assets); the look-through counts at most 100% of the fund in its themes.\n");
    // The issuer's rounding: nothing said.
    expect(cli('fund', 'import', 'F7', file('rounded.csv', 'EQIX,a,50.02\nVRT,b,49.99\n')).stderr).toBe('');
  });

  it('warns when the holdings file is more than 90 days older than the snapshot', () => {
    const later = join(temp.dir, 'p3.csv');
    writeFileSync(later, 'Symbol,Description,Quantity,Market Value\nDCX,ISHARES DATA CENTER ETF,100,"10,000.00"\n');
    cli('import', later, '--portfolio', 'P', '--as-of', '2027-03-15');
    const report = JSON.parse(cli('report', '--portfolio', 'P', '--format', 'json').stdout);
    expect(report.warnings.map((w: { code: string }) => w.code)).toEqual(['STALE_LOOK_THROUGH']);
    expect(report.warnings[0].message).toMatch(/holdings of DCX used for look-through are as of 2026-11-21/);
  });

  it('warns even when the fund is not among the few positions a screen asks for', async () => {
    const bigger = join(temp.dir, 'p4.csv');
    writeFileSync(bigger, 'Symbol,Description,Quantity,Market Value\nAAPL,APPLE INC,1000,"250,000.00"\nDCX,ISHARES DATA CENTER ETF,100,"10,000.00"\n');
    cli('import', bigger, '--portfolio', 'R', '--as-of', '2027-03-15');
    const backend = await openBackend({ dbPath: db });
    try {
      const portfolio = (await backend.handlers.listPortfolios({})).find((p) => p.name === 'R')!;
      const screen = await backend.handlers.getExposure({ portfolioId: portfolio.id, positionLimit: 1 });
      expect(screen.positions.map((p) => p.symbolKey)).toEqual(['AAPL']);
      expect(screen.warnings.map((w) => w.code)).toEqual(['STALE_LOOK_THROUGH']);
    } finally {
      backend.close();
    }
  });
});
