import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import type { OpenSuggestion } from '../../shared/api/contract';
import type { Suggestion } from '../../shared/suggestions/suggestions';
import { activePack, suggestionThemes } from './packs';
import type { Db } from '../connection';
import { setTag, tagsOf } from './tags';

/**
 * Whether key @k is held, under its own key or under a key linked to it (an ADR of it, the same
 * security by ISIN), in any snapshot: looked up in each snapshot's position groups, one index
 * search a snapshot (CROSS JOIN keeps snapshots outside), never by reading the positions: that
 * took 4 s after importing a million of them, on every `import` (its hint lists held suggestions).
 */
export const HELD_SQL = `SELECT 1 FROM snapshots s CROSS JOIN position_groups g ON g.snapshot_id = s.id
  WHERE g.symbol_key IN (SELECT @k UNION ALL SELECT key FROM security_links WHERE canonical_key = @k) LIMIT 1`;

/**
 * Open suggestions of the pack in use, for themes that exist or sub-themes the pack would create: those
 * never answered and not already tagged on that theme (or, for a sub-theme, on the theme it rolls up
 * into: the parent already counts it), and those answered at another weight than the pack's now (a
 * newer pack re-weighted them): offered again with the weight they were answered at, the tag left as it is.
 */
export function listSuggestions(db: Db, onlyHeld: boolean): OpenSuggestion[] {
  const decided = db.prepare('SELECT weight_bp AS w FROM suggestion_decisions WHERE symbol_key = ? AND theme_id = ?');
  const tagged = db.prepare('SELECT 1 FROM tags WHERE symbol_key = ? AND theme_id = ?').pluck();
  const held = db.prepare(HELD_SQL).pluck();
  const open: Omit<OpenSuggestion, 'held'>[] = [];
  const pack = activePack(db);
  const themes = suggestionThemes(db, pack);
  for (const s of pack.suggestions) {
    const theme = themes.resolve(s.themeId);
    if (!theme) continue;
    const d = decided.get(s.symbolKey, s.themeId) as { w: number | null } | undefined;
    // Answered before weights were kept (NULL), or at this very weight: nothing new to say.
    if (d && (d.w === null || d.w === s.weightBp)) continue;
    if (!d && (tagged.get(s.symbolKey, s.themeId) || (theme.parentId && tagged.get(s.symbolKey, theme.parentId)))) continue;
    const parent = theme.parentId ? themes.resolve(theme.parentId) : undefined;
    const themePath = [...(parent ? [{ id: parent.id, name: parent.name }] : []), { id: theme.id, name: theme.name }];
    open.push({ ...s, themePath, parentThemeId: theme.parentId, previousWeightBp: d ? d.w : null });
  }
  return open.map((s) => ({ ...s, held: held.get({ k: s.symbolKey }) !== undefined })).filter((s) => !onlyHeld || s.held);
}

/** The suggestion named by its security key, its ISIN, or its ticker when only one listing has it. */
const find = (pack: readonly Suggestion[], named: string, themeId: string) => {
  const t = named.trim().toUpperCase();
  const forTheme = pack.filter((s) => s.themeId === themeId);
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
    const pack = activePack(db);
    const themes = suggestionThemes(db, pack);
    for (const item of items) {
      const s = find(pack.suggestions, item.symbolKey.toUpperCase(), item.themeId);
      if (!s) throw saidError('NOT_FOUND', ERROR_TEXT.suggestionGone, { key: item.symbolKey, themeId: item.themeId });
      const others = tagsOf(db, s.symbolKey).filter((t) => t.themeId !== s.themeId).reduce((a, t) => a + t.weightBp, 0);
      if (others >= 10_000) {
        // The English names the theme by its id, as it always has; the app names it as it names the theme (in Japanese, a default one in Japanese).
        const theme = themes.resolve(s.themeId);
        throw saidError('WEIGHT_OVER_100', ERROR_TEXT.fullyTagged, { key: s.symbolKey, theme: s.themeId }, theme ? { theme: { id: theme.id, name: theme.name } } : {});
      }
      themes.ensure(s.themeId);
      setTag(db, { symbolKey: s.symbolKey, themeId: s.themeId, weightBp: Math.min(s.weightBp, 10_000 - others), source: 'suggestion', rationale: s.rationale, sourceUrl: s.source }, now);
      decide(db, s.symbolKey, s.themeId, 'accepted', now, s.weightBp);
    }
    return items.length;
  })();
}

/** Rejects suggestions so they are not offered again. */
export function rejectSuggestions(db: Db, items: readonly { symbolKey: string; themeId: string }[], now: string): number {
  return db.transaction(() => {
    const pack = activePack(db).suggestions;
    for (const item of items) {
      const s = find(pack, item.symbolKey, item.themeId);
      decide(db, s?.symbolKey ?? item.symbolKey.toUpperCase(), item.themeId, 'rejected', now, s?.weightBp ?? null);
    }
    return items.length;
  })();
}

/** Records an answer with the weight it was given at, so a re-weighted suggestion can come back. */
function decide(db: Db, symbolKey: string, themeId: string, decision: 'accepted' | 'rejected', now: string, weightBp: number | null) {
  db.prepare(
    `INSERT INTO suggestion_decisions (symbol_key, theme_id, decision, decided_at, weight_bp) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (symbol_key, theme_id) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at, weight_bp = excluded.weight_bp`,
  ).run(symbolKey, themeId, decision, now, weightBp);
}
