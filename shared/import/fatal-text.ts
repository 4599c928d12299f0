import { fillTemplate } from '../text/fill';
import type { FatalParseError } from './types';

/**
 * What stops an import of a file, as templates of its figures: the parser fills them in English
 * (the command line's message) and keeps the template and figures, so the app can say it in the
 * user's language (renderer/src/import/import-error-words.ts; the template is the key of its
 * translation). A message names no place: the import puts the file, line and column before it.
 */
export const FATAL_TEXT = {
  fileTooLarge: 'The file is {{mb}} MB; files up to {{limit}} MB can be imported. Export fewer accounts or split the file.',
  empty: 'The file is empty. Export the positions from your broker again.',
  noText: 'The file holds no text. Export the positions from your broker again.',
  noRows: 'The file holds no rows. Export the positions from your broker again.',
  binary: 'This file is not a text (CSV) file. Export the positions from your broker as CSV and choose that file.',
  headerOnly: 'The file has a header row (line {{line}}) but no holdings below it. Export the positions again, with the accounts that hold them.',
  unterminated: 'A quoted cell that starts on line {{line}} is never closed (a closing " is missing), so the rest of the file cannot be read. Fix the quote on line {{line}} or export the file again.',
  tooManyColumns: 'This row has {{n}} columns; the limit is {{limit}}. Is this a holdings file?',
  cellTooLong: "This cell holds {{n}} characters; the limit for one cell is {{limit}}. Check the file's quotes.",
  openQuote:
    'A quoted cell opens here and is still open {{n}} characters later, past the limit of {{limit}} for one cell (a closing " is probably missing). Fix the quote on line {{line}} or export the file again.',
  tooManyRows: 'The file has more than {{limit}} positions, the limit for one import. Split it and import the parts.',
  noHeader: 'No row with several columns was found, so the file has no header row. Check that it is a CSV export of positions, or choose the delimiter by hand.',
  noUsableColumns:
    'No column was recognised as a symbol or description together with a quantity or value. Headers found on line {{line}}: {{headers}}. Map the columns by hand: choose the header that names each holding and the one that holds its value or quantity.',
  chosenColumnsUnusable:
    'The chosen columns cannot make positions: map one column that names the holding (symbol, ISIN, CUSIP or description) and one that gives its value or quantity. Headers found on line {{line}}: {{headers}}.',
  mappedColumnNotFound: 'Mapped column {{missing}} not found in any row of the file. Headers found: {{headers}}. Choose columns from that list.',
  mappedColumnsNotFound: 'Mapped columns {{missing}} not found in any row of the file. Headers found: {{headers}}. Choose columns from that list.',
  /** Refused before it is read (db/import/chunks.ts): the message names the file itself (`whole` in the error's details). */
  fileTooLargeNamed: '{{file}} is {{mb}} MB; files up to {{limit}} MB can be imported. Split the file and import the parts.',
  noPositions: 'no positions were found in the file. Check that it is a holdings (positions) export, not a transactions history.',
} as const;

export type FatalText = (typeof FATAL_TEXT)[keyof typeof FATAL_TEXT];

/** A fatal parse error said from its template: its English, and the template and figures it came from. */
export function fatalError(code: FatalParseError['code'], text: FatalText, params: Record<string, string>, line: number | null = null, column: number | null = null): FatalParseError {
  return { code, message: fillTemplate(text, params), text, params, line, column };
}
