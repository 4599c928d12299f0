/**
 * Migration 12 on a database as the release before it wrote one (schema 11): symbol-keyed tags, their
 * history and their sources move to securities, nothing lost; a suggestion accepted under another
 * company's ticker (Anglo American's on a US "AAL") moves to the security it was meant for.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate, MIGRATIONS } from '../../../db/migrations';

describe('migration 12: securities', () => {
  it('moves tags of keys that are known securities to them, keeps every tag and its history', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 11);
    const at = '2026-11-01T10:00:00.000Z';
    db.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (1, 'Old', 'USD', ?)").run(at);
    db.prepare("INSERT INTO snapshots (id, portfolio_id, as_of, source_file, file_sha256, row_count, currencies, first_position_id, last_position_id, imported_at) VALUES (1, 1, '2026-10-31', 'old.csv', 'x', 4, 'EUR,JPY,USD', 1, 4, ?)").run(at);
    const pos = db.prepare('INSERT INTO positions (id, snapshot_id, line, symbol, symbol_key, isin, description, value_cents, currency) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)');
    pos.run(1, 2, '9984', '9984', null, 'ソフトバンクグループ', 1_000_000, 'JPY');
    pos.run(2, 3, null, 'US67066G1040', 'US67066G1040', 'NVIDIA CORP', 80_000, 'EUR');
    pos.run(3, 4, 'AAL', 'AAL', null, 'AMERICAN AIRLS GROUP INC', 150_000, 'USD');
    pos.run(4, 5, 'ACME', 'ACME', null, 'ACME CORP', 10_000, 'USD');
    const tag = db.prepare('INSERT INTO tags (symbol_key, theme_id, weight_bp, source, rationale, source_url, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const event = db.prepare('INSERT INTO tag_events (symbol_key, theme_id, old_weight_bp, new_weight_bp, source, at) VALUES (?, ?, NULL, ?, ?, ?)');
    tag.run('9984', 'data-centers', 3000, 'manual', 'SoftBank leads the Ohio project', null, at);
    event.run('9984', 'data-centers', 3000, 'manual', at);
    tag.run('US67066G1040', 'data-centers', 5000, 'manual', null, null, at);
    event.run('US67066G1040', 'data-centers', 5000, 'manual', at);
    tag.run('AAL', 'diamond-semiconductors', 200, 'suggestion', 'Anglo American owns De Beers', 'https://www.angloamerican.com/investors', at);
    tag.run('ACME', 'oil-logistics', 10000, 'manual', null, null, at);
    db.prepare("INSERT INTO suggestion_decisions (symbol_key, theme_id, decision, decided_at) VALUES ('AAL', 'diamond-semiconductors', 'accepted', ?)").run(at);

    migrate(db);

    const tags = db.prepare("SELECT symbol_key AS k, theme_id AS t, weight_bp AS w, source AS s, rationale AS r FROM tags WHERE source <> 'linked' ORDER BY k, t").all();
    expect(tags).toEqual([
      { k: 'ACME', t: 'oil-logistics', w: 10000, s: 'manual', r: null },
      { k: 'NVDA', t: 'data-centers', w: 5000, s: 'manual', r: null },
      { k: 'XLON:AAL', t: 'diamond-semiconductors', w: 200, s: 'suggestion', r: 'Anglo American owns De Beers' },
      { k: 'XTKS:9984', t: 'data-centers', w: 3000, s: 'manual', r: 'SoftBank leads the Ohio project' },
    ]);
    // The old keys take their security's tags (and SoftBank's ADR, by the shipped link); American Airlines takes none.
    expect(db.prepare("SELECT symbol_key AS k, weight_bp AS w FROM tags WHERE source = 'linked' ORDER BY k").all()).toEqual([
      { k: '9984', w: 3000 },
      { k: 'SFTBY', w: 3000 },
      { k: 'US67066G1040', w: 5000 },
    ]);
    expect(db.prepare("SELECT key, canonical_key AS c, reason FROM security_links WHERE source LIKE 'migration%' ORDER BY key").all()).toEqual([
      { key: '9984', c: 'XTKS:9984', reason: 'identifier' },
      { key: 'US67066G1040', c: 'NVDA', reason: 'identifier' },
    ]);
    // History kept, with each move in it.
    expect(db.prepare("SELECT symbol_key AS k, old_weight_bp AS o, new_weight_bp AS n FROM tag_events WHERE theme_id = 'data-centers' ORDER BY id").all()).toEqual([
      { k: '9984', o: null, n: 3000 },
      { k: 'US67066G1040', o: null, n: 5000 },
      { k: '9984', o: 3000, n: null },
      { k: 'XTKS:9984', o: null, n: 3000 },
      { k: 'US67066G1040', o: 5000, n: null },
      { k: 'NVDA', o: null, n: 5000 },
    ]);
    expect(db.prepare('SELECT symbol_key FROM suggestion_decisions').pluck().all()).toEqual(['XLON:AAL']);
    expect(db.prepare("SELECT symbol_key AS k, candidates AS c FROM security_reviews WHERE status = 'open'").all()).toEqual([{ k: 'AAL', c: 'XLON:AAL' }]);
    // Positions keep their keys and values: nothing is rewritten.
    expect(db.prepare('SELECT symbol_key FROM positions ORDER BY id').pluck().all()).toEqual(['9984', 'US67066G1040', 'AAL', 'ACME']);
    db.close();
  });
});
