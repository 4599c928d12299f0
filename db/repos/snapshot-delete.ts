import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import type { Snapshot } from '../../shared/domain/types';
import type { Db } from '../connection';
import { sql } from '../sql';
import { storeOf } from '../store';
import { ISSUE_COLUMNS } from './portfolio-edits';
import { getPortfolio } from './portfolios';
import { copySnapshot } from './snapshot-writer';
import { getSnapshot } from './snapshots';
import { emptyTrash, hasTrash } from './trash';

export interface DeletedSnapshot {
  undoToken: number;
  portfolioId: number;
  asOf: string;
  sourceFile: string;
}

/**
 * Deletes one snapshot with its positions and rejected rows: a file imported by mistake, or into
 * the wrong portfolio. The portfolio's figures are then its latest snapshot left's. As a deleted
 * portfolio's, its rows are first kept in this connection's trash (trash.ts), so an undo of the
 * latest deletion brings it back until the app quits. Records of reports made from it go with it.
 */
export function deleteSnapshot(db: Db, id: number): DeletedSnapshot {
  return db.transaction(() => {
    const s = getSnapshot(db, id);
    const token = storeOf(db).nextUndo++;
    emptyTrash(db);
    db.prepare('INSERT INTO temp.trash_snapshots SELECT * FROM main.snapshots WHERE id = ?').run(id);
    db.prepare('INSERT INTO temp.trash_positions SELECT * FROM main.positions WHERE snapshot_id = ?').run(id);
    db.prepare('INSERT INTO temp.trash_import_issues SELECT * FROM main.import_issues WHERE snapshot_id = ?').run(id);
    db.prepare('INSERT INTO temp.trash_snapshot_undo (undo_token, snapshot_id, portfolio_id) VALUES (?, ?, ?)').run(token, id, s.portfolioId);
    // Positions first, as a portfolio's delete does: the cascade from the snapshot would look each one up.
    db.prepare('DELETE FROM positions WHERE snapshot_id = ?').run(id);
    db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
    return { undoToken: token, portfolioId: s.portfolioId, asOf: s.asOf, sourceFile: s.sourceFile };
  })();
}

/** Brings back the snapshot deleted last in this session, into its portfolio, under a new id. */
export function restoreDeletedSnapshot(db: Db, undoToken: number): Snapshot {
  return db.transaction(() => {
    const row = hasTrash(db)
      ? (db.prepare('SELECT u.snapshot_id AS id, u.portfolio_id AS portfolioId FROM temp.trash_snapshot_undo u JOIN temp.trash_snapshots s ON s.id = u.snapshot_id WHERE u.undo_token = ?').get(undoToken) as
          | { id: number; portfolioId: number }
          | undefined)
      : undefined;
    if (!row) throw saidError('NOT_FOUND', ERROR_TEXT.undoGone, {});
    // Its portfolio deleted since (by the command line: a deletion here empties the trash) says so.
    getPortfolio(db, row.portfolioId);
    const restored = copySnapshot(db, { schema: 'trash', id: row.id }, row.portfolioId);
    db.prepare(sql`INSERT INTO import_issues (snapshot_id, ${ISSUE_COLUMNS}) SELECT ?, ${ISSUE_COLUMNS} FROM temp.trash_import_issues WHERE snapshot_id = ?`.text).run(restored, row.id);
    emptyTrash(db);
    return getSnapshot(db, restored);
  })();
}
