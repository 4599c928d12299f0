import { formatCents } from '../money/decimal';

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
  /** `sign`: values whose sign is not quantity x price's; `computed`: values left empty, taken as quantity x price. */
  | { kind: 'sign' | 'computed'; count: number; first: NoticedRow }
  /**
   * An identifier whose check digit fails (a typo in the file, most often): the position is kept,
   * identified without it. `column` and `header` are the cell's, null when no column holds it alone.
   */
  | { kind: 'identifier'; file: string; line: number; column: number | null; header: string | null; value: string; scheme: IdentifierScheme }
  /** How many more identifiers fail their check digit than the ones listed (at most IDENTIFIERS_LISTED). */
  | { kind: 'moreIdentifiers'; file: string; count: number };

export type IdentifierScheme = 'ISIN' | 'CUSIP' | 'SEDOL';

/** Identifiers listed one by one; past these, one check counts the rest. */
export const IDENTIFIERS_LISTED = 20;

/** The kinds that stay true of a snapshot's figures, kept with it (its `checks` column). */
export type LastingCheck = Extract<ImportCheck, { kind: 'sign' | 'computed' }>;

export function isLasting(c: ImportCheck): c is LastingCheck {
  return c.kind === 'sign' || c.kind === 'computed';
}

/** "line 4, AAPL: 10 x 150", with "first: " when it is the first of several. */
function whereFirst(n: number, p: NoticedRow): string {
  return `${n === 1 ? '' : 'first: '}line ${p.line}, ${p.label}: ${p.quantity} x ${p.price}`;
}

/** The check in English. */
export function checkText(c: ImportCheck): string {
  if (c.kind === 'total') {
    return `The file's own total (${formatCents(c.fileCents)}) differs from the sum of the imported rows (${formatCents(c.rowsCents)}) by ${formatCents(c.fileCents - c.rowsCents)}; check the rejected rows or the file.`;
  }
  if (c.kind === 'identifier') {
    const column = c.column === null ? '' : `, column ${c.column} (${c.header})`;
    return `${c.file} line ${c.line}${column}: ${c.value} is not a valid ${c.scheme} (its check digit fails). The position is kept; the ${c.scheme} is not used to identify it. Check the cell.`;
  }
  if (c.kind === 'moreIdentifiers') return `${c.file}: ${c.count} more identifiers fail their check digit.`;
  const n = c.count;
  if (c.kind === 'sign') {
    return `${n === 1 ? '1 position has a value' : `${n} positions have values`} whose sign is not that of quantity x price (${whereFirst(n, c.first)}, value ${formatCents(c.first.valueCents)}). ${n === 1 ? 'It is' : 'They are'} kept as the file gives ${n === 1 ? 'it' : 'them'}; if the value column is not the market value (a gain or loss, say), map the right column.`;
  }
  return `${n === 1 ? '1 position has' : `${n} positions have`} no value in the file, so ${n === 1 ? 'its value is' : 'their values are'} quantity x price (${whereFirst(n, c.first)} = ${formatCents(c.first.valueCents)}). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.`;
}
