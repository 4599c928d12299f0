import { AppError } from '../../shared/api/errors';
import type { FatalParseError, RowIssue } from '../../shared/import/types';
import { invalidRowsText } from '../../shared/import/row-text';
import { fillTemplate } from '../../shared/text/fill';

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

/**
 * Rows that could not be read, refused as a whole: the first one named, the count of the rest. The
 * template and figures go along (the first row's reason is the first issue's), so the app can say
 * it in its language.
 */
export function invalidRows(name: string, kept: RowIssue[], total: number, valid: number): AppError {
  const first = kept[0] as RowIssue;
  const text = invalidRowsText(total, valid);
  // The first row's reason in English; the app puts it in its own language (the first issue's template).
  // Counts with thousands separators, as the English has its figures (the window says them as they come).
  const params = { reason: first.message, more: (total - 1).toLocaleString('en-US'), valid: valid.toLocaleString('en-US') };
  return new AppError('IMPORT_INVALID_ROWS', `${describeLocation(name, first.line, first.column, first.header)}: ${fillTemplate(text, params)}`, {
    file: name,
    line: first.line,
    column: first.column,
    header: first.header,
    text,
    params,
    issues: kept.slice(0, 500),
    rejectedCount: total,
    validCount: valid,
  });
}
