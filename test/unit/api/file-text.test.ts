import { describe, expect, it } from 'vitest';
import { FILE_KIND, FILE_TEXT, fileRefusal, type FileText } from '../../../shared/api/file-text';

/** Refusals of a file chosen in the app, in English word for word as the command line printed them before they became templates. */
describe('refusals of a file, said from templates, in English', () => {
  const cases: [FileText, Record<string, string> & { file: string }, string][] = [
    [FILE_TEXT.notRegular, { file: 'prices', what: FILE_KIND.prices }, 'prices is not a regular file. Choose the prices file itself.'],
    [FILE_TEXT.tooLarge, { file: 'rates.csv', what: FILE_KIND.rates, mb: '201', limit: '200' }, 'rates.csv is 201 MB; a rates file may be at most 200 MB. Is this the right file?'],
    [FILE_TEXT.notText, { file: 'tags.png', what: FILE_KIND.tags }, 'tags.png: this is not a text file (a tags file is CSV or JSON text). Nothing was imported.'],
    [FILE_TEXT.lineTooLong, { file: 'spy.csv', line: '3', n: '150,000', limit: '100,000' }, "spy.csv line 3 holds 150,000 characters; the limit is 100,000. Check the file's quotes. Nothing was imported."],
    [FILE_TEXT.tooManyLines, { file: 'spy.csv', what: FILE_KIND.fund, limit: '2,000,000' }, "spy.csv has more than 2,000,000 lines, the limit for a fund's holdings file. Nothing was imported."],
    [FILE_TEXT.noPrices, { file: 'prices.csv', asOf: '2026-01-31' }, 'prices.csv holds no price on or before 2026-01-31. Nothing was written.'],
    [
      FILE_TEXT.noPriceMatch,
      { file: 'prices.csv', portfolio: 'NISA', asOf: '2026-01-31' },
      "None of NISA's positions has a price in prices.csv (in its currency, on or before 2026-01-31). Nothing was written; check the symbols and currencies.",
    ],
    [FILE_TEXT.noRates, { file: 'rates.csv' }, 'rates.csv holds no rates. Nothing was imported.'],
    [FILE_TEXT.workbookMissing, { file: 'spy.xlsx' }, 'spy.xlsx cannot be read: check that the file exists.'],
    [FILE_TEXT.workbookTooLarge, { file: 'spy.xlsx' }, "spy.xlsx is larger than 50 MB: not a fund's holdings workbook."],
    [FILE_TEXT.workbookUnreadable, { file: 'spy.xlsx' }, 'spy.xlsx is not a readable XLSX workbook: download it again from the issuer, or save it as CSV. Nothing was imported.'],
    [FILE_TEXT.workbookNoSheet, { file: 'spy.xlsx' }, 'spy.xlsx has no sheet. Nothing was imported.'],
    [FILE_TEXT.backupNotRegular, { file: 'b.db' }, 'b.db is not a regular file (a link or something else); it is not restored. Nothing was changed.'],
    [FILE_TEXT.backupFailsCheck, { file: 'b.db' }, 'b.db fails its integrity check; choose another backup. Nothing was changed.'],
    [FILE_TEXT.backupFailsCheckOrKey, { file: 'b.db' }, 'b.db fails its integrity check or was not made with this key; choose another backup. Nothing was changed.'],
    [FILE_TEXT.backupNotOurs, { file: 'b.db' }, "b.db is not a ThemeLens database (another program's SQLite file); choose another backup. Nothing was changed."],
    [
      FILE_TEXT.backupNewer,
      { file: 'b.db', schema: '99', known: '18' },
      'b.db was written by a newer version of ThemeLens (schema 99; this version knows 18). Update ThemeLens to restore it. Nothing was changed.',
    ],
    [FILE_TEXT.backupOfAnother, { file: 'b.db', owner: 'bob.db', database: 'alice.db' }, 'b.db is a backup of another database (bob.db), not of alice.db; it is not restored. Nothing was changed.'],
    [
      FILE_TEXT.backupOriginUnknown,
      { file: 'b.db', folder: '/data/backups', database: 'alice.db', own: '/data/backups/alice.db' },
      'b.db is in /data/backups, where backups were kept before each database had a folder of its own: it may be of another database, so it is not restored. If it is of alice.db, move it into /data/backups/alice.db and restore it again. Nothing was changed.',
    ],
    [FILE_TEXT.backupNotInFolder, { file: 'b.db', own: '/data/backups/alice.db', database: 'alice.db' }, 'b.db is not in /data/backups/alice.db, where the backups of alice.db are kept; it is not restored. Nothing was changed.'],
  ];

  it('every template is pinned here', () => {
    expect(new Set(cases.map(([text]) => text))).toEqual(new Set(Object.values(FILE_TEXT)));
  });

  it.each(cases)('%s', (text, params, english) => {
    const e = fileRefusal('IMPORT_FATAL', text, params, { line: 3 });
    expect(e.message).toBe(english);
    // The file named, and the message names it itself: nothing goes before it in the app.
    expect(e.details).toEqual({ file: params.file, line: 3, text, params, whole: true });
  });
});
