import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { backupBeforeMigration, LATEST_VERSION, migrate, MIGRATIONS, needsMigration, schemaVersion, type Migration } from '../../../db/migrations';
import { openBackend } from '../../../db/service/backend';
import { ensureDataDir } from '../../../db/paths';
import { makeTempDir } from '../../helpers/temp-dir';

let cleanup: (() => void) | null = null;
const temp = () => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  return t.dir;
};
afterEach(() => cleanup?.());

describe('connection settings', () => {
  it('uses WAL, synchronous=FULL and foreign keys on every connection', () => {
    const db = openDatabase(join(temp(), 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('sets synchronous=FULL explicitly on every connection (a WAL build defaulting to NORMAL can lose the last commit on power loss)', () => {
    const dir = temp();
    const raw = new Database(join(dir, 'raw.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL'); // what a build with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1 gives
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    raw.close();
    const ours = openDatabase(join(dir, 'raw.db'));
    expect(ours.pragma('synchronous', { simple: true })).toBe(2);
    expect(ours.pragma('journal_mode', { simple: true })).not.toMatch(/^(off|memory)$/);
    ours.close();
  });

  it('creates the data folder 0700 and the database, -wal and -shm files 0600', async () => {
    const dir = join(temp(), 'data');
    const path = ensureDataDir(dir);
    const backend = await openBackend({ dbPath: path });
    backend.db.prepare("INSERT INTO fx_rates (currency, quote, rate, as_of) VALUES ('EUR', 'USD', '1.1', '2026-01-01')").run();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['themelens.db', 'themelens.db-shm', 'themelens.db-wal']);
    backend.close();
  });
});

describe('migrations', () => {
  it('migration 1 creates STRICT tables and seeds the three default themes', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%'").all();
    expect(strict).toEqual([]);
    expect(db.prepare('SELECT id FROM themes ORDER BY sort_order').pluck().all()).toEqual(['data-centers', 'oil-logistics', 'diamond-semiconductors']);
  });

  it('refuses a database written by a newer version, without writing', async () => {
    const path = join(temp(), 'future.db');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    const before = readFileSync(path);
    await expect(openBackend({ dbPath: path })).rejects.toThrow(new RegExp(`newer version of ThemeLens \\(schema 99; this version knows ${LATEST_VERSION}\\)`));
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const db = openDatabase(':memory:');
    db.pragma('user_version = 77');
    expect(() => migrate(db)).toThrow(/schema 77/);
  });

  it('runs all steps in one transaction: a failing step leaves the old version and no partial tables', () => {
    const db = openDatabase(':memory:');
    const failing: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'half', up: (d) => { d.exec('CREATE TABLE half_done (x INTEGER) STRICT'); throw new Error('boom'); } },
    ];
    migrate(db);
    expect(() => migrate(db, failing)).toThrow('boom');
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
  });

  it('takes a db.backup() copy before migrating an existing file, readable by the user only', async () => {
    const path = join(temp(), 'old.db');
    const db = openDatabase(path);
    migrate(db);
    db.prepare("INSERT INTO portfolios (name, base_currency, created_at) VALUES ('Kept', 'USD', 'now')").run();
    const next: Migration[] = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'next', up: (d) => d.exec('CREATE TABLE extra (x INTEGER) STRICT') }];
    expect(needsMigration(db, next)).toBe(true);
    const backup = await backupBeforeMigration(db, path);
    migrate(db, next);
    db.close();
    expect(existsSync(backup)).toBe(true);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(copy.prepare('SELECT name FROM portfolios').pluck().all()).toEqual(['Kept']);
    copy.close();
  });

  it('migration 2 adds saved column mappings and keeps every existing row', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 1);
    db.prepare("INSERT INTO portfolios (name, base_currency, created_at) VALUES ('Old', 'EUR', 'then')").run();
    db.prepare("INSERT INTO tags (symbol_key, theme_id, weight_bp, updated_at) VALUES ('NVDA', 'data-centers', 5000, 'then')").run();
    const before = ['portfolios', 'themes', 'tags'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
    migrate(db, MIGRATIONS, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(['portfolios', 'themes', 'tags'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).toEqual(before);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'presets'").pluck().get()).toBe(1);
  });

  it('migration 3 adds rules and suggestion decisions and keeps every existing row', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 2);
    db.prepare("INSERT INTO tags (symbol_key, theme_id, weight_bp, updated_at) VALUES ('NVDA', 'data-centers', 5000, 'then')").run();
    db.prepare("INSERT INTO presets (fingerprint, headers, mapping, created_at, updated_at) VALUES ('f', '[]', '{}', 'then', 'then')").run();
    const before = ['tags', 'presets'].map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    migrate(db, MIGRATIONS, 3);
    expect(['tags', 'presets'].map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(db.prepare("SELECT name FROM pragma_table_list WHERE name IN ('rules', 'suggestion_decisions') AND strict = 1 ORDER BY name").pluck().all()).toEqual(['rules', 'suggestion_decisions']);
  });

  it('migration 4 adds fund look-through tables and keeps every existing row', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 3);
    db.prepare("INSERT INTO rules (kind, pattern, theme_id, weight_bp, created_at) VALUES ('symbols', 'NVDA', 'data-centers', 5000, 'then')").run();
    const before = db.prepare('SELECT * FROM rules').all();
    migrate(db, MIGRATIONS, 4);
    expect(db.prepare('SELECT * FROM rules').all()).toEqual(before);
    expect(db.prepare("SELECT name FROM pragma_table_list WHERE name IN ('funds', 'fund_holdings') AND strict = 1 ORDER BY name").pluck().all()).toEqual(['fund_holdings', 'funds']);
  });

  it('migration 5 gives themes an optional parent and keeps every theme', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 4);
    const before = db.prepare('SELECT * FROM themes').all();
    migrate(db, MIGRATIONS, 5);
    expect(db.prepare('SELECT id, pack, name, color, description, sort_order, is_default FROM themes').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM themes WHERE parent_id IS NOT NULL').pluck().get()).toBe(0);
  });

  it('migration 8 dates exchange rates: each rate kept with its date, and a second day of one pair now fits', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 7);
    db.prepare("INSERT INTO fx_rates (currency, quote, rate, as_of) VALUES ('EUR', 'USD', '1.0845', '2026-11-20')").run();
    expect(() => db.prepare("INSERT INTO fx_rates (currency, quote, rate, as_of) VALUES ('EUR', 'USD', '1.1', '2026-11-21')").run()).toThrow(/UNIQUE/);
    migrate(db, MIGRATIONS, 8);
    expect(db.prepare('SELECT currency, quote, rate, as_of, source FROM fx_rates').all()).toEqual([{ currency: 'EUR', quote: 'USD', rate: '1.0845', as_of: '2026-11-20', source: 'entered' }]);
    db.prepare("INSERT INTO fx_rates (currency, quote, rate, as_of) VALUES ('EUR', 'USD', '1.1', '2026-11-21')").run();
    expect(() => db.prepare("INSERT INTO fx_rates (currency, quote, rate, as_of) VALUES ('EUR', 'USD', '1.1', 'soon')").run()).toThrow(/CHECK/);
  });

  it("migration 22 changes no table; a ThemeLens that knows 21 refuses the file, whose checks may hold a kind it cannot read", () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 21);
    const tables = () => db.prepare("SELECT name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
    const before = tables();
    migrate(db, MIGRATIONS, 22);
    expect(tables()).toEqual(before);
    expect(schemaVersion(db)).toBe(22);
    expect(() => migrate(db, MIGRATIONS.slice(0, 21))).toThrow(/newer version of ThemeLens \(schema 22; this version knows 21\)/);
  });

  it('checks that migration versions are consecutive', () => {
    const db = openDatabase(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: () => {} }])).toThrow(/expected 1/);
  });
});
