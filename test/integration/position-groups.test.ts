import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import type { Db } from '../../db/connection';
import { summaryFromGroups } from '../../db/exposure/group-summary';
import { unpackValues } from '../../db/exposure/position-groups';
import type { SnapshotSummary } from '../../db/exposure/summary';
import { tagsAsOf } from '../../db/exposure/tag-tables';
import { scanSummary } from '../reference/scan-summary';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * The exposure reads each snapshot's positions grouped per security (db/exposure/position-groups.ts)
 * instead of every position. These tests hold the groups to the positions: after every way data
 * changes, each snapshot's groups are exactly its positions grouped, and every figure computed
 * from them (totals, cash, each theme's long, short and count, currencies, overlap) equals a fresh
 * scan of the positions (test/reference/scan-summary.ts, the app's computation before groups).
 * Longer than 300 lines: the checks, the random file generator and the one database every test
 * adds to belong together; split, each file would rebuild them.
 */

const DEGIRO = resolve(__dirname, '../fixtures/holdings/degiro.csv');
const base = { options: {}, skipInvalid: false, allowDuplicate: true, rememberMapping: false };

/** Each snapshot's groups as stored, decoded, against its positions grouped by SQL. */
function groupsAndPositions(db: Db): { stored: unknown[]; fresh: unknown[] } {
  const stored = (
    db.prepare('SELECT snapshot_id AS s, symbol_key AS k, currency AS c, is_cash AS cash, position_count AS n, value_cents AS v, value_list, base_value_list FROM position_groups').all() as {
      s: number;
      k: string;
      c: string;
      cash: number;
      n: number;
      v: number;
      value_list: Buffer;
      base_value_list: Buffer | null;
    }[]
  ).map(({ value_list, base_value_list, ...g }) => ({
    ...g,
    values: [...unpackValues(value_list, g.n)],
    bases: base_value_list ? [...unpackValues(base_value_list, g.n)].map((x) => (Number.isNaN(x) ? null : x)) : null,
  }));
  const fresh = (
    db
      .prepare(
        `SELECT snapshot_id AS s, symbol_key AS k, currency AS c, is_cash AS cash, count(*) AS n, sum(value_cents) AS v,
                json_group_array(value_cents ORDER BY id) AS values_json, json_group_array(base_value_cents ORDER BY id) AS bases_json,
                count(base_value_cents) AS based
         FROM positions GROUP BY 1, 2, 3, 4`,
      )
      .all() as { s: number; k: string; c: string; cash: number; n: number; v: number; values_json: string; bases_json: string; based: number }[]
  ).map(({ values_json, bases_json, based, ...g }) => ({ ...g, values: JSON.parse(values_json) as number[], bases: based > 0 ? (JSON.parse(bases_json) as (number | null)[]) : null }));
  const order = (a: { s: number; k: string; c: string; cash: number }, b: { s: number; k: string; c: string; cash: number }) =>
    a.s - b.s || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0) || a.cash - b.cash;
  return { stored: stored.sort(order), fresh: fresh.sort(order) };
}

/** A summary in a form two computations can be compared in (order of lists aside). */
function comparable(s: SnapshotSummary): unknown {
  return {
    totalCents: s.totalCents,
    cashCents: s.cashCents,
    taggedCents: s.taggedCents,
    missing: s.missing,
    broker: s.broker,
    themes: [...s.themes],
    roots: [...s.roots],
    // A currency without a rate has no base figure, whichever way it was summed.
    currencies: s.currencies.map((c) => ({ ...c, base: s.missing.includes(c.currency) ? null : c.base })).sort((a, b) => (a.currency < b.currency ? -1 : 1)),
    overlap: [...s.overlap].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : x.a + x.b > y.a + y.b ? 1 : 0)),
  };
}

/** Every snapshot of every portfolio: groups equal positions, and the figures equal a scan. */
function expectGroupsToMatch(db: Db): number {
  const { stored, fresh } = groupsAndPositions(db);
  expect(stored).toEqual(fresh);
  const snaps = db.prepare('SELECT s.id, p.base_currency AS base FROM snapshots s JOIN portfolios p ON p.id = s.portfolio_id').all() as { id: number; base: string }[];
  for (const s of snaps) {
    // In the portfolio's own currency and in another (other rates, other missing currencies).
    for (const currency of [s.base, s.base === 'USD' ? 'EUR' : 'USD']) {
      expect(comparable(summaryFromGroups(db, currency, s.id)), `snapshot ${s.id} in ${currency}`).toEqual(comparable(scanSummary(db, currency, s.id)));
    }
  }
  return snaps.length;
}

/** A holdings file of random positions: several currencies, shorts, zero values, cash, odd cents. */
function holdingsCsv(rows: { account: number; symbol: number; currency: number; cents: number }[]): string {
  const symbols = ['NVDA', 'EQIX', 'KMI', 'COHR', 'SPAXX', 'VRT', 'DLR', 'ET', 'ROGX'];
  const currencies = ['USD', 'EUR', 'JPY', 'GBP', 'CHF'];
  const money = (c: number) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
  const lines = rows.map((r, i) => `A${r.account},${symbols[r.symbol]},Holding ${i},1,${money(r.cents)},${money(r.cents)},${currencies[r.currency]}`);
  return `Account,Symbol,Description,Quantity,Price,Market Value,Currency\n${lines.join('\n')}\n`;
}

/**
 * Random positions. Amounts in other currencies stay where the scan's 64-bit integers do not
 * overflow (a value x a crossed rate's numerator below 2^63); past that the scan is the one that
 * is wrong, shown by its own test below. Dollar amounts reach billions, past 2^53 once weighted,
 * with totals below 2^53 at any rate drawn (0.5 to 2).
 */
const rowArb = fc.oneof(
  fc.record({
    account: fc.integer({ min: 0, max: 2 }),
    symbol: fc.integer({ min: 0, max: 8 }),
    currency: fc.integer({ min: 0, max: 4 }),
    cents: fc.oneof(fc.integer({ min: -50_000_00, max: 500_000_00 }), fc.constant(0), fc.integer({ min: 1, max: 99 })),
  }),
  fc.record({
    account: fc.integer({ min: 0, max: 2 }),
    symbol: fc.integer({ min: 0, max: 7 }),
    currency: fc.constant(0),
    cents: fc.integer({ min: 9_100_000_000_00, max: 20_000_000_000_00 }),
  }),
);

describe('position groups', () => {
  const temp = makeTempDir('position-groups');
  let b: Backend;
  let themes: string[];
  beforeAll(async () => {
    b = await openBackend({ dbPath: join(temp.dir, 'groups.db') });
    const sub = await b.handlers.createTheme({ name: 'Cooling', parentId: 'data-centers' });
    const own = await b.handlers.createTheme({ name: 'Water' });
    themes = ['data-centers', 'oil-logistics', 'diamond-semiconductors', sub.id, own.id];
  });
  afterAll(() => {
    b.close();
    temp.cleanup();
  });

  it('are written by an import with the figures of a scan: rates exact and crossed, a missing rate, shorts, cash, the broker\'s values', async () => {
    const file = join(temp.dir, 'mixed.csv');
    writeFileSync(
      file,
      holdingsCsv([
        { account: 0, symbol: 0, currency: 0, cents: 123_456_78 },
        { account: 1, symbol: 0, currency: 0, cents: 1_01 },
        { account: 0, symbol: 0, currency: 1, cents: 99_99 },
        { account: 0, symbol: 1, currency: 2, cents: 1_234_567_00 },
        { account: 2, symbol: 2, currency: 0, cents: -5_000_03 },
        { account: 2, symbol: 2, currency: 3, cents: 77_77 },
        { account: 0, symbol: 3, currency: 4, cents: 4_000_000_00 },
        { account: 1, symbol: 8, currency: 4, cents: 3_000_000_01 },
        { account: 0, symbol: 3, currency: 0, cents: 95_000_000_000_00 },
        { account: 0, symbol: 4, currency: 0, cents: 2_500_00 },
        { account: 1, symbol: 5, currency: 0, cents: 0 },
      ]),
    );
    await b.handlers.importHoldings({ ...base, path: file, portfolioName: 'Mixed', asOf: '2026-11-24' });
    await b.handlers.importHoldings({ ...base, path: DEGIRO, portfolioName: 'Degiro', baseCurrency: 'EUR', asOf: '2026-11-24' });
    await b.handlers.setFxRate({ currency: 'EUR', quote: 'USD', rate: '1.0845', asOf: '2026-11-01' });
    await b.handlers.setFxRate({ currency: 'USD', quote: 'JPY', rate: '151.37', asOf: '2026-11-01' });
    // CHF only through EUR: a crossed rate (scaled to 1e9), large values go past 2^53 on the way.
    await b.handlers.setFxRate({ currency: 'CHF', quote: 'EUR', rate: '1.0713', asOf: '2026-11-01' });
    await b.handlers.applyTagChanges({
      changes: [
        { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 3333 },
        { symbolKey: 'NVDA', themeId: themes[3] as string, weightBp: 2500 },
        { symbolKey: 'NVDA', themeId: 'diamond-semiconductors', weightBp: 1 },
        { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 7777 },
        { symbolKey: 'COHR', themeId: 'diamond-semiconductors', weightBp: 6667 },
        { symbolKey: 'COHR', themeId: themes[4] as string, weightBp: 3333 },
        // Foreign listings have keys of their own (db/securities/resolve.ts): yen, pounds (no rate), francs.
        { symbolKey: 'XTKS:EQIX', themeId: 'data-centers', weightBp: 9999 },
        { symbolKey: 'XLON:KMI', themeId: 'oil-logistics', weightBp: 5000 },
        { symbolKey: 'ROGX', themeId: themes[4] as string, weightBp: 4321 },
        { symbolKey: 'ROGX', themeId: 'diamond-semiconductors', weightBp: 1234 },
      ],
    });
    expect(expectGroupsToMatch(b.db)).toBe(2);
    // The figures are not all zero: the comparison above compares something.
    const mixed = summaryFromGroups(b.db, 'USD', 1);
    expect(mixed.totalCents).not.toBe(0);
    expect(mixed.missing).toEqual(['GBP']);
    expect(b.db.prepare("SELECT currency FROM positions WHERE symbol_key = 'ROGX'").pluck().get()).toBe('CHF');
    expect(mixed.themes.get('data-centers')?.count).toBe(3);
    // XLON:KMI has no rate: tagged, but not counted, and not in the sum.
    expect(mixed.themes.get('oil-logistics')?.count).toBe(1);
    expect(mixed.overlap.some((c) => c.a !== c.b)).toBe(true);
    expect(summaryFromGroups(b.db, 'EUR', 2).broker?.column).toBe('Value in EUR');
  });

  it('give the figures a scan gives with the tags as they stood at a moment (the history)', async () => {
    const before = new Date(Date.now() - 1).toISOString();
    await b.handlers.applyTagChanges({ changes: [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 5000 }, { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: null }] });
    tagsAsOf(b.db, 'temp.tags_from', before);
    const past = summaryFromGroups(b.db, 'USD', 1, 'temp.tags_from');
    expect(comparable(past)).toEqual(comparable(scanSummary(b.db, 'USD', 1, 'temp.tags_from')));
    expect(past.themes.get('oil-logistics')?.count).toBe(1);
    expect(summaryFromGroups(b.db, 'USD', 1).themes.get('oil-logistics')?.count).toBe(0);
  });

  it('follow repricing, a copy, a deletion and its undo, and a backup restored', async () => {
    const prices = join(temp.dir, 'prices.csv');
    writeFileSync(prices, 'symbol,price,currency,date\nNVDA,190.37,USD,2026-12-01\nKMI,25.01,USD,2026-12-01\n');
    await b.handlers.repricePortfolio({ path: prices, portfolioName: 'Mixed' });
    const copy = await b.handlers.duplicatePortfolio({ id: 1 });
    const backup = await b.handlers.createBackup({});
    const gone = await b.handlers.deletePortfolio({ id: copy.id });
    expect(b.db.prepare('SELECT count(*) FROM position_groups WHERE snapshot_id NOT IN (SELECT id FROM snapshots)').pluck().get()).toBe(0);
    expectGroupsToMatch(b.db);
    await b.handlers.restorePortfolio({ undoToken: gone.undoToken });
    expect(expectGroupsToMatch(b.db)).toBe(5);
    await b.handlers.deletePortfolio({ id: 1 });
    expect(expectGroupsToMatch(b.db)).toBe(3);
    await b.handlers.restoreBackup({ file: backup.file });
    expect(expectGroupsToMatch(b.db)).toBe(5);
  });

  it('are made for the snapshots of a database from before they existed (the migration)', async () => {
    const path = join(temp.dir, 'old.db');
    const old = await openBackend({ dbPath: path });
    await old.handlers.importHoldings({ ...base, path: DEGIRO, portfolioName: 'Old', baseCurrency: 'EUR', asOf: '2026-11-24' });
    old.close();
    // As a database of schema 15 was: no groups table.
    const raw = new Database(path);
    raw.exec('DROP TABLE position_groups');
    raw.pragma('user_version = 15');
    raw.close();
    const reopened = await openBackend({ dbPath: path });
    try {
      expect(reopened.db.prepare('SELECT count(*) FROM position_groups').pluck().get()).toBeGreaterThan(3);
      expect(expectGroupsToMatch(reopened.db)).toBe(1);
    } finally {
      reopened.close();
    }
  });

  it('are exact where the scan\'s 64-bit integers overflowed: a large position at a crossed rate', async () => {
    const file = join(temp.dir, 'large-chf.csv');
    writeFileSync(file, holdingsCsv([{ account: 0, symbol: 8, currency: 4, cents: 400_000_000_00 }]));
    const { snapshot } = await b.handlers.importHoldings({ ...base, path: file, portfolioName: 'Large', asOf: '2026-11-24' });
    const groups = summaryFromGroups(b.db, 'USD', snapshot.id);
    const f = groups.factors.find((x) => x.currency === 'CHF');
    expect(f?.den).toBe(1e9);
    // By hand: 40,000,000,000 cents x num / 10^9, half up, in exact integers.
    const byHand = Number((40_000_000_000n * BigInt(f!.num) + 500_000_000n) / 1_000_000_000n);
    expect(groups.totalCents).toBe(byHand);
    // ROGX is tagged 43.21% Water: its contribution is rounded from the exact base value too.
    expect(groups.themes.get(themes[4] as string)?.net).toBe(Math.floor((byHand * 4321 + 5000) / 10000));
    // The views that still read positions in SQL are exact too: |value| x num passed 2^63 there,
    // and SQLite went on in floating point (a fraction of a cent) until the product was split.
    expect(scanSummary(b.db, 'USD', snapshot.id).totalCents).toBe(byHand);
    const accounts = await b.handlers.getAccountBreakdown({ portfolioId: snapshot.portfolioId });
    expect(accounts.accounts.map((a) => Math.round(a.totalValue * 100))).toEqual([byHand]);
    expect(accounts.accounts[0]!.totalValue * 100).toBe(byHand);
    const listed = await b.handlers.getExposure({ portfolioId: snapshot.portfolioId });
    expect(listed.positions.map((p) => p.value! * 100)).toEqual([byHand]);
    const top = await b.handlers.getThemeBreakdown({ portfolioId: snapshot.portfolioId, top: 10 });
    // Each contribution is whole cents (ROGX is in two top-level themes; its Water one by hand).
    const contributions = top.themes.flatMap((t) => t.top.map((c) => c.value * 100));
    expect(contributions).toContain(Math.floor((byHand * 4321 + 5000) / 10000));
    for (const c of contributions) expect(Number.isInteger(c), String(c)).toBe(true);
    await b.handlers.deletePortfolio({ id: snapshot.portfolioId });
  });

  it('kept in memory by the connection, are never served for another snapshot under a reused id', async () => {
    const a = join(temp.dir, 'reuse-a.csv');
    const c = join(temp.dir, 'reuse-b.csv');
    writeFileSync(a, holdingsCsv([{ account: 0, symbol: 0, currency: 0, cents: 1_000_00 }]));
    writeFileSync(c, holdingsCsv([{ account: 0, symbol: 0, currency: 0, cents: 7_777_77 }, { account: 1, symbol: 2, currency: 0, cents: 2_00 }]));
    const first = await b.handlers.importHoldings({ ...base, path: a, portfolioName: 'Reuse', asOf: '2026-11-24' });
    expect(summaryFromGroups(b.db, 'USD', first.snapshot.id).totalCents).toBe(1_000_00);
    await b.handlers.deletePortfolio({ id: first.portfolio.id });
    const second = await b.handlers.importHoldings({ ...base, path: c, portfolioName: 'Reuse again', asOf: '2026-11-24' });
    // SQLite gives the deleted snapshot's id again (it was the largest): the kept groups must not answer.
    expect(second.snapshot.id).toBe(first.snapshot.id);
    expect(summaryFromGroups(b.db, 'USD', second.snapshot.id).totalCents).toBe(7_777_77 + 2_00);
    await b.handlers.deletePortfolio({ id: second.portfolio.id });
  });

  it('stay equal to the positions and to a scan over random imports, tag edits, rates, copies and deletions', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('import' as const), rows: fc.array(rowArb, { minLength: 1, maxLength: 12 }) }),
      fc.record({
        kind: fc.constant('tag' as const),
        symbol: fc.constantFrom('NVDA', 'EQIX', 'KMI', 'COHR', 'SPAXX', 'VRT', 'DLR', 'ET', 'ROGX', 'XTKS:EQIX', 'XLON:KMI', 'XETR:NVDA'),
        theme: fc.integer({ min: 0, max: 4 }),
        weight: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 10_000 })),
      }),
      fc.record({ kind: fc.constant('rate' as const), currency: fc.constantFrom('EUR', 'JPY', 'GBP'), rate: fc.integer({ min: 5_000, max: 20_000 }) }),
      fc.record({ kind: fc.constant('copy' as const) }),
      fc.record({ kind: fc.constant('delete' as const), undo: fc.boolean() }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const o of ops) {
          const portfolios = b.db.prepare('SELECT id FROM portfolios ORDER BY id').pluck().all() as number[];
          if (o.kind === 'import') {
            const file = join(temp.dir, `random-${n++}.csv`);
            writeFileSync(file, holdingsCsv(o.rows));
            await b.handlers.importHoldings({ ...base, path: file, portfolioName: `Random ${n % 3}`, asOf: '2026-11-24' });
          } else if (o.kind === 'tag') {
            // An edit past 100% of the holding is refused (and changes nothing): part of the sequence too.
            try {
              await b.handlers.applyTagChanges({ changes: [{ symbolKey: o.symbol, themeId: themes[o.theme] as string, weightBp: o.weight }] });
            } catch (e) {
              if ((e as { code?: string }).code !== 'WEIGHT_OVER_100') throw e;
            }
          } else if (o.kind === 'rate') {
            await b.handlers.setFxRate({ currency: o.currency, quote: 'USD', rate: (o.rate / 10_000).toFixed(4), asOf: '2026-11-01' });
          } else if (o.kind === 'copy' && portfolios.length > 0) {
            await b.handlers.duplicatePortfolio({ id: portfolios[portfolios.length - 1] as number });
          } else if (o.kind === 'delete' && portfolios.length > 0) {
            const gone = await b.handlers.deletePortfolio({ id: portfolios[0] as number });
            if (o.undo) await b.handlers.restorePortfolio({ undoToken: gone.undoToken });
          }
        }
        expectGroupsToMatch(b.db);
      }),
      { numRuns: 25 },
    );
  });
});
