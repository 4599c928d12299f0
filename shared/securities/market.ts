/** The US exchanges (ISO 10383 MICs) whose tickers are one market. */
export const US_MICS = ['XNYS', 'XNAS', 'ARCX', 'BATS', 'OTCM'] as const;

/**
 * The market a holding's account implies, from its currency: a US broker's dollars are US listings,
 * yen are Tokyo's, sterling London's, Canadian dollars Toronto's. Euros and other currencies are
 * traded on several exchanges: no market is implied, and only an identifier can say which listing.
 */
export function marketOf(currency: string): string | null {
  switch (currency.toUpperCase()) {
    case 'USD':
      return 'US';
    case 'JPY':
      return 'XTKS';
    case 'GBP':
    case 'GBX':
      return 'XLON';
    case 'CAD':
      return 'XTSE';
    default:
      return null;
  }
}

/** US exchanges are one market for tickers: a ticker names one US listing whichever exchange it trades on. */
export const marketOfMic = (mic: string): string => ((US_MICS as readonly string[]).includes(mic) ? 'US' : mic);

/** The ticker identifier of a listing: "US:NVDA", "XTKS:9984". */
export const tickerId = (market: string, ticker: string): string => `${market}:${ticker.toUpperCase()}`;
