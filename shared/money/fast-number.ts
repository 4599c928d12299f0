/**
 * The fast path for the cells most brokers write ("123", "180.25", "$1,234.56", "-$0.33",
 * "+$0.160"): exact, with no BigInt, for `.` decimal columns. Anything else (parentheses, percent,
 * codes, decimal commas, odd grouping, more than 15 digits) returns null and the full parser reads it.
 */
const SIMPLE = /^([+-]?)\$?((?:[1-9]\d{0,2}(?:,\d{3})+)|\d+)(?:\.(\d+))?$/;

export interface FastNumber {
  /** Normalised decimal text, as decimalToString writes it ("12.5", "-0.33", "700"). */
  text: string;
  /** Exact cents, rounded half away from zero. */
  cents: number;
}

export function fastNumber(raw: string): FastNumber | null {
  const m = SIMPLE.exec(raw);
  if (!m) return null;
  const negative = m[1] === '-';
  let int = (m[2] as string).includes(',') ? (m[2] as string).replace(/,/g, '') : (m[2] as string);
  let frac = m[3] ?? '';
  if (int.length + frac.length > 15) return null; // beyond exact doubles: the full parser
  let i = 0;
  while (i < int.length - 1 && int.charCodeAt(i) === 0x30) i++;
  if (i > 0) int = int.slice(i);
  let cents = Number(int) * 100 + Number((frac.slice(0, 2) + '00').slice(0, 2));
  if (frac.length > 2 && frac.charCodeAt(2) >= 0x35) cents += 1; // half away from zero
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 0x30) end--;
  if (end < frac.length) frac = frac.slice(0, end);
  const zero = int === '0' && frac === '';
  const text = (negative && !zero ? '-' : '') + int + (frac ? `.${frac}` : '');
  return { text, cents: negative && cents !== 0 ? -cents : cents };
}
