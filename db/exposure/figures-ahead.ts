import { Worker } from 'node:worker_threads';
import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type { Db } from '../connection';
import type { ConnectionSettings } from '../import/import-connection';
import { latestSnapshot } from '../repos/snapshots';
import { storeOf } from '../store';
import { workerScript } from '../worker-script';
import { cacheGeneration, isCached, keepComputed } from './cache';
import { clientExposureKey, clientPortfolios, type ClientScreenAsk } from './client';
import { comparisonKey } from './compare';
import { keepPostedSides, type PostedSides } from './compare-sides';

/**
 * The figures a large portfolio's views will ask for that take longest, computed ahead on a
 * thread of their own (figures-worker.ts) while the user is on another view:
 *  - the Compare view's first comparison: at 100,000 positions a side it takes 250-390 ms, most of
 *    it reading both snapshots' positions; with it the earlier snapshot's Themes and Accounts
 *    figures, and both sides it read (readSides), so a tag edit after it is compared again
 *    without reading positions;
 *  - the Household view's figures (its few largest lines): 35-60 ms at 100,000 positions, which
 *    with drawing took the view's switch to 88-133 ms when clicked straight after another view
 *    (the window's idle queue never got to it).
 * Computed on the main process they held up every other view's figures for that long. On their
 * thread they cost the main process nothing until they arrive, then a few milliseconds to keep, in
 * the analytics cache (as if computed here).
 *
 * What arrives is kept only if nothing was written since the thread started (cache.ts,
 * keepComputed): the thread read the data as it was then.
 */

/** What the figures thread is given: the connection to open and what to compute. */
export interface FiguresAheadData extends ConnectionSettings {
  readonly: boolean;
  portfolioId: number;
  comparison: { fromSnapshotId: number; toSnapshotId: number; limit: number } | null;
  household: ClientScreenAsk | null;
}

/** What to compute ahead: a comparison of two snapshots of the portfolio, a household's screen figures, or both. */
export interface AheadAsk {
  comparison?: readonly [from: Snapshot, to: Snapshot] | undefined;
  household?: ClientScreenAsk | undefined;
}

/**
 * Positions a figure is read from above which it is computed ahead: below it, one takes a few
 * milliseconds on the click, less than starting a thread (about 40 ms of CPU).
 */
export const AHEAD_FROM_POSITIONS = 20_000;

/** A thread that reads figures, then ends: its garbage is short-lived (as the import threads'). */
const FIGURES_THREAD_YOUNG_MB = 8;

/** Positions of the latest snapshots of a client's portfolios (what its figures read); -1 for a client there is not. */
function householdPositions(db: Db, client: string): number {
  try {
    return clientPortfolios(db, client).portfolios.reduce((n, p) => n + (latestSnapshot(db, p.id)?.rowCount ?? 0), 0);
  } catch {
    // No such client: nothing to compute ahead; asked on the click, its error says so.
    return -1;
  }
}

/**
 * Starts computing on a thread what `ask` names (the comparison with `limit` positions listed, as
 * the Compare view asks), leaving out what is small, already computed, or already being computed.
 * Figures still being computed for an earlier ask are stopped: only the last asked for are
 * wanted. Whether a thread started.
 */
export function figuresAhead(db: Db, connection: ConnectionSettings & { readonly: boolean }, portfolio: Portfolio, ask: AheadAsk, options: { limit?: number; fromPositions?: number } = {}): boolean {
  const limit = options.limit ?? 300;
  const least = options.fromPositions ?? AHEAD_FROM_POSITIONS;
  // A database in memory has no second connection; inside a transaction nothing is kept.
  if (connection.dbPath === ':memory:' || db.inTransaction) return false;
  const store = storeOf(db);
  const running = store.figuresAhead?.keys ?? [];
  const wanted = (key: string) => !isCached(db, key);
  const [from, to] = ask.comparison ?? [];
  const comparison = from && to && from.rowCount + to.rowCount >= least ? comparisonKey(db, portfolio, from, to, limit).key : null;
  const household = ask.household && householdPositions(db, ask.household.client) >= least ? clientExposureKey(ask.household) : null;
  const keys = [comparison, household].filter((k): k is string => k !== null && wanted(k));
  if (keys.length === 0 || keys.every((k) => running.includes(k))) return false;
  store.figuresAhead?.stop();
  const script = workerScript('figures-worker');
  if (!script) return false;
  const generation = cacheGeneration(db);
  const data: FiguresAheadData = {
    ...connection,
    portfolioId: portfolio.id,
    comparison: comparison && keys.includes(comparison) && from && to ? { fromSnapshotId: from.id, toSnapshotId: to.id, limit } : null,
    household: household && keys.includes(household) ? (ask.household as ClientScreenAsk) : null,
  };
  const worker = new Worker(script.code, { eval: script.eval, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: FIGURES_THREAD_YOUNG_MB } });
  // Neither the command line nor a test waits for a thread it did not ask to finish.
  worker.unref();
  const done = new Promise<void>((settle) => {
    worker.once('message', (m: { t: string; entries?: [string, unknown][]; sides?: PostedSides | null }) => {
      if (m.t === 'done' && db.open) {
        for (const [name, value] of m.entries ?? []) keepComputed(db, generation, name, value);
        if (m.sides && data.comparison && from && to) keepPostedSides(db, portfolio.baseCurrency, from.id, to.id, m.sides);
      }
      settle();
    });
    // A thread that failed or was stopped leaves the figures to be computed on the click.
    worker.once('error', () => settle());
    worker.once('exit', () => settle());
  }).finally(() => {
    if (store.figuresAhead?.done === done) store.figuresAhead = null;
  });
  store.figuresAhead = { keys, done, stop: () => void worker.terminate() };
  return true;
}

/** Waits for the figures kept under `key` if they are being computed ahead: they started earlier, so are ready sooner than computed now. */
async function aheadOf(db: Db, key: string): Promise<void> {
  const ahead = storeOf(db).figuresAhead;
  if (ahead?.keys.includes(key)) await ahead.done;
}

/** Waits for the comparison of `from` with `to` if it is being computed ahead. */
export async function comparedAhead(db: Db, portfolio: Portfolio, from: Snapshot, to: Snapshot, limit: number): Promise<void> {
  await aheadOf(db, comparisonKey(db, portfolio, from, to, limit).key);
}

/** Waits for a household's screen figures if they are being computed ahead. */
export async function householdAhead(db: Db, ask: ClientScreenAsk): Promise<void> {
  await aheadOf(db, clientExposureKey(ask));
}

/** Stops figures being computed ahead (the database is closing). */
export function stopFiguresAhead(db: Db): void {
  storeOf(db).figuresAhead?.stop();
}
