/**
 * The fast path for the cells most brokers write ("123", "180.25", "$1,234.56", "-$0.33",
 * "+$0.160"): exact, with no BigInt, for `.` decimal columns. Anything else (parentheses, percent,
 * codes, decimal commas, odd grouping, more than 15 digits) returns null and the full parser reads it.
 */
// The cells it answers are exactly those of this pattern (kept as the definition; the scanner
// below is the same language, read char by char because the import calls it three times a row):
//   /^([+-]?)\$?((?:[1-9]\d{0,2}(?:,\d{3})+)|\d+)(?:\.(\d+))?$/

export interface FastNumber {
  /** Normalised decimal text, as decimalToString writes it ("12.5", "-0.33", "700"); '' when not asked for. */
  text: string;
  /** Exact cents, rounded half away from zero. */
  cents: number;
}

const ZERO = 0x30;
const NINE = 0x39;
const COMMA = 0x2c;

/** `withText` false: the cents only (a value column's text is never stored), saving the string work. */
export function fastNumber(raw: string, withText = true): FastNumber | null {
  const len = raw.length;
  let i = 0;
  let c = len > 0 ? raw.charCodeAt(0) : -1;
  let negative = false;
  if (c === 0x2d || c === 0x2b) {
    negative = c === 0x2d;
    c = ++i < len ? raw.charCodeAt(i) : -1;
  }
  if (c === 0x24) i++;
  const intStart = i;
  let intDigits = 0;
  let groupDigits = 0;
  let grouped = false;
  let intValue = 0;
  while (i < len) {
    c = raw.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      intValue = intValue * 10 + (c - ZERO);
      intDigits++;
      groupDigits++;
    } else if (c === COMMA) {
      // "1,234,567": a first group of 1-3 digits not starting with 0, then groups of exactly 3.
      if (grouped ? groupDigits !== 3 : groupDigits > 3 || groupDigits === 0 || raw.charCodeAt(intStart) === ZERO) return null;
      grouped = true;
      groupDigits = 0;
    } else break;
    i++;
  }
  if (intDigits === 0 || (grouped && groupDigits !== 3)) return null;
  const intEnd = i;
  let fracStart = i;
  if (i < len) {
    if (raw.charCodeAt(i) !== 0x2e) return null;
    fracStart = ++i;
    while (i < len) {
      c = raw.charCodeAt(i);
      if (c < ZERO || c > NINE) return null;
      i++;
    }
    if (i === fracStart) return null;
  }
  const fracEnd = i;
  if (intDigits + (fracEnd - fracStart) > 15) return null; // beyond exact doubles: the full parser
  const d1 = fracStart < fracEnd ? raw.charCodeAt(fracStart) - ZERO : 0;
  const d2 = fracStart + 1 < fracEnd ? raw.charCodeAt(fracStart + 1) - ZERO : 0;
  let cents = intValue * 100 + (d1 * 10 + d2);
  if (fracStart + 2 < fracEnd && raw.charCodeAt(fracStart + 2) >= 0x35) cents += 1; // half away from zero
  if (!withText) return { text: '', cents: negative && cents !== 0 ? -cents : cents };
  let end = fracEnd;
  while (end > fracStart && raw.charCodeAt(end - 1) === ZERO) end--;
  let skip = intStart;
  while (skip < intEnd - 1 && raw.charCodeAt(skip) === ZERO) skip++;
  let text: string;
  if (intStart === 0 && skip === 0 && !grouped && end === fracEnd) text = raw; // already in normal form
  else {
    const zero = intValue === 0 && end === fracStart;
    text = (negative && !zero ? '-' : '') + (grouped ? String(intValue) : raw.slice(skip, intEnd)) + (end > fracStart ? `.${raw.slice(fracStart, end)}` : '');
  }
  return { text, cents: negative && cents !== 0 ? -cents : cents };
}
