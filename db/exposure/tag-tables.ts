import type { Db } from '../connection';
import { storeOf } from '../store';
import { dataStamp, ownWrites } from './cache';
import { sql, table as tableName } from '../sql';

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
 * with every later tag_event undone, newest first. A null cutoff copies today's tags. A table
 * that already holds that moment's tags, with no data changed since, is left as it is.
 */
export function tagsAsOf(db: Db, table: Exclude<TagTable, 'tags'>, cutoff: string | null): void {
  const name = checkTagTable(table).slice('temp.'.length);
  const fills = storeOf(db).tagTablesFilled;
  const last = fills.get(table);
  if (last && last.cutoff === cutoff && last.stamp !== null && last.stamp === dataStamp(db) && !db.inTransaction) return;
  // Temp tables the analytics fill for themselves: not an edit to the data (cache.ts).
  ownWrites(db, () => fillTagsAsOf(db, name, cutoff));
  // Filled inside a transaction, it may yet be rolled back: never taken as filled then.
  fills.set(table, { cutoff, stamp: db.inTransaction ? null : dataStamp(db) });
}

function fillTagsAsOf(db: Db, name: string, cutoff: string | null): void {
  const t = tableName(`temp.${name}`);
  db.exec(sql`CREATE TABLE IF NOT EXISTS ${t} (symbol_key TEXT NOT NULL, theme_id TEXT NOT NULL, weight_bp INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY (symbol_key, theme_id)) WITHOUT ROWID`.text);
  db.transaction(() => {
    db.exec(sql`DELETE FROM ${t}`.text);
    if (cutoff === null) {
      db.exec(sql`INSERT INTO ${t} SELECT symbol_key, theme_id, weight_bp, source FROM main.tags`.text);
      return;
    }
    // Undoing every later change, newest first, leaves each tag at the old weight of its EARLIEST
    // change after the cutoff (none or 0: no tag), and a tag never changed since as it is today:
    // two set-based reads, each change probed through tag_events(symbol_key, at). (One by one,
    // 5,000 changes took about 15 ms; this takes a few.) The source kept is today's where the tag
    // stands today, else that earliest change's; the weights are what the figures read.
    db.prepare(
      sql`INSERT INTO ${t} (symbol_key, theme_id, weight_bp, source)
       SELECT t.symbol_key, t.theme_id, t.weight_bp, t.source FROM main.tags t
       WHERE NOT EXISTS (SELECT 1 FROM tag_events e WHERE e.symbol_key = t.symbol_key AND e.at > @cutoff AND e.theme_id = t.theme_id)`.text,
    ).run({ cutoff });
    db.prepare(
      sql`INSERT INTO ${t} (symbol_key, theme_id, weight_bp, source)
       SELECT e.symbol_key, e.theme_id, e.old_weight_bp,
              coalesce((SELECT t.source FROM main.tags t WHERE t.symbol_key = e.symbol_key AND t.theme_id = e.theme_id), e.source)
       FROM tag_events e
       WHERE e.at > @cutoff AND e.old_weight_bp > 0
         AND NOT EXISTS (SELECT 1 FROM tag_events f WHERE f.symbol_key = e.symbol_key AND f.at > @cutoff AND f.theme_id = e.theme_id
                         AND (f.at < e.at OR (f.at = e.at AND f.id < e.id)))`.text,
    ).run({ cutoff });
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
