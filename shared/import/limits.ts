import type { FatalParseError } from './types';
import type { RawRow } from './tokenize';
import { FATAL_TEXT, fatalError } from './fatal-text';

/** The most positions one import takes (a file with more is not a holdings export). */
export const MAX_ROWS = 2_000_000;
/** The longest cell read (a description is a few hundred characters at most). */
export const MAX_FIELD_CHARS = 100_000;
/** The most columns a row may have. */
export const MAX_COLUMNS = 1_000;

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * A row too wide or with a cell too long: refused early, naming the limit, before it costs memory.
 * Messages name no place: the import puts the file, line and column before them (import-errors.ts).
 */
export function rowOverLimits(row: RawRow): FatalParseError | null {
  const cells = row.cells;
  if (cells.length > MAX_COLUMNS) return fatalError('TOO_LARGE', FATAL_TEXT.tooManyColumns, { n: fmt(cells.length), limit: fmt(MAX_COLUMNS) }, row.line);
  for (let i = 0; i < cells.length; i++) {
    const length = (cells[i] as string).length;
    if (length > MAX_FIELD_CHARS) return fatalError('TOO_LARGE', FATAL_TEXT.cellTooLong, { n: fmt(length), limit: fmt(MAX_FIELD_CHARS) }, row.line, i + 1);
  }
  return null;
}

/**
 * How far past its opening quote a quoted cell may still be open: each character of its value takes
 * at most two of the file's (a quote is doubled), so a cell open longer than this is over
 * MAX_FIELD_CHARS whether or not it closes later.
 */
export const MAX_OPEN_QUOTE_CHARS = 2 * MAX_FIELD_CHARS + 2;

/**
 * A quoted cell still open MAX_OPEN_QUOTE_CHARS after its quote: refused there, not after the whole
 * rest of the file has been read into one record (a quote that never closes).
 */
export function openCellTooLong(line: number, column: number): FatalParseError {
  return fatalError('TOO_LARGE', FATAL_TEXT.openQuote, { n: fmt(MAX_OPEN_QUOTE_CHARS), limit: fmt(MAX_FIELD_CHARS), line: String(line) }, line, column);
}

/** The row count limit, as an error. */
export function tooManyRows(line: number, limit = MAX_ROWS): FatalParseError {
  return fatalError('TOO_LARGE', FATAL_TEXT.tooManyRows, { limit: fmt(limit) }, line);
}
