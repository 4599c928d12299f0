/**
 * Clients (households), benchmark-relative exposure and scenarios in reports, over hand-computed figures.
 *
 * Ann has two portfolios:
 *   Ann IRA (USD, 2026-11-02):   NVDA 10,000.00 USD, AAPL 5,000.00 USD, cash 1,000.00 USD
 *   Ann Joint (EUR, 2026-11-02): NVDA 4,000.00 USD, SAP 3,000.00 EUR
 * Rates: 1 EUR = 1.10 USD on 2026-11-02 and 1.20 USD on 2026-11-20 (the later one must not be used).
 * Tags: NVDA data-centers 60%, SAP data-centers 50%.
 *
 * Combined in USD: SAP 3,000.00 x 1.10 = 3,300.00; total 10,000 + 5,000 + 1,000 + 4,000 + 3,300 = 23,300.00.
 * Data centers: NVDA (10,000 + 4,000) x 0.6 = 8,400.00, SAP 3,300 x 0.5 = 1,650.00; 10,050.00, 43.13%.
 * Untagged: 23,300 - 10,050 = 13,250.00 (cash 1,000.00 within it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { AppError } from '../../shared/api/errors';
import { validateInput } from '../../shared/api/validate';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

/** A call whose synchronous throw becomes a rejection, as over IPC. */
const later = async <T>(call: () => T): Promise<T> => call();

const DCX = resolve(__dirname, '../fixtures/funds/ishares-dcx.csv');
const HEADER = 'Account,Symbol,Description,Quantity,Price,Market Value,Currency\n';

describe('households, benchmarks and report scenarios', () => {
  const temp = makeTempDir('themelens-household-');
  const db = join(temp.dir, 'h.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  let backend: Backend;
  const h = () => backend.handlers;
  beforeAll(async () => {
    const ira = join(temp.dir, 'ira.csv');
    const joint = join(temp.dir, 'joint.csv');
    writeFileSync(ira, `${HEADER}IRA-1,NVDA,NVIDIA CORP,50,200.00,10000.00,USD\nIRA-1,AAPL,APPLE INC,20,250.00,5000.00,USD\nIRA-1,CASH,Cash,,,1000.00,USD\n`);
    writeFileSync(joint, `${HEADER}J-7,NVDA,NVIDIA CORP,20,200.00,4000.00,USD\nJ-7,SAP,SAP SE,15,200.00,3000.00,EUR\n`);
    backend = await openBackend({ dbPath: db });
    await h().importHoldings(validateInput('importHoldings', { path: ira, portfolioName: 'Ann IRA', clientName: 'Ann', asOf: '2026-11-02' }));
    await h().importHoldings(validateInput('importHoldings', { path: joint, portfolioName: 'Ann Joint', clientName: 'Ann', baseCurrency: 'EUR', asOf: '2026-11-02' }));
    await h().setFxRate({ currency: 'EUR', quote: 'USD', rate: '1.10', asOf: '2026-11-02' });
    await h().setFxRate({ currency: 'EUR', quote: 'USD', rate: '1.20', asOf: '2026-11-20' });
    await h().setTag({ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000 });
    await h().setTag({ symbolKey: 'SAP', themeId: 'data-centers', weightBp: 5000 });
  });
  afterAll(async () => {
    backend?.close();
    temp.cleanup();
  });

  it('adds up the latest snapshot of each portfolio in the client currency, at each snapshot date rates', async () => {
    const r = await h().getClientExposure({ client: 'ann', baseCurrency: 'USD' });
    expect(r.portfolio).toBe('Ann');
    expect(r.snapshotId).toBeNull();
    expect(r.baseCurrency).toBe('USD');
    expect(r.totalValue).toBe(23300);
    expect(r.cashValue).toBe(1000);
    expect(r.untaggedValue).toBe(13250);
    const dc = r.themes.find((t) => t.id === 'data-centers')!;
    expect(dc.value).toBe(10050);
    expect(dc.share).toBeCloseTo(10050 / 23300, 12);
    expect(r.portfolios).toEqual([
      { name: 'Ann IRA', snapshotId: 1, asOf: '2026-11-02', sourceFile: 'ira.csv', baseCurrency: 'USD', totalValue: 16000, positionCount: 3 },
      { name: 'Ann Joint', snapshotId: 2, asOf: '2026-11-02', sourceFile: 'joint.csv', baseCurrency: 'EUR', totalValue: 7300, positionCount: 2 },
    ]);
    // Each rate names the portfolios valued at it (a household's portfolios may be of several dates).
    expect(r.fxRates).toEqual([{ currency: 'EUR', rate: '1 EUR = 1.10 USD', asOf: '2026-11-02', portfolios: ['Ann Joint'] }]);
    // The same security in two accounts is one line: 70 shares, 14,000.00, 8,400.00 of data centers.
    const nvda = r.positions.find((p) => p.symbolKey === 'NVDA')!;
    expect(nvda).toMatchObject({ account: 'Ann IRA · IRA-1; Ann Joint · J-7', quantity: 70, value: 14000, localValue: 14000 });
    expect(nvda.themes).toEqual([{ id: 'data-centers', weight: 0.6, value: 8400 }]);
    expect(r.positions.map((p) => [p.symbolKey, p.value])).toEqual([['NVDA', 14000], ['AAPL', 5000], ['SAP', 3300], ['CASH:USD', 1000]]);
  });

  it('asks for a currency when the portfolios have different ones; refuses a client no portfolio has', async () => {
    await expect(later(() => h().getClientExposure({ client: 'Ann' }))).rejects.toThrow('The portfolios of Ann are in EUR and USD: choose the currency of the combined figures (--base-currency EUR).');
    await expect(later(() => h().getClientExposure({ client: 'Bob' }))).rejects.toThrow(AppError);
    // In EUR: every USD figure at 1 / 1.10. NVDA 14,000 / 1.1 = 12,727.27; AAPL 4,545.45; cash 909.09; SAP 3,000.
    const eur = await h().getClientExposure({ client: 'Ann', baseCurrency: 'EUR' });
    expect(eur.baseCurrency).toBe('EUR');
    expect(eur.positions.find((p) => p.symbolKey === 'SAP')!.value).toBe(3000);
  });

  it('asked for no positions (the exposure command): the same figures and line count, counted from the position groups', async () => {
    // GBP has no rate from either currency: no position is valued, so each is a line of its own (5).
    for (const [baseCurrency, lines] of [['USD', 4], ['EUR', 4], ['GBP', 5]] as const) {
      const full = await h().getClientExposure({ client: 'Ann', baseCurrency });
      const bare = await h().getClientExposure({ client: 'Ann', baseCurrency, positionLimit: 0 });
      expect(full.positions).toHaveLength(lines);
      expect(bare.positions).toEqual([]);
      expect({ ...bare, positions: full.positions, generatedAt: '' }).toEqual({ ...full, generatedAt: '' });
    }
  });

  it("the Household view's figures are kept until data changes, stamped with each call's time", async () => {
    const view = () => h().getClientExposure({ client: 'Ann', baseCurrency: 'USD', positionLimit: 15 });
    const first = await view();
    expect(first.themes.find((t) => t.id === 'data-centers')!.value).toBe(10050);
    await new Promise((ok) => setTimeout(ok, 5));
    const again = await view();
    expect(again.generatedAt > first.generatedAt).toBe(true);
    expect({ ...again, generatedAt: '' }).toEqual({ ...first, generatedAt: '' });
    // A tag edit, then its undo: the figures follow each (NVDA 14,000 x 0.5 = 7,000 + SAP 1,650).
    await h().setTag({ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 5000 });
    expect((await view()).themes.find((t) => t.id === 'data-centers')!.value).toBe(8650);
    expect((await view()).positions.find((p) => p.symbolKey === 'NVDA')!.themes).toEqual([{ id: 'data-centers', weight: 0.5, value: 7000 }]);
    await h().setTag({ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000 });
    expect((await view()).themes.find((t) => t.id === 'data-centers')!.value).toBe(10050);
    // A rate of the snapshots' date: SAP 3,000 EUR at 1.20 = 3,600.00.
    await h().setFxRate({ currency: 'EUR', quote: 'USD', rate: '1.20', asOf: '2026-11-02' });
    expect((await view()).positions.find((p) => p.symbolKey === 'SAP')!.value).toBe(3600);
    await h().setFxRate({ currency: 'EUR', quote: 'USD', rate: '1.10', asOf: '2026-11-02' });
    expect((await view()).positions.find((p) => p.symbolKey === 'SAP')!.value).toBe(3300);
  });

  it('a client scenario: each position moves by weight x shock, summed across the household', async () => {
    const s = await h().runClientScenario({ client: 'Ann', baseCurrency: 'USD', shocks: [{ themeId: 'data-centers', shockBp: -2000 }] });
    // NVDA 14,000 x 0.6 x -20% = -1,680.00 (as -1,200.00 + -480.00 per account); SAP 3,300 x 0.5 x -20% = -330.00.
    expect(s.impact).toBe(-2010);
    expect(s.totalValue).toBe(23300);
    expect(s.positions).toEqual([
      { symbol: 'NVDA', account: 'Ann IRA · IRA-1; Ann Joint · J-7', value: 14000, impact: -1680 },
      { symbol: 'SAP', account: 'Ann Joint · J-7', value: 3300, impact: -330 },
    ]);
    expect(s.client).toBe('Ann');
  });

  it('client targets: drift against the combined share; over 100% refused', async () => {
    await h().setClientTarget({ client: 'ANN', themeId: 'data-centers', shareBp: 3000, bandBp: 500 });
    const r = await h().getClientExposure({ client: 'Ann', baseCurrency: 'USD' });
    const dc = r.themes.find((t) => t.id === 'data-centers')!;
    // 43.13% against 30% +/- 5 pts: +13.13 pts, outside.
    expect(dc.target).toMatchObject({ share: 0.3, band: 0.05, outside: true });
    expect(dc.target!.drift).toBeCloseTo(10050 / 23300 - 0.3, 12);
    await expect(later(() => h().setClientTarget({ client: 'Ann', themeId: 'oil-logistics', shareBp: 7500, bandBp: 500 }))).rejects.toThrow('would add up to 105.00%');
    expect(await h().listClientTargets({ client: 'ann' })).toEqual([{ client: 'Ann', themeId: 'data-centers', shareBp: 3000, bandBp: 500 }]);
    // A portfolio's own targets are not the client's.
    const ira = (await h().listPortfolios({})).find((p) => p.name === 'Ann IRA')!;
    expect((await h().getExposure({ portfolioId: ira.id })).themes.find((t) => t.id === 'data-centers')!.target).toBeUndefined();
  });

  it("a benchmark's share per theme is its look-through weight; active is the difference", async () => {
    await h().setTag({ symbolKey: 'EQIX', themeId: 'data-centers', weightBp: 10_000 });
    await h().setTag({ symbolKey: 'XOM', themeId: 'oil-logistics', weightBp: 10_000 });
    await h().importFundHoldings({ fundSymbol: 'DCX', path: DCX });
    // DCX: EQIX 25% x 100% + NVDA 15% x 60% = 34% data centers; XOM 24.5% oil logistics.
    const ira = (await h().listPortfolios({})).find((p) => p.name === 'Ann IRA')!;
    const r = await h().getExposure({ portfolioId: ira.id, benchmark: 'dcx' });
    expect(r.benchmark).toEqual({ symbol: 'DCX', asOf: '2026-11-21', sourceFile: 'ishares-dcx.csv', coverage: 1 });
    const by = Object.fromEntries(r.themes.map((t) => [t.id, t.benchmark]));
    // IRA: NVDA 10,000 x 0.6 = 6,000 of 16,000 = 37.5% against 34%: +3.5 pts. Oil: 0% against 24.5%.
    expect(by['data-centers']!.share).toBe(0.34);
    expect(by['data-centers']!.active).toBeCloseTo(0.035, 12);
    expect(by['oil-logistics']).toEqual({ share: 0.245, active: -0.245 });
    await expect(later(() => h().getExposure({ portfolioId: ira.id, benchmark: 'NVDA' }))).rejects.toThrow('NVDA is not a fund imported for look-through, so it cannot be a benchmark.');
  });

  it('the CLI: exposure, scenario and report --client; report --benchmark and --shock; report --all --by-client', async () => {
    const e = cli('exposure', '--client', 'ann', '--base-currency', 'usd', '--benchmark', 'DCX');
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toContain('Ann: Ann IRA (2026-11-02), Ann Joint (2026-11-02)');
    // 10,050 / 23,300 = 43.1% against 34.0%: +9.1 pts.
    expect(e.stdout).toMatch(/Data-center infrastructure\s+10,050\.00\s+43\.1%\s+34\.0%\s+\+9\.1 pts/);
    expect(cli('exposure', '--client', 'Ann').stderr).toContain('choose the currency of the combined figures');
    expect(cli('exposure', '--client', 'Ann', '--portfolio', 'Ann IRA').code).toBe(2);

    const s = JSON.parse(cli('scenario', '--client', 'Ann', '--base-currency', 'USD', '--shock', 'data-centers=-20', '--format', 'json').stdout);
    expect(s).toMatchObject({ client: 'Ann', baseCurrency: 'USD', totalValue: 23300, impact: -2010 });

    const json = JSON.parse(cli('report', '--client', 'Ann', '--base-currency', 'USD', '--format', 'json', '--shock', 'data-centers=-20', '--benchmark', 'DCX').stdout);
    expect(json.totalValue).toBe(23300);
    expect(json.portfolios.map((p: { name: string }) => p.name)).toEqual(['Ann IRA', 'Ann Joint']);
    expect(json.scenario).toMatchObject({ impact: -2010, shocks: [{ themeId: 'data-centers', shockBp: -2000 }] });
    expect(json.themes[0].benchmark.share).toBe(0.34);

    const html = cli('report', '--client', 'Ann', '--base-currency', 'USD', '--format', 'html', '--shock', 'data-centers=-20').stdout;
    expect(html).toContain('<h3>Portfolios of Ann</h3>');
    expect(html).toContain('Shocks applied: Data-center infrastructure -20%.');
    expect(html).toMatch(/<strong>-USD\s2,010\.00<\/strong> \(-8\.63% of USD\s23,300\.00\)/);
    expect(html).toContain('outside the band');

    const out = join(temp.dir, 'all');
    const all = cli('report', '--all', '--by-client', '--base-currency', 'USD', '--format', 'xlsx', '--out', out);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toContain('[1/1] Ann (client): wrote Ann.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'Ann.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Portfolios');
    const sheet = wb.getWorksheet('Portfolios')!;
    const values = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(values).toContainEqual(['Ann Joint', 2, '2026-11-02', 'joint.csv', 2, 7300, 7300 / 23300]);
  });

  it('a portfolio report with a benchmark and shocks is recorded with them: regenerate makes it again unchanged', () => {
    const file = join(temp.dir, 'ira.json');
    const r = cli('report', '--portfolio', 'Ann IRA', '--format', 'json', '--out', file, '--benchmark', 'DCX', '--shock', 'data-centers=-20');
    expect(r.code, r.stderr).toBe(0);
    const first = JSON.parse(readFileSync(file, 'utf8'));
    // NVDA 10,000 x 0.6 x -20% = -1,200.00.
    expect(first.scenario.impact).toBe(-1200);
    expect(first.benchmark.symbol).toBe('DCX');
    const id = /report record (\d+)/.exec(r.stderr)![1]!;
    // The fund's weights change (EQIX untagged: DCX falls to 9% data centers); the record keeps 34%.
    expect(cli('untag', 'EQIX').code).toBe(0);
    const again = join(temp.dir, 'again.json');
    const g = cli('regenerate', id, '--out', again);
    expect(g.stderr).toContain('same content as the recorded report');
    expect(JSON.parse(readFileSync(again, 'utf8')).themes[0].benchmark.share).toBe(0.34);
  });
});
