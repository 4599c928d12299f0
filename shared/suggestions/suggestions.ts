import { marketOfMic, tickerId } from '../securities/market';
import type { PackTheme } from './pack';
import starter from './us-japan-2026.json';

/** A suggested tag: shown to the user, applied only when accepted. */
export interface Suggestion {
  /** The security's key (a US listing's ticker, MIC:ticker elsewhere): it applies to that security only. */
  symbolKey: string;
  /** The ticker as listed, its exchange (MIC) and ISIN. */
  symbol: string;
  exchange: string;
  isin: string;
  /** The company's name. */
  name: string;
  themeId: string;
  weightBp: number;
  rationale: string;
  source: string;
  /** When the entry was written into the pack or last reviewed (YYYY-MM-DD). */
  asOf: string;
}

/**
 * A listing's security key, as the master keys it (shared/securities/reference.ts): "NVDA" on a US
 * exchange, "XTKS:9984", "XLON:AAL". Anglo American's London AAL is never American Airlines' AAL.
 */
export const listingKey = (exchange: string, symbol: string): string => {
  const market = marketOfMic(exchange);
  return market === 'US' ? symbol.toUpperCase() : tickerId(market, symbol);
};

/** The starter list shipped with the app (see us-japan-2026.json for where each link is stated). */
export const STARTER_SUGGESTIONS: readonly Suggestion[] = starter.suggestions.map((s) => ({
  symbolKey: listingKey(s.exchange, s.symbol),
  symbol: s.symbol,
  exchange: s.exchange,
  isin: s.isin,
  name: s.name,
  themeId: s.theme,
  weightBp: Math.round(s.weight * 10_000),
  rationale: s.rationale,
  source: s.source,
  asOf: s.asOf,
}));

/** The pack's sub-themes, each under one of the default themes. */
export const STARTER_THEMES: readonly PackTheme[] = starter.themes.map((t) => ({ id: t.id, name: t.name, color: t.color, description: t.description, parentId: t.parent }));

/** The pack's name and version, and how its weights are set. */
export const STARTER_PACK = { name: starter.pack, version: starter.version, asOf: starter.asOf, method: starter.method } as const;
