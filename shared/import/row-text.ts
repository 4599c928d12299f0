import { said } from '../text/fill';
import type { NumberProblem } from '../money/parse-number';
import type { RowIssue } from './types';

/**
 * Why a row of a holdings file could not be read, as templates of its figures: the parser fills
 * them in English (the command line's words, and the message kept with the snapshot) and keeps the
 * template and figures with the row, so the app can say it in the user's language
 * (renderer/src/import/row-issue-words.ts; the template is the key of its translation, in
 * row-japanese.ts). A message names no place: the table or the command line puts the line and
 * column beside it.
 */
export const ROW_TEXT = {
  quantityPercent: 'Quantity "{{cell}}" is a percentage, not a quantity; map the column that holds the quantity',
  pricePercent: 'Price "{{cell}}" is a percentage, not a price; map the column that holds the price',
  valuePercent: 'Value "{{cell}}" is a percentage, not an amount; map the column that holds the market value',
  quantityNotNumber: 'Quantity "{{cell}}" is not a number; fix the cell or map another column',
  priceNotNumber: 'Price "{{cell}}" is not a number; fix the cell or map another column',
  valueNotNumber: 'Value "{{cell}}" is not a number; fix the cell or map another column',
  quantitySeparators: 'Quantity "{{cell}}" is not a number (digit separators in unexpected places); fix the cell or map another column',
  priceSeparators: 'Price "{{cell}}" is not a number (digit separators in unexpected places); fix the cell or map another column',
  valueSeparators: 'Value "{{cell}}" is not a number (digit separators in unexpected places); fix the cell or map another column',
  quantitySigns: 'Quantity "{{cell}}" is not a number (more than one sign); fix the cell or map another column',
  priceSigns: 'Price "{{cell}}" is not a number (more than one sign); fix the cell or map another column',
  valueSigns: 'Value "{{cell}}" is not a number (more than one sign); fix the cell or map another column',
  noValueCell: 'No market value: the value cell is empty and quantity x price cannot be computed; fill the cell or map the value column',
  noValueColumn: 'No market value: quantity x price cannot be computed because a cell is empty; fill it or map a value column',
  beyondLimit: 'The amount is beyond the largest ThemeLens keeps exact ({{limit}} either way); check the cell for a misplaced separator',
  badRate: 'The rate to the base currency must be a number greater than 0; fix the cell',
  noHolding: 'The row names no holding: symbol and description are both empty; fill one or map another column',
  extraCells:
    'This row has more cells than the header has columns (from column {{column}}, "{{shown}}"): a number with a decimal comma such as 1 234,56 may have been split in two. Quote the cell ("1 234,56") or export the file again with a semicolon delimiter',
  sumBeyondLimit: "The positions up to this row add up to more than the largest amount ThemeLens keeps exact ({{limit}}); check the file's amounts, or split it into several portfolios",
  cashNotNumber: 'Cash balance "{{cell}}" is not a number; fix the cell',
  badCurrency: 'Currency "{{cell}}" is not a three-letter currency code; write the code (USD, EUR, JPY...) in the cell, or map another column',
  ambiguousCurrency: 'Currency "{{cell}}" may be any of {{codes}}; write its three-letter code in the cell',
  currencyConflict: '"{{cell}}" is in {{cellCurrency}}, but column {{otherColumn}} ({{otherHeader}}) says {{otherCurrency}} ("{{otherCell}}"); a row has one currency: fix the cell that is wrong',
  /** SBI証券: a section of foreign holdings, whose amounts are in its own currency. */
  foreignSection: 'This row is in the section "{{section}}", whose amounts are not in yen; ThemeLens does not read that section yet. Export it from the foreign-stock screen, or import the other rows only',
  /** 楽天証券: a foreign holding without its value in its own currency. */
  noForeignValue: 'This {{kind}} row has no value in {{currency}} in 時価評価額[外貨] ("{{cell}}"): it cannot be valued in its own currency. Export the file again, or import the other rows only',
} as const;

export type RowText = (typeof ROW_TEXT)[keyof typeof ROW_TEXT];

/** Why a row was refused, before the parser knows where: its template and figures. */
export interface RowReason {
  text: RowText;
  params: Record<string, string>;
}

export const rowReason = (text: RowText, params: Record<string, string> = {}): RowReason => ({ text, params });

/** A row that could not be read, said from its template: its English, and the template and figures it came from. */
export function rowIssue(line: number, column: number | null, header: string | null, cell: string, reason: RowReason): RowIssue {
  return { line, column, header, cell, ...said(reason.text, reason.params) };
}

/** The template for a number cell that does not read, by its field and why (a percentage, or parseDecimal's reason). */
export const NUMBER_TEXT: Record<'quantity' | 'price' | 'value', Record<'percent' | Exclude<NumberProblem, 'empty'>, RowText>> = {
  quantity: { percent: ROW_TEXT.quantityPercent, 'not a number': ROW_TEXT.quantityNotNumber, 'digit separators in unexpected places': ROW_TEXT.quantitySeparators, 'more than one sign': ROW_TEXT.quantitySigns },
  price: { percent: ROW_TEXT.pricePercent, 'not a number': ROW_TEXT.priceNotNumber, 'digit separators in unexpected places': ROW_TEXT.priceSeparators, 'more than one sign': ROW_TEXT.priceSigns },
  value: { percent: ROW_TEXT.valuePercent, 'not a number': ROW_TEXT.valueNotNumber, 'digit separators in unexpected places': ROW_TEXT.valueSeparators, 'more than one sign': ROW_TEXT.valueSigns },
};

/**
 * Why one number cell does not read, as the mapping preview says it beside the cell (the reasons
 * parseDecimal gives, and a percentage where an amount belongs); the app translates these as they are.
 */
export const CELL_PROBLEM_TEXT = {
  percent: 'a percentage, not an amount',
  notANumber: 'not a number',
  separators: 'digit separators in unexpected places',
  signs: 'more than one sign',
} as const satisfies Record<string, Exclude<NumberProblem, 'empty'> | 'a percentage, not an amount'>;

/**
 * A preview cell that reads, but that the import will say something of: an identifier whose check
 * digit fails. The position is kept and identified without it; said on the row before the import,
 * where only the import said it (db/securities/resolve.ts, the identifier check).
 */
export const CELL_NOTE_TEXT = {
  badIsin: 'not a valid ISIN (its check digit fails): the position is kept, identified without it. Check the cell.',
  badCusip: 'not a valid CUSIP (its check digit fails): the position is kept, identified without it. Check the cell.',
} as const;

/**
 * Rows that could not be read, refused as a whole (db/import/import-errors.ts, invalidRows): the
 * first row's reason, then what to do. The import puts the first row's place before it. Whole
 * sentences for each count of the other rows (none, one, several) and of the valid ones (none: there
 * is nothing to import instead; one; several), so each reads as one or several in every language.
 */
export const INVALID_ROWS_TEXT = {
  one: '{{reason}}. Nothing was imported; fix the file, or import the {{valid}} valid rows only.',
  oneOneValid: '{{reason}}. Nothing was imported; fix the file, or import the 1 valid row only.',
  oneNoValid: '{{reason}}. Nothing was imported, and no row of the file can be read: fix the file.',
  two: '{{reason}} (and 1 more row). Nothing was imported; fix the file, or import the {{valid}} valid rows only.',
  twoOneValid: '{{reason}} (and 1 more row). Nothing was imported; fix the file, or import the 1 valid row only.',
  twoNoValid: '{{reason}} (and 1 more row). Nothing was imported, and no row of the file can be read: fix the file.',
  more: '{{reason}} (and {{more}} more rows). Nothing was imported; fix the file, or import the {{valid}} valid rows only.',
  moreOneValid: '{{reason}} (and {{more}} more rows). Nothing was imported; fix the file, or import the 1 valid row only.',
  moreNoValid: '{{reason}} (and {{more}} more rows). Nothing was imported, and no row of the file can be read: fix the file.',
} as const;

/** The sentence for `total` rows that could not be read and `valid` that could. */
export function invalidRowsText(total: number, valid: number): string {
  const rows = total === 1 ? 'one' : total === 2 ? 'two' : 'more';
  const rest = valid === 0 ? 'NoValid' : valid === 1 ? 'OneValid' : '';
  return INVALID_ROWS_TEXT[`${rows}${rest}` as keyof typeof INVALID_ROWS_TEXT];
}
