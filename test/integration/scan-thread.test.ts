import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../db/connection';
import { themeBreakdown } from '../../db/exposure/breakdowns';
import { clearAnalyticsCache } from '../../db/exposure/cache';
import { computeExposureTotals } from '../../db/exposure/compute';
import { closeScanThread, enableScanThread, scanThreadState, startScanThread } from '../../db/exposure/scan-thread';
import { migrate } from '../../db/migrations';
import { setFxRate } from '../../db/repos/fx';
import { getPortfolio } from '../../db/repos/portfolios';
import { getSnapshot, listSnapshots } from '../../db/repos/snapshots';
import { createTheme } from '../../db/repos/theme-edits';
import { openBackend } from '../../db/service/backend';
import { DEFAULT_SPLIT_MIN_ROWS, storeOf } from '../../db/store';
import { writeHoldingsCsv } from '../bench/generate';
import { makeTempDir } from '../helpers/temp-dir';
import { addSnapshot, everyView, tag, type PositionSpec } from '../unit/exposure/fixture';

/**
 * The scan thread (db/exposure/scan-thread.ts) splits a large snapshot's scan in two halves, the
 * upper one on a worker with its own connection. Every figure must be exactly what one whole scan
 * gives: checked against a second connection to the same file that never splits, on random
 * snapshots (shorts, cash, several accounts and currencies, a missing rate, sub-themes, retags
 * between snapshots so history reads older tags), with splitting forced from 1 position.
 */
const temp = makeTempDir('scan-thread');
let split: Db;
let whole: Db;

beforeAll(async () => {
  const path = join(temp.dir, 'split.db');
  split = openDatabase(path);
  migrate(split);
  split.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (1, 'Smith family', 'USD', '2026-01-01T00:00:00Z')").run();
  setFxRate(split, { currency: 'EUR', quote: 'USD', rate: '1.0845' }, '2026-11-20');
  setFxRate(split, { currency: 'GBP', quote: 'USD', rate: '1.2713' }, '2026-11-20');
  createTheme(split, { name: 'Cooling', parentId: 'data-centers' });
  whole = openDatabase(path);
  enableScanThread(split, { path });
  // Split from a single position (the connection's own setting, in its Store).
  storeOf(split).scan.splitMinRows = 1;
  expect(await startScanThread(split)).toBe(true);
});
afterAll(() => {
  closeScanThread(split);
  split?.close();
  whole?.close();
  temp.cleanup();
});

const themeIds = () => (split.prepare('SELECT id FROM themes ORDER BY id').pluck().all() as string[]);
const SYMBOLS = ['NVDA', 'KMI', 'SAP', 'TM', 'EPD', 'COHR', 'AMAT', 'VRT'];
const position = fc.record({
  account: fc.constantFrom('X1', 'Z9', 'ROTH-7'),
  symbol: fc.constantFrom(...SYMBOLS),
  valueCents: fc.integer({ min: -5_000_000, max: 50_000_000 }),
  // JPY has no rate: left out of every theme figure, flagged instead.
  currency: fc.constantFrom('USD', 'USD', 'EUR', 'GBP', 'JPY'),
  isCash: fc.boolean(),
});
// At most 25% per theme: four themes never add up to more than 100% of a symbol.
const retag = fc.record({ symbol: fc.constantFrom(...SYMBOLS), theme: fc.nat(), weightBp: fc.option(fc.integer({ min: 1, max: 2500 })) });

/** Every analytics figure of a snapshot, read fresh (nothing from the cache). */
function figures(db: Db, snapshotId: number) {
  clearAnalyticsCache(db);
  return { totals: computeExposureTotals(db, 'USD', snapshotId), ...everyView(db, snapshotId) };
}

describe('scanning a snapshot in two halves on two threads', () => {
  it('gives exactly the figures of one whole scan, for random snapshots, tags and retags', () => {
    let day = 0;
    const before = scanThreadState(split).splits;
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 40 }), fc.array(retag, { maxLength: 6 }), (positions, retags) => {
        day++;
        // Retags, then an import, an hour apart: older snapshots are read with older tags.
        const hour = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString();
        const themes = themeIds();
        for (const r of retags) tag(split, r.symbol, themes[r.theme % themes.length]!, r.weightBp, hour(2 * day));
        const sid = addSnapshot(split, hour(2 * day + 1).slice(0, 10), hour(2 * day + 1), positions as PositionSpec[]);
        expect(figures(split, sid)).toEqual(figures(whole, sid));
      }),
      { numRuns: 60, seed: 20261130 },
    );
    // The halves really ran on the worker (several scans per snapshot).
    expect(scanThreadState(split).splits - before).toBeGreaterThan(60);
    expect(listSnapshots(split, 1).length).toBeGreaterThan(1);
  });
});

describe('a thread that may not block (Atomics.wait refused, as a browser refuses it on its main thread)', () => {
  it('watches for the answer instead, with the same figures', () => {
    const refuse = vi.spyOn(Atomics, 'wait').mockImplementation(() => {
      throw new TypeError('Atomics.wait cannot be called in this context');
    });
    try {
      const sid = addSnapshot(split, '2027-02-01', '2027-02-01T00:00:00Z', [
        { symbol: 'NVDA', valueCents: 1_000_000 },
        { symbol: 'KMI', valueCents: -250_000, account: 'Z9' },
        { symbol: 'SAP', valueCents: 300_000, currency: 'EUR' },
      ]);
      const before = scanThreadState(split).splits;
      // A wait happens only when the worker's half is not answered yet as this thread finishes its
      // own; on a small snapshot the worker can win every time, so the views are asked again
      // (from an empty cache) until this thread has had to wait once.
      for (let round = 0; round < 50 && refuse.mock.calls.length === 0; round++) expect(figures(split, sid)).toEqual(figures(whole, sid));
      expect(scanThreadState(split).splits).toBeGreaterThan(before);
      expect(refuse).toHaveBeenCalled();
    } finally {
      refuse.mockRestore();
      storeOf(split).scan.mayBlock = true; // the next wait finds out again
    }
  });
});

describe('top contributors from two halves', () => {
  it('are those of one whole scan when there are more positions than candidates, with ties at the cut', () => {
    // 900 positions of ten symbols of their own, values repeating every 7 (many equal |value|s
    // at the 256th largest); every theme has more positions than a top 10.
    const symbols = Array.from({ length: 10 }, (_, i) => `TOP${i}`);
    const themes = themeIds();
    symbols.forEach((k, i) => tag(split, k, themes[i % themes.length]!, 2000 + i * 500, '2027-01-01T00:00:00Z'));
    const positions: PositionSpec[] = Array.from({ length: 900 }, (_, i) => ({ account: i % 2 ? 'X1' : 'Z9', symbol: symbols[i % symbols.length]!, valueCents: (i % 7) * 100_000 + 1, currency: 'USD' }));
    const sid = addSnapshot(split, '2027-01-02', '2027-01-02T00:00:00Z', positions);
    const before = scanThreadState(split).splits;
    const portfolio = getPortfolio(split, 1);
    clearAnalyticsCache(split);
    clearAnalyticsCache(whole);
    const got = themeBreakdown(split, portfolio, getSnapshot(split, sid), 10);
    expect(got).toEqual(themeBreakdown(whole, getPortfolio(whole, 1), getSnapshot(whole, sid), 10));
    expect(got.themes.every((t) => t.top.length === 10 && t.top[0]!.positionValue === 6000.01)).toBe(true);
    expect(scanThreadState(split).splits).toBeGreaterThan(before);
  });
});

describe('the scan thread is never needed', () => {
  const dirs = makeTempDir('scan-thread-fallback');
  afterAll(() => dirs.cleanup());

  it('a worker that cannot open the file is not asked: the caller scans whole, with the same figures', async () => {
    const path = join(dirs.dir, 'gone.db');
    const db = openDatabase(join(dirs.dir, 'real.db'));
    migrate(db);
    db.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (1, 'P', 'USD', '2026-01-01T00:00:00Z')").run();
    const sid = addSnapshot(db, '2026-11-24', '2026-11-24T10:00:00Z', [
      { symbol: 'NVDA', valueCents: 1_000_000 },
      { symbol: 'KMI', valueCents: -250_000 },
    ]);
    tag(db, 'NVDA', 'data-centers', 6000, '2026-11-24T11:00:00Z');
    const expected = figures(db, sid);
    enableScanThread(db, { path }); // a path the worker cannot open read-only
    storeOf(db).scan.splitMinRows = 1;
    expect(await startScanThread(db)).toBe(false);
    expect(figures(db, sid)).toEqual(expected);
    expect(scanThreadState(db).splits).toBe(0);
    closeScanThread(db);
    db.close();
  });

  it('a restore stops the thread before the file changes; the next large scan starts a new one', async () => {
    const b = await openBackend({ dbPath: join(dirs.dir, 'restore.db'), scanThread: true });
    expect(await startScanThread(b.db)).toBe(true);
    const backup = await b.handlers.createBackup({});
    await b.handlers.restoreBackup({ file: backup.file });
    expect(scanThreadState(b.db).ready).toBe(false);
    expect(await startScanThread(b.db)).toBe(true);
    b.close();
  });

  it('a database holding a snapshot large enough to split starts its thread as it opens; a small one waits for a large scan', async () => {
    const path = join(dirs.dir, 'large.db');
    const first = await openBackend({ dbPath: path, scanThread: true });
    expect(storeOf(first.db).scan.thread).toBeNull();
    const csv = join(dirs.dir, 'large.csv');
    await writeHoldingsCsv(csv, DEFAULT_SPLIT_MIN_ROWS);
    await first.handlers.importHoldings({ path: csv, portfolioName: 'Large', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    first.close();
    const again = await openBackend({ dbPath: path, scanThread: true });
    // Nothing asked of it: the thread starts on its own and becomes ready.
    await vi.waitFor(() => expect(scanThreadState(again.db).ready).toBe(true), { timeout: 30_000, interval: 20 });
    again.close();
  });

  it('the backend starts its thread only when asked, and stops it when it closes', async () => {
    const b = await openBackend({ dbPath: join(dirs.dir, 'backend.db'), scanThread: true });
    expect(await startScanThread(b.db)).toBe(true);
    const db = b.db;
    b.close();
    expect(scanThreadState(db).ready).toBe(false);
    // An encrypted file: the worker opens it with the same key.
    const keyed = await openBackend({ dbPath: join(dirs.dir, 'keyed.db'), key: 'ab'.repeat(32), scanThread: true });
    expect(await startScanThread(keyed.db)).toBe(true);
    keyed.close();
    const plain = await openBackend({ dbPath: join(dirs.dir, 'plain.db') });
    expect(await startScanThread(plain.db)).toBe(false);
    plain.close();
  });
});
