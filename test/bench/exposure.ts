/**
 * Exposure benchmark (issue 5): theme exposure of a 1,000,000-position snapshot with 5,000 tagged
 * symbols against a bare `SELECT sum(value_cents)` over the same rows, same process, same file,
 * and against the same figures by a scan of every position (before position groups).
 * Part of `npm run bench`; alone: `BENCH_ONLY=exposure npm run bench` (or `npx tsx
 * test/bench/exposure.ts`), which imports the holdings once into BENCH_DIR (default
 * $TMPDIR/themelens-bench-exposure) and reuses them on the next run. Not a test: it prints numbers.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cachedKeys, clearAnalyticsCache } from '../../db/exposure/cache';
import { figuresAhead } from '../../db/exposure/figures-ahead';
import { threadCpuMs } from '../../db/import/thread-cpu';
import { computeExposureTotals } from '../../db/exposure/compute';
import { accountSums } from '../../db/exposure/group-accounts';
import { scanAccountSums } from '../reference/scan-breakdowns';
import { scanSummary } from '../reference/scan-summary';
import { openBackend } from '../../db/service/backend';
import { compareSnapshots } from '../../db/exposure/compare';
import { computeClientExposure } from '../../db/exposure/client';
import { getPortfolio } from '../../db/repos/portfolios';
import { getSnapshot } from '../../db/repos/snapshots';
import type { Db } from '../../db/connection';
import { scanCompare } from '../reference/scan-compare';
import { storeOf } from '../../db/store';
import { writeHoldingsCsv } from './generate';

const THEMES = ['data-centers', 'oil-logistics', 'diamond-semiconductors'];
const RUNS = 3;

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed(fn: () => unknown): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(1)} ms`;
/** The median wall time of a list of timings. */
const wall = (t: Timing[]) => median(t.map((x) => x.wallMs));
/** Nothing computed kept: neither the analytics cache nor the sides of the last comparison (as a comparison of other snapshots leaves it). */
const afresh = (db: Db) => {
  clearAnalyticsCache(db);
  storeOf(db).comparedSides = null;
};

/** Tags 5,000 symbols (if not yet), then times the bare SUM and the exposure, alternately, RUNS times each. */
export async function runExposureBench(dbPath: string): Promise<void> {
  const backend = await openBackend({ dbPath });
  const db = backend.db;
  try {
    if ((db.prepare('SELECT count(*) FROM tags').pluck().get() as number) < 5000) {
      const symbols = db.prepare('SELECT DISTINCT symbol_key FROM positions WHERE is_cash = 0 LIMIT 5000').pluck().all() as string[];
      await backend.handlers.applyTagChanges({ changes: symbols.map((s, i) => ({ symbolKey: s, themeId: THEMES[i % 3] as string, weightBp: 2500 + (i % 4) * 2500 })) });
    }
    const tagged = db.prepare('SELECT count(DISTINCT symbol_key) FROM tags WHERE weight_bp > 0').pluck().get() as number;
    const snapshotId = db.prepare('SELECT max(id) FROM snapshots').pluck().get() as number;
    const rows = db.prepare('SELECT row_count FROM snapshots WHERE id = ?').pluck().get(snapshotId) as number;
    const sum = db.prepare('SELECT sum(value_cents) FROM positions WHERE snapshot_id = ?').pluck();
    const sums: Timing[] = [];
    const exposures: Timing[] = [];
    const scans: Timing[] = [];
    const accounts: Timing[] = [];
    const accountScans: Timing[] = [];
    for (let i = 0; i < RUNS; i++) {
      sums.push(timed(() => sum.get(snapshotId)));
      // Nothing computed before is reused: every run starts from an empty analytics cache.
      clearAnalyticsCache(db);
      exposures.push(timed(() => computeExposureTotals(db, 'USD', snapshotId)));
      // The same figures by a scan of every position (how they were computed before position groups).
      clearAnalyticsCache(db);
      scans.push(timed(() => scanSummary(db, 'USD', snapshotId)));
      // Each account's figures: from the groups (each position's account kept there), and by a grouped scan.
      accounts.push(timed(() => accountSums(db, 'USD', snapshotId)));
      accountScans.push(timed(() => scanAccountSums(db, 'USD', snapshotId)));
    }
    const cpu = (t: Timing[]) => median(t.map((x) => x.cpuMs));
    const first = exposures[0] as Timing;
    console.log(`\nExposure of a ${rows.toLocaleString('en-US')}-position snapshot with ${tagged.toLocaleString('en-US')} tagged symbols (${RUNS} runs each, alternating)`);
    console.log(`  SELECT sum(value) (baseline) ${sums.map((t) => ms(t.wallMs)).join(', ')}   median ${ms(wall(sums))} (CPU ${ms(cpu(sums))})`);
    console.log(`  theme exposure (groups)      ${exposures.map((t) => ms(t.wallMs)).join(', ')}   median ${ms(wall(exposures))} (CPU ${ms(cpu(exposures))})`);
    console.log(`  ratio                        ${(wall(exposures) / wall(sums)).toFixed(2)}x median; first run ${(first.wallMs / wall(sums)).toFixed(2)}x; CPU ${(cpu(exposures) / cpu(sums)).toFixed(2)}x   (target: < 10x)`);
    console.log(`  scan of every position       ${scans.map((t) => ms(t.wallMs)).join(', ')}   median ${ms(wall(scans))}: ${(wall(scans) / wall(sums)).toFixed(2)}x`);
    console.log(`  accounts breakdown (groups)  ${accounts.map((t) => ms(t.wallMs)).join(', ')}   median ${ms(wall(accounts))}; by a grouped scan of every position ${ms(wall(accountScans))}`);
    benchCompareAndHousehold(db, snapshotId);
    await benchCompareAhead(db, dbPath, snapshotId);
  } finally {
    backend.close();
  }
}

/**
 * The Compare view's comparison and the Household view's largest lines, each against the way it
 * was computed before (the SQL over every position, test/reference/scan-compare.ts; every position
 * of the client read and merged), alternating, nothing cached between runs but the groups and
 * their quantities (kept per connection, as in the app). The snapshot is compared with itself:
 * both sides are read and every holding is matched. The comparison is timed twice a run: with its
 * sides read from the groups, and again with the sides it kept (as after a tag edit, readSides).
 */
function benchCompareAndHousehold(db: Db, snapshotId: number): void {
  const snapshot = getSnapshot(db, snapshotId);
  const portfolio = getPortfolio(db, snapshot.portfolioId);
  if (!portfolio.clientName) db.prepare("UPDATE portfolios SET client_name = 'Bench family' WHERE id = ?").run(portfolio.id);
  const client = portfolio.clientName ?? 'Bench family';
  const compares: Timing[] = [];
  const comparesKept: Timing[] = [];
  const compareScans: Timing[] = [];
  const lines: Timing[] = [];
  const allLines: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    afresh(db);
    compares.push(timed(() => compareSnapshots(db, portfolio, snapshot, snapshot)));
    clearAnalyticsCache(db);
    comparesKept.push(timed(() => compareSnapshots(db, portfolio, snapshot, snapshot)));
    compareScans.push(timed(() => scanCompare(db, portfolio, snapshot, snapshot, 300, { from: null, to: null })));
    clearAnalyticsCache(db);
    lines.push(timed(() => computeClientExposure(db, client, '', { baseCurrency: 'USD', positionLimit: 15 })));
    clearAnalyticsCache(db);
    allLines.push(timed(() => computeClientExposure(db, client, '', { baseCurrency: 'USD' }).positions.slice(0, 15)));
  }
  const list = (t: Timing[]) => t.map((x) => ms(x.wallMs)).join(', ');
  console.log(`  compare (groups)             ${list(compares)}   median ${ms(wall(compares))}; the SQL it replaced ${list(compareScans)}: ${(wall(compareScans) / wall(compares)).toFixed(1)}x slower`);
  console.log(`    again, its sides kept      ${list(comparesKept)}   median ${ms(wall(comparesKept))} (as after a tag edit)`);
  console.log(`  household, largest 15 lines  ${list(lines)}   median ${ms(wall(lines))}; every position read and merged ${list(allLines)}: ${(wall(allLines) / wall(lines)).toFixed(1)}x slower`);
}

/**
 * The comparison computed ahead on its own thread (db/exposure/figures-ahead.ts), as the app asks
 * for it: how long until it is kept, and how much of this thread's CPU that took (receiving and
 * keeping what the thread posted) against computing it here. The thread runs from source through
 * tsx here (its start-up included); the app runs it built.
 */
async function benchCompareAhead(db: Db, dbPath: string, snapshotId: number): Promise<void> {
  const snapshot = getSnapshot(db, snapshotId);
  const portfolio = getPortfolio(db, snapshot.portfolioId);
  const aheadMs: number[] = [];
  const busyMs: number[] = [];
  const hereCpuMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    afresh(db);
    const cpu0 = threadCpuMs();
    const t0 = performance.now();
    if (!figuresAhead(db, { dbPath, readonly: false }, portfolio, { comparison: [snapshot, snapshot] })) throw new Error('The comparison was not computed ahead.');
    await storeOf(db).figuresAhead?.done;
    aheadMs.push(performance.now() - t0);
    const cpu1 = threadCpuMs();
    if (cpu0 !== null && cpu1 !== null) busyMs.push(cpu1 - cpu0);
    if (!cachedKeys(db).some((k) => k.startsWith('compare:'))) throw new Error('The comparison computed ahead was not kept.');
    afresh(db);
    const c0 = threadCpuMs();
    compareSnapshots(db, portfolio, snapshot, snapshot);
    const c1 = threadCpuMs();
    if (c0 !== null && c1 !== null) hereCpuMs.push(c1 - c0);
  }
  const list = (xs: number[]) => xs.map((x) => ms(x)).join(', ');
  console.log(`  compare, computed ahead      ${list(aheadMs)} until kept (on its thread, tsx start-up included)`);
  if (busyMs.length) console.log(`    this thread's CPU meanwhile ${list(busyMs)}; computed here: ${list(hereCpuMs)} (CPU, 10 ms ticks)`);
}

export async function exposureBenchMain(): Promise<void> {
  const dir = resolve(process.env['BENCH_DIR'] ?? join(tmpdir(), 'themelens-bench-exposure'));
  const rows = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
  const dbPath = join(dir, `themelens-${rows}.db`);
  if (!existsSync(dbPath)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const csv = join(dir, 'holdings.csv');
    console.log(`Generating and importing ${rows.toLocaleString('en-US')} rows (once; kept in ${dir})...`);
    await writeHoldingsCsv(csv, rows);
    const backend = await openBackend({ dbPath });
    await backend.handlers.importHoldings({ path: csv, portfolioName: 'Bench', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    backend.close();
    rmSync(csv, { force: true });
  }
  await runExposureBench(dbPath);
}

if (require.main === module) {
  exposureBenchMain().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
