/** Errors that cross the process boundary as data (Electron keeps only `.message` of a thrown Error). */
import type { RowIssue } from '../import/types';

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IMPORT_FATAL'
  | 'IMPORT_INVALID_ROWS'
  | 'ALREADY_IMPORTED'
  | 'CANCELLED'
  | 'WEIGHT_OVER_100'
  | 'UNSUPPORTED'
  | 'FORBIDDEN'
  | 'IO'
  | 'DB_FROM_FUTURE'
  | 'CORRUPT'
  | 'CANNOT_UNLOCK'
  | 'INTERNAL';

export interface ErrorDetails {
  file?: string;
  line?: number | null;
  column?: number | null;
  issues?: RowIssue[];
  [key: string]: unknown;
}

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

/** A user-facing error with a stable code; the message says what happened and what to do. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toData(): ApiErrorData {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** SQLite's own failures a person can act on, in plain words (the driver's error codes). */
const SQLITE_PROBLEMS: Record<string, string> = {
  SQLITE_FULL: 'The disk is full: nothing was saved and your data is as it was. Free some space and try again.',
  SQLITE_READONLY: 'The database cannot be written (the file or its folder is read-only): nothing was saved. Check its permissions.',
  SQLITE_BUSY: 'The database is busy in another ThemeLens window or command: nothing was saved. Try again in a moment.',
  SQLITE_IOERR: 'Reading or writing the database failed (disk error): nothing was saved. Check the disk and try again.',
  // Damage met while working (opening checks the tables a command reads; this is damage found since,
  // or in a table that was not checked): the next start checks the whole file.
  SQLITE_CORRUPT: 'The database file is damaged (SQLite found a page it cannot read): nothing was saved. Start ThemeLens again: it checks the file as it opens, moves a damaged one aside (nothing is deleted) and offers the newest verified backup.',
};

/** An AppError for a SQLite failure a person can act on, or null. */
export function fromSqliteError(err: unknown): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const key = Object.keys(SQLITE_PROBLEMS).find((k) => code === k || code.startsWith(`${k}_`));
  return key ? new AppError('IO', SQLITE_PROBLEMS[key] as string, { sqlite: code }) : null;
}

/** Turns anything thrown into error data safe to send across processes. */
export function toErrorData(err: unknown): ApiErrorData {
  if (err instanceof AppError) return err.toData();
  const sqlite = fromSqliteError(err);
  if (sqlite) return sqlite.toData();
  return { code: 'INTERNAL', message: 'Something went wrong inside ThemeLens. Your data was not changed; please try again.' };
}
