import { fillTemplate, mapTemplate } from '../text/fill';

/**
 * How a holding was identified, and why one waits in Needs review, as templates of their figures.
 * The backend stores and prints them filled in English (position_resolutions.detail,
 * security_reviews.message, `themelens securities`), as it always has; the app finds the template
 * a stored text was filled from (wordingOf) and says it in the user's language, for rows stored
 * before these templates too. The template is the key of its translation (RESOLVE_JAPANESE).
 */
export const RESOLVE_TEXT = {
  tickerInUs: "ticker {{ticker}} within the account's market, US exchanges, implied by {{currency}}",
  tickerInMarket: "ticker {{ticker}} within the account's market, {{market}}, implied by {{currency}}",
  firstSeen: '{{id}} (first seen in {{file}})',
  beforeMaster: 'imported before the security master',
  idIsOther: '{{symbol}} in {{currency}} is {{byTicker}} by its ticker, but its {{id}} is {{byId}}.',
  idIsNotTickers: "{{symbol}} in {{currency}} is {{byTicker}} by its ticker, but its {{id}} is not {{byTicker}}'s ({{tickerIsin}}).",
  whichExchange: '{{symbol}} in {{currency}} could be {{candidates}}: {{currency}} does not say which exchange, and the row has no ISIN.',
  heldBefore: '{{symbol}} in {{currency}}: its ticker and its identifier name different securities. Until confirmed it keeps its tags as before.',
} as const;

export type ResolveText = (typeof RESOLVE_TEXT)[keyof typeof RESOLVE_TEXT];

/** Listings a holding could be, as the English says them: "XLON:AAL or XNAS:AAL". */
export const OR = ' or ';

/** `text` filled in English. */
export const resolveSaid = (text: ResolveText, params: Record<string, string> = {}): string => fillTemplate(text, params);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A currency is its three-letter code: a symbol with " in " in it is not taken for one. */
const FIGURE: Record<string, string> = { currency: '[A-Z]{3}' };

/** How much of a template is its own words: of two templates that match, the one with more says more. */
const ownWords = (text: string) => mapTemplate(text, () => '', (words) => words).length;

/** Each template as a pattern that gives back its figures (a name met twice must match the same text), with its own words' length. */
const PATTERNS: { text: ResolveText; pattern: RegExp; words: number }[] = Object.values(RESOLVE_TEXT).map((text) => {
  const seen = new Set<string>();
  const figure = (name: string) => {
    if (seen.has(name)) return `\\k<${name}>`;
    seen.add(name);
    return `(?<${name}>${FIGURE[name] ?? '.+?'})`;
  };
  const source = mapTemplate(text, figure, escapeRegExp);
  return { text, pattern: new RegExp(`^${source}$`, 's'), words: ownWords(text) };
});

/**
 * The template a stored English text was filled from, with its figures; null for a text no
 * template gives (an identifier alone, "ISIN US0378331005", says itself in any language). Where
 * two match, the more specific: "US exchanges" is a market's name to the general ticker template,
 * and "not NVDA's (…)" a security to the general review one.
 */
export function wordingOf(stored: string): { text: ResolveText; params: Record<string, string> } | null {
  let best: { text: ResolveText; params: Record<string, string>; words: number } | null = null;
  for (const { text, pattern, words } of PATTERNS) {
    const m = pattern.exec(stored);
    if (m && (!best || words > best.words)) best = { text, params: { ...m.groups }, words };
  }
  return best && { text: best.text, params: best.params };
}

/** Their Japanese (the app's dictionary takes it). */
export const RESOLVE_JAPANESE: Record<string, string> = {
  [RESOLVE_TEXT.tickerInUs]: '口座の市場（米国の取引所）のティッカー {{ticker}}（{{currency}} から判断）',
  [RESOLVE_TEXT.tickerInMarket]: '口座の市場（{{market}}）のティッカー {{ticker}}（{{currency}} から判断）',
  [RESOLVE_TEXT.firstSeen]: '{{id}}（{{file}} で初めて確認）',
  [RESOLVE_TEXT.beforeMaster]: '証券マスター導入前にインポートされた銘柄',
  [RESOLVE_TEXT.idIsOther]: '{{currency}} の {{symbol}} は、ティッカーでは {{byTicker}} ですが、{{id}} では {{byId}} です。',
  [RESOLVE_TEXT.idIsNotTickers]: '{{currency}} の {{symbol}} は、ティッカーでは {{byTicker}} ですが、{{id}} は {{byTicker}} のもの（{{tickerIsin}}）ではありません。',
  [RESOLVE_TEXT.whichExchange]: '{{currency}} の {{symbol}} は {{candidates}} のどれかです。{{currency}} からは取引所が分からず、行に ISIN もありません。',
  [OR]: ' または ',
  [RESOLVE_TEXT.heldBefore]: '{{currency}} の {{symbol}}: ティッカーと識別子が別の証券を指しています。確認するまで、タグはこれまでどおりです。',
};
