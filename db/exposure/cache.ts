import type { Db } from '../connection';
import { storeOf, type Store } from '../store';

/**
 * A cache of computed analytics for one connection (kept in its Store, db/store.ts). Snapshots never change once imported, so a
 * figure computed for a snapshot stays right until the data it was computed from changes: tags,
 * rates, themes, portfolios, snapshots. Rather than list every table and every writer, the cache
 * is dropped whenever ANY row changed since it was filled:
 *  - `total_changes()` counts every row this connection inserted, updated or deleted (rolled-back
 *    ones included); the analytics' own temp-table writes (weight tables, tags as of a date,
 *    comparison tables) are made through `ownWrites`, which counts them apart, so only the rest
 *    (an edit) moves the count the cache compares;
 *  - `PRAGMA data_version` changes when another connection (the import worker, the CLI, a restore)
 *    commits to the file.
 */
type CacheState = NonNullable<Store['analytics']>;

const MAX_ENTRIES = 64;

const totalChanges = (db: Db): number => db.prepare('SELECT total_changes()').pluck().get() as number;

/** Rows changed on this connection other than by the analytics' own temp tables. */
function edits(db: Db): number {
  return totalChanges(db) - storeOf(db).ownChanges;
}

/** Runs `write` (temp tables the analytics fill for themselves) without it counting as an edit. */
export function ownWrites<T>(db: Db, write: () => T): T {
  const store = storeOf(db);
  const before = totalChanges(db);
  store.ownDepth++;
  try {
    return write();
  } finally {
    store.ownDepth--;
    if (store.ownDepth === 0) store.ownChanges += totalChanges(db) - before;
  }
}

/** A token that changes whenever data changed: for the analytics' own reusable temp tables. */
export function dataStamp(db: Db): string {
  return `${edits(db)}:${db.pragma('data_version', { simple: true }) as number}`;
}

/** The cache of `db`, emptied first if anything was written since it was last filled. */
function current(db: Db): CacheState {
  const now = { edits: edits(db), dataVersion: db.pragma('data_version', { simple: true }) as number };
  const store = storeOf(db);
  let state = store.analytics;
  if (!state || state.edits !== now.edits || state.dataVersion !== now.dataVersion) {
    state = { ...now, entries: new Map() };
    store.analytics = state;
  }
  return state;
}

/** Computations tried before one that another connection's commit overlapped is answered anyway (not kept). */
const TRIES = 3;

/**
 * The value cached under `key`, or `compute()`'s, kept. A hit returns a copy, so a caller may
 * change what it gets. Inside an open transaction nothing is cached or served: what it reads may
 * yet be rolled back.
 *
 * A computation reads with several statements, each in its own read transaction: one that another
 * connection (the command line, the import thread) committed to meanwhile may have read rates or
 * tags from before and after the commit, so it is computed again (TRIES in all).
 */
export function cached<T>(db: Db, key: string, compute: () => T): T {
  if (db.inTransaction) return compute();
  let state = current(db);
  if (state.entries.has(key)) {
    const hit = state.entries.get(key) as T;
    // Most recently used last, so the oldest is the first to go.
    state.entries.delete(key);
    state.entries.set(key, hit);
    return structuredClone(hit);
  }
  let value = compute();
  for (let tries = 1; current(db) !== state && tries < TRIES; tries++) {
    state = current(db);
    value = compute();
  }
  // Kept only if nothing but the analytics' own temp tables was written meanwhile.
  if (current(db) === state) {
    state.entries.set(key, structuredClone(value));
    while (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value as string);
  }
  return value;
}

/**
 * The cache as it stands now: a figure computed elsewhere from the data as it is now (on another
 * thread, figures-ahead.ts) may be kept with `keepComputed` if nothing is written meanwhile.
 */
export function cacheGeneration(db: Db): object {
  return current(db);
}

/**
 * Keeps `value`, computed elsewhere, under `key`, if nothing was written since `generation` was
 * taken (cacheGeneration) and no transaction is open: the figure is then what `cached` would
 * have computed here. Whether it was kept.
 */
export function keepComputed(db: Db, generation: object, key: string, value: unknown): boolean {
  if (db.inTransaction || current(db) !== generation) return false;
  const state = generation as CacheState;
  state.entries.delete(key);
  state.entries.set(key, value);
  while (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value as string);
  return true;
}

/** Whether a figure is cached under `key` for the data as it is now (not one from before a change). */
export function isCached(db: Db, key: string): boolean {
  return !db.inTransaction && current(db).entries.has(key);
}

/** Drops everything cached for `db`. */
export function clearAnalyticsCache(db: Db): void {
  storeOf(db).analytics = null;
}

/** What is cached for `db` now (the e2e perf test labels each switch as computed or cached). */
export function cachedKeys(db: Db): string[] {
  return [...(storeOf(db).analytics?.entries.keys() ?? [])];
}
