import type { Db } from '../connection';
import { columns, sql } from '../sql';

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
    CREATE TEMP TABLE IF NOT EXISTS trash_position_resolutions AS SELECT * FROM main.position_resolutions WHERE 0;
    CREATE TEMP TABLE IF NOT EXISTS trash_reports AS SELECT * FROM main.reports WHERE 0;
    CREATE TEMP TABLE IF NOT EXISTS trash_snapshot_undo (
      undo_token INTEGER NOT NULL, snapshot_id INTEGER NOT NULL, portfolio_id INTEGER NOT NULL,
      -- The portfolio as it was (ids are reused): an undo into another one is refused.
      portfolio_created_at TEXT NOT NULL,
      -- Snapshots repriced from it, whose link the deletion cleared (ON DELETE SET NULL).
      repriced_by TEXT NOT NULL
    );
    DELETE FROM temp.trash_portfolios;
    DELETE FROM temp.trash_snapshots;
    DELETE FROM temp.trash_positions;
    DELETE FROM temp.trash_import_issues;
    DELETE FROM temp.trash_position_resolutions;
    DELETE FROM temp.trash_reports;
    DELETE FROM temp.trash_snapshot_undo;
  `);
}

/**
 * Forgets every deletion kept for undo, tables and all: after a backup is restored, whose tables
 * may be of an older schema, and whose ids name other rows.
 */
export function dropTrash(db: Db): void {
  db.exec(`
    DROP TABLE IF EXISTS temp.trash_portfolios;
    DROP TABLE IF EXISTS temp.trash_snapshots;
    DROP TABLE IF EXISTS temp.trash_positions;
    DROP TABLE IF EXISTS temp.trash_import_issues;
    DROP TABLE IF EXISTS temp.trash_position_resolutions;
    DROP TABLE IF EXISTS temp.trash_reports;
    DROP TABLE IF EXISTS temp.trash_snapshot_undo;
  `);
}

/** Whether the trash tables exist on this connection yet (a deletion made them). */
export function hasTrash(db: Db): boolean {
  return db.prepare("SELECT 1 FROM temp.sqlite_master WHERE name = 'trash_snapshot_undo'").get() !== undefined;
}

/**
 * Keeps, beside a snapshot's positions, what goes with it: how each of its securities was resolved
 * (the Needs review counts and the explanations) and the records of reports made from it. Of one
 * snapshot, or of every snapshot of a portfolio.
 */
export function trashSnapshotExtras(db: Db, of: { snapshotId: number } | { portfolioId: number }): void {
  if ('snapshotId' in of) {
    db.prepare('INSERT INTO temp.trash_position_resolutions SELECT * FROM main.position_resolutions WHERE snapshot_id = ?').run(of.snapshotId);
    db.prepare('INSERT INTO temp.trash_reports SELECT * FROM main.reports WHERE snapshot_id = ?').run(of.snapshotId);
  } else {
    db.prepare('INSERT INTO temp.trash_position_resolutions SELECT * FROM main.position_resolutions WHERE snapshot_id IN (SELECT id FROM main.snapshots WHERE portfolio_id = ?)').run(of.portfolioId);
    db.prepare('INSERT INTO temp.trash_reports SELECT * FROM main.reports WHERE portfolio_id = ?').run(of.portfolioId);
  }
}

/** Brings back the records of reports made from a trashed snapshot, under the ids it and its portfolio have now. */
export function restoreReports(db: Db, from: number, to: { snapshotId: number; portfolioId: number }): void {
  // Every column but the ids, as the table has them now (a later migration may add one).
  const kept = columns(db.prepare("SELECT name FROM pragma_table_info('reports') WHERE name NOT IN ('id', 'portfolio_id', 'snapshot_id') ORDER BY cid").pluck().all() as string[]);
  db.prepare(sql`INSERT INTO reports (portfolio_id, snapshot_id, ${kept}) SELECT ?, ?, ${kept} FROM temp.trash_reports WHERE snapshot_id = ? ORDER BY id`.text).run(to.portfolioId, to.snapshotId, from);
}
