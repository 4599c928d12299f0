import type { FatalParseError } from './types';
import type { RawRow } from './tokenize';

/** The most positions one import takes (a file with more is not a holdings export). */
export const MAX_ROWS = 2_000_000;
/** The longest cell read (a description is a few hundred characters at most). */
export const MAX_FIELD_CHARS = 100_000;
/** The most columns a row may have. */
export const MAX_COLUMNS = 1_000;

const fmt = (n: number) => n.toLocaleString('en-US');

/** A row too wide or with a cell too long: refused early, naming the limit, before it costs memory. */
export function rowOverLimits(row: RawRow): FatalParseError | null {
  const cells = row.cells;
  if (cells.length > MAX_COLUMNS) {
    return { code: 'TOO_LARGE', message: `Line ${row.line} has ${fmt(cells.length)} columns; the limit is ${fmt(MAX_COLUMNS)}. Is this a holdings file?`, line: row.line, column: null };
  }
  for (let i = 0; i < cells.length; i++) {
    const length = (cells[i] as string).length;
    if (length > MAX_FIELD_CHARS) {
      return {
        code: 'TOO_LARGE',
        message: `Line ${row.line}, column ${i + 1} holds ${fmt(length)} characters; the limit for one cell is ${fmt(MAX_FIELD_CHARS)}. Check the file's quotes.`,
        line: row.line,
        column: i + 1,
      };
    }
  }
  return null;
}

/** The row count limit, as an error. */
export function tooManyRows(line: number, limit = MAX_ROWS): FatalParseError {
  return { code: 'TOO_LARGE', message: `The file has more than ${fmt(limit)} positions, the limit for one import. Split it and import the parts.`, line, column: null };
}
