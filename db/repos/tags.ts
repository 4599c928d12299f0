import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { FULL_WEIGHT_BP, type Tag, type TagSource } from '../../shared/domain/types';
import type { Db } from '../connection';
import { preparedOnce } from '../store';
import { canonicalKey } from '../securities/links';
import { keyForText } from '../securities/keys';
import { getTheme } from './themes';
import { isCashSymbol } from '../../shared/import/normalise';

interface TagRow {
  symbol_key: string;
  theme_id: string;
  weight_bp: number;
  source: string;
  rationale: string | null;
  source_url: string | null;
  updated_at: string;
}

const toTag = (r: TagRow): Tag => ({
  symbolKey: r.symbol_key,
  themeId: r.theme_id,
  weightBp: r.weight_bp,
  source: r.source as TagSource,
  rationale: r.rationale,
  sourceUrl: r.source_url,
  updatedAt: r.updated_at,
});

/**
 * Cash (a position's key `CASH:<currency>`, shared/import/normalise.ts) is never part of a theme:
 * the reports show it as "of which cash" under Untagged, which a tagged cash line would make wrong.
 * The app offers no tag on a cash row and rules skip cash; a key typed on the command line or in a
 * tag file is refused here, and so is a symbol every import reads as cash (SPAXX): its tag was kept,
 * answered "SPAXX: data-centers 100%", and never counted. Removing a tag is always allowed.
 */
export const isCashKey = (key: string): boolean => key.startsWith('CASH:') || isCashSymbol(key);

function refuseCash(key: string, weightBp: number | null): void {
  if (weightBp !== null && weightBp > 0 && isCashKey(key)) throw saidError('VALIDATION', ERROR_TEXT.cashTagged, { key });
}

/** Tag keys are upper-case so "nvda" and "NVDA" are one instrument. */
export const normaliseSymbolKey = (s: string): string => s.trim().toUpperCase();

/**
 * Where a tag on what the user named is kept: the security that text names (an ISIN, a ticker, a
 * key), through its link if it has one, so a tag made on any key of a security is the security's.
 */
export const tagKeyFor = (db: Db, text: string): string => canonicalKey(db, keyForText(db, text));

export function listTags(db: Db): Tag[] {
  return (db.prepare('SELECT * FROM tags ORDER BY symbol_key, theme_id').all() as TagRow[]).map(toTag);
}

export function tagsOf(db: Db, symbolKey: string): Tag[] {
  return (db.prepare('SELECT * FROM tags WHERE symbol_key = ? ORDER BY theme_id').all(symbolKey) as TagRow[]).map(toTag);
}

const pct = (bp: number) => `${(bp / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;

/** A weight that would take `key` over 100%: what is left for the theme (its id and name go along, so the app names it in its language). */
const weightOver100 = (key: string, others: number, theme: { id: string; name: string }) =>
  saidError('WEIGHT_OVER_100', ERROR_TEXT.weightOver100, { key, others: pct(others), left: pct(FULL_WEIGHT_BP - others), theme: theme.name }, { symbolKey: key, remainingBp: FULL_WEIGHT_BP - others, theme: { id: theme.id, name: theme.name } });

/**
 * Sets the weight of one theme on one symbol, recording the change in tag_events.
 * Refuses a weight that would take the symbol's themes over 100%.
 */
export function setTag(
  db: Db,
  input: { symbolKey: string; themeId: string; weightBp: number; source?: TagSource; rationale?: string | null; sourceUrl?: string | null },
  now: string,
): Tag[] {
  const key = tagKeyFor(db, input.symbolKey);
  refuseCash(key, input.weightBp);
  const theme = getTheme(db, input.themeId);
  if (!theme) throw saidError('NOT_FOUND', ERROR_TEXT.themeGoneList, { themeId: input.themeId });
  return db.transaction(() => {
    const existing = tagsOf(db, key);
    const others = existing.filter((t) => t.themeId !== input.themeId).reduce((s, t) => s + t.weightBp, 0);
    if (others + input.weightBp > FULL_WEIGHT_BP) {
      throw weightOver100(key, others, theme);
    }
    const old = existing.find((t) => t.themeId === input.themeId);
    db.prepare(
      `INSERT INTO tags (symbol_key, theme_id, weight_bp, source, rationale, source_url, updated_at)
       VALUES (@key, @themeId, @weightBp, @source, @rationale, @sourceUrl, @now)
       ON CONFLICT (symbol_key, theme_id) DO UPDATE SET
         weight_bp = excluded.weight_bp, source = excluded.source,
         rationale = coalesce(excluded.rationale, tags.rationale),
         source_url = coalesce(excluded.source_url, tags.source_url), updated_at = excluded.updated_at`,
    ).run({
      key,
      themeId: input.themeId,
      weightBp: input.weightBp,
      source: input.source ?? 'manual',
      rationale: input.rationale ?? null,
      sourceUrl: input.sourceUrl ?? null,
      now,
    });
    recordEvent(db, key, input.themeId, old?.weightBp ?? null, input.weightBp, input.source ?? 'manual', now);
    return tagsOf(db, key);
  })();
}

/** Removes one theme from a symbol, or all of its themes when no theme is named. */
export function removeTag(db: Db, input: { symbolKey: string; themeId?: string | undefined }, now: string): Tag[] {
  const key = tagKeyFor(db, input.symbolKey);
  return db.transaction(() => {
    const doomed = tagsOf(db, key).filter((t) => !input.themeId || t.themeId === input.themeId);
    if (doomed.length === 0) {
      throw input.themeId ? saidError('NOT_FOUND', ERROR_TEXT.notTaggedWith, { key, themeId: input.themeId }) : saidError('NOT_FOUND', ERROR_TEXT.noTags, { key });
    }
    for (const t of doomed) {
      db.prepare('DELETE FROM tags WHERE symbol_key = ? AND theme_id = ?').run(key, t.themeId);
      recordEvent(db, key, t.themeId, t.weightBp, null, 'manual', now);
    }
    return tagsOf(db, key);
  })();
}

function recordEvent(db: Db, key: string, themeId: string, oldBp: number | null, newBp: number | null, source: string, now: string) {
  db.prepare(
    'INSERT INTO tag_events (symbol_key, theme_id, old_weight_bp, new_weight_bp, source, at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(key, themeId, oldBp, newBp, source, now);
}

type Change = { symbolKey: string; themeId: string; weightBp: number | null; source?: TagSource | undefined; rationale?: string | undefined; sourceUrl?: string | undefined };

/** Prepared once per connection (its Store): bulk edits run thousands of these. */
function prepareBulk(db: Db) {
  return {
    tagsOf: db.prepare('SELECT theme_id AS themeId, weight_bp AS w, source FROM tags WHERE symbol_key = ?'),
    upsert: db.prepare(
      `INSERT INTO tags (symbol_key, theme_id, weight_bp, source, rationale, source_url, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (symbol_key, theme_id) DO UPDATE SET weight_bp = excluded.weight_bp, source = excluded.source,
         rationale = coalesce(excluded.rationale, tags.rationale), source_url = coalesce(excluded.source_url, tags.source_url), updated_at = excluded.updated_at`,
    ),
    remove: db.prepare('DELETE FROM tags WHERE symbol_key = ? AND theme_id = ?'),
    event: db.prepare('INSERT INTO tag_events (symbol_key, theme_id, old_weight_bp, new_weight_bp, source, at) VALUES (?, ?, ?, ?, ?, ?)'),
    themes: db.prepare('SELECT id, name FROM themes'),
  };
}

/**
 * The order to apply a batch's edits in: the tags the batch lowers or removes first, then the rest,
 * each tag's edits together and in the order given, tags in the order first met. Applied in the
 * order given, moving weight from one theme to another (an undo or a redo of a tag file's changes,
 * say) would pass through more than 100% when the raise comes first, and be refused, though the
 * batch's result is within 100%. Lowering first never passes through more than the result. A tag
 * edited twice (a security's own key and a key linked to it, in a diff of all tags) is judged by
 * its last edit.
 */
function inSafeOrder<T extends { key: string; c: Change }>(edits: readonly T[], weightsOf: (key: string) => Map<string, number>): T[] {
  const byTag = new Map<string, T[]>();
  for (const e of edits) {
    const tag = `${e.key}\u0000${e.c.themeId}`;
    const group = byTag.get(tag);
    if (group) group.push(e);
    else byTag.set(tag, [e]);
  }
  const groups = [...byTag.values()];
  const lowers = (group: T[]) => {
    const { key, c } = group[group.length - 1] as T;
    return c.weightBp === null || c.weightBp < (weightsOf(key).get(c.themeId) ?? 0);
  };
  return [...groups.filter(lowers), ...groups.filter((g) => !lowers(g))].flat();
}

/**
 * Applies several tag edits in ONE transaction (bulk tagging, undo, redo) and returns the weights
 * before and after each edit, so the caller can undo exactly. Edits that lower a weight are applied
 * first (inSafeOrder); if the batch would take a symbol over 100%, none is applied. Statements are
 * prepared once, so a thousand edits take milliseconds.
 */
export function applyTagChanges(db: Db, changes: readonly Change[], now: string): { before: Change[]; after: Change[] } {
  const st = preparedOnce(db, 'bulk-tags', prepareBulk);
  return db.transaction(() => {
    const themeNames = new Map((st.themes.all() as { id: string; name: string }[]).map((t) => [t.id, t.name]));
    const state = new Map<string, Map<string, number>>();
    const sources = new Map<string, TagSource>();
    const weightsOf = (key: string) => {
      let m = state.get(key);
      if (!m) {
        const rows = st.tagsOf.all(key) as { themeId: string; w: number; source: TagSource }[];
        m = new Map(rows.map((t) => [t.themeId, t.w]));
        for (const t of rows) sources.set(`${key}\u0000${t.themeId}`, t.source);
        state.set(key, m);
      }
      return m;
    };
    const before: Change[] = [];
    const after: Change[] = [];
    const resolved = changes.map((given) => {
      // An edit on a linked key is an edit of its security's tags; 'linked' copies are never written directly.
      const c = given.source === 'linked' ? { ...given, source: 'manual' as const } : given;
      return { c, key: canonicalKey(db, normaliseSymbolKey(c.symbolKey)) };
    });
    // Every theme is checked before any edit is applied, so the refusal does not depend on the order.
    for (const { c, key } of resolved) {
      if (!themeNames.has(c.themeId)) throw saidError('NOT_FOUND', ERROR_TEXT.themeGoneList, { themeId: c.themeId });
      refuseCash(key, c.weightBp);
    }
    for (const { key, c } of inSafeOrder(resolved, weightsOf)) {
      const m = weightsOf(key);
      const old = m.get(c.themeId) ?? null;
      const oldSource = sources.get(`${key}\u0000${c.themeId}`);
      before.push({ symbolKey: key, themeId: c.themeId, weightBp: old, ...(oldSource && oldSource !== 'manual' ? { source: oldSource } : {}) });
      if (c.weightBp === null) {
        if (old !== null) {
          st.remove.run(key, c.themeId);
          st.event.run(key, c.themeId, old, null, c.source ?? 'manual', now);
          m.delete(c.themeId);
        }
      } else if (old !== c.weightBp || c.rationale !== undefined || c.sourceUrl !== undefined || (c.source ?? 'manual') !== sources.get(`${key}\u0000${c.themeId}`)) {
        let others = 0;
        for (const [theme, w] of m) if (theme !== c.themeId) others += w;
        if (others + c.weightBp > FULL_WEIGHT_BP) {
          throw weightOver100(key, others, { id: c.themeId, name: themeNames.get(c.themeId) as string });
        }
        st.upsert.run(key, c.themeId, c.weightBp, c.source ?? 'manual', c.rationale ?? null, c.sourceUrl ?? null, now);
        if (old !== c.weightBp) st.event.run(key, c.themeId, old, c.weightBp, c.source ?? 'manual', now);
        m.set(c.themeId, c.weightBp);
      }
      after.push({ symbolKey: key, themeId: c.themeId, weightBp: c.weightBp, ...(c.source && c.source !== 'manual' ? { source: c.source } : {}) });
      if (c.weightBp !== null) sources.set(`${key}\u0000${c.themeId}`, c.source ?? 'manual');
    }
    // Undo must restore in reverse order (a later edit may have made room for an earlier one).
    return { before: before.reverse(), after };
  })();
}
