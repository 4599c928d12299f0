import type { Db } from '../connection';

/**
 * Copies the pages a committed import left in the WAL into the database file, as SQLite's
 * automatic checkpoint would have at the commit: PASSIVE, so it never waits for, or blocks, a
 * reader or the main connection's next write. A checkpoint that could not finish (a reader still
 * on old pages) is finished by the next one; nothing is lost either way, the WAL being part of the
 * database until it is.
 */
export function checkpointAfter(db: Db): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or interrupted: the next checkpoint (any commit past 1,000 pages, or the last close) does it.
  }
}
