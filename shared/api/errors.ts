/** Errors that cross the process boundary as data (Electron keeps only `.message` of a thrown Error). */

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
  | 'INTERNAL';

export interface ErrorDetails {
  file?: string;
  line?: number | null;
  column?: number | null;
  issues?: { line: number; column: number | null; header: string | null; cell: string; message: string }[];
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

/** Turns anything thrown into error data safe to send across processes. */
export function toErrorData(err: unknown): ApiErrorData {
  if (err instanceof AppError) return err.toData();
  return { code: 'INTERNAL', message: 'Something went wrong inside ThemeLens. Your data was not changed; please try again.' };
}
