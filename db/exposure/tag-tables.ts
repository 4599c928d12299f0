import type { Db } from '../connection';
import { ownWrites } from './cache';

/**
 * Where a query reads tag weights from: the live `tags` table, or a temp copy holding the weights
 * as they stood at some moment (history and comparison). Identifiers come from this allow-list
 * only, never from input.
 */
export const TAG_TABLES = ['tags', 'temp.tags_from', 'temp.tags_to'] as const;
export type TagTable = (typeof TAG_TABLES)[number];

export function checkTagTable(t: string): TagTable {
  if (!(TAG_TABLES as readonly string[]).includes(t)) throw new Error(`Not a tag table: ${t}`);
  return t as TagTable;
}

/**
 * Fills a temp tag table with the weights as they stood at `cutoff` (an ISO time): today's tags
 * with every later tag_event undone, newest first. A null cutoff copies today's tags.
 */
export function tagsAsOf(db: Db, table: Exclude<TagTable, 'tags'>, cutoff: string | null): void {
  const name = checkTagTable(table).slice('temp.'.length);
  // Temp tables the analytics fill for themselves: not an edit to the data (cache.ts).
  ownWrites(db, () => fillTagsAsOf(db, name, cutoff));
  const map = cutoffs.get(db) ?? new Map<string, string | null>();
  cutoffs.set(db, map);
  map.set(table, cutoff);
}

const cutoffs = new WeakMap<Db, Map<string, string | null>>();

/** The cutoff a temp tag table was last filled at (undefined: never), so the scan thread can fill its own alike. */
export function filledCutoff(db: Db, table: Exclude<TagTable, 'tags'>): string | null | undefined {
  return cutoffs.get(db)?.get(table);
}

function fillTagsAsOf(db: Db, name: string, cutoff: string | null): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${name} (symbol_key TEXT NOT NULL, theme_id TEXT NOT NULL, weight_bp INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY (symbol_key, theme_id)) WITHOUT ROWID`);
  db.transaction(() => {
    db.exec(`DELETE FROM temp.${name}; INSERT INTO temp.${name} SELECT symbol_key, theme_id, weight_bp, source FROM main.tags;`);
    if (cutoff === null) return;
    const events = db
      .prepare('SELECT symbol_key AS k, theme_id AS t, old_weight_bp AS o, source FROM tag_events WHERE at > ? ORDER BY at DESC, id DESC')
      .all(cutoff) as { k: string; t: string; o: number | null; source: string }[];
    const del = db.prepare(`DELETE FROM temp.${name} WHERE symbol_key = ? AND theme_id = ?`);
    const put = db.prepare(
      `INSERT INTO temp.${name} (symbol_key, theme_id, weight_bp, source) VALUES (?, ?, ?, ?)
       ON CONFLICT (symbol_key, theme_id) DO UPDATE SET weight_bp = excluded.weight_bp`,
    );
    for (const e of events) {
      if (e.o === null || e.o === 0) del.run(e.k, e.t);
      else put.run(e.k, e.t, e.o, e.source);
    }
  })();
}

/**
 * The moment a snapshot's tags are read at: when the portfolio's next snapshot was imported (the
 * tags the user worked with while this one was the latest), or null (today's tags) for the latest.
 */
export function tagCutoff(db: Db, snapshot: { id: number; portfolioId: number; asOf: string }): string | null {
  const next = db
    .prepare(
      `SELECT imported_at FROM snapshots WHERE portfolio_id = @p AND (as_of > @asOf OR (as_of = @asOf AND id > @id))
       ORDER BY as_of, id LIMIT 1`,
    )
    .pluck()
    .get({ p: snapshot.portfolioId, asOf: snapshot.asOf, id: snapshot.id }) as string | undefined;
  return next ?? null;
}
