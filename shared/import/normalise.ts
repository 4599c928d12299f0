/**
 * Per-row work: one record's cells -> a position, a row issue or a total. Decided once per file,
 * applied per row. Longer than 300 lines: the hot path of every import (a million calls) is kept in
 * one module so its helpers stay local and inlinable, with the cash and total labels it tests.
 */

import type { Decimal } from '../money/decimal';
import { decimalToCents, decimalToString, multiplyToCents, pow10 } from '../money/decimal';
import type { NumberStyle, ParsedNumber } from '../money/parse-number';
import { parseDecimal } from '../money/parse-number';
import { fastNumber } from '../money/fast-number';
import type { ColumnIndexes } from './header';
import { currencyOfCell, isUpperCode } from './currency-cell';
import { isCusip, isIsin } from './identifiers';
import type { ParsedPosition, RowIssue } from './types';
import { NUMBER_TEXT, ROW_TEXT, rowIssue, rowReason, type RowReason } from './row-text';

/** Everything normaliseRow needs, worked out once per file. */
export interface ColumnPlan {
  headers: readonly string[];
  idx: ColumnIndexes;
  quantityStyle: NumberStyle;
  priceStyle: NumberStyle;
  valueStyle: NumberStyle;
  /** Currency of rows that name none. */
  defaultCurrency: string;
  /**
   * Currencies of rows whose rate to base is exactly 1: the account's base currency, found from the
   * file itself where it does not name it (an IBKR Flex query). Filled as rows are read.
   */
  unitRateCurrencies: Set<string>;
  /**
   * Compare each value with quantity x price (valueDiffers): false where the preset's price is in
   * another currency than its value (Rakuten's US stocks: a dollar price beside a yen value).
   */
  checkValues: boolean;
  /** The name cell holds the Tokyo code too ("9984 ソフトバンクグループ", SBI's 銘柄（コード）): split it. */
  codeInName: boolean;
}

/** "9984 ソフトバンクグループ", or "ソフトバンクグループ（9984）"; Tokyo codes include alphanumeric ones such as 285A. */
const CODE_THEN_NAME = /^([0-9][0-9A-Z]{3})[\s\u3000]+(.+)$/;
const NAME_THEN_CODE = /^(.+?)[\s\u3000]*[（(]([0-9][0-9A-Z]{3})[）)]$/;

/** The Tokyo code and the name in one cell, or null when the cell is a name alone (a fund). */
export function splitCodeAndName(cell: string): { code: string; name: string } | null {
  const a = CODE_THEN_NAME.exec(cell);
  if (a) return { code: a[1] as string, name: (a[2] as string).trim() };
  const b = NAME_THEN_CODE.exec(cell);
  return b ? { code: b[2] as string, name: (b[1] as string).trim() } : null;
}

/**
 * What a kept row gives the user to check; parse.ts says it once per file, the preview on the row.
 * `sign`: the value's sign is not quantity x price's. `computed`: the file's value cell is empty, so
 * the value is quantity x price. `differs`: the value is not quantity x price. `subCent`: a value
 * cell of a point-decimal file that may be a whole amount written with a point for thousands
 * ("$1.234": kept as 1.23, may be 1,234; mayBeThousands). A value that is not quantity x price says
 * `differs` first.
 */
export type RowNotice = 'sign' | 'computed' | 'differs' | 'subCent' | null;

/** Decimal places of a normalised decimal text ("12.5": 1). */
function decimalsOf(t: string): number {
  const dot = t.indexOf('.');
  return dot < 0 ? 0 : t.length - dot - 1;
}

/**
 * The ratios of value to quantity x price that are conventions, not errors: 1; a bond priced per 100
 * of face, or a UK line priced in pence with its value in pounds (1/100); a Japanese investment
 * trust priced per 10,000 units (1/10,000); and, for a row that says it is an option or a future
 * (namesContract), an option's 100 shares to a contract, a future's 1,000. Not 10 or 1/10: a decimal
 * point one place off is the commonest slip. A multiplier of another size (a future of 50) is said;
 * a value one hundredth of quantity x price passes as a bond's.
 */
const CONVENTIONS = [1, 0.01, 0.0001];
const CONTRACT_CONVENTIONS = [1, 0.01, 0.0001, 100, 1000];

/**
 * A row that names itself an option or a future. Only such a row's value may be 100 or 1,000 times
 * quantity x price: a common stock whose quantity reads 0.1 for 100 (or 1.234 for 1,234 read with
 * the wrong decimal separator) passed as a contract, and its wrong quantity went unsaid. Said by:
 * - its security type: IBKR's OPT, FUT, FOP, WAR, or the word (Options, Futures, 先物, Optionsschein);
 * - its symbol: an OCC option code (root, YYMMDD, C or P, strike: "NVDA  261218C00180000"), not an
 *   ISIN of that shape (US912828P469, a Treasury's), or a future's (root, month letter, year: ESZ6);
 * - its description: a call, put or future with its expiry or strike ("CALL NVIDIA $180 EXP
 *   12/18/26", "AAPL Dec 18 '26 $200 Put"), not a name that holds the word (OPTION CARE HEALTH,
 *   a COVERED CALL ETF, a FUTURE fund); or コール, プット, 先物, オプション, Optionsschein.
 */
const CONTRACT_TYPE = /^(opts?|options?|futs?|futures?|fop|war|warrants?|optionsschein|オプション|先物|先物取引)$/i;
const CONTRACT_SYMBOL = /^[A-Z]{1,6}\s*\d{6}[CP]\d{1,8}$|^[A-Z]{1,3}[FGHJKMNQUVXZ]\d{1,2}$/;
const CONTRACT_WORD = /\b(calls?|puts?|futures?)\b/i;
const EXPIRY_OR_STRIKE = /\d{1,2}\/\d{1,2}\/\d{2,4}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*('?\d{2}\b|\d{1,2},?\s*'?\d{2,4})|\$\s?\d/i;
const CONTRACT_WORD_ELSEWHERE = /コール|プット|先物|オプション|optionsschein/i;

function namesContract(symbol: string, description: string, securityType: string): boolean {
  if (CONTRACT_TYPE.test(securityType.trim())) return true;
  const s = symbol.toUpperCase();
  if (CONTRACT_SYMBOL.test(s) && !isIsin(s)) return true;
  return (CONTRACT_WORD.test(description) && EXPIRY_OR_STRIKE.test(description)) || CONTRACT_WORD_ELSEWHERE.test(description);
}

/**
 * True when |value| is not |quantity| x |price| under any convention (CONVENTIONS), beyond what the
 * file's rounding of the three explains: half a unit of the price's last decimal on every unit held,
 * half of a fractional quantity's last decimal on the price (a whole quantity is taken as exact), and
 * half a cent of the value. In doubles: a tolerance check,
 * never a stored figure.
 */
function valueDiffers(valueCents: number, quantity: string, price: string, quantityCents: number, priceCents: number, symbol: string, description: string, securityType: string): boolean {
  // The usual row first, without reading the texts again as numbers (a tenth of the parsing
  // thread's time at a million rows): quantity and price of at most two decimals are their cents
  // exactly, and a value that is their product within the same tolerance needs no more.
  const quantityDecimals = decimalsOf(quantity);
  const priceDecimals = decimalsOf(price);
  if (quantityDecimals <= 2 && priceDecimals <= 2) {
    // In ten-thousandths of a unit: |q| x |p| x 10,000 and |value| x 10,000.
    const qc = Math.abs(quantityCents);
    const pc = Math.abs(priceCents);
    const product = qc * pc;
    const slack = (qc * 50) / 10 ** priceDecimals + (quantityDecimals === 0 ? 0 : (pc * 50) / 10 ** quantityDecimals) + product * 1e-9 + 50;
    if (Math.abs(Math.abs(valueCents) * 100 - product) <= slack) return false;
  }
  // The row's names are matched only here, off the usual row's path.
  const conventions = namesContract(symbol, description, securityType) ? CONTRACT_CONVENTIONS : CONVENTIONS;
  return differsUnderEveryConvention(valueCents, quantity, price, quantityDecimals, priceDecimals, conventions);
}

function differsUnderEveryConvention(valueCents: number, quantity: string, price: string, quantityDecimals: number, priceDecimals: number, conventions: readonly number[]): boolean {
  const q = Math.abs(Number(quantity));
  const pr = Math.abs(Number(price));
  const value = Math.abs(valueCents) / 100;
  const product = q * pr;
  const slack = (q * 0.5) / 10 ** priceDecimals + (quantityDecimals === 0 ? 0 : (pr * 0.5) / 10 ** quantityDecimals) + product * 1e-9;
  for (const m of conventions) if (Math.abs(value - product * m) <= slack * m + 0.005) return false;
  return true;
}

export type RowOutcome =
  | { kind: 'position'; position: ParsedPosition; notice: RowNotice }
  /** `onlyValueCents`: the row names nothing and holds only a value (what a total with no label looks like). */
  | { kind: 'issue'; issue: RowIssue; onlyValueCents?: number }
  | { kind: 'total'; valueCents: number | null };

/** The largest amount kept exact, 2^53 - 1 cents, as the user reads it. */
export const MONEY_LIMIT_TEXT = '90,071,992,547,409.91';
const BEYOND_LIMIT = rowReason(ROW_TEXT.beyondLimit, { limit: MONEY_LIMIT_TEXT });

const TOTAL_LABELS = new Set([
  'total',
  'totals',
  'account total',
  'accounts total',
  'grand total',
  'subtotal',
  'sub total',
  'sub-total',
  'overall total',
  'portfolio total',
  'portfolio totals',
  'total portfolio',
  'total portfolio value',
  'total market value',
  'total account value',
  'total value',
  'total holdings',
  'total positions',
  'total investments',
  'total securities',
  'grand totals',
  'account totals',
  'gesamt',
  'summe',
  'gesamtsumme',
  'total général',
  'total general',
  'totaal',
  // Japanese brokers: a section's total and the grand total.
  '合計',
  '総合計',
  '総計',
]);

/**
 * Money-market funds that brokers use as the account's cash (Vanguard's settlement fund, Fidelity's
 * core positions): the broker reports them as cash, so they count as cash, not as an untagged fund.
 */
const SWEEP_FUNDS = new Set(['VMFXX', 'SPAXX', 'FDRXX', 'FZFXX', 'FCASH']);

const CASH_LABELS = new Set([
  'cash',
  'cash & cash investments',
  'cash and cash investments',
  'cash & money market',
  'cash and money market',
  'pending activity',
  'core**',
  'cash balance',
  'liquidität',
  'kontostand',
  'guthaben',
  'espèces',
  'especes',
  'liquidités',
  'liquidites',
  '預り金',
  '現金',
]);

/**
 * A symbol every import reads as cash, whatever row it is on: a broker's sweep fund (SPAXX**) or a
 * cash label ("Cash & Cash Investments"). Its positions are keyed CASH:<currency>, so a tag on the
 * symbol itself would be kept and never count (db/repos/tags.ts refuses it, as it does a CASH:
 * key). Not "CASH": it is also a ticker (Pathward Financial), imported as a security on a row that
 * names the company and has a quantity and a price (normaliseRow).
 */
export function isCashSymbol(text: string): boolean {
  const trimmed = text.trim();
  // Any symbol the broker marks "**" (SPRXX**, CORE**) is its cash, as normaliseRow reads it.
  if (trimmed.endsWith('**')) return true;
  const symbol = trimmed.replace(/\*+$/, '');
  const lower = symbol.toLowerCase();
  return (symbol.length === 5 && SWEEP_FUNDS.has(symbol.toUpperCase())) || (lower !== 'cash' && CASH_LABELS.has(lower));
}

/** Labels a person reads better than the file's capitals. */
const CASH_DESCRIPTIONS: Record<string, string> = { 'pending activity': 'Pending activity' };

const NONE_MARKERS = new Set(['--', '-', 'n/a', 'N/A', '—']);
/** A cell that says "none" ("-", "N/A"): read as empty. */
export const isNoneMarker = (trimmed: string): boolean => trimmed.length <= 3 && NONE_MARKERS.has(trimmed);

function cellAt(cells: readonly string[], i: number): string {
  return i >= 0 ? (cells[i] ?? '') : '';
}

/** Trimmed text, with broker placeholders (`--`, `n/a`) read as empty. */
function text(cells: readonly string[], i: number): string {
  if (i < 0) return '';
  const raw = cells[i];
  if (raw === undefined || raw.length === 0) return '';
  const t = raw.trim();
  return isNoneMarker(t) ? '' : t;
}

/**
 * True when `s` might lower-case to a word of `set`: its first character's ASCII letter (either case)
 * starts one of them, or it is not ASCII (toLowerCase maps some non-ASCII letters to ASCII ones).
 * Most rows are holdings, and this spares them a lower-cased copy per label.
 */
function mayLowerInto(s: string, firstLetters: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0x80 || firstLetters.includes(String.fromCharCode(c | 0x20));
}

const firstLettersOf = (set: ReadonlySet<string>) => [...new Set([...set].map((w) => w.charAt(0)))].join('');
const TOTAL_FIRST = firstLettersOf(TOTAL_LABELS);
const TOTAL_SHORTEST = Math.min(...[...TOTAL_LABELS].map((w) => w.length));
const CASH_FIRST = firstLettersOf(CASH_LABELS) + 'c';

/** Characters a total's label may end with (`Total:`, `TOTAL.`, `Grand Total *`), ignored. */
function isTrailingMark(c: number): boolean {
  return c === 0x3a || c === 0x2e || c === 0x2a || c === 0x20 || c === 0xff1a;
}

/**
 * True when the row is a total line (`Account Total`, `TOTAL`, `Total:`, `Summe`) rather than a
 * holding. Whole labels only: `TotalEnergies SE` and `Total Return Bond Fund` are holdings.
 */
export function isTotalLabel(label: string): boolean {
  let end = label.length;
  while (end > 0 && isTrailingMark(label.charCodeAt(end - 1))) end--;
  if (end < TOTAL_SHORTEST || end > 24 || !mayLowerInto(label, TOTAL_FIRST)) return false;
  return TOTAL_LABELS.has((end === label.length ? label : label.slice(0, end)).toLowerCase());
}

/** A word of a total's label (total, subtotal, Summe, Gesamt, 合計...) anywhere in the text. */
const TOTAL_WORD = /(?:^|[^\p{L}])(?:sub-?)?totals?(?:$|[^\p{L}])|summe|gesamt|totaal|合計|総計/iu;

/**
 * True when a label that is not a total's holds a total's word (`Total Equities`, `Summe Depot`):
 * asked only of rows that name no security and hold nothing but a value.
 */
export function hasTotalWord(label: string): boolean {
  return TOTAL_WORD.test(label);
}

function issue(line: number, column: number, plan: ColumnPlan, cell: string, reason: RowReason): RowIssue {
  return rowIssue(line, column >= 0 ? column + 1 : null, column >= 0 ? (plan.headers[column] ?? '').trim() : null, cell, reason);
}

/** Why a number cell that is present does not read: a percentage where a number belongs, or parseDecimal's reason. */
function numberProblem(field: 'quantity' | 'price' | 'value', cell: string, parsed: ParsedNumber): RowReason {
  const why = parsed.ok ? 'percent' : parsed.reason === 'empty' ? 'not a number' : parsed.reason;
  return rowReason(NUMBER_TEXT[field][why], { cell: cell.trim() });
}

/**
 * A number cell as read: its normalised text (when asked for) and cents, plus the exact Decimal and
 * currency when the full parser read it. The fast path's own result is used as it is (no copy).
 */
interface NumberCell {
  text: string;
  cents: number;
  value?: Decimal;
  currency?: string | null;
}

/**
 * Reads a numeric cell, trying the BigInt-free fast path first for `.` columns; undefined when the
 * cell is empty, null when it does not parse. `withText` false skips the normalised text (a value
 * column's text is never stored).
 */
function readCell(cells: readonly string[], i: number, style: NumberStyle, withText: boolean): NumberCell | undefined | null {
  if (i < 0) return undefined;
  const raw = cells[i];
  if (raw === undefined || raw.length === 0) return undefined;
  if (style.decimal === '.') {
    const fast = fastNumber(raw, withText);
    if (fast) return fast;
  }
  const parsed = parseDecimal(raw, style);
  if (parsed.ok) return parsed.percent ? null : { text: withText ? decimalToString(parsed.value) : '', cents: decimalToCents(parsed.value), value: parsed.value, currency: parsed.currency ?? null };
  return parsed.empty ? undefined : null;
}

/**
 * A value cell that reads as an amount with a third decimal but may be a whole amount written with
 * a point for thousands: one to three digits, a point, three digits the last of which is not 0
 * ("$1.234", kept as 1.23, may be 1,234). Not a value with grouping ("18,025.005"), more digits
 * ("2225.2944", a fractional holding's) or a 0 third decimal (1.230 is 1.23 either way as cents):
 * those are only rounded to the cent. (A currency of three decimals, KWD, is said too: rare.)
 */
const THOUSANDS_LIKE = /^\s*[+-]?[^\d,.]*\d{1,3}\.\d\d[1-9][^\d,.]*$/;
function mayBeThousands(raw: string): boolean {
  // The usual cell has two decimals: a look at the fourth character after its point rules it out
  // before the pattern is tried (this runs on every value cell of a million-row file).
  const dot = raw.indexOf('.');
  if (dot < 1 || dot + 3 >= raw.length) return false;
  const c = raw.charCodeAt(dot + 3);
  if (c < 0x31 || c > 0x39) return false;
  const after = raw.charCodeAt(dot + 4);
  return !(after >= 0x30 && after <= 0x39) && THOUSANDS_LIKE.test(raw);
}

/** The exact Decimal of a cell (`raw` its text; parsed again when the fast path read it). */
function exact(n: NumberCell, raw: string, style: NumberStyle): Decimal {
  if (n.value) return n.value;
  const parsed = parseDecimal(raw, style);
  if (!parsed.ok) throw new Error(`fast path read ${raw} that the full parser refuses`);
  return parsed.value;
}

/** Parses a numeric cell; undefined when the cell is empty, null when it does not parse. */
function readNumber(cells: readonly string[], i: number, style: NumberStyle): { value: Decimal; currency: string | null } | undefined | null {
  if (i < 0) return undefined;
  const raw = cells[i];
  if (raw === undefined || raw.length === 0) return undefined;
  const parsed = parseDecimal(raw, style);
  if (parsed.ok) return parsed.percent ? null : { value: parsed.value, currency: parsed.currency ?? null };
  return parsed.empty ? undefined : null;
}

const RUNS_OF_SPACE = /\s+/g;

function upperKey(s: string): string {
  // Most keys are plain printable ASCII with no space to fold: skip the regex for them.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return s.replace(RUNS_OF_SPACE, ' ').toUpperCase();
  }
  return s.toUpperCase();
}

/**
 * A row whose amounts name a currency (`USD 231.40`, `2.314,00 €`) other than its currency cell's, or
 * whose price and value name two: refused, naming both cells. Null when they agree.
 */
function currencyConflict(cells: readonly string[], line: number, plan: ColumnPlan, column: string, vc: string | null, pc: string | null): RowOutcome | null {
  const idx = plan.idx;
  const conflict = (at: number, atCurrency: string, other: number, otherCurrency: string): RowOutcome => ({
    kind: 'issue',
    issue: issue(line, at, plan, cellAt(cells, at), rowReason(ROW_TEXT.currencyConflict, {
      cell: cellAt(cells, at).trim(),
      cellCurrency: atCurrency,
      otherColumn: String(other + 1),
      otherHeader: (plan.headers[other] ?? '').trim(),
      otherCurrency,
      otherCell: cellAt(cells, other).trim(),
    })),
  });
  if (column !== '') {
    if (vc !== null && vc !== column) return conflict(idx.value, vc, idx.currency, column);
    if (pc !== null && pc !== column) return conflict(idx.price, pc, idx.currency, column);
  }
  if (vc !== null && pc !== null && vc !== pc) return conflict(idx.value, vc, idx.price, pc);
  return null;
}

/**
 * Turns one data record into a position, a total or an issue. `account` is the account named by
 * the block's title, for files without an account column.
 */
export function normaliseRow(cells: readonly string[], line: number, plan: ColumnPlan, account: string | null): RowOutcome {
  const idx = plan.idx;
  let symbol = text(cells, idx.symbol);
  let description = text(cells, idx.description);
  const label = symbol || description || (cells[0] ?? '').trim();

  if (isTotalLabel(label)) {
    const v = readNumber(cells, idx.value, plan.valueStyle);
    return { kind: 'total', valueCents: v ? decimalToCents(v.value) : null };
  }

  if (plan.codeInName && symbol === '') {
    const split = splitCodeAndName(description);
    if (split) {
      symbol = split.code;
      description = split.name;
    }
  }

  let isCash = false;
  if (symbol.endsWith('**')) {
    isCash = true;
    symbol = symbol.slice(0, -2);
  } else if (symbol.length === 5 && SWEEP_FUNDS.has(symbol.toUpperCase())) isCash = true;
  const lowerSymbol = symbol.length > 0 && symbol.length <= 32 && mayLowerInto(symbol, CASH_FIRST) ? symbol.toLowerCase() : '';
  const lowerDescription = description.length > 0 && description.length <= 40 && mayLowerInto(description, CASH_FIRST) ? description.toLowerCase() : '';
  // "CASH" is a ticker too (Pathward Financial, NASDAQ): a row that names a company besides and has
  // a quantity and a price is that security, not the account's cash (E*TRADE's cash row is "CASH"
  // alone, with a value).
  const symbolSaysCash =
    CASH_LABELS.has(lowerSymbol) && !(lowerSymbol === 'cash' && description !== '' && !CASH_LABELS.has(lowerDescription) && text(cells, idx.quantity) !== '' && text(cells, idx.price) !== '');
  if (!isCash && (symbolSaysCash || CASH_LABELS.has(lowerDescription) || lowerDescription.startsWith('cash & cash fund'))) {
    isCash = true;
    const cashLabel = symbolSaysCash ? lowerSymbol : '';
    if (cashLabel !== '') {
      if (description === '' || CASH_DESCRIPTIONS[cashLabel] !== undefined) description = CASH_DESCRIPTIONS[cashLabel] ?? symbol;
      symbol = '';
    }
  }

  // Numbers: a cell that is present but does not parse rejects the row.
  const q = readCell(cells, idx.quantity, plan.quantityStyle, true);
  if (q === null) return { kind: 'issue', issue: issue(line, idx.quantity, plan, cellAt(cells, idx.quantity), numberProblem('quantity', cellAt(cells, idx.quantity), parseDecimal(cellAt(cells, idx.quantity), plan.quantityStyle))) };
  const p = readCell(cells, idx.price, plan.priceStyle, true);
  if (p === null) return { kind: 'issue', issue: issue(line, idx.price, plan, cellAt(cells, idx.price), numberProblem('price', cellAt(cells, idx.price), parseDecimal(cellAt(cells, idx.price), plan.priceStyle))) };
  const v = readCell(cells, idx.value, plan.valueStyle, false);
  if (v === null) return { kind: 'issue', issue: issue(line, idx.value, plan, cellAt(cells, idx.value), numberProblem('value', cellAt(cells, idx.value), parseDecimal(cellAt(cells, idx.value), plan.valueStyle))) };

  let valueCents: number;
  if (v !== undefined) valueCents = v.cents;
  else if (q !== undefined && p !== undefined) valueCents = multiplyToCents(exact(q, cellAt(cells, idx.quantity), plan.quantityStyle), exact(p, cellAt(cells, idx.price), plan.priceStyle));
  else if (isCash && q !== undefined && p === undefined) valueCents = q.cents;
  else {
    const col = idx.value >= 0 ? idx.value : idx.quantity >= 0 && q === undefined ? idx.quantity : idx.price;
    return { kind: 'issue', issue: issue(line, col, plan, cellAt(cells, col), rowReason(idx.value >= 0 ? ROW_TEXT.noValueCell : ROW_TEXT.noValueColumn)) };
  }
  // A long holding worth less than nothing (or a short one worth more) is what a wrongly mapped value
  // column looks like (a gain or loss): kept as the file gives it, but never silently (parse.ts).
  const signDisagrees = v !== undefined && q !== undefined && p !== undefined && v.cents !== 0 && q.cents !== 0 && p.cents !== 0 && v.cents < 0 !== (q.cents < 0 !== p.cents < 0);
  // An empty value cell ("", "--", "n/a") in a file that has the column: quantity x price stands in,
  // which is not the value of a bond, an option or a fund priced per 10,000 units: said too (cash,
  // valued by its quantity, is what it says).
  // A value that is not quantity x price (nor a bond's, an option's or a fund's convention of it):
  // a misplaced separator, a wrong column, a stale price. Kept as the file gives it, and said.
  const notice: RowNotice = signDisagrees
    ? 'sign'
    : v === undefined
      ? idx.value >= 0 && q !== undefined && p !== undefined && !isCash
        ? 'computed'
        : null
      : q !== undefined && p !== undefined && v.cents !== 0 && q.cents !== 0 && p.cents !== 0 && !isCash && plan.checkValues && valueDiffers(v.cents, q.text, p.text, q.cents, p.cents, symbol, description, cellAt(cells, idx.securityType))
        ? 'differs'
        : plan.valueStyle.decimal === '.' && mayBeThousands(cellAt(cells, idx.value))
          ? 'subCent'
          : null;
  // Past 2^53 - 1 cents a Number is no longer exact: such an amount is refused, never stored rounded.
  if (!Number.isSafeInteger(valueCents)) {
    const col = v !== undefined ? idx.value : idx.price;
    return { kind: 'issue', issue: issue(line, col, plan, cellAt(cells, col), BEYOND_LIMIT) };
  }
  // The row's currency: its currency cell (a code, or a sign or name of one currency), else the one
  // its amounts are written in, else the file's. Amounts in another currency than the cell's, or
  // price and value in two, are refused: which one is wrong cannot be told.
  const currencyCell = text(cells, idx.currency);
  let currency: string;
  if (currencyCell !== '') {
    const read = isUpperCode(currencyCell) ? null : currencyOfCell(currencyCell);
    if (read !== null && !read.ok) {
      const reason = read.ambiguous !== null ? rowReason(ROW_TEXT.ambiguousCurrency, { cell: currencyCell, codes: read.ambiguous }) : rowReason(ROW_TEXT.badCurrency, { cell: currencyCell });
      return { kind: 'issue', issue: issue(line, idx.currency, plan, cellAt(cells, idx.currency), reason) };
    }
    currency = read === null ? currencyCell : read.code;
  } else currency = '';
  const vc = v?.currency ?? null;
  const pc = p?.currency ?? null;
  if (vc !== null || pc !== null) {
    const conflict = currencyConflict(cells, line, plan, currency, vc, pc);
    if (conflict) return conflict;
    if (currency === '') currency = vc ?? (pc as string);
  }
  if (currency === '') currency = plan.defaultCurrency;

  // The broker's own value in a base currency, read like the value and held to the same limit.
  let baseValueCents: number | null = null;
  if (idx.baseValue >= 0) {
    const b = readCell(cells, idx.baseValue, plan.valueStyle, false);
    if (b === null) return { kind: 'issue', issue: issue(line, idx.baseValue, plan, cellAt(cells, idx.baseValue), numberProblem('value', cellAt(cells, idx.baseValue), parseDecimal(cellAt(cells, idx.baseValue), plan.valueStyle))) };
    if (b !== undefined) {
      if (!Number.isSafeInteger(b.cents)) {
        return { kind: 'issue', issue: issue(line, idx.baseValue, plan, cellAt(cells, idx.baseValue), BEYOND_LIMIT) };
      }
      baseValueCents = b.cents;
    }
  }

  // IBKR's rate to the account's base currency: value x rate, to the cent, half away from zero.
  if (idx.baseValue < 0 && idx.fxRateToBase >= 0) {
    const raw = cellAt(cells, idx.fxRateToBase);
    const r = readCell(cells, idx.fxRateToBase, plan.priceStyle, true);
    const rate = r ? exact(r, raw, plan.priceStyle) : r;
    if (rate === null || (rate !== undefined && rate.units <= 0n)) {
      return { kind: 'issue', issue: issue(line, idx.fxRateToBase, plan, raw, rowReason(ROW_TEXT.badRate)) };
    }
    if (rate !== undefined) {
      baseValueCents = multiplyToCents({ units: BigInt(valueCents), scale: 2 }, rate);
      if (!Number.isSafeInteger(baseValueCents)) return { kind: 'issue', issue: issue(line, idx.fxRateToBase, plan, raw, BEYOND_LIMIT) };
      if (rate.units === pow10(rate.scale)) plan.unitRateCurrencies.add(currency);
    }
  }

  // Identifiers stay strings (`0700` stays `0700`).
  let isin: string | null = text(cells, idx.isin).toUpperCase() || null;
  let cusip: string | null = text(cells, idx.cusip).toUpperCase() || null;
  if (symbol !== '') {
    const upper = symbol.toUpperCase();
    if (isIsin(upper)) {
      if (isin === null || isin === upper) {
        isin = upper;
        symbol = '';
      }
    } else if (cusip === null && isCusip(upper)) cusip = upper;
  }
  if (!isCash && symbol === '' && isin === null && cusip === null && description === '') {
    const col = idx.symbol >= 0 ? idx.symbol : idx.description;
    const only = v !== undefined && q === undefined && p === undefined ? { onlyValueCents: valueCents } : undefined;
    return {
      kind: 'issue',
      issue: issue(line, col, plan, cellAt(cells, col), rowReason(ROW_TEXT.noHolding)),
      ...only,
    };
  }

  const symbolKey = isCash ? `CASH:${currency}` : symbol !== '' ? upperKey(symbol) : (isin ?? cusip ?? upperKey(description));
  const securityType = text(cells, idx.securityType);

  return {
    kind: 'position',
    notice,
    position: {
      line,
      account: text(cells, idx.account) || account || '',
      symbol: symbol === '' ? null : symbol,
      symbolKey,
      isin,
      cusip,
      description,
      securityType: securityType === '' ? null : securityType,
      quantity: q === undefined ? null : q.text,
      price: p === undefined ? null : p.text,
      valueCents,
      currency,
      isCash,
      baseValueCents,
      conid: idx.conid >= 0 ? text(cells, idx.conid) || null : null,
    },
  };
}
