/**
 * How issuers name a fund's constituents, turned into what the security master matches: an ISIN
 * from a CUSIP (SPDR gives eight characters, without the check digit; Invesco all nine), and a
 * listing key from a Bloomberg-style ticker ("9984 JT" is Tokyo's 9984, as Global X writes it).
 */
import { isCusip, isinCheckDigit } from '../securities/identifiers';
import { listingKey } from '../suggestions/suggestions';

/** The CUSIP check digit of its first eight characters (0-9, A-Z, *, @, #). */
export function cusipCheckDigit(body: string): number | null {
  if (!/^[0-9A-Z*@#]{8}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i]!;
    let v = /\d/.test(c) ? Number(c) : c === '*' ? 36 : c === '@' ? 37 : c === '#' ? 38 : c.charCodeAt(0) - 55;
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The US ISIN of a CUSIP written with or without its check digit; null when it is not a US CUSIP
 * (a CINS number starts with a letter: a foreign security, named only by its own identifiers) or
 * when a nine-character one fails its check digit.
 */
export function isinFromFundCusip(text: string): string | null {
  const t = text.trim().toUpperCase();
  if (!/^\d/.test(t)) return null;
  let cusip: string;
  if (t.length === 8) {
    const d = cusipCheckDigit(t);
    if (d === null) return null;
    cusip = `${t}${d}`;
  } else if (t.length === 9 && isCusip(t)) cusip = t;
  else return null;
  const body = `US${cusip}`;
  return `${body}${isinCheckDigit(body)}`;
}

/** Bloomberg exchange codes to the market identifiers the security master keys listings by. */
const BLOOMBERG: Record<string, string> = {
  US: 'XNYS', UN: 'XNYS', UW: 'XNAS', UQ: 'XNAS', UR: 'XNAS', UA: 'XNYS', UP: 'XNYS', UF: 'XNYS',
  JT: 'XTKS', JP: 'XTKS', LN: 'XLON', CN: 'XTSE', CT: 'XTSE', FP: 'XPAR', NA: 'XAMS', GY: 'XETR', GR: 'XETR',
  HK: 'XHKG', KS: 'XKRX', AU: 'XASX', AT: 'XASX', SW: 'XSWX', SE: 'XSWX',
};

/** "9984 JT" -> "XTKS:9984", "NVDA UW" -> "NVDA"; a plain ticker stays as written; an unknown code too. */
export function tickerKey(text: string): string {
  const t = text.trim().toUpperCase();
  const m = /^(\S+) ([A-Z]{2})(?: EQUITY)?$/.exec(t);
  const mic = m ? BLOOMBERG[m[2]!] : undefined;
  return m && mic ? listingKey(mic, m[1]!) : t;
}
