import { AppError } from '../../shared/api/errors';
import type { FatalParseError, RowIssue } from '../../shared/import/types';

/** How an import says what is wrong with a file: where (file, line, column, header) and what to do. */

/** "file.csv line 4, column 3 (Quantity)": where a problem is, the way a person looks for it. */
export function describeLocation(file: string, line: number | null, column: number | null, header?: string | null): string {
  let where = file;
  if (line !== null) where += ` line ${line}`;
  if (column !== null) where += `${line !== null ? ',' : ''} column ${column}${header ? ` (${header})` : ''}`;
  return where;
}

/** A file the parser refused. Where its message has a template, the template and figures go along, so the app can say it in its language. */
export const fatal = (name: string, e: FatalParseError) =>
  new AppError('IMPORT_FATAL', `${describeLocation(name, e.line, e.column)}: ${e.message}`, {
    file: name,
    line: e.line,
    column: e.column,
    parseCode: e.code,
    ...(e.text !== undefined ? { text: e.text, params: e.params ?? {} } : {}),
  });

/** Rows that could not be read, refused as a whole: the first one named, the count of the rest. */
export function invalidRows(name: string, kept: RowIssue[], total: number, valid: number): AppError {
  const first = kept[0] as RowIssue;
  const more = total > 1 ? ` (and ${total - 1} more row(s))` : '';
  return new AppError(
    'IMPORT_INVALID_ROWS',
    `${describeLocation(name, first.line, first.column, first.header)}: ${first.message}${more}. Nothing was imported; fix the file, or import the ${valid} valid row(s) only.`,
    { file: name, line: first.line, column: first.column, issues: kept.slice(0, 500), rejectedCount: total, validCount: valid },
  );
}
