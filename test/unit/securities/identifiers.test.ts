/** ISIN, CUSIP and SEDOL check digits and the ISIN <-> CUSIP derivation, as properties over many random identifiers. */
import { describe, expect, it } from 'vitest';
import { cusipFromIsin, identifiersInDescription, isCusip, isIsin, isinCheckDigit, isinFromCusip, isSedol } from '../../../shared/securities/identifiers';
import { REFERENCE_SECURITIES } from '../../../shared/securities/reference';

/** A seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The CUSIP check digit of eight characters (the standard's "double every second, add the digits"). */
function cusipCheck(body: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i] as string;
    let v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return (10 - (sum % 10)) % 10;
}

describe('security identifiers', () => {
  const random = rng(20261204);
  const cusips = Array.from({ length: 2000 }, () => {
    let body = String(Math.floor(random() * 10));
    for (let i = 1; i < 8; i++) body += ALNUM[Math.floor(random() * 36)];
    return `${body}${cusipCheck(body)}`;
  });

  it('every CUSIP with its check digit is valid, and any other final digit is not', () => {
    for (const c of cusips) {
      expect(isCusip(c), c).toBe(true);
      const wrong = `${c.slice(0, 8)}${(Number(c[8]) + 1 + Math.floor(random() * 9)) % 10}`;
      expect(isCusip(wrong), wrong).toBe(false);
    }
  });

  it('US and CA: CUSIP -> ISIN -> CUSIP is the identity, and the ISIN is valid', () => {
    for (const c of cusips) {
      for (const country of ['US', 'CA'] as const) {
        const isin = isinFromCusip(c, country)!;
        expect(isin.startsWith(country) && isIsin(isin), isin).toBe(true);
        expect(cusipFromIsin(isin)).toBe(c);
        const wrong = `${isin.slice(0, 11)}${(isinCheckDigit(isin.slice(0, 11)) + 1 + Math.floor(random() * 9)) % 10}`;
        expect(isIsin(wrong), wrong).toBe(false);
      }
    }
  });

  it('known identifiers: NVIDIA, Enbridge (ISIN and SEDOL from a Fidelity description), and no CUSIP inside a JP ISIN', () => {
    expect(isinFromCusip('67066G104', 'US')).toBe('US67066G1040');
    expect(cusipFromIsin('CA29250N1050')).toBe('29250N105');
    expect(cusipFromIsin('JP3436100006')).toBeNull();
    expect(isinFromCusip('67066G105', 'US')).toBeNull();
    expect(identifiersInDescription('ENBRIDGE INC COM NPV ISIN #CA29250N1050 SEDOL #2466149')).toEqual({ isin: 'CA29250N1050', sedol: '2466149' });
    expect(isSedol('2466149')).toBe(true);
    expect(isSedol('2466148')).toBe(false);
    expect(isSedol('B0YBKJ7')).toBe(true);
  });

  it('every ISIN of the reference list passes its check digit, and keys are unique', () => {
    for (const s of REFERENCE_SECURITIES) if (s.isin) expect(isIsin(s.isin), `${s.key} ${s.isin}`).toBe(true);
    expect(new Set(REFERENCE_SECURITIES.map((s) => s.key)).size).toBe(REFERENCE_SECURITIES.length);
  });
});
