import { describe, expect, it } from 'vitest';
import { FATAL_TEXT, fatalError, type FatalText } from '../../../shared/import/fatal-text';
import { fillTemplate } from '../../../shared/text/fill';

/**
 * What stops an import, in English word for word as the command line printed it before the
 * messages became templates (the app says them in Japanese from the same template and figures).
 */
describe('what stops an import, in English', () => {
  const cases: [FatalText, Record<string, string>, string][] = [
    [FATAL_TEXT.fileTooLarge, { mb: '201', limit: '200' }, 'The file is 201 MB; files up to 200 MB can be imported. Export fewer accounts or split the file.'],
    [FATAL_TEXT.empty, {}, 'The file is empty. Export the positions from your broker again.'],
    [FATAL_TEXT.noText, {}, 'The file holds no text. Export the positions from your broker again.'],
    [FATAL_TEXT.noRows, {}, 'The file holds no rows. Export the positions from your broker again.'],
    [FATAL_TEXT.binary, {}, 'This file is not a text (CSV) file. Export the positions from your broker as CSV and choose that file.'],
    [FATAL_TEXT.headerOnly, { line: '5' }, 'The file has a header row (line 5) but no holdings below it. Export the positions again, with the accounts that hold them.'],
    [FATAL_TEXT.unterminated, { line: '7' }, 'A quoted cell that starts on line 7 is never closed (a closing " is missing), so the rest of the file cannot be read. Fix the quote on line 7 or export the file again.'],
    [FATAL_TEXT.tooManyColumns, { n: '10,000', limit: '1,000' }, 'This row has 10,000 columns; the limit is 1,000. Is this a holdings file?'],
    [FATAL_TEXT.cellTooLong, { n: '150,000', limit: '100,000' }, "This cell holds 150,000 characters; the limit for one cell is 100,000. Check the file's quotes."],
    [
      FATAL_TEXT.openQuote,
      { n: '200,002', limit: '100,000', line: '2' },
      'A quoted cell opens here and is still open 200,002 characters later, past the limit of 100,000 for one cell (a closing " is probably missing). Fix the quote on line 2 or export the file again.',
    ],
    [FATAL_TEXT.tooManyRows, { limit: '2,000,000' }, 'The file has more than 2,000,000 positions, the limit for one import. Split it and import the parts.'],
    [FATAL_TEXT.noHeader, {}, 'No row with several columns was found, so the file has no header row. Check that it is a CSV export of positions, or choose the delimiter by hand.'],
    [
      FATAL_TEXT.noUsableColumns,
      { line: '1', headers: '"Foo", "Bar"' },
      'No column was recognised as a symbol or description together with a quantity or value. Headers found on line 1: "Foo", "Bar". Map the columns by hand: choose the header that names each holding and the one that holds its value or quantity.',
    ],
    [
      FATAL_TEXT.chosenColumnsUnusable,
      { line: '3', headers: '"A", "B"' },
      'The chosen columns cannot make positions: map one column that names the holding (symbol, ISIN, CUSIP or description) and one that gives its value or quantity. Headers found on line 3: "A", "B".',
    ],
    [FATAL_TEXT.mappedColumnNotFound, { missing: '"Qty"', headers: '"A"' }, 'Mapped column "Qty" not found in any row of the file. Headers found: "A". Choose columns from that list.'],
    [FATAL_TEXT.mappedColumnsNotFound, { missing: '"Qty", "Px"', headers: '"A"' }, 'Mapped columns "Qty", "Px" not found in any row of the file. Headers found: "A". Choose columns from that list.'],
    [FATAL_TEXT.fileTooLargeNamed, { file: 'huge.csv', mb: '201', limit: '200' }, 'huge.csv is 201 MB; files up to 200 MB can be imported. Split the file and import the parts.'],
    [FATAL_TEXT.noPositions, {}, 'no positions were found in the file. Check that it is a holdings (positions) export, not a transactions history.'],
  ];

  it('every template is pinned here', () => {
    expect(new Set(cases.map(([text]) => text))).toEqual(new Set(Object.values(FATAL_TEXT)));
  });

  it.each(cases)('%s', (text, params, english) => {
    expect(fillTemplate(text, params)).toBe(english);
    expect(fatalError('TOO_LARGE', text, params)).toMatchObject({ message: english, text, params });
  });
});
