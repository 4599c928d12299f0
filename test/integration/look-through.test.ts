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
