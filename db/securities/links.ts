import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import type { Db } from '../connection';
import { preparedOnce } from '../store';

export type LinkReason = 'identifier' | 'listing' | 'user';

/** The key whose tags a key takes: its link's canonical key, or itself. */
export function canonicalKey(db: Db, key: string): string {
  // Prepared once per connection: it is asked for every row of a tag file and every tag edit.
  const st = preparedOnce(db, 'canonical-key', (d) => d.prepare('SELECT canonical_key FROM security_links WHERE key = ?').pluck());
  return (st.get(key) as string | undefined) ?? key;
}

/**
 * Keeps every linked key's copy of its security's tags (source 'linked'), as look-through keeps a
 * fund's: called in the transaction of every tag change. A key with tags of its own keeps them
 * (a link never overrides what the user set; linking refuses that case up front).
 */
export function refreshLinkedTags(db: Db): void {
  db.prepare("DELETE FROM tags WHERE source = 'linked'").run();
  db.prepare(
    `INSERT INTO tags (symbol_key, theme_id, weight_bp, source, rationale, source_url, updated_at)
     SELECT l.key, t.theme_id, t.weight_bp, 'linked', 'via ' || l.canonical_key || coalesce(': ' || t.rationale, ''), t.source_url, t.updated_at
     FROM security_links l JOIN tags t ON t.symbol_key = l.canonical_key
     WHERE t.source <> 'linked' AND NOT EXISTS (SELECT 1 FROM tags o WHERE o.symbol_key = l.key AND o.source <> 'linked')`,
  ).run();
}

/**
 * Links `key` to `canonical`: positions under `key` take the tags of `canonical` (the same security,
 * or a listing of the same company). Tags the key had move to the canonical key when it has none;
 * when both have tags the link is refused (never a silent merge). Chains are flattened: whatever
 * linked to `key` now links to `canonical`.
 */
export function linkKeys(db: Db, key: string, canonical: string, reason: LinkReason, source: string, now: string): void {
  const target = canonicalKey(db, canonical);
  if (target === key) throw saidError('CONFLICT', ERROR_TEXT.linkedToItself, { canonical, key });
  const own = (k: string) => db.prepare("SELECT theme_id AS themeId, weight_bp AS w, source, rationale, source_url AS url, updated_at AS at FROM tags WHERE symbol_key = ? AND source <> 'linked'").all(k) as { themeId: string; w: number; source: string; rationale: string | null; url: string | null; at: string }[];
  const mine = own(key);
  if (mine.length > 0 && own(target).length > 0) {
    throw saidError('CONFLICT', ERROR_TEXT.bothTagged, { key, target });
  }
  db.transaction(() => {
    if (mine.length > 0) {
      // The key's own tags become the security's, with the move in the history of both.
      const event = db.prepare('INSERT INTO tag_events (symbol_key, theme_id, old_weight_bp, new_weight_bp, source, at) VALUES (?, ?, ?, ?, ?, ?)');
      db.prepare("DELETE FROM tags WHERE symbol_key = ? AND source <> 'linked'").run(key);
      const insert = db.prepare('INSERT INTO tags (symbol_key, theme_id, weight_bp, source, rationale, source_url, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const t of mine) {
        insert.run(target, t.themeId, t.w, t.source, t.rationale, t.url, t.at);
        event.run(key, t.themeId, t.w, null, t.source, now);
        event.run(target, t.themeId, null, t.w, t.source, now);
      }
    }
    db.prepare('UPDATE security_links SET canonical_key = ? WHERE canonical_key = ?').run(target, key);
    db.prepare(
      `INSERT INTO security_links (key, canonical_key, reason, source, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET canonical_key = excluded.canonical_key, reason = excluded.reason, source = excluded.source, created_at = excluded.created_at`,
    ).run(key, target, reason, source, now);
    refreshLinkedTags(db);
  })();
}

/** Removes the link of `key` (to `canonical`, when named); its positions are untagged again until tagged. */
export function unlinkKey(db: Db, key: string, canonical?: string): boolean {
  const row = db.prepare('SELECT canonical_key FROM security_links WHERE key = ?').pluck().get(key) as string | undefined;
  if (row === undefined || (canonical !== undefined && canonicalKey(db, canonical) !== row)) return false;
  db.transaction(() => {
    db.prepare('DELETE FROM security_links WHERE key = ?').run(key);
    refreshLinkedTags(db);
  })();
  return true;
}
