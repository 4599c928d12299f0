/**
 * Exact parsing of the number cells brokers write: `$1,234.56`, `(1.234,56 €)`, `1 234,56`, `.58`, `--`.
 * Longer than 300 lines: one grammar (signs, brackets, currency marks, grouping, the style of a
 * whole column) whose parts only make sense together; every branch has a test in parse-number.test.ts.
 */

import type { Decimal } from './decimal';
import { normalizeDecimal } from './decimal';

export type { Decimal } from './decimal';
export { decimalToString, decimalToCents, multiplyToCents, centsToString, normalizeDecimal, decimalEquals } from './decimal';

/** Which character separates the fraction; the other of `.` and `,` groups thousands. */
export interface NumberStyle {
  decimal: '.' | ',';
}

export type ParsedNumber =
  | {
      ok: true;
      value: Decimal;
      /** The cell ended in `%`; value is the number as written (12.5 for "12.5%"). */
      percent?: boolean;
      /** ISO code written in the cell (`USD 12`, `12,50 €`), when there was one. */
      currency?: string | null;
    }
  | { ok: false; empty: boolean; reason: NumberProblem };

/** Why a cell is not a number (the words the mapping preview shows beside it; the app translates them). */
export type NumberProblem = 'empty' | 'not a number' | 'digit separators in unexpected places' | 'more than one sign';

const EMPTY_MARKERS = new Set(['-', '--', '---', '\u2014', '\u2013', 'n/a', 'na', 'n.a.', 'n.a', '#n/a', 'null', 'none', 'nan']);

const EMPTY: ParsedNumber = { ok: false, empty: true, reason: 'empty' };
const NOT_A_NUMBER: ParsedNumber = { ok: false, empty: false, reason: 'not a number' };
const BAD_SEPARATORS: ParsedNumber = { ok: false, empty: false, reason: 'digit separators in unexpected places' };
const TWO_SIGNS: ParsedNumber = { ok: false, empty: false, reason: 'more than one sign' };

const C_DOT = 0x2e;
const C_COMMA = 0x2c;

/** Spaces, tabs, no-break and narrow no-break spaces. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0x0d || c === 0x0a || c === 0xfeff;
}

/** Characters that group thousands and are never a decimal point. */
function isGroupingOnly(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0x27 || c === 0x2019;
}

function isMinus(c: number): boolean {
  return c === 0x2d || c === 0x2212 || c === 0x2013 || c === 0x2012;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Currency signs; the ones that name one currency unambiguously map to its code. */
function currencySymbol(c: number): string | null | undefined {
  switch (c) {
    case 0x24: // $
    case 0xa5: // ¥ (JPY or CNY)
    case 0xa2: // ¢
    case 0x20a9: // ₩
      return null;
    case 0x20ac:
      return 'EUR';
    case 0xa3:
      return 'GBP';
    case 0x20b9:
      return 'INR';
    default:
      return undefined;
  }
}

/**
 * A run of letters next to a number: an upper-case ISO code (`USD`), a dollar prefix (`US$`, `HK$`)
 * or `kr`/`Fr`; null for an accepted prefix naming no single currency, undefined when not a currency.
 */
function currencyCode(text: string, i: number, j: number): string | null | undefined {
  const n = j - i;
  if (n === 3) {
    for (let k = i; k < j; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x41 || c > 0x5a) return undefined;
    }
    return text.slice(i, j);
  }
  if (n <= 2 && text.charCodeAt(j) === 0x24) return null;
  const word = text.slice(i, j);
  return word === 'kr' || word === 'Fr' ? null : undefined;
}

/** currencyMark: no currency mark at this character; one that cannot stand (the cell is not a number). */
const NO_MARK = -1;
const BAD_MARK = -2;

/**
 * A currency mark before or after a number, at i: a sign ($, €, £...) or one run of letters (USD,
 * US$, kr). Returns the index after it, the currency it names (where it names one) put in `found`;
 * NO_MARK when there is none at i, BAD_MARK for letters that name no currency or follow another run
 * of letters on the same side (`lettersSeen`).
 */
function currencyMark(text: string, i: number, e: number, found: { currency: string | null }, lettersSeen: boolean): number {
  const c = text.charCodeAt(i);
  const symbol = currencySymbol(c);
  if (symbol !== undefined) {
    // Two currencies in one cell (`USD 12 €`): not an amount in either.
    if (symbol !== null && found.currency !== null && found.currency !== symbol) return BAD_MARK;
    if (symbol !== null) found.currency = symbol;
    return i + 1;
  }
  if (!isLetter(c)) return NO_MARK;
  if (lettersSeen) return BAD_MARK;
  let j = i;
  while (j < e && isLetter(text.charCodeAt(j))) j++;
  const code = currencyCode(text, i, j);
  if (code === undefined || (code !== null && found.currency !== null && found.currency !== code)) return BAD_MARK;
  if (code !== null) found.currency = code;
  return j;
}

/**
 * Parses one cell to an exact decimal. With a style, an ambiguous `1,234` / `1.234` follows it;
 * without one, a lone `,` followed by exactly three digits groups thousands (US habit) and a lone `.`
 * is a decimal point.
 */
export function parseDecimal(text: string, style?: NumberStyle): ParsedNumber {
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return EMPTY;
  const first = text.charCodeAt(s);
  // Fast path: plain digits with an optional leading minus and one dot ("1234.56", "-12", "100").
  if (e - s < 16 && style?.decimal !== ',' && (isDigit(first) || first === 0x2d)) {
    let i = first === 0x2d ? s + 1 : s;
    let dot = -1;
    let digits = 0;
    for (; i < e; i++) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) digits++;
      else if (c === C_DOT && dot < 0) dot = i;
      else break;
    }
    if (i === e && digits > 0) {
      const start = first === 0x2d ? s + 1 : s;
      const digitText = dot < 0 ? text.slice(start, e) : text.slice(start, dot) + text.slice(dot + 1, e);
      const units = BigInt(digitText);
      return { ok: true, value: normalizeDecimal({ units: first === 0x2d ? -units : units, scale: dot < 0 ? 0 : e - dot - 1 }) };
    }
  }
  if (e - s <= 5 && EMPTY_MARKERS.has(text.slice(s, e).toLowerCase())) return EMPTY;

  let negative = false;
  let signSeen = false;
  let paren = false;
  let closed = false;
  let percent = false;
  const found: { currency: string | null } = { currency: null };
  let lettersSeen = false;
  let i = s;
  // Prefix: signs, an opening parenthesis, currency signs and codes, in any order.
  while (i < e) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === 0x28 && !paren) {
      paren = true;
      i++;
    } else if (isMinus(c) || c === 0x2b) {
      if (signSeen) return TWO_SIGNS;
      signSeen = true;
      negative = c !== 0x2b;
      i++;
    } else {
      const next = currencyMark(text, i, e, found, lettersSeen);
      if (next === NO_MARK) break;
      if (next === BAD_MARK) return NOT_A_NUMBER;
      lettersSeen ||= isLetter(c);
      i = next;
    }
  }
  // Body: digits and separators.
  const bodyStart = i;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || c === C_DOT || c === C_COMMA || isGroupingOnly(c)) i++;
    else break;
  }
  let bodyEnd = i;
  while (bodyEnd > bodyStart && isSpace(text.charCodeAt(bodyEnd - 1))) bodyEnd--;
  // Suffix: percent, currency, closing parenthesis, trailing minus.
  lettersSeen = false;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === 0x25 && !percent) {
      percent = true;
      i++;
    } else if (c === 0x29 && paren && !closed) {
      closed = true;
      i++;
    } else if (isMinus(c) && !signSeen) {
      signSeen = true;
      negative = true;
      i++;
    } else {
      const next = currencyMark(text, i, e, found, lettersSeen);
      if (next < 0) return NOT_A_NUMBER;
      lettersSeen ||= isLetter(c);
      i = next;
    }
  }
  if (paren !== closed) return NOT_A_NUMBER;
  if (paren) {
    // "(-50)" may mean -50 (a minus and the brackets both saying it) or 50 (one cancelling the
    // other): refused, as "--5" is, where it read -50 unsaid.
    if (signSeen) return TWO_SIGNS;
    negative = true;
  }
  const body = readBody(text, bodyStart, bodyEnd, style);
  if (body === null) return bodyEnd > bodyStart ? BAD_SEPARATORS : NOT_A_NUMBER;
  const units = BigInt(body.digits);
  const value = normalizeDecimal({ units: negative ? -units : units, scale: body.scale });
  if (!percent && found.currency === null) return { ok: true, value };
  return { ok: true, value, percent, currency: found.currency };
}

/** Digits of the body with separators removed, and how many of them follow the decimal separator. */
function readBody(text: string, s: number, e: number, style: NumberStyle | undefined): { digits: string; scale: number } | null {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let otherGrouping = false;
  let digitCount = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === C_DOT) {
      dots++;
      lastDot = i;
    } else if (c === C_COMMA) {
      commas++;
      lastComma = i;
    } else if (isDigit(c)) digitCount++;
    else otherGrouping = true;
  }
  if (digitCount === 0) return null;
  let dec = -1;
  if (dots > 0 && commas > 0) {
    dec = Math.max(lastDot, lastComma);
    if ((dec === lastDot ? dots : commas) !== 1) return null;
  } else if (dots + commas === 1) {
    const at = dots === 1 ? lastDot : lastComma;
    const after = e - at - 1;
    const before = at - s;
    if (otherGrouping || after !== 3 || before === 0 || before > 3 || (before === 1 && text.charCodeAt(s) === 0x30)) dec = at;
    else {
      const decimalChar = style?.decimal ?? '.';
      const sepChar = dots === 1 ? '.' : ',';
      dec = sepChar === decimalChar ? at : -1;
    }
  }
  // Integer part: groups separated by single separators; last group three digits, others two or three.
  const intEnd = dec < 0 ? e : dec;
  let digits = '';
  let groupLen = 0;
  let groups = 0;
  let segStart = s;
  for (let i = s; i < intEnd; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      groupLen++;
      continue;
    }
    if (groupLen === 0) return null;
    if (groups === 0 ? groupLen > 3 : groupLen < 2 || groupLen > 3) return null;
    digits += text.slice(segStart, i);
    segStart = i + 1;
    groups++;
    groupLen = 0;
  }
  if (groups > 0 && groupLen !== 3) return null;
  digits += text.slice(segStart, intEnd);
  let scale = 0;
  if (dec >= 0) {
    for (let i = dec + 1; i < e; i++) if (!isDigit(text.charCodeAt(i))) return null;
    scale = e - dec - 1;
    digits += text.slice(dec + 1, e);
  }
  if (digits.length === 0) return null;
  return { digits, scale };
}

/** What one cell says about the decimal separator, or null when it cannot tell. */
function decimalEvidence(text: string): '.' | ',' | null {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let firstDigit = -1;
  let otherGrouping = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === C_DOT) {
      dots++;
      lastDot = i;
    } else if (c === C_COMMA) {
      commas++;
      lastComma = i;
    } else if (isDigit(c)) {
      if (firstDigit < 0) firstDigit = i;
    } else if (isGroupingOnly(c) && firstDigit >= 0) otherGrouping = true;
  }
  if (firstDigit < 0) return null;
  if (dots > 0 && commas > 0) return lastDot > lastComma ? '.' : ',';
  if (dots > 1) return ',';
  if (commas > 1) return '.';
  if (dots + commas !== 1) return null;
  const at = dots === 1 ? lastDot : lastComma;
  const sep = dots === 1 ? '.' : ',';
  let after = 0;
  for (let i = at + 1; i < text.length && isDigit(text.charCodeAt(i)); i++) after++;
  let before = 0;
  for (let i = at - 1; i >= 0 && isDigit(text.charCodeAt(i)); i--) before++;
  if (otherGrouping || after !== 3 || before === 0 || before > 3 || (before === 1 && text.charCodeAt(at - 1) === 0x30)) return sep;
  return null;
}

/**
 * Decides a column's decimal separator from sample cells: `1.234,56` and `1079,92` say comma,
 * `1,234.56` and `12.5` say point; ambiguous cells such as `1,234` do not vote. Ties go to point.
 */
export function detectNumberStyle(cells: readonly string[]): NumberStyle {
  let point = 0;
  let comma = 0;
  for (const cell of cells) {
    const v = decimalEvidence(cell);
    if (v === '.') point++;
    else if (v === ',') comma++;
  }
  return { decimal: comma > point ? ',' : '.' };
}

/** Like detectNumberStyle, but null when no cell gave any evidence. */
export function detectNumberStyleOrNull(cells: readonly string[]): NumberStyle | null {
  let point = 0;
  let comma = 0;
  for (const cell of cells) {
    const v = decimalEvidence(cell);
    if (v === '.') point++;
    else if (v === ',') comma++;
  }
  if (point === 0 && comma === 0) return null;
  return { decimal: comma > point ? ',' : '.' };
}

/**
 * The two readings of a cell whose one separator could as well group thousands as mark the decimals
 * (`2,053`, `-1.234`, `€ 2,053`): with a decimal point and with a decimal comma; null for any other
 * cell (one that says its style, as `2,053.10` or `12,5` do, or that reads one way only).
 */
export function ambiguousReadings(text: string): { point: Decimal; comma: Decimal } | null {
  let separators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === C_DOT || c === C_COMMA) && ++separators > 1) return null;
  }
  if (separators !== 1 || decimalEvidence(text) !== null) return null;
  const point = parseDecimal(text, { decimal: '.' });
  const comma = parseDecimal(text, { decimal: ',' });
  if (!point.ok || !comma.ok || point.percent || comma.percent) return null;
  if (point.value.units === comma.value.units && point.value.scale === comma.value.scale) return null;
  return { point: point.value, comma: comma.value };
}
