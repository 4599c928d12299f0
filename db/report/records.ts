import { AppError } from '../../shared/api/errors';
import type { ReportRecord } from '../../shared/report/record';
import type { Db } from '../connection';
import type { ReportInputs } from './inputs';
import { empty, sql } from '../sql';

export type { ReportRecord };

const COLUMNS = sql`id, portfolio_id AS portfolioId, snapshot_id AS snapshotId, file_sha256 AS fileSha256, format, paper, fingerprint,
  content_sha256 AS contentSha256, path, generated_at AS generatedAt`;

/** Stores a report's record; returns its id. */
export function insertReportRecord(db: Db, r: Omit<ReportRecord, 'id'>, inputs: ReportInputs): number {
  const info = db
    .prepare(
      `INSERT INTO reports (portfolio_id, snapshot_id, file_sha256, format, paper, fingerprint, inputs, content_sha256, path, generated_at)
       VALUES (@portfolioId, @snapshotId, @fileSha256, @format, @paper, @fingerprint, @inputs, @contentSha256, @path, @generatedAt)`,
    )
    .run({ ...r, inputs: JSON.stringify(inputs) });
  return Number(info.lastInsertRowid);
}

/** Records, newest first, of one portfolio or all. */
export function listReportRecords(db: Db, portfolioId?: number): ReportRecord[] {
  const where = portfolioId === undefined ? empty : sql`WHERE portfolio_id = @portfolioId`;
  return db.prepare(sql`SELECT ${COLUMNS} FROM reports ${where} ORDER BY generated_at DESC, id DESC LIMIT 1000`.text).all(portfolioId === undefined ? {} : { portfolioId }) as ReportRecord[];
}

/** One record with its inputs; NOT_FOUND names the command that lists them. */
export function getReportRecord(db: Db, id: number): { record: ReportRecord; inputs: ReportInputs } {
  const row = db.prepare(sql`SELECT ${COLUMNS}, inputs FROM reports WHERE id = ?`.text).get(id) as (ReportRecord & { inputs: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no report record ${id}. Run "themelens reports" to list them.`);
  const { inputs, ...record } = row;
  return { record, inputs: JSON.parse(inputs) as ReportInputs };
}
