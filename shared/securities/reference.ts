import { STARTER_SUGGESTIONS } from '../suggestions/suggestions';

/**
 * The reference list of securities shipped with the app: every security of the suggestion pack (and
 * the one its tickers collide with), each with its exchange (ISO 10383 MIC), ticker and ISIN. Facts
 * only, from the pack file or written here by hand: each ISIN's check digit is verified by a test.
 * Files that carry both a ticker and an identifier teach the database more (db/securities), recorded
 * with where they came from.
 *
 * A security's key is what positions and tags use: its bare ticker for a US listing (as every US
 * broker writes it), MIC:ticker for a listing elsewhere (XTKS:9984, XLON:AAL), so two companies that
 * share a ticker on two exchanges never share tags.
 */
export type SecurityKind = 'equity' | 'etf' | 'adr' | 'cash' | 'bond' | 'other';

export interface ReferenceSecurity {
  key: string;
  name: string;
  kind: SecurityKind;
  country: string;
  currency: string;
  /** Listings: MIC and ticker. The first is the one the key is made from. */
  listings: { mic: string; ticker: string }[];
  isin: string | null;
  /** ISINs it had before (a split or a change of domicile gives a new one): older files still resolve. */
  formerIsins?: readonly string[];
  sedol?: string;
}

/**
 * Written by hand where the pack's line is not enough: a former ISIN, two listings and a SEDOL, an
 * ADR the pack does not list, a ticker another company shares. Every other security comes from the pack.
 */
const BY_HAND: readonly ReferenceSecurity[] = [
  // A new ISIN with the 4-for-1 split of 2024-12-04; files written before it carry the old one.
  { key: 'ANET', name: 'Arista Networks, Inc.', kind: 'equity', country: 'US', currency: 'USD', listings: [{ mic: 'XNYS', ticker: 'ANET' }], isin: 'US0404132054', formerIsins: ['US0404131064'] },
  { key: 'SFTBY', name: 'SoftBank Group Corp. ADR (2 ADRs = 1 share)', kind: 'adr', country: 'JP', currency: 'USD', listings: [{ mic: 'OTCM', ticker: 'SFTBY' }], isin: null },
  { key: 'ENB', name: 'Enbridge Inc.', kind: 'equity', country: 'CA', currency: 'CAD', listings: [{ mic: 'XNYS', ticker: 'ENB' }, { mic: 'XTSE', ticker: 'ENB' }], isin: 'CA29250N1050', sedol: '2466149' },
  // Not in the pack: listed so that a US "AAL" is known to be American Airlines, never Anglo American.
  { key: 'AAL', name: 'American Airlines Group Inc.', kind: 'equity', country: 'US', currency: 'USD', listings: [{ mic: 'XNAS', ticker: 'AAL' }], isin: 'US02376R1023' },
];

const CURRENCY_OF_MIC: Readonly<Record<string, string>> = { XNAS: 'USD', XNYS: 'USD', XTKS: 'JPY', XLON: 'GBP', XPAR: 'EUR', XAMS: 'EUR', XETR: 'EUR', XMIL: 'EUR', XSWX: 'CHF', XTSE: 'CAD', XHKG: 'HKD', XKRX: 'KRW', XASX: 'AUD' };

/**
 * Every security of the pack is in the master, so a holding known only by its ISIN (a DEGIRO or bank
 * file) or by its Tokyo code resolves to the listing the pack suggests: the pack's line (exchange,
 * ticker, ISIN, name) is the fact; its country is the ISIN's.
 */
const FROM_PACK: readonly ReferenceSecurity[] = [...new Map(STARTER_SUGGESTIONS.map((s) => [s.symbolKey, s])).values()]
  .filter((s) => !BY_HAND.some((h) => h.key === s.symbolKey))
  .map((s) => ({ key: s.symbolKey, name: s.name, kind: 'equity', country: s.isin.slice(0, 2), currency: CURRENCY_OF_MIC[s.exchange] ?? 'USD', listings: [{ mic: s.exchange, ticker: s.symbol }], isin: s.isin }));

export const REFERENCE_SECURITIES: readonly ReferenceSecurity[] = [...BY_HAND, ...FROM_PACK];

/** Listings of one company linked as one exposure: the first takes the second's tags. */
export const REFERENCE_LINKS: readonly { key: string; canonicalKey: string; why: string }[] = [
  { key: 'SFTBY', canonicalKey: 'XTKS:9984', why: 'SFTBY is an ADR of SoftBank Group (Tokyo 9984)' },
];
