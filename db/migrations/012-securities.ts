import { REFERENCE_LINKS, REFERENCE_SECURITIES } from '../../shared/securities/reference';
import { marketOfMic, tickerId } from '../../shared/securities/market';
import { cusipFromIsin } from '../../shared/securities/identifiers';
import type { Db } from '../connection';
import { TAG_WEIGHT_CAP_TRIGGERS } from './tag-weight-cap';
import { canonicalKey, linkKeys, refreshLinkedTags } from '../securities/links';
import { SecurityResolver } from '../securities/resolve';

/**
 * The security master (issue: securities, not ticker strings). A position's symbol_key is the key of
 * the security it resolved to at import (db/securities/resolve.ts); securities are known by their
 * identifiers; a link makes one key take another's tags (the same security under two keys, or an
 * ADR and its ordinary share); what could not be resolved safely waits in security_reviews.
 * Tags gain the source 'linked': the copies a linked key holds of its security's tags, kept by
 * db/securities/links.ts (as look-through keeps funds' tags), so every reader of tags sees them.
 */
export function migration012(db: Db): void {
  db.exec(`
    CREATE TABLE securities (
      key TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'equity' CHECK (kind IN ('equity', 'etf', 'adr', 'cash', 'bond', 'other')),
      country TEXT,
      currency TEXT,
      source TEXT NOT NULL
    ) STRICT;

    -- isin / cusip / sedol / conid, and ticker as MARKET:TICKER (US:NVDA, XTKS:9984).
    CREATE TABLE security_identifiers (
      kind TEXT NOT NULL CHECK (kind IN ('isin', 'cusip', 'sedol', 'conid', 'ticker')),
      value TEXT NOT NULL,
      security_key TEXT NOT NULL REFERENCES securities(key) ON DELETE CASCADE,
      source TEXT NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (kind, value)
    ) STRICT;
    CREATE INDEX security_identifiers_security ON security_identifiers(security_key);

    CREATE TABLE security_links (
      key TEXT PRIMARY KEY,
      canonical_key TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('identifier', 'listing', 'user')),
      source TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK (key <> canonical_key)
    ) STRICT;
    CREATE INDEX security_links_canonical ON security_links(canonical_key);

    -- How each key of a snapshot was resolved, so the app can explain it.
    CREATE TABLE position_resolutions (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
      symbol_key TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('identifier', 'ticker', 'unknown', 'review')),
      detail TEXT NOT NULL,
      -- How many of the snapshot's positions have this key: counts without reading the positions.
      position_count INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (snapshot_id, symbol_key)
    ) STRICT;

    CREATE TABLE security_reviews (
      id INTEGER PRIMARY KEY,
      symbol_key TEXT NOT NULL,
      candidates TEXT NOT NULL,
      message TEXT NOT NULL,
      source TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'rejected')),
      created_at TEXT NOT NULL,
      UNIQUE (symbol_key, candidates)
    ) STRICT;

    -- A broker's own id of the security (IBKR conid), kept with the position it came with.
    ALTER TABLE positions ADD COLUMN conid TEXT;

    CREATE TABLE tags_new (
      symbol_key TEXT NOT NULL,
      theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
      weight_bp INTEGER NOT NULL CHECK (weight_bp BETWEEN 0 AND 10000),
      source TEXT NOT NULL DEFAULT 'manual'
        CHECK (source IN ('manual', 'rule', 'suggestion', 'look-through', 'imported', 'linked')),
      rationale TEXT,
      source_url TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (symbol_key, theme_id)
    ) STRICT;
    INSERT INTO tags_new SELECT symbol_key, theme_id, weight_bp, source, rationale, source_url, updated_at FROM tags;
    DROP TABLE tags;
    ALTER TABLE tags_new RENAME TO tags;
    CREATE INDEX tags_theme ON tags(theme_id);
    ${TAG_WEIGHT_CAP_TRIGGERS}
  `);
  seedReference(db, '1970-01-01T00:00:00.000Z');
  resolveHeldKeys(db, new Date().toISOString());
}

/**
 * The pack's suggestions whose ticker is not their key (listings outside the US), as the pack stood
 * when this migration was written: a migration is history, so later packs (which moved these to
 * sub-themes) must not change what it does.
 */
const PACK_V1_LISTINGS = [
  { symbol: '9984', symbolKey: 'XTKS:9984', exchange: 'XTKS', isin: 'JP3436100006', themeId: 'data-centers' },
  { symbol: '5802', symbolKey: 'XTKS:5802', exchange: 'XTKS', isin: 'JP3407400005', themeId: 'diamond-semiconductors' },
  { symbol: 'AAL', symbolKey: 'XLON:AAL', exchange: 'XLON', isin: 'GB00B1XZS820', themeId: 'diamond-semiconductors' },
] as const;

/**
 * Positions imported before the master existed keep their keys; each key that the master now
 * resolves to another security is linked to it, and its tags (with their history and sources) move
 * there, nothing lost. Suggestions accepted under a ticker that was another company's (Anglo
 * American's suggestion on a US "AAL") move to the security they were meant for, and say so in
 * Needs review.
 */
function resolveHeldKeys(db: Db, now: string): void {
  const resolver = new SecurityResolver(db, 'positions imported before the security master');
  const combos = db
    .prepare('SELECT symbol_key AS key, symbol, isin, cusip, description, currency, is_cash AS cash FROM positions GROUP BY symbol_key, isin, cusip, currency, description')
    .all() as { key: string; symbol: string | null; isin: string | null; cusip: string | null; description: string; currency: string; cash: number }[];
  // Every key held so far, per snapshot: how later imports find positions held under an ISIN alone.
  db.exec("INSERT OR IGNORE INTO position_resolutions (snapshot_id, symbol_key, method, detail, position_count) SELECT snapshot_id, symbol_key, 'unknown', 'imported before the security master', count(*) FROM positions GROUP BY snapshot_id, symbol_key");
  const review = db.prepare("INSERT OR IGNORE INTO security_reviews (symbol_key, candidates, message, source, created_at) VALUES (?, ?, ?, 'migration', ?)");
  const done = new Set<string>();
  for (const c of combos) {
    const key = resolver.resolve(0, c.key, c.symbol, c.isin, c.cusip, c.description, c.currency, c.cash === 1);
    if (key === c.key || done.has(c.key)) continue;
    done.add(c.key);
    if (key.startsWith('REVIEW:')) {
      review.run(c.key, '', `${c.symbol ?? c.key} in ${c.currency}: its ticker and its identifier name different securities. Until confirmed it keeps its tags as before.`, now);
      continue;
    }
    try {
      linkKeys(db, c.key, key, 'identifier', `migration: ${c.key} in ${c.currency} is ${key}`, now);
    } catch {
      review.run(c.key, key, `${c.key} is ${key}, but both have tags of their own: link them once one is untagged (themelens securities link ${c.key} ${key}).`, now);
    }
  }
  for (const s of PACK_V1_LISTINGS) {
    const old = s.symbol.toUpperCase();
    if (old === s.symbolKey || canonicalKey(db, old) === s.symbolKey) continue;
    const tag = db.prepare("SELECT weight_bp AS w, rationale, source_url AS url, updated_at AS at FROM tags WHERE symbol_key = ? AND theme_id = ? AND source = 'suggestion'").get(old, s.themeId) as
      | { w: number; rationale: string | null; url: string | null; at: string }
      | undefined;
    db.prepare('UPDATE OR IGNORE suggestion_decisions SET symbol_key = ? WHERE symbol_key = ? AND theme_id = ?').run(s.symbolKey, old, s.themeId);
    if (!tag || db.prepare('SELECT 1 FROM tags WHERE symbol_key = ? AND theme_id = ?').get(s.symbolKey, s.themeId)) continue;
    db.prepare('DELETE FROM tags WHERE symbol_key = ? AND theme_id = ?').run(old, s.themeId);
    db.prepare("INSERT INTO tags (symbol_key, theme_id, weight_bp, source, rationale, source_url, updated_at) VALUES (?, ?, ?, 'suggestion', ?, ?, ?)").run(s.symbolKey, s.themeId, tag.w, tag.rationale, tag.url, tag.at);
    const event = db.prepare("INSERT INTO tag_events (symbol_key, theme_id, old_weight_bp, new_weight_bp, source, at) VALUES (?, ?, ?, ?, 'suggestion', ?)");
    event.run(old, s.themeId, tag.w, null, now);
    event.run(s.symbolKey, s.themeId, null, tag.w, now);
    review.run(old, s.symbolKey, `The ${s.themeId} suggestion accepted on ${old} was meant for ${s.symbolKey} (${s.exchange} ${s.symbol}, ISIN ${s.isin}); it was moved there. Tag ${old} yourself if it belongs to the theme too.`, now);
  }
  refreshLinkedTags(db);
}

/** The shipped reference list, into the master (new rows only: what the user or a file taught stays). */
export function seedReference(db: Db, now: string): void {
  const security = db.prepare("INSERT OR IGNORE INTO securities (key, name, kind, country, currency, source) VALUES (?, ?, ?, ?, ?, 'reference')");
  const id = db.prepare("INSERT OR IGNORE INTO security_identifiers (kind, value, security_key, source, added_at) VALUES (?, ?, ?, 'reference', ?)");
  for (const s of REFERENCE_SECURITIES) {
    security.run(s.key, s.name, s.kind, s.country, s.currency);
    for (const l of s.listings) id.run('ticker', tickerId(marketOfMic(l.mic), l.ticker), s.key, now);
    for (const isin of [s.isin, ...(s.formerIsins ?? [])]) {
      if (!isin) continue;
      id.run('isin', isin, s.key, now);
      const cusip = cusipFromIsin(isin);
      if (cusip) id.run('cusip', cusip, s.key, now);
    }
    if (s.sedol) id.run('sedol', s.sedol, s.key, now);
  }
  const link = db.prepare("INSERT OR IGNORE INTO security_links (key, canonical_key, reason, source, created_at) VALUES (?, ?, 'listing', ?, ?)");
  for (const l of REFERENCE_LINKS) link.run(l.key, l.canonicalKey, `reference: ${l.why}`, now);
}
