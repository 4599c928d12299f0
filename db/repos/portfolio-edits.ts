import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { AppError } from '../../shared/api/errors';
import type { Portfolio } from '../../shared/domain/types';
import type { Db } from '../connection';
import { storeOf } from '../store';
import { copySnapshot } from './snapshot-writer';
import { emptyTrash, hasTrash, restoreReports, trashSnapshotExtras } from './trash';
import { findPortfolioByName, getPortfolio } from './portfolios';
import { columns, sql, table } from '../sql';

/** Renames a portfolio (and sets its client); names stay unique regardless of case. */
export function renamePortfolio(db: Db, id: number, name: string, clientName?: string | null): Portfolio {
  const p = getPortfolio(db, id);
  const clash = findPortfolioByName(db, name);
  if (clash && clash.id !== id) throw saidError('CONFLICT', ERROR_TEXT.portfolioExists, { name: name.trim() });
  db.prepare('UPDATE portfolios SET name = ?, client_name = ? WHERE id = ?').run(name.trim(), clientName === undefined ? p.clientName : clientName, id);
  return getPortfolio(db, id);
}

type Schema = 'main' | 'temp';
export const ISSUE_COLUMNS = columns(['line', 'column_number', 'header', 'cell', 'message', 'text', 'params']);

/**
 * Copies a portfolio with its snapshots, positions and rejected rows from `src` (the live tables,
 * or the temp copy a delete keeps for undo) into new rows. Each snapshot's positions are inserted
 * by one statement in id order, so they get one contiguous rowid range as an import gives them.
 */
function copyPortfolio(db: Db, src: Schema, id: number, name: string): Portfolio {
  const t = (name: string) => table(src === 'main' ? `main.${name}` : `temp.trash_${name}`);
  const p = db.prepare(sql`SELECT * FROM ${t('portfolios')} WHERE id = ?`.text).get(id) as
    | { base_currency: string; client_name: string | null; notes: string | null; created_at: string }
    | undefined;
  if (!p) throw new AppError('NOT_FOUND', `There is no portfolio with id ${id} to copy.`);
  const newId = Number(
    db.prepare('INSERT INTO portfolios (name, base_currency, client_name, notes, created_at) VALUES (?, ?, ?, ?, ?)').run(name, p.base_currency, p.client_name, p.notes, p.created_at).lastInsertRowid,
  );
  const snaps = db.prepare(sql`SELECT id FROM ${t('snapshots')} WHERE portfolio_id = ? ORDER BY id`.text).pluck().all(id) as number[];
  for (const sid of snaps) {
    const newSid = copySnapshot(db, { schema: src === 'main' ? 'main' : 'trash', id: sid }, newId);
    db.prepare(sql`INSERT INTO import_issues (snapshot_id, ${ISSUE_COLUMNS}) SELECT ?, ${ISSUE_COLUMNS} FROM ${t('import_issues')} WHERE snapshot_id = ?`.text).run(newSid, sid);
    // A deleted portfolio's report records come back with it (a copy starts without any).
    if (src === 'temp') restoreReports(db, sid, { snapshotId: newSid, portfolioId: newId });
  }
  return getPortfolio(db, newId);
}

/** The first free "name (copy)", "name (copy 2)"... */
function copyName(db: Db, name: string): string {
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `${name} (copy)` : `${name} (copy ${i})`;
    if (!findPortfolioByName(db, candidate)) return candidate;
  }
}

/** A new portfolio with the same snapshots and positions (tags are per symbol, so shared). */
export function duplicatePortfolio(db: Db, id: number, name?: string): Portfolio {
  return db.transaction(() => {
    const src = getPortfolio(db, id);
    const target = name?.trim() || copyName(db, src.name);
    if (findPortfolioByName(db, target)) throw saidError('CONFLICT', ERROR_TEXT.portfolioExists, { name: target });
    return copyPortfolio(db, 'main', id, target);
  })();
}

/**
 * Deletes a portfolio with its snapshots and positions. Its rows are first kept in temp tables of
 * this connection (gone when the app quits), so an undo of the latest deletion brings them back.
 */
export function deletePortfolio(db: Db, id: number): { undoToken: number; name: string } {
  return db.transaction(() => {
    const p = getPortfolio(db, id);
    const token = storeOf(db).nextUndo++;
    emptyTrash(db);
    db.prepare('INSERT INTO temp.trash_portfolios SELECT *, ? FROM main.portfolios WHERE id = ?').run(token, id);
    db.prepare('INSERT INTO temp.trash_snapshots SELECT * FROM main.snapshots WHERE portfolio_id = ?').run(id);
    db.prepare('INSERT INTO temp.trash_positions SELECT p.* FROM main.positions p JOIN main.snapshots s ON s.id = p.snapshot_id WHERE s.portfolio_id = ?').run(id);
    db.prepare('INSERT INTO temp.trash_import_issues SELECT i.* FROM main.import_issues i JOIN main.snapshots s ON s.id = i.snapshot_id WHERE s.portfolio_id = ?').run(id);
    trashSnapshotExtras(db, { portfolioId: id });
    // Positions by their rowid ranges first: the cascade from snapshots would look each one up.
    db.prepare('DELETE FROM positions WHERE snapshot_id IN (SELECT id FROM snapshots WHERE portfolio_id = ?)').run(id);
    db.prepare('DELETE FROM portfolios WHERE id = ?').run(id);
    return { undoToken: token, name: p.name };
  })();
}

/** Brings back a portfolio deleted in this session (under a new id; its name if still free). */
export function restoreDeletedPortfolio(db: Db, undoToken: number): Portfolio {
  return db.transaction(() => {
    const row = hasTrash(db) ? (db.prepare('SELECT id, name FROM temp.trash_portfolios WHERE undo_token = ?').get(undoToken) as { id: number; name: string } | undefined) : undefined;
    if (!row) throw saidError('NOT_FOUND', ERROR_TEXT.undoGone, {});
    const name = findPortfolioByName(db, row.name) ? copyName(db, row.name) : row.name;
    const restored = copyPortfolio(db, 'temp', row.id, name);
    db.prepare('DELETE FROM temp.trash_positions WHERE snapshot_id IN (SELECT id FROM temp.trash_snapshots WHERE portfolio_id = ?)').run(row.id);
    db.prepare('DELETE FROM temp.trash_import_issues WHERE snapshot_id IN (SELECT id FROM temp.trash_snapshots WHERE portfolio_id = ?)').run(row.id);
    db.prepare('DELETE FROM temp.trash_snapshots WHERE portfolio_id = ?').run(row.id);
    db.prepare('DELETE FROM temp.trash_portfolios WHERE id = ?').run(row.id);
    return restored;
  })();
}
