import { Worker } from 'node:worker_threads';
import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type { Db } from '../connection';
import type { ConnectionSettings } from '../import/import-connection';
import { storeOf } from '../store';
import { workerScript } from '../worker-script';
import { cacheGeneration, isCached, keepComputed } from './cache';
import { comparisonKey } from './compare';
import { keepPostedSides, type PostedSides } from './compare-sides';

/**
 * A comparison computed ahead, on a thread of its own (compare-worker.ts), while the user is on
 * another view: at 100,000 positions a side the first comparison takes 250-390 ms, most of it
 * reading both snapshots' positions, and computed on the main process it held up every other
 * view's figures for that long. On its thread it costs the main process nothing until it arrives,
 * then about 5 ms to keep: the comparison, and the earlier snapshot's Themes and Accounts figures
 * computed beside it, in the analytics cache (as if computed here), and both sides it read
 * (readSides), so a tag edit after it is compared again without reading positions.
 *
 * What arrives is kept only if nothing was written since the thread started (cache.ts,
 * keepComputed): the thread read the data as it was then.
 */

/** What the compare thread is given: the connection to open and the comparison to compute. */
export interface CompareAheadData extends ConnectionSettings {
  readonly: boolean;
  portfolioId: number;
  fromSnapshotId: number;
  toSnapshotId: number;
  limit: number;
}

/**
 * Positions in both snapshots together from which a comparison is computed ahead: below it, one
 * takes a few milliseconds on the click, less than starting a thread (about 40 ms of CPU).
 */
export const AHEAD_FROM_POSITIONS = 20_000;

/** A thread that reads a comparison, then ends: its garbage is short-lived (as the import threads'). */
const COMPARE_THREAD_YOUNG_MB = 8;

/**
 * Starts computing the comparison of `from` with `to` (`limit` positions listed, as the Compare
 * view asks) on a thread, unless it is small, already computed, or already being computed. A
 * comparison of other snapshots still being computed is stopped: only the last asked for is
 * wanted. Whether a thread started.
 */
export function compareAhead(db: Db, connection: ConnectionSettings & { readonly: boolean }, portfolio: Portfolio, from: Snapshot, to: Snapshot, options: { limit?: number; fromPositions?: number } = {}): boolean {
  const limit = options.limit ?? 300;
  // A database in memory has no second connection; inside a transaction nothing is kept.
  if (connection.dbPath === ':memory:' || db.inTransaction) return false;
  if (from.rowCount + to.rowCount < (options.fromPositions ?? AHEAD_FROM_POSITIONS)) return false;
  const { key } = comparisonKey(db, portfolio, from, to, limit);
  const store = storeOf(db);
  if (isCached(db, key) || store.compareAhead?.key === key) return false;
  store.compareAhead?.stop();
  const script = workerScript('compare-worker');
  if (!script) return false;
  const generation = cacheGeneration(db);
  const data: CompareAheadData = { ...connection, portfolioId: portfolio.id, fromSnapshotId: from.id, toSnapshotId: to.id, limit };
  const worker = new Worker(script.code, { eval: script.eval, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: COMPARE_THREAD_YOUNG_MB } });
  // Neither the command line nor a test waits for a thread it did not ask to finish.
  worker.unref();
  const done = new Promise<void>((settle) => {
    worker.once('message', (m: { t: string; key?: string; entries?: [string, unknown][]; sides?: PostedSides | null }) => {
      if (m.t === 'done' && db.open && m.key === key) {
        for (const [name, value] of m.entries ?? []) keepComputed(db, generation, name, value);
        if (m.sides) keepPostedSides(db, portfolio.baseCurrency, from.id, to.id, m.sides);
      }
      settle();
    });
    // A thread that failed or was stopped leaves the comparison to be computed on the click.
    worker.once('error', () => settle());
    worker.once('exit', () => settle());
  }).finally(() => {
    if (store.compareAhead?.done === done) store.compareAhead = null;
  });
  store.compareAhead = { key, done, stop: () => void worker.terminate() };
  return true;
}

/**
 * Waits for the comparison of `from` with `to` if it is being computed ahead: it started
 * earlier, so it is ready sooner than one computed now.
 */
export async function comparedAhead(db: Db, portfolio: Portfolio, from: Snapshot, to: Snapshot, limit: number): Promise<void> {
  const ahead = storeOf(db).compareAhead;
  if (ahead && ahead.key === comparisonKey(db, portfolio, from, to, limit).key) await ahead.done;
}

/** Stops a comparison being computed ahead (the database is closing). */
export function stopComparingAhead(db: Db): void {
  storeOf(db).compareAhead?.stop();
}
