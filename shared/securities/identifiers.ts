/**
 * Security identifiers and their check digits: ISIN (ISO 6166), CUSIP, SEDOL; the ISIN of a US or
 * Canadian security is its CUSIP with the country in front and a check digit after, so each is
 * derived from the other. Validation of ISIN and CUSIP themselves lives with the import's column
 * routing (shared/import/identifiers.ts) and is re-exported here.
 */
import { cusipCheckDigit, isCusip, isIsin } from '../import/identifiers';

export { cusipCheckDigit, isCusip, isIsin };

/** The ISIN check digit of its first eleven characters (letters as 10..35, Luhn over the digits). */
export function isinCheckDigit(body: string): number {
  let digits = '';
  for (const ch of body) {
    const c = ch.charCodeAt(0);
    digits += c >= 0x30 && c <= 0x39 ? ch : String(c - 0x41 + 10);
  }
  let sum = 0;
  // From the right, the first digit (next to the check digit) is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 0x30;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The ISIN of a US or Canadian CUSIP (null for a CUSIP whose check digit fails). */
export function isinFromCusip(cusip: string, country: 'US' | 'CA'): string | null {
  const c = cusip.toUpperCase();
  if (!isCusip(c)) return null;
  const body = `${country}${c}`;
  return `${body}${isinCheckDigit(body)}`;
}

/** The CUSIP inside a valid US or CA ISIN; null for any other. */
export function cusipFromIsin(isin: string): string | null {
  const i = isin.toUpperCase();
  if (!isIsin(i) || !(i.startsWith('US') || i.startsWith('CA'))) return null;
  const cusip = i.slice(2, 11);
  return isCusip(cusip) ? cusip : null;
}

const SEDOL_WEIGHTS = [1, 3, 1, 7, 3, 9];

/** True for a 7-character SEDOL (no vowels) whose weighted check digit holds. */
export function isSedol(text: string): boolean {
  const s = text.toUpperCase();
  if (!/^[0-9BCDFGHJKLMNPQRSTVWXYZ]{6}[0-9]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) {
    const c = s.charCodeAt(i);
    const v = c <= 0x39 ? c - 0x30 : c - 0x41 + 10;
    sum += v * (SEDOL_WEIGHTS[i] as number);
  }
  return (10 - (sum % 10)) % 10 === s.charCodeAt(6) - 0x30;
}

/**
 * Identifiers some brokers hide in a description ("ENBRIDGE INC COM NPV ISIN #CA29250N1050 SEDOL
 * #2466149", as Fidelity writes foreign holdings). Each is returned as written, valid or not: the
 * caller checks them, and warns about one that fails its check digit.
 */
export function identifiersInDescription(description: string): { isin: string | null; sedol: string | null } {
  const isin = /\bISIN\s*#?\s*([A-Z]{2}[A-Z0-9]{9}\d)\b/i.exec(description)?.[1]?.toUpperCase() ?? null;
  const sedol = /\bSEDOL\s*#?\s*([A-Z0-9]{7})\b/i.exec(description)?.[1]?.toUpperCase() ?? null;
  return { isin, sedol };
}
