/**
 * How issuers name a fund's constituents, turned into what the security master matches: an ISIN
 * from a CUSIP (SPDR gives eight characters, without the check digit; Invesco all nine), and a
 * listing key from a Bloomberg-style ticker ("9984 JT" is Tokyo's 9984, as Global X writes it).
 */
import { cusipCheckDigit, isinFromCusip } from '../securities/identifiers';
import { listingKey } from '../suggestions/suggestions';

export { cusipCheckDigit };

/**
 * The US ISIN of a CUSIP written with or without its check digit; null when it is not a US CUSIP
 * (a CINS number starts with a letter: a foreign security, named only by its own identifiers) or
 * when a nine-character one fails its check digit.
 */
export function isinFromFundCusip(text: string): string | null {
  const t = text.trim().toUpperCase();
  if (!/^\d/.test(t)) return null;
  const check = t.length === 8 ? cusipCheckDigit(t) : null;
  return isinFromCusip(check === null ? t : `${t}${check}`, 'US');
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
