/**
 * Migration 14 on a database written before the pack's 53 securities (schema 13): they enter the
 * master, and a position held so far under one of their ISINs alone is linked to the listing, its
 * tags with it, so the pack's suggestions reach it without a new import.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate, MIGRATIONS } from '../../../db/migrations';

/** A bank file's one position, held under its ISIN alone (no symbol), as the release before stored it; returns the time written. */
function holdUnderIsin(db: ReturnType<typeof openDatabase>, isin: string, description: string, valueCents: number, currency: string): string {
  const at = '2026-11-01T10:00:00.000Z';
  db.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (1, 'Bank', ?, ?)").run(currency, at);
  db.prepare("INSERT INTO snapshots (id, portfolio_id, as_of, source_file, file_sha256, row_count, currencies, first_position_id, last_position_id, imported_at) VALUES (1, 1, '2026-10-31', 'bank.csv', 'x', 1, ?, 1, 1, ?)").run(currency, at);
  db.prepare('INSERT INTO positions (id, snapshot_id, line, symbol, symbol_key, isin, description, value_cents, currency) VALUES (1, 1, 2, NULL, ?, ?, ?, ?, ?)').run(isin, isin, description, valueCents, currency);
  return at;
}

describe("migration 14: the pack's securities", () => {
  it('seeds them, links ISIN-only positions to them with their tags, and keeps Arista under both ISINs', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 13);
    // As the release before wrote it: a master without Schneider Electric, and Arista under its old ISIN only.
    db.exec("DELETE FROM security_identifiers WHERE security_key = 'XPAR:SU' OR value = 'US0404132054'; DELETE FROM securities WHERE key = 'XPAR:SU'");
    const at = holdUnderIsin(db, 'FR0000121972', 'SCHNEIDER ELECTRIC SE', 240_000, 'EUR');
    db.prepare("INSERT INTO tags (symbol_key, theme_id, weight_bp, source, rationale, source_url, updated_at) VALUES ('FR0000121972', 'data-centers', 3000, 'manual', NULL, NULL, ?)").run(at);

    migrate(db);
    expect(db.prepare("SELECT name FROM securities WHERE key = 'XPAR:SU'").pluck().get()).toBe('Schneider Electric SE');
    expect(db.prepare("SELECT canonical_key FROM security_links WHERE key = 'FR0000121972'").pluck().get()).toBe('XPAR:SU');
    // The tag moved to the security (its history says so); the ISIN key keeps a linked copy.
    expect(db.prepare("SELECT symbol_key AS k, weight_bp AS w, source AS s FROM tags ORDER BY k").all()).toEqual([
      { k: 'FR0000121972', w: 3000, s: 'linked' },
      { k: 'XPAR:SU', w: 3000, s: 'manual' },
    ]);
    expect(db.prepare("SELECT value FROM security_identifiers WHERE kind = 'isin' AND security_key = 'ANET' ORDER BY value").pluck().all()).toEqual(['US0404131064', 'US0404132054']);
    // Positions keep their keys and values: nothing is rewritten.
    expect(db.prepare('SELECT symbol_key, value_cents FROM positions').raw().all()).toEqual([['FR0000121972', 240_000]]);
    db.close();
  });
});

describe("migration 15: version 4's securities", () => {
  it('reach a database already at schema 14: Noritake enters the master and a DEGIRO-style ISIN-only position is linked to it', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 14);
    // As the release with pack version 3 wrote it: no Noritake in the master.
    db.exec("DELETE FROM security_identifiers WHERE security_key = 'XTKS:5331'; DELETE FROM securities WHERE key = 'XTKS:5331'");
    holdUnderIsin(db, 'JP3763000001', 'NORITAKE CO LTD', 52_300_000, 'JPY');

    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare("SELECT name FROM securities WHERE key = 'XTKS:5331'").pluck().get()).toBe('Noritake Co., Limited');
    expect(db.prepare("SELECT canonical_key FROM security_links WHERE key = 'JP3763000001'").pluck().get()).toBe('XTKS:5331');
    expect(db.prepare('SELECT symbol_key, value_cents FROM positions').raw().all()).toEqual([['JP3763000001', 52_300_000]]);
    db.close();
  });
});
