import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import type { Snapshot } from '../../shared/domain/types';
import type { Db } from '../connection';
import { sql } from '../sql';
import { storeOf } from '../store';
import { ISSUE_COLUMNS } from './portfolio-edits';
import { copySnapshot } from './snapshot-writer';
import { getSnapshot } from './snapshots';
import { emptyTrash, hasTrash, restoreReports, trashSnapshotExtras } from './trash';

export interface DeletedSnapshot {
  undoToken: number;
  portfolioId: number;
  asOf: string;
  sourceFile: string;
}

type Row = { first_position_id: number | null; last_position_id: number | null };

/**
 * Deletes one snapshot with its positions and rejected rows: a file imported by mistake, or into
 * the wrong portfolio. The portfolio's figures are then its latest snapshot left's. As a deleted
 * portfolio's, its rows are first kept in this connection's trash (trash.ts) with what goes with
 * them (how its securities were resolved, the records of reports made from it), so an undo of the
 * latest deletion brings it all back until the app quits.
 */
export function deleteSnapshot(db: Db, id: number): DeletedSnapshot {
  return db.transaction(() => {
    const s = getSnapshot(db, id);
    const range = db.prepare('SELECT first_position_id, last_position_id FROM snapshots WHERE id = ?').get(id) as Row;
    const token = storeOf(db).nextUndo++;
    emptyTrash(db);
    const portfolio = db.prepare('SELECT created_at FROM portfolios WHERE id = ?').pluck().get(s.portfolioId) as string;
    const repricedBy = JSON.stringify(db.prepare('SELECT id FROM snapshots WHERE repriced_from = ?').pluck().all(id));
    db.prepare('INSERT INTO temp.trash_snapshots SELECT * FROM main.snapshots WHERE id = ?').run(id);
    // Its positions by their rowid range, not a search of every snapshot's (no index on snapshot_id);
    // a snapshot without positions has no range, and BETWEEN NULL matches none.
    const range3 = [range.first_position_id, range.last_position_id, id];
    db.prepare('INSERT INTO temp.trash_positions SELECT * FROM main.positions WHERE id BETWEEN ? AND ? AND snapshot_id = ?').run(...range3);
    db.prepare('INSERT INTO temp.trash_import_issues SELECT * FROM main.import_issues WHERE snapshot_id = ?').run(id);
    trashSnapshotExtras(db, { snapshotId: id });
    db.prepare('INSERT INTO temp.trash_snapshot_undo (undo_token, snapshot_id, portfolio_id, portfolio_created_at, repriced_by) VALUES (?, ?, ?, ?, ?)').run(token, id, s.portfolioId, portfolio, repricedBy);
    db.prepare('DELETE FROM positions WHERE id BETWEEN ? AND ? AND snapshot_id = ?').run(...range3);
    db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
    return { undoToken: token, portfolioId: s.portfolioId, asOf: s.asOf, sourceFile: s.sourceFile };
  })();
}

/** Brings back the snapshot deleted last in this session, into its portfolio, under its own id where it is free. */
export function restoreDeletedSnapshot(db: Db, undoToken: number): Snapshot {
  return db.transaction(() => {
    const row = hasTrash(db)
      ? (db
          .prepare(
            `SELECT u.snapshot_id AS id, u.portfolio_id AS portfolioId, u.portfolio_created_at AS createdAt, u.repriced_by AS repricedBy,
                    s.repriced_from AS repricedFrom, s.file_sha256 AS sha, s.as_of AS asOf, s.source_file AS file
               FROM temp.trash_snapshot_undo u JOIN temp.trash_snapshots s ON s.id = u.snapshot_id WHERE u.undo_token = ?`,
          )
          .get(undoToken) as { id: number; portfolioId: number; createdAt: string; repricedBy: string; repricedFrom: number | null; sha: string; asOf: string; file: string } | undefined)
      : undefined;
    if (!row) throw saidError('NOT_FOUND', ERROR_TEXT.undoGone, {});
    // The same portfolio, not one that took its id since (a backup restored): ids are reused.
    const portfolio = db.prepare('SELECT created_at FROM portfolios WHERE id = ?').pluck().get(row.portfolioId);
    if (portfolio !== row.createdAt) throw saidError('NOT_FOUND', ERROR_TEXT.undoPortfolioGone, {});
    // Imported again since: bringing it back would count the same holdings twice.
    if (db.prepare('SELECT 1 FROM snapshots WHERE portfolio_id = ? AND file_sha256 = ? AND as_of = ?').get(row.portfolioId, row.sha, row.asOf)) {
      throw saidError('CONFLICT', ERROR_TEXT.snapshotImportedAgain, { file: row.file, date: row.asOf });
    }
    const restored = copySnapshot(db, { schema: 'trash', id: row.id }, row.portfolioId, true);
    db.prepare(sql`INSERT INTO import_issues (snapshot_id, ${ISSUE_COLUMNS}) SELECT ?, ${ISSUE_COLUMNS} FROM temp.trash_import_issues WHERE snapshot_id = ?`.text).run(restored, row.id);
    restoreReports(db, row.id, { snapshotId: restored, portfolioId: row.portfolioId });
    // Its repricing links, both ways, where the other end is still there.
    db.prepare('UPDATE snapshots SET repriced_from = ? WHERE id = ? AND ? IN (SELECT id FROM snapshots)').run(row.repricedFrom, restored, row.repricedFrom);
    db.prepare('UPDATE snapshots SET repriced_from = ? WHERE id IN (SELECT value FROM json_each(?)) AND repriced_from IS NULL').run(restored, row.repricedBy);
    emptyTrash(db);
    return getSnapshot(db, restored);
  })();
}
