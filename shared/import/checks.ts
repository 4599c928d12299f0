import { formatCents } from '../money/decimal';
import { fillTemplate } from '../text/fill';

/**
 * What an import asks the user to check: figures it kept as the file gave them but that may be
 * wrong. Data, not sentences, so each window can word them in its language; `checkText` is the
 * English the command line prints (and the app, for a language without the sentences).
 */

/** A kept row's figures as the file gave them (a preset's finish may convert the position later). */
export interface NoticedRow {
  line: number;
  /** The symbol, or the description where there is none. */
  label: string;
  quantity: string;
  price: string;
  valueCents: number;
}

export type ImportCheck =
  /** The file's own total row disagrees with the rows imported. */
  | { kind: 'total'; fileCents: number; rowsCents: number }
  /**
   * `sign`: values whose sign is not quantity x price's; `computed`: values left empty, taken as
   * quantity x price; `differs`: values that are not quantity x price under any convention; `looksTotal`: rows with nothing but a value and a total's word in their label
   * (`Total Equities`) whose value is not what the rows above add up to, kept as positions;
   * `subCent`: values such as `$1.234` that may be thousands written with a point, kept to the cent
   * (normalise.ts, mayBeThousands).
   */
  | { kind: 'sign' | 'computed' | 'differs' | 'subCent' | 'looksTotal'; count: number; first: NoticedRow }
  /**
   * Rows identical to an earlier row, cell for cell, each kept and counted (repeated-rows.ts): how
   * many, the first of them and the line it repeats.
   */
  | { kind: 'repeated'; count: number; line: number; earlierLine: number }
  /**
   * The import became its portfolio's latest snapshot, and the snapshot it replaces holds accounts
   * this file does not (db/import/accounts-left.ts): how many, the first few, and that snapshot.
   */
  | { kind: 'accountsLeft'; count: number; accounts: string[]; snapshotId: number; asOf: string; sourceFile: string }
  /**
   * The snapshot is dated after tomorrow on this computer (a date typed or written wrong, most
   * often): as its portfolio's latest it would hide every snapshot of a true date until that date
   * comes (db/import/future-date.ts).
   */
  | { kind: 'futureDate'; asOf: string; today: string }
  /**
   * An identifier whose check digit fails (a typo in the file, most often): the position is kept,
   * identified without it. `column` and `header` are the cell's, null when no column holds it alone.
   */
  | { kind: 'identifier'; file: string; line: number; column: number | null; header: string | null; value: string; scheme: IdentifierScheme }
  /** How many more identifiers fail their check digit than the ones listed (at most IDENTIFIERS_LISTED). */
  | { kind: 'moreIdentifiers'; file: string; count: number }
  /**
   * No sampled figure shows the decimal separator, so it was taken from the file's delimiter (a
   * comma in a `;` file, else a point), and a number cell reads either way (`2,053`: 2.053 or 2053):
   * the first such cell, its column (1-based) and header, how it was `read` and the `other` reading.
   * Not kept with the snapshot: the choice (ParseOptions.decimal) is the import's, not its figures'.
   */
  | { kind: 'separator'; line: number; column: number; header: string; cell: string; decimal: '.' | ','; read: string; other: string };

export type IdentifierScheme = 'ISIN' | 'CUSIP' | 'SEDOL';

/** Identifiers listed one by one; past these, one check counts the rest. */
export const IDENTIFIERS_LISTED = 20;

/** The kinds that stay true of a snapshot's figures, kept with it (its `checks` column). */
export type LastingCheck = Extract<ImportCheck, { kind: 'sign' | 'computed' | 'differs' | 'subCent' | 'looksTotal' | 'repeated' }>;

/**
 * A repriced snapshot's positions that kept their value from the snapshot it was revalued from
 * (db/import/reprice.ts): no usable price in the file. Said wherever the snapshot is shown, as a
 * lasting check is: its total mixes values of two dates.
 */
export interface KeptValueCheck {
  kind: 'kept';
  count: number;
  /** The first few of them, by symbol, in the holdings' order, each once (KEPT_NAMED), and whether more are unnamed. */
  symbols: string[];
  more: boolean;
  /** How far back the values they kept go (a value kept twice is of the older day), and the snapshot's date. */
  fromAsOf: string;
  asOf: string;
}

/** Kept positions named in a snapshot's warning; the count says how many more. */
export const KEPT_NAMED = 5;

/** What a snapshot's `checks` column holds. */
export type StoredCheck = LastingCheck | KeptValueCheck;

export function isLasting(c: ImportCheck): c is LastingCheck {
  return c.kind === 'sign' || c.kind === 'computed' || c.kind === 'differs' || c.kind === 'subCent' || c.kind === 'looksTotal' || c.kind === 'repeated';
}

/**
 * Each check's sentence as a template of its figures: filled in English it is what the command line
 * prints (checkText), and it is the key of its translation in the app (renderer/src/import/check-words.ts).
 * One sentence per count, one and several.
 */
export const CHECK_TEXT = {
  total: "The file's own total ({{file}}) differs from the sum of the imported rows ({{rows}}) by {{difference}}; check the file for rows left out or misread.",
  signOne:
    '1 position has a value whose sign is not that of quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}). It is kept as the file gives it; if the value column is not the market value (a gain or loss, say), map the right column.',
  signMany:
    '{{n}} positions have values whose sign is not that of quantity x price (first: line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}). They are kept as the file gives them; if the value column is not the market value (a gain or loss, say), map the right column.',
  computedOne:
    '1 position has no value in the file, so its value is quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}} = {{value}}). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.',
  computedMany:
    '{{n}} positions have no value in the file, so their values are quantity x price (first: line {{line}}, {{label}}: {{quantity}} x {{price}} = {{value}}). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.',
  differsOne:
    "1 position has a value that is not quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}), nor a bond's, an option's or a fund's convention of it (per 100, 100 or 1,000 to a contract, per 10,000 units). It is kept as the file gives it; check the cells (a misplaced separator, a column mapped wrong, a stale price).",
  differsMany:
    "{{n}} positions have values that are not quantity x price (first: line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}), nor a bond's, an option's or a fund's convention of it (per 100, 100 or 1,000 to a contract, per 10,000 units). They are kept as the file gives them; check the cells (a misplaced separator, a column mapped wrong, a stale price).",
  subCentOne:
    '1 position has a value with digits finer than a cent (line {{line}}, {{label}}: kept as {{value}}). A value is kept to the cent; if the cell is a whole amount written with a point for thousands (1.234 for 1,234), import the file again choosing Comma as the decimal separator (on the command line, --decimal comma).',
  subCentMany:
    '{{n}} positions have values with digits finer than a cent (first: line {{line}}, {{label}}: kept as {{value}}). Values are kept to the cent; if the cells are whole amounts written with a point for thousands (1.234 for 1,234), import the file again choosing Comma as the decimal separator (on the command line, --decimal comma).',
  looksTotalOne:
    '1 row names no security and holds only a value, with a word of a total in its label (line {{line}}, {{label}}: {{value}}), but its value is not what the rows above it add up to. It is kept as a position; if it is a total or a subtotal, delete the row from the file and import it again.',
  looksTotalMany:
    '{{n}} rows name no security and hold only a value, with a word of a total in their labels (first: line {{line}}, {{label}}: {{value}}), but their values are not what the rows above them add up to. They are kept as positions; if they are totals or subtotals, delete the rows from the file and import it again.',
  repeatedOne:
    'Line {{line}} repeats line {{earlier}} cell for cell. Both rows are kept, so that position counts twice; if the file lists it twice by mistake, delete the repeat from the file and import it again.',
  repeatedMany:
    '{{n}} rows repeat earlier rows cell for cell (first: line {{line}}, as line {{earlier}}). All are kept, so those positions count as often as the file lists them; if the file lists them twice by mistake, delete the repeats from the file and import it again.',
  accountsLeftOne:
    "The snapshot this import replaces as the portfolio's latest ({{sourceFile}}, as of {{asOf}}) holds account {{accounts}}, which this file does not: the portfolio's figures are now this file's alone, without it. If the file is of another account, it belongs in a portfolio of its own; a client shows portfolios together.",
  accountsLeftMany:
    "The snapshot this import replaces as the portfolio's latest ({{sourceFile}}, as of {{asOf}}) holds {{n}} accounts this file does not ({{accounts}}): the portfolio's figures are now this file's alone, without them. If the file is of other accounts, it belongs in a portfolio of its own; a client shows portfolios together.",
  futureDate:
    "The snapshot is dated {{asOf}}, after today ({{today}}). It is kept, and it stays the portfolio's latest snapshot, whose figures the portfolio shows, until a snapshot of a later date comes. If the date is wrong, delete the snapshot and import the file again with the right date (on the command line, --as-of).",
  identifier:
    '{{file}} line {{line}}, column {{column}} ({{header}}): {{value}} is not a valid {{scheme}} (its check digit fails). The position is kept; the {{scheme}} is not used to identify it. Check the cell.',
  identifierNoColumn: '{{file}} line {{line}}: {{value}} is not a valid {{scheme}} (its check digit fails). The position is kept; the {{scheme}} is not used to identify it. Check the cell.',
  moreIdentifiers: '{{file}}: {{n}} more identifiers fail their check digit.',
  separatorComma:
    'No figure in the file shows whether its decimal separator is a point or a comma, and some could be read either way (line {{line}}, {{header}}: {{cell}}). They were read with a decimal comma, as is usual in a file delimited by semicolons: {{cell}} as {{read}}, not {{other}}. If the file writes 1,234.56, import it again choosing Point as the decimal separator (on the command line, --decimal point).',
  separatorPoint:
    'No figure in the file shows whether its decimal separator is a point or a comma, and some could be read either way (line {{line}}, {{header}}: {{cell}}). They were read with a decimal point, as is usual in a file not delimited by semicolons: {{cell}} as {{read}}, not {{other}}. If the file writes 1.234,56, import it again choosing Comma as the decimal separator (on the command line, --decimal comma).',
} as const;

export type CheckText = (typeof CHECK_TEXT)[keyof typeof CHECK_TEXT];

/**
 * A check's sentence and its figures, amounts and counts written by `amount` and `count` (the
 * command line's English figures, or the user's locale in the app).
 */
export function checkSaid(c: ImportCheck, amount: (cents: number) => string, count: (n: number) => string): { text: CheckText; params: Record<string, string> } {
  if (c.kind === 'total') return { text: CHECK_TEXT.total, params: { file: amount(c.fileCents), rows: amount(c.rowsCents), difference: amount(c.fileCents - c.rowsCents) } };
  if (c.kind === 'identifier') {
    const params = { file: c.file, line: String(c.line), value: c.value, scheme: c.scheme };
    return c.column === null ? { text: CHECK_TEXT.identifierNoColumn, params } : { text: CHECK_TEXT.identifier, params: { ...params, column: String(c.column), header: c.header ?? '' } };
  }
  if (c.kind === 'moreIdentifiers') return { text: CHECK_TEXT.moreIdentifiers, params: { file: c.file, n: count(c.count) } };
  if (c.kind === 'separator') {
    return { text: c.decimal === ',' ? CHECK_TEXT.separatorComma : CHECK_TEXT.separatorPoint, params: { line: String(c.line), header: c.header, cell: c.cell, read: c.read, other: c.other } };
  }
  if (c.kind === 'accountsLeft') {
    const accounts = c.accounts.join(', ') + (c.count > c.accounts.length ? ', …' : '');
    return { text: c.count === 1 ? CHECK_TEXT.accountsLeftOne : CHECK_TEXT.accountsLeftMany, params: { n: count(c.count), accounts, sourceFile: c.sourceFile, asOf: c.asOf } };
  }
  if (c.kind === 'futureDate') return { text: CHECK_TEXT.futureDate, params: { asOf: c.asOf, today: c.today } };
  if (c.kind === 'repeated') return { text: c.count === 1 ? CHECK_TEXT.repeatedOne : CHECK_TEXT.repeatedMany, params: { n: count(c.count), line: String(c.line), earlier: String(c.earlierLine) } };
  const one = c.count === 1;
  const text = {
    sign: one ? CHECK_TEXT.signOne : CHECK_TEXT.signMany,
    computed: one ? CHECK_TEXT.computedOne : CHECK_TEXT.computedMany,
    differs: one ? CHECK_TEXT.differsOne : CHECK_TEXT.differsMany,
    subCent: one ? CHECK_TEXT.subCentOne : CHECK_TEXT.subCentMany,
    looksTotal: one ? CHECK_TEXT.looksTotalOne : CHECK_TEXT.looksTotalMany,
  }[c.kind];
  return { text, params: { n: count(c.count), line: String(c.first.line), label: c.first.label, quantity: c.first.quantity, price: c.first.price, value: amount(c.first.valueCents) } };
}

/** The check in English, as the command line prints it. */
export function checkText(c: ImportCheck): string {
  const { text, params } = checkSaid(c, formatCents, String);
  return fillTemplate(text, params);
}
