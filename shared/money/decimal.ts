/** Exact decimal numbers and cents: no float arithmetic anywhere on the way from a file cell to cents. */

/** An exact decimal: value = units / 10^scale. */
export interface Decimal {
  units: bigint;
  scale: number;
}

const POW10: bigint[] = [];
/** 10^n as a bigint, cached for the small exponents money uses. */
export function pow10(n: number): bigint {
  if (n < 64) {
    let p = POW10[n];
    if (p === undefined) {
      p = 10n ** BigInt(n);
      POW10[n] = p;
    }
    return p;
  }
  return 10n ** BigInt(n);
}

/** Drops trailing zero digits after the point, so equal values compare equal field by field. */
export function normalizeDecimal(d: Decimal): Decimal {
  let { units, scale } = d;
  if (units === 0n) return { units: 0n, scale: 0 };
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return units === d.units && scale === d.scale ? d : { units, scale };
}

/** True when both decimals denote the same number. */
export function decimalEquals(a: Decimal, b: Decimal): boolean {
  if (a.scale === b.scale) return a.units === b.units;
  return a.scale > b.scale ? a.units === b.units * pow10(a.scale - b.scale) : a.units * pow10(b.scale - a.scale) === b.units;
}

/** Plain decimal text without exponent or trailing zeros: "12.5", "-0.33", "700". */
export function decimalToString(d: Decimal): string {
  const n = normalizeDecimal(d);
  const negative = n.units < 0n;
  const digits = (negative ? -n.units : n.units).toString();
  if (n.scale === 0) return negative ? '-' + digits : digits;
  const padded = digits.length <= n.scale ? '0'.repeat(n.scale - digits.length + 1) + digits : digits;
  const cut = padded.length - n.scale;
  return (negative ? '-' : '') + padded.slice(0, cut) + '.' + padded.slice(cut);
}

/** A plain decimal text as decimalToString writes it ("-12.5", "700"); null for any other text. */
export function plainDecimal(text: string): Decimal | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  const units = BigInt(m[2]! + fraction);
  return { units: m[1] ? -units : units, scale: fraction.length };
}

/** The exact sum of two plain decimal texts, as plain decimal text; null when either is not one. */
export function addDecimalTexts(a: string, b: string): string | null {
  const x = plainDecimal(a);
  const y = plainDecimal(b);
  if (!x || !y) return null;
  const scale = Math.max(x.scale, y.scale);
  return decimalToString({ units: x.units * pow10(scale - x.scale) + y.units * pow10(scale - y.scale), scale });
}

/** Rounds units / 10^drop to an integer, half away from zero. */
function roundShift(units: bigint, drop: number): bigint {
  if (drop <= 0) return units * pow10(-drop);
  const div = pow10(drop);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  let q = abs / div;
  if ((abs % div) * 2n >= div) q += 1n;
  return negative ? -q : q;
}

/** The decimal as an integer number of cents, rounded half away from zero. */
export function decimalToCents(d: Decimal): number {
  return Number(roundShift(d.units, d.scale - 2));
}

/** Exact product of two decimals. */
export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** a x b computed exactly, then rounded once to cents (half away from zero). */
export function multiplyToCents(a: Decimal, b: Decimal): number {
  return decimalToCents(multiplyDecimals(a, b));
}

/** Cents as plain decimal text with two places: "1234.56", "-0.05". */
export function centsToString(cents: number | bigint): string {
  const c = typeof cents === 'bigint' ? cents : BigInt(Math.trunc(cents));
  const negative = c < 0n;
  const abs = (negative ? -c : c).toString().padStart(3, '0');
  return (negative ? '-' : '') + abs.slice(0, -2) + '.' + abs.slice(-2);
}


/** Cents as a person reads them in a message: "1,234.56", "-0.05" (exact; no float on the way). */
export function formatCents(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
