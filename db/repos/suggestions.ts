import { AppError } from '../../shared/api/errors';
import { STARTER_SUGGESTIONS, type Suggestion } from '../../shared/suggestions/suggestions';
import type { Db } from '../connection';
import { setTag, tagsOf } from './tags';
import { getTheme } from './themes';

/** Open suggestions: not answered yet, for themes that exist, and not already tagged on that theme. */
export function listSuggestions(db: Db, onlyHeld: boolean): (Suggestion & { held: boolean })[] {
  const decided = db.prepare('SELECT 1 FROM suggestion_decisions WHERE symbol_key = ? AND theme_id = ?').pluck();
  const tagged = db.prepare('SELECT 1 FROM tags WHERE symbol_key = ? AND theme_id = ?').pluck();
  // Held under its own key, or under a key linked to it (an ADR of it, the same security by ISIN).
  const held = db.prepare('SELECT 1 FROM positions WHERE symbol_key IN (SELECT @k UNION ALL SELECT key FROM security_links WHERE canonical_key = @k) LIMIT 1').pluck();
  return STARTER_SUGGESTIONS.filter((s) => getTheme(db, s.themeId) && !decided.get(s.symbolKey, s.themeId) && !tagged.get(s.symbolKey, s.themeId))
    .map((s) => ({ ...s, held: held.get({ k: s.symbolKey }) !== undefined }))
    .filter((s) => !onlyHeld || s.held);
}

/** The suggestion named by its security key, its ISIN, or its ticker when only one listing has it. */
const find = (named: string, themeId: string) => {
  const t = named.trim().toUpperCase();
  const forTheme = STARTER_SUGGESTIONS.filter((s) => s.themeId === themeId);
  const exact = forTheme.find((s) => s.symbolKey === t || s.isin === t);
  if (exact) return exact;
  const byTicker = forTheme.filter((s) => s.symbol.toUpperCase() === t);
  return byTicker.length === 1 ? byTicker[0] : undefined;
};

/**
 * Accepts suggestions: each becomes a tag with source "suggestion", its rationale and link, at the
 * suggested weight or what is left of the symbol's 100% if less. One transaction; a symbol with
 * nothing left refuses the whole set.
 */
export function acceptSuggestions(db: Db, items: readonly { symbolKey: string; themeId: string }[], now: string): number {
  return db.transaction(() => {
    for (const item of items) {
      const s = find(item.symbolKey.toUpperCase(), item.themeId);
      if (!s) throw new AppError('NOT_FOUND', `There is no suggestion of ${item.symbolKey} for ${item.themeId}.`);
      const others = tagsOf(db, s.symbolKey).filter((t) => t.themeId !== s.themeId).reduce((a, t) => a + t.weightBp, 0);
      if (others >= 10_000) throw new AppError('WEIGHT_OVER_100', `${s.symbolKey} is already 100% tagged; untag it first to accept the ${s.themeId} suggestion.`);
      setTag(db, { symbolKey: s.symbolKey, themeId: s.themeId, weightBp: Math.min(s.weightBp, 10_000 - others), source: 'suggestion', rationale: s.rationale, sourceUrl: s.source }, now);
      decide(db, s.symbolKey, s.themeId, 'accepted', now);
    }
    return items.length;
  })();
}

/** Rejects suggestions so they are not offered again. */
export function rejectSuggestions(db: Db, items: readonly { symbolKey: string; themeId: string }[], now: string): number {
  return db.transaction(() => {
    for (const item of items) decide(db, find(item.symbolKey, item.themeId)?.symbolKey ?? item.symbolKey.toUpperCase(), item.themeId, 'rejected', now);
    return items.length;
  })();
}

function decide(db: Db, symbolKey: string, themeId: string, decision: 'accepted' | 'rejected', now: string) {
  db.prepare(
    `INSERT INTO suggestion_decisions (symbol_key, theme_id, decision, decided_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (symbol_key, theme_id) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at`,
  ).run(symbolKey, themeId, decision, now);
}
