import { describe, expect, it } from 'vitest';
import { resolveRate } from '../../../db/repos/fx';
import { contributionCents, convertCents, currencyFactors } from '../../../db/exposure/rates';
import type { FxRate } from '../../../shared/domain/types';

const rate = (currency: string, quote: string, r: string): FxRate => ({ currency, quote, rate: r, asOf: '2026-11-01' });

describe('FX rates', () => {
  const rates = [rate('EUR', 'USD', '1.0845'), rate('GBP', 'USD', '1.25'), rate('USD', 'JPY', '150')];
  it.each([
    ['EUR', 'USD', 1.0845],
    ['USD', 'EUR', 1 / 1.0845],
    ['EUR', 'GBP', 1.0845 / 1.25],
    ['JPY', 'EUR', 1 / 150 / 1.0845],
  ])('%s -> %s', (from, to, expected) => {
    expect(resolveRate(rates, from, to)?.factor).toBeCloseTo(expected, 12);
  });
  it('returns null (never 1.0) when no chain exists', () => {
    expect(resolveRate(rates, 'CHF', 'USD')).toBeNull();
    expect(currencyFactors(rates, ['CHF', 'USD'], 'USD').missing).toEqual(['CHF']);
  });
  it('direct and inverse pairs convert exactly, half away from zero', () => {
    const { factors } = currencyFactors(rates, ['EUR', 'JPY'], 'USD');
    const eur = factors.find((f) => f.currency === 'EUR');
    const jpy = factors.find((f) => f.currency === 'JPY');
    expect(eur).toMatchObject({ num: 10845, den: 10000 });
    expect(convertCents(100, eur!)).toBe(108); // 108.45
    expect(convertCents(200, eur!)).toBe(217); // 216.90
    expect(convertCents(-200, eur!)).toBe(-217);
    expect(jpy).toMatchObject({ num: 1, den: 150 });
    expect(convertCents(75, jpy!)).toBe(1); // 0.5 -> 1
  });
  it('contributions round half away from zero', () => {
    expect(contributionCents(143250, 2500)).toBe(35813);
    expect(contributionCents(-143250, 2500)).toBe(-35813);
    expect(contributionCents(1, 5000)).toBe(1);
    expect(contributionCents(123456, 10000)).toBe(123456);
  });
});
