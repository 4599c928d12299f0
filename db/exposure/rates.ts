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

const MAX_EXACT = 2 ** 31;

/** Rational form of a decimal text rate ("1.0845" -> 10845/10000). */
function decimalRational(rate: string): { num: number; den: number } | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!m) return null;
  const frac = m[2] ?? '';
  const num = Number(`${m[1]}${frac}`);
  const den = 10 ** frac.length;
  return num < MAX_EXACT && den < MAX_EXACT ? { num, den } : null;
}

/**
 * Factors for each currency held. Direct and inverse pairs are exact rationals so a hand
 * computation matches to the cent; a cross rate through another currency uses the chained
 * product, scaled to 1e9.
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
    factors.push({ currency: c, num: Math.round(resolved.factor * 1e9), den: 1e9, description: resolved.description, asOf: resolved.asOf });
  }
  return { factors, missing };
}

/** Converts cents with a factor, rounding half away from zero (the same rule as the SQL). */
export function convertCents(cents: number, f: { num: number; den: number }): number {
  if (f.num === f.den) return cents;
  const sign = cents < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(cents) * f.num + Math.floor(f.den / 2)) / f.den);
}

export { contributionCents } from '../../shared/exposure/contribution';
