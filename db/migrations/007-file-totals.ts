import type { Db } from '../connection';

/**
 * A holdings file's own total (Schwab's Account Total, a bank's Summe, a Japanese broker's 合計) and the
 * sum of the rows imported, kept with the snapshot: a difference over one cent is TOTAL_MISMATCH in
 * every view and report of that snapshot, not only a line at import.
 */
export function migration007(db: Db): void {
  db.exec(`
    ALTER TABLE snapshots ADD COLUMN file_total_cents INTEGER;
    ALTER TABLE snapshots ADD COLUMN rows_total_cents INTEGER;
  `);
}
