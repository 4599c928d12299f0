import { AppError } from '../../shared/api/errors';
import type { Snapshot } from '../../shared/domain/types';
import type { RowIssue } from '../../shared/import/types';
import type { Db } from '../connection';
import { sql, type Sql } from '../sql';

interface SnapshotRow {
  id: number;
  portfolio_id: number;
  as_of: string;
  source_file: string;
  file_sha256: string;
  preset: string | null;
  row_count: number;
  imported_at: string;
}

const toSnapshot = (r: SnapshotRow): Snapshot => ({
  id: r.id,
  portfolioId: r.portfolio_id,
  asOf: r.as_of,
  sourceFile: r.source_file,
  fileSha256: r.file_sha256,
  preset: r.preset,
  rowCount: r.row_count,
  importedAt: r.imported_at,
});

/** A portfolio's snapshots, newest first. */
export function listSnapshots(db: Db, portfolioId: number): Snapshot[] {
  return (
    db.prepare('SELECT * FROM snapshots WHERE portfolio_id = ? ORDER BY as_of DESC, id DESC').all(portfolioId) as SnapshotRow[]
  ).map(toSnapshot);
}

export function getSnapshot(db: Db, id: number): Snapshot {
  const row = db.prepare('SELECT * FROM snapshots WHERE id = ?').get(id) as SnapshotRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no snapshot with id ${id}.`);
  return toSnapshot(row);
}

/** The snapshot a report reads by default: the latest as-of date, then the latest import. */
export function latestSnapshot(db: Db, portfolioId: number): Snapshot | null {
  return listSnapshots(db, portfolioId)[0] ?? null;
}

export function findSnapshotByHash(db: Db, portfolioId: number, sha256: string): Snapshot | null {
  const row = db
    .prepare('SELECT * FROM snapshots WHERE portfolio_id = ? AND file_sha256 = ? ORDER BY id DESC LIMIT 1')
    .get(portfolioId, sha256) as SnapshotRow | undefined;
  return row ? toSnapshot(row) : null;
}

/**
 * Another snapshot of the portfolio, as of the same date, holding exactly the same positions
 * (account, security, quantity, value, currency) as the one being written: compared as row sets in
 * both directions, only against snapshots with the same date and row count (rarely more than one).
 */
export function findSnapshotWithSameContent(db: Db, portfolioId: number, newId: number, asOf: string, rows: number, first: number | null, last: number | null): Snapshot | null {
  if (first === null || last === null) return null;
  const candidates = db.prepare('SELECT * FROM snapshots WHERE portfolio_id = ? AND as_of = ? AND row_count = ? AND id <> ? ORDER BY id DESC').all(portfolioId, asOf, rows, newId) as (SnapshotRow & { first_position_id: number | null; last_position_id: number | null })[];
  if (candidates.length === 0) return null;
  const rowsOf = (range: Sql) => sql`SELECT account, symbol_key, quantity, value_cents, currency FROM positions WHERE ${range}`;
  const fresh = sql`id BETWEEN @first AND @last AND snapshot_id = @newId`;
  const old = sql`id BETWEEN @oFirst AND @oLast AND snapshot_id = @oldId`;
  const differs = db.prepare(sql`SELECT EXISTS (${rowsOf(fresh)} EXCEPT ${rowsOf(old)}) OR EXISTS (${rowsOf(old)} EXCEPT ${rowsOf(fresh)})`.text).pluck();
  for (const c of candidates) {
    if (c.first_position_id === null || c.last_position_id === null) continue;
    if (!differs.get({ first, last, newId, oFirst: c.first_position_id, oLast: c.last_position_id, oldId: c.id })) return toSnapshot(c);
  }
  return null;
}

/** Keeps the rows left out of a snapshot's import, each with the template of its reason where it has one. */
export function recordImportIssues(db: Db, snapshotId: number, issues: readonly RowIssue[]): void {
  const insert = db.prepare('INSERT INTO import_issues (snapshot_id, line, column_number, header, cell, message, text, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const r of issues) insert.run(snapshotId, r.line, r.column, r.header, r.cell, r.message, r.text ?? null, r.text !== undefined ? JSON.stringify(r.params ?? {}) : null);
}

/** Rows left out of a snapshot's import (the user chose to import the valid rows only). */
export function listImportIssues(db: Db, snapshotId: number): RowIssue[] {
  getSnapshot(db, snapshotId);
  const rows = db
    .prepare('SELECT line, column_number AS "column", header, cell, message, text, params FROM import_issues WHERE snapshot_id = ? ORDER BY line, column_number')
    .all(snapshotId) as (Omit<RowIssue, 'text' | 'params'> & { text: string | null; params: string | null })[];
  return rows.map(({ text, params, ...issue }) => (text !== null ? { ...issue, text, params: params !== null ? (JSON.parse(params) as Record<string, string>) : {} } : issue));
}
