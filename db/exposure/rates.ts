import type { FxRate } from '../../shared/domain/types';
import { resolveRate } from '../repos/fx';

/** How one currency converts to the base: exactly, as num/den, where the numbers stay small. */
export interface CurrencyFactor {
  currency: string;
  num: number;
  den: number;
  description: string;
  asOf: string;
}

const MAX_EXACT = 2n ** 31n;

/** Rational form of a decimal text rate ("1.0845" -> 10845/10000), while both stay below MAX_EXACT. */
function decimalRational(rate: string): { num: number; den: number } | null {
  const r = bigRational(rate);
  return r && r.num < MAX_EXACT && r.den < MAX_EXACT ? { num: Number(r.num), den: Number(r.den) } : null;
}

/**
 * The bounds a factor's num and den must keep: absBaseSql (scan.ts) splits |value| x num / den so
 * that no product passes SQLite's 2^63, which needs den^2 < 2^63, and binds num and den from JS
 * numbers; scaleHalfUp (loaded-groups.ts) needs both within 2^53.
 */
export const MAX_FACTOR_DEN = 3_037_000_499n;
export const MAX_FACTOR_NUM = 2n ** 53n;

/** A decimal text rate as an exact rational of BigInts ("162.37" -> 16237/100), or null when it is not a plain positive decimal. */
function bigRational(rate: string): { num: bigint; den: bigint } | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!m) return null;
  const frac = m[2] ?? '';
  const num = BigInt(`${m[1]}${frac}`);
  return num > 0n ? { num, den: 10n ** BigInt(frac.length) } : null;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/**
 * The rational nearest to num/den whose numerator and denominator stay within the bounds (the
 * best rational approximation: the last convergent of its continued fraction within them, or the
 * semiconvergent past it, whichever is nearer). Its error is below 1 / (den x next den), about
 * 10^-19 at a den of 3 x 10^9: far below a cent on any amount a snapshot can hold.
 */
export function nearestRational(num: bigint, den: bigint, maxNum = MAX_FACTOR_NUM, maxDen = MAX_FACTOR_DEN): { num: bigint; den: bigint } {
  const g = gcd(num, den);
  num /= g;
  den /= g;
  if (num <= maxNum && den <= maxDen) return { num, den };
  // Convergents h/k: h(-1)/k(-1) = 1/0, h(-2)/k(-2) = 0/1.
  let [h0, k0, h1, k1] = [0n, 1n, 1n, 0n];
  let [p, q] = [num, den];
  for (;;) {
    const a = p / q;
    const h2 = a * h1 + h0;
    const k2 = a * k1 + k0;
    if (h2 > maxNum || k2 > maxDen) {
      // The largest t with (h0 + t h1)/(k0 + t k1) within the bounds; it beats h1/k1 only if nearer.
      const tNum = h1 === 0n ? a : (maxNum - h0) / h1;
      const tDen = k1 === 0n ? a : (maxDen - k0) / k1;
      const t = tNum < tDen ? tNum : tDen;
      const best = { num: h1, den: k1 };
      if (t > 0n) {
        const semi = { num: h0 + t * h1, den: k0 + t * k1 };
        // |semi - x| < |best - x|, compared exactly: |semi.num den - num semi.den| best.den vs |best.num den - num best.den| semi.den.
        const d = (r: { num: bigint; den: bigint }) => {
          const x = r.num * den - num * r.den;
          return x < 0n ? -x : x;
        };
        if (best.den === 0n || d(semi) * best.den < d(best) * semi.den) return semi;
      }
      return best;
    }
    [h0, k0, h1, k1] = [h1, k1, h2, k2];
    const r = p - a * q;
    if (r === 0n) return { num: h1, den: k1 };
    [p, q] = [q, r];
  }
}

/**
 * A chain of rates (db/repos/fx.ts resolveRate's legs) as one factor: the legs' decimal rationals
 * multiplied exactly, reduced, and kept exact when it fits the bounds, else the nearest rational
 * that does (never a rounded decimal).
 */
export function chainedFactor(legs: readonly { rate: FxRate; inverse: boolean }[]): { num: number; den: number } | null {
  let num = 1n;
  let den = 1n;
  for (const leg of legs) {
    const r = bigRational(leg.rate.rate);
    if (!r) return null;
    num *= leg.inverse ? r.den : r.num;
    den *= leg.inverse ? r.num : r.den;
  }
  const f = nearestRational(num, den);
  return { num: Number(f.num), den: Number(f.den) };
}

/**
 * Factors for each currency held. Direct and inverse pairs are exact rationals so a hand
 * computation matches to the cent; a cross rate through another currency is the exact product of
 * its legs' rationals (chainedFactor), or where that passes the bounds the nearest rational within them.
 */
export function currencyFactors(
  rates: readonly FxRate[],
  currencies: readonly string[],
  base: string,
): { factors: CurrencyFactor[]; missing: string[] } {
  const factors: CurrencyFactor[] = [];
  const missing: string[] = [];
  for (const c of currencies) {
    if (c === base) {
      factors.push({ currency: c, num: 1, den: 1, description: '', asOf: '' });
      continue;
    }
    const direct = rates.find((r) => r.currency === c && r.quote === base);
    const inverse = rates.find((r) => r.currency === base && r.quote === c);
    const exact = direct ? decimalRational(direct.rate) : inverse ? decimalRational(inverse.rate) : null;
    const pair = direct ?? inverse;
    if (exact && pair) {
      const { num, den } = direct ? exact : { num: exact.den, den: exact.num };
      factors.push({ currency: c, num, den, description: `1 ${pair.currency} = ${pair.rate} ${pair.quote}`, asOf: pair.asOf });
      continue;
    }
    const resolved = resolveRate(rates, c, base);
    if (!resolved) {
      missing.push(c);
      continue;
    }
    const chained = chainedFactor(resolved.legs);
    if (!chained) {
      missing.push(c);
      continue;
    }
    factors.push({ currency: c, ...chained, description: resolved.description, asOf: resolved.asOf });
  }
  return { factors, missing };
}

/** Converts cents with a factor, rounding half away from zero (the same rule as the SQL). */
export function convertCents(cents: number, f: { num: number; den: number }): number {
  if (f.num === f.den) return cents;
  const sign = cents < 0 ? -1 : 1;
  const x = Math.abs(cents) * f.num + Math.floor(f.den / 2);
  if (x <= Number.MAX_SAFE_INTEGER) return sign * Math.floor(x / f.den);
  return sign * Number((BigInt(Math.abs(cents)) * BigInt(f.num) + BigInt(Math.floor(f.den / 2))) / BigInt(f.den));
}

export { contributionCents } from '../../shared/exposure/contribution';
