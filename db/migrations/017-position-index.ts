import type { Db } from '../connection';
import { recordPositionGroups } from '../exposure/position-groups';

/**
 * Each snapshot's position index (db/exposure/position-groups.ts): position by position, in id
 * order, the group it is in and its account, so the accounts breakdown and the largest
 * contributors are read from the groups, not from every position. Every snapshot is grouped again
 * from its positions (its groups and index written together).
 */
export function migration017(db: Db): void {
  db.exec(`
    CREATE TABLE position_index (
      snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots(id) ON DELETE CASCADE,
      -- Each position's group (its rank by row id among the snapshot's position_groups): 1, 2 or 4
      -- bytes each as there are up to 256, 65,536 or more groups.
      group_index BLOB NOT NULL,
      -- The snapshot's accounts, a JSON array, as first met.
      account_list TEXT NOT NULL,
      -- Each position's index into them, 1, 2 or 4 bytes as above. NULL: one account.
      account_index BLOB
    ) STRICT;
  `);
  const snapshots = db.prepare('SELECT id FROM snapshots ORDER BY id').pluck().all() as number[];
  for (const id of snapshots) recordPositionGroups(db, id);
}
