import { Worker } from 'node:worker_threads';
import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type { Db } from '../connection';
import type { ConnectionSettings } from '../import/import-connection';
import { latestSnapshot, listSnapshots } from '../repos/snapshots';
import { accountsKey, themesKey } from './breakdowns';
import { historyKey } from './history';
import { storeOf } from '../store';
import { workerScript } from '../worker-script';
import { cacheGeneration, isCached, keepComputed } from './cache';
import { clientExposureKey, clientPortfolios, type ClientScreenAsk } from './client';
import { comparisonKey } from './compare';
import { keepPostedSides, type PostedSides } from './compare-sides';

/**
 * The figures a large portfolio's views will ask for that take longest, computed ahead on a
 * thread of their own (figures-worker.ts) while the user is on another view:
 *  - the shown snapshot's Themes and Accounts figures and the portfolio's History (at 100,000
 *    positions 30-55 ms each). The window's idle queue (renderer analytics/prefetch.ts) asked for
 *    them on the main process, one at a time, and a click landing while one was computed waited
 *    behind it: a view switch of 129 ms in the perf walk. Now the queue's call waits for the
 *    thread, holding up nothing, and a click's call is answered beside it;
 *  - the Compare view's first comparison: at 100,000 positions a side it takes 250-390 ms, most of
 *    it reading both snapshots' positions; with it the earlier snapshot's Themes and Accounts
 *    figures, and both sides it read (readSides), so a tag edit after it is compared again
 *    without reading positions;
 *  - the Household view's figures (its few largest lines): 35-60 ms at 100,000 positions, which
 *    with drawing took the view's switch to 88-133 ms when clicked straight after another view
 *    (the window's idle queue never got to it).
 * Computed on the main process they held up every other view's figures for that long. On their
 * thread they cost the main process nothing until they arrive, then a few milliseconds to keep, in
 * the analytics cache (as if computed here). Each is sent as soon as it is computed, in the order
 * above (the order of the view tabs), so a call waits for its own figure, not for the rest.
 *
 * What arrives is kept only if nothing was written since the thread started (cache.ts,
 * keepComputed): the thread read the data as it was then.
 */

/** What the figures thread is given: the connection to open and what to compute. */
export interface FiguresAheadData extends ConnectionSettings {
  readonly: boolean;
  portfolioId: number;
  /** The snapshot on screen, whose Themes (its `top` contributors) and Accounts figures to compute. */
  shown: { snapshotId: number; top: number; themes: boolean; accounts: boolean } | null;
  history: boolean;
  comparison: { fromSnapshotId: number; toSnapshotId: number; limit: number } | null;
  household: ClientScreenAsk | null;
}

/** What to compute ahead: the shown snapshot's figures, a comparison of two snapshots of the portfolio, a household's screen figures, or any of them. */
export interface AheadAsk {
  /** The snapshot on screen: its Themes and Accounts figures, and the portfolio's History. */
  shown?: Snapshot | undefined;
  comparison?: readonly [from: Snapshot, to: Snapshot] | undefined;
  household?: ClientScreenAsk | undefined;
}

/**
 * Positions a figure is read from above which it is computed ahead: below it, one takes a few
 * milliseconds on the click, less than starting a thread (about 40 ms of CPU).
 */
export const AHEAD_FROM_POSITIONS = 20_000;

/** Contributors per theme the Themes view asks for (renderer analytics/prefetch.ts). */
export const SHOWN_TOP = 10;

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

/** Positions the portfolio's History reads with tags as they stood (every snapshot but the latest, whose figures are the shown ones'). */
function historyPositions(db: Db, portfolio: Portfolio): number {
  return listSnapshots(db, portfolio.id)
    .slice(1)
    .reduce((n, s) => n + s.rowCount, 0);
}

/** A figure's arrival: a promise and what settles it (Promise.withResolvers, which Node 20 lacks). */
function arrival(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
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
  // A thread started before a write computes figures that will not be kept: it counts for nothing.
  const current = store.figuresAhead && store.figuresAhead.generation === cacheGeneration(db) ? store.figuresAhead : null;
  const running = current?.keys ?? [];
  const wanted = (key: string) => !isCached(db, key);
  const [from, to] = ask.comparison ?? [];
  const shown = ask.shown && ask.shown.rowCount >= least ? ask.shown : null;
  const themes = shown && themesKey(portfolio, shown.id, SHOWN_TOP);
  const accounts = shown && accountsKey(portfolio, shown.id);
  const history = ask.shown && historyPositions(db, portfolio) >= least ? historyKey(portfolio) : null;
  const comparison = from && to && from.rowCount + to.rowCount >= least ? comparisonKey(db, portfolio, from, to, limit).key : null;
  const household = ask.household && householdPositions(db, ask.household.client) >= least ? clientExposureKey(ask.household) : null;
  const keys = [themes, accounts, history, comparison, household].filter((k): k is string => k !== null && wanted(k));
  if (keys.length === 0 || keys.every((k) => running.includes(k))) return false;
  store.figuresAhead?.stop();
  const script = workerScript('figures-worker');
  if (!script) return false;
  const generation = cacheGeneration(db);
  const asked = (key: string | null): key is string => key !== null && keys.includes(key);
  const data: FiguresAheadData = {
    ...connection,
    portfolioId: portfolio.id,
    shown: shown && (asked(themes) || asked(accounts)) ? { snapshotId: shown.id, top: SHOWN_TOP, themes: asked(themes), accounts: asked(accounts) } : null,
    history: asked(history),
    comparison: asked(comparison) && from && to ? { fromSnapshotId: from.id, toSnapshotId: to.id, limit } : null,
    household: asked(household) ? (ask.household as ClientScreenAsk) : null,
  };
  const worker = new Worker(script.code, { eval: script.eval, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: FIGURES_THREAD_YOUNG_MB } });
  // Neither the command line nor a test waits for a thread it did not ask to finish.
  worker.unref();
  // Each figure not yet arrived, for a call waiting for that one (aheadOf).
  const waiting = new Map(keys.map((k) => [k, arrival()]));
  const arrived = (key: string) => {
    waiting.get(key)?.resolve();
    waiting.delete(key);
  };
  const done = new Promise<void>((settle) => {
    worker.on('message', (m: { t: string; entries?: [string, unknown][]; sides?: PostedSides | null }) => {
      if (m.t === 'kept' && db.open) {
        for (const [name, value] of m.entries ?? []) keepComputed(db, generation, name, value);
        if (m.sides && data.comparison && from && to) keepPostedSides(db, portfolio.baseCurrency, from.id, to.id, m.sides);
        for (const [name] of m.entries ?? []) arrived(name);
      }
      if (m.t !== 'kept') settle();
    });
    // A thread that failed or was stopped leaves the figures to be computed on the click.
    worker.once('error', () => settle());
    worker.once('exit', () => settle());
  }).finally(() => {
    for (const key of keys) arrived(key);
    if (store.figuresAhead?.done === done) store.figuresAhead = null;
  });
  store.figuresAhead = { keys, waiting, generation, done, stop: () => void worker.terminate() };
  return true;
}

/**
 * Waits for the figures kept under `key` if they are being computed ahead: they started earlier,
 * so are ready sooner than computed now, and waiting holds up no other call. Not if anything was
 * written since the thread started: they would not be kept. Whether it waited.
 */
export async function aheadOf(db: Db, key: string): Promise<boolean> {
  const ahead = storeOf(db).figuresAhead;
  const pending = ahead?.waiting.get(key);
  if (!ahead || !pending || db.inTransaction || cacheGeneration(db) !== ahead.generation) return false;
  await pending.promise;
  return true;
}

/** Waits for a household's screen figures if they are being computed ahead. */
export async function householdAhead(db: Db, ask: ClientScreenAsk): Promise<void> {
  await aheadOf(db, clientExposureKey(ask));
}

/** Stops figures being computed ahead (the database is closing). */
export function stopFiguresAhead(db: Db): void {
  storeOf(db).figuresAhead?.stop();
}
