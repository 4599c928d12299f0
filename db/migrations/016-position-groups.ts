import type { Db } from '../connection';

/**
 * Each snapshot's positions grouped per security, currency and cash flag, with their values packed
 * (db/exposure/position-groups.ts): the exposure reads these few thousand rows instead of every
 * position. A rowid table: a group's blob can be large, which a WITHOUT ROWID table handles badly.
 * Existing snapshots are grouped by migration 17, which adds each snapshot's position index: the
 * grouping writes both, so it cannot run before that table exists.
 */
export function migration016(db: Db): void {
  db.exec(`
    CREATE TABLE position_groups (
      id INTEGER PRIMARY KEY,
      snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
      symbol_key TEXT NOT NULL,
      currency TEXT NOT NULL,
      is_cash INTEGER NOT NULL CHECK (is_cash IN (0, 1)),
      position_count INTEGER NOT NULL,
      value_cents INTEGER NOT NULL,
      value_list BLOB NOT NULL,
      base_value_list BLOB,
      UNIQUE (snapshot_id, symbol_key, currency, is_cash)
    ) STRICT;
  `);
}
