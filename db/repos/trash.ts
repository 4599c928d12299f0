import type { Db } from '../connection';

/**
 * The temp tables a deletion (a portfolio's, or one snapshot's) keeps its rows in, so that an undo
 * brings them back; they belong to this connection and are gone when the app quits. Only the
 * latest deletion can be undone: ids may be reused after a delete, so every older copy goes first.
 */
export function emptyTrash(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS trash_portfolios AS SELECT *, 0 AS undo_token FROM main.portfolios WHERE 0;
    CREATE TEMP TABLE IF NOT EXISTS trash_snapshots AS SELECT * FROM main.snapshots WHERE 0;
    CREATE TEMP TABLE IF NOT EXISTS trash_positions AS SELECT * FROM main.positions WHERE 0;
    CREATE TEMP TABLE IF NOT EXISTS trash_import_issues AS SELECT * FROM main.import_issues WHERE 0;
    CREATE TEMP TABLE IF NOT EXISTS trash_snapshot_undo (undo_token INTEGER NOT NULL, snapshot_id INTEGER NOT NULL, portfolio_id INTEGER NOT NULL);
    DELETE FROM temp.trash_portfolios;
    DELETE FROM temp.trash_snapshots;
    DELETE FROM temp.trash_positions;
    DELETE FROM temp.trash_import_issues;
    DELETE FROM temp.trash_snapshot_undo;
  `);
}

/** Whether the trash tables exist on this connection yet (a deletion made them). */
export function hasTrash(db: Db): boolean {
  return db.prepare("SELECT 1 FROM temp.sqlite_master WHERE name = 'trash_snapshot_undo'").get() !== undefined;
}
