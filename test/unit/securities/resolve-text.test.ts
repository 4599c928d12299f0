import { describe, expect, it } from 'vitest';
import { OR, RESOLVE_TEXT, resolveSaid, wordingOf } from '../../../shared/securities/resolve-text';

/** Figures for every template: awkward ones on purpose (a symbol with " in " in it, a file name with parentheses). */
const FIGURES: Record<string, string> = {
  ticker: 'BRK.B',
  market: 'XTKS',
  currency: 'JPY',
  id: 'ISIN JP3436100006',
  file: 'New file (2).csv',
  symbol: 'A in B',
  byTicker: 'XTKS:9984',
  byId: 'XNAS:SFTBY',
  tickerIsin: 'JP3436100006',
  candidates: ['XLON:AAL', 'XNAS:AAL'].join(OR),
};

describe('how a holding was identified, as templates', () => {
  it('says in English what the resolver always said, word for word', () => {
    // As the securities tests, the e2e walks and users' databases have them.
    expect(resolveSaid(RESOLVE_TEXT.tickerInUs, { ticker: 'NVDA', currency: 'USD' })).toBe("ticker NVDA within the account's market, US exchanges, implied by USD");
    expect(resolveSaid(RESOLVE_TEXT.tickerInMarket, { ticker: '9984', market: 'XTKS', currency: 'JPY' })).toBe("ticker 9984 within the account's market, XTKS, implied by JPY");
    expect(resolveSaid(RESOLVE_TEXT.firstSeen, { id: 'ISIN US0378331005', file: 'a.csv' })).toBe('ISIN US0378331005 (first seen in a.csv)');
    expect(resolveSaid(RESOLVE_TEXT.idIsOther, { symbol: 'NVDA', currency: 'USD', byTicker: 'NVDA', id: 'ISIN US02376R1023', byId: 'AAL' })).toBe('NVDA in USD is NVDA by its ticker, but its ISIN US02376R1023 is AAL.');
    expect(resolveSaid(RESOLVE_TEXT.idIsNotTickers, { symbol: 'AAL', currency: 'USD', byTicker: 'AAL', id: 'ISIN GB00B1XZS820', tickerIsin: 'US02376R1023' })).toBe(
      "AAL in USD is AAL by its ticker, but its ISIN GB00B1XZS820 is not AAL's (US02376R1023).",
    );
    expect(resolveSaid(RESOLVE_TEXT.whichExchange, { symbol: 'AAL', currency: 'EUR', candidates: 'XLON:AAL or XNAS:AAL' })).toBe(
      'AAL in EUR could be XLON:AAL or XNAS:AAL: EUR does not say which exchange, and the row has no ISIN.',
    );
  });

  it('finds the template and figures of every text it fills', () => {
    for (const [name, text] of Object.entries(RESOLVE_TEXT)) {
      const names = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((n) => [n, FIGURES[n]!]));
      expect(wordingOf(resolveSaid(text, params)), name).toEqual({ text, params });
    }
  });

  it('finds the texts written before the templates: the first migration of the master, and rows imported before it', () => {
    // db/migrations/012-securities.ts writes these two, as it did when it first ran.
    expect(wordingOf('NVDA in USD: its ticker and its identifier name different securities. Until confirmed it keeps its tags as before.')).toEqual({
      text: RESOLVE_TEXT.heldBefore,
      params: { symbol: 'NVDA', currency: 'USD' },
    });
    expect(wordingOf('imported before the security master')).toEqual({ text: RESOLVE_TEXT.beforeMaster, params: {} });
  });

  it('takes a market named "US exchanges" as the US, and leaves an identifier alone as it is', () => {
    expect(wordingOf("ticker KO within the account's market, US exchanges, implied by USD")?.text).toBe(RESOLVE_TEXT.tickerInUs);
    expect(wordingOf('ISIN US0378331005')).toBeNull();
    expect(wordingOf('cash')).toBeNull();
    expect(wordingOf('')).toBeNull();
  });
});
