import type { SavedColumnMapping } from './header-fingerprint';
import type { ImportCheck } from './checks';
/** Types of the holdings-file parser: what it reads, what it returns. */

/** The position fields a column can be mapped to. */
export const POSITION_FIELDS = [
  'account',
  'symbol',
  'isin',
  'cusip',
  'description',
  'securityType',
  'quantity',
  'price',
  'value',
  'currency',
  /** The value in a base currency, where the broker gives one (DEGIRO "Value in EUR", "Kurswert in EUR"). */
  'baseValue',
  /** IBKR's FXRateToBase: value x rate is the value in the account's base currency. */
  'fxRateToBase',
  /** IBKR's contract id (Conid): an identifier of the security at that broker. */
  'conid',
] as const;
export type PositionField = (typeof POSITION_FIELDS)[number];

/** Field -> header text in the file (matched case-insensitively, trimmed). */
export type ColumnMapping = Partial<Record<PositionField, string>>;

export interface ParseOptions {
  /** Force a text encoding instead of detecting it: 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'. */
  encoding?: string | undefined;
  /** Force a delimiter instead of sniffing it. */
  delimiter?: string | undefined;
  /**
   * Force the decimal separator of the number columns (quantity, price, value) instead of reading it
   * from their figures: '.' for 1,234.56, ',' for 1.234,56. 'auto' reads it from the figures even
   * where the column mapping saved for the header row has one (the user chose Automatic).
   */
  decimal?: '.' | ',' | 'auto' | undefined;
  /** Force a broker preset by id instead of recognising it from the header. */
  preset?: string | undefined;
  /** User-chosen columns; overrides the preset or the automatic mapping field by field. */
  mapping?: ColumnMapping | undefined;
  /** Currency of rows whose file gives none (the portfolio's base currency). */
  defaultCurrency?: string | undefined;
  /** Name of the file, used in messages only. */
  fileName?: string | undefined;
  /**
   * Mappings the user saved, by the fingerprint of their header row (shared/import/header-fingerprint.ts):
   * without a `mapping` of its own, a file whose header row has one is read with it.
   */
  savedMappings?: Readonly<Record<string, SavedColumnMapping>> | undefined;
}

/** One accepted holding row, normalised. Money exact: integer cents; quantity and price exact decimal text. */
export interface ParsedPosition {
  /** 1-based line number in the file where the row starts. */
  line: number;
  account: string;
  symbol: string | null;
  /** Tag key: upper-cased ticker, else ISIN, else CUSIP, else description. */
  symbolKey: string;
  isin: string | null;
  cusip: string | null;
  description: string;
  securityType: string | null;
  quantity: string | null;
  price: string | null;
  valueCents: number;
  currency: string;
  isCash: boolean;
  /** The broker's own value in a base currency (FileFormat.baseValueCurrency), in cents; null without one. */
  baseValueCents: number | null;
  /** IBKR's contract id, where the file has one. */
  conid?: string | null;
}

/** A row that could not be imported, with where and why. */
export interface RowIssue {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column number, when one cell is at fault. */
  column: number | null;
  /** Header text of that column. */
  header: string | null;
  /** The cell's text as read. */
  cell: string;
  /** What is wrong and what to do, in plain words (English: the command line's words). */
  message: string;
  /** The template `message` was filled from, and its figures (shared/import/row-text.ts), where it has one: the app says it in its language. */
  text?: string;
  params?: Record<string, string>;
}

/** A problem that stops the whole import: nothing is written. */
export interface FatalParseError {
  code:
    | 'EMPTY_FILE'
    | 'BINARY_FILE'
    | 'UNTERMINATED_QUOTE'
    | 'NO_HEADER'
    | 'HEADER_ONLY'
    /** Every row was rejected (and skipped) or left out: nothing to import. */
    | 'NO_POSITIONS'
    | 'NO_USABLE_COLUMNS'
    | 'TOO_LARGE'
    | 'BAD_OPTION';
  message: string;
  /** The template `message` was filled from, and its figures (shared/import/fatal-text.ts), where it has one. */
  text?: string;
  params?: Record<string, string>;
  line: number | null;
  column: number | null;
}

/** What the parser found out about the file. */
export interface FileFormat {
  encoding: string;
  hadBom: boolean;
  delimiter: string;
  /** 1-based line of the header row. */
  headerLine: number;
  headers: string[];
  preset: string | null;
  mapping: ColumnMapping;
  /** As-of date read from the file (YYYY-MM-DD), when it states one. */
  asOf: string | null;
  /** The file's own stated total in cents, when it has one (checksum). */
  fileTotalCents: number | null;
  /** The account's base currency, when the file states it (IBKR Account Information). */
  baseCurrency?: string | null;
  /**
   * The currency of the base-value column, when one is used: read from its header ("Value in EUR"),
   * or null when the user mapped a column without one (it is then the portfolio's base currency).
   */
  baseValueCurrency?: string | null;
  /** The column the base values came from ("Value in EUR", or "FXRateToBase" x the value); null without one. */
  baseValueColumn?: string | null;
}

export type ParseResult =
  | {
      ok: true;
      format: FileFormat;
      positions: ParsedPosition[];
      rejected: RowIssue[];
      /** Everything the parse has to say, the checks included (the command line prints them all). */
      warnings: string[];
      /** Of those, the ones that ask the user to check a figure (endOfFileNotes; the app shows these). */
      checks: ImportCheck[];
    }
  | { ok: false; error: FatalParseError };
