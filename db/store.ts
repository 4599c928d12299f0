import type { Db } from './connection';
import type { PdfRenderer } from './report/pdf';

/**
 * Everything ThemeLens keeps in memory for one open database besides the file itself: the
 * analytics cache, which temp tables hold what, prepared statements, undo tokens,
 * the key it was opened with and the PDF printer. One Store per connection, made on first use and
 * gone with the connection (a WeakMap, so a closed database leaves nothing behind).
 *
 * Modules under db/ keep no mutable state of their own (test/unit/architecture/store.test.ts checks):
 * state that outlived a call in a module variable was shared by every database a process opened
 * (tests open dozens), and could not be reset or inspected per connection.
 */
export interface Store {
  /** The analytics cache (exposure/cache.ts): emptied whenever data changed since it was filled. */
  analytics: { edits: number; dataVersion: number; entries: Map<string, unknown> } | null;
  /** Rows the analytics wrote to their own temp tables (not edits), and how deep `ownWrites` is nested. */
  ownChanges: number;
  ownDepth: number;
  /** Weight and tag-row temp tables (exposure/scan.ts): table name -> data stamp and themes they were built for. */
  builtTables: Map<string, string>;
  /** Tags-as-of temp tables (exposure/tag-tables.ts): table -> the moment and data stamp they hold. */
  tagTablesFilled: Map<string, { cutoff: string | null; stamp: string | null }>;
  /** Statements prepared once per connection, by name (bulk tag edits run thousands). */
  statements: Map<string, unknown>;
  /** Tokens of deletions that can be undone (repos/portfolio-edits.ts). */
  nextUndo: number;
  /** The key the connection was opened with, if encrypted (backups are encrypted with it). */
  key: { key: string; cipherNativeBinding?: string | undefined } | null;
  /** The headless Chromium that prints PDFs (report/pdf-pool.ts), launched on first use. */
  printer: Promise<PdfRenderer> | null;
  /** The last few snapshots' position groups (exposure/loaded-groups.ts), by snapshot id, with the snapshot's identity. */
  positionGroups: Map<number, { identity: string; groups: unknown[] }>;
  /** Both sides of the last comparison read (exposure/compare-sides.ts), under the snapshots' identity and rates. */
  comparedSides: { key: string; sides: unknown } | null;
  /**
   * The figures being computed ahead on a thread (exposure/figures-ahead.ts), under their cache
   * keys; those not yet arrived, each with its arrival; the cache generation they are for.
   */
  figuresAhead: { keys: string[]; waiting: Map<string, { promise: Promise<void>; resolve(): void }>; generation: object; done: Promise<void>; stop(): void } | null;
}

const stores = new WeakMap<Db, Store>();

/** The Store of `db`, made on first use. */
export function storeOf(db: Db): Store {
  let store = stores.get(db);
  if (!store) {
    store = {
      analytics: null,
      ownChanges: 0,
      ownDepth: 0,
      builtTables: new Map(),
      tagTablesFilled: new Map(),
      statements: new Map(),
      nextUndo: 1,
      key: null,
      printer: null,
      positionGroups: new Map(),
      comparedSides: null,
      figuresAhead: null,
    };
    stores.set(db, store);
  }
  return store;
}

/** A statement set prepared once per connection under `name`. */
export function preparedOnce<T>(db: Db, name: string, prepare: (db: Db) => T): T {
  const statements = storeOf(db).statements;
  let s = statements.get(name) as T | undefined;
  if (s === undefined) {
    s = prepare(db);
    statements.set(name, s);
  }
  return s;
}
