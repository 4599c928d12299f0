import starter from './us-japan-2026.json';

/** A suggested tag: shown to the user, applied only when accepted. */
export interface Suggestion {
  symbolKey: string;
  themeId: string;
  weightBp: number;
  rationale: string;
  source: string;
}

/** The starter list shipped with the app (see us-japan-2026.json for where each link is stated). */
export const STARTER_SUGGESTIONS: readonly Suggestion[] = starter.suggestions.map((s) => ({
  symbolKey: s.symbol.toUpperCase(),
  themeId: s.theme,
  weightBp: Math.round(s.weight * 10_000),
  rationale: s.rationale,
  source: s.source,
}));
