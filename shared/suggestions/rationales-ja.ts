import starter from './us-japan-2026.json';
import japanese from './us-japan-2026.ja.json';

/**
 * The bundled pack's rationales in Japanese (us-japan-2026.ja.json, by symbol and theme), under
 * their English as shipped: a rationale still as shipped (a suggestion, the tag accepting it) is
 * read in the reader's language; one the user wrote is theirs. Figures and names as the English
 * has them; billions and millions written in 億 and 万.
 */
const byKey = japanese.rationales as Readonly<Record<string, string>>;

export const JAPANESE_RATIONALES: ReadonlyMap<string, string> = new Map(
  starter.suggestions.flatMap((s) => {
    const ja = byKey[`${s.symbol}|${s.theme}`];
    return ja ? [[s.rationale, ja] as const] : [];
  }),
);
