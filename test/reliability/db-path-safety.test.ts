/**
 * `--db` pointed at something that is not a ThemeLens database: refused with one line, and left
 * exactly as it was (bytes, mode, name; no corrupt-* copy, no -wal beside it).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../db/integrity/ownership';
import { openBackend } from '../../db/service/backend';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

let temp: { dir: string; cleanup: () => void };
beforeAll(() => {
  temp = makeTempDir('themelens-dbpath-');
});
afterAll(() => temp.cleanup());

const stateOf = (path: string) => {
  const st = statSync(path);
  return { mode: st.mode, bytes: st.isFile() ? readFileSync(path).toString('base64') : null };
};

function expectRefusedUntouched(path: string, message: RegExp) {
  const before = stateOf(path);
  const listing = readdirSync(temp.dir).sort();
  const r = runCli(['--db', path, 'portfolios']);
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain('nothing was changed');
  expect(stateOf(path)).toEqual(before);
  expect(readdirSync(temp.dir).sort()).toEqual(listing);
}

describe('--db refuses what is not ours, before any chmod or rename', () => {
  it('a text file', () => {
    const p = join(temp.dir, 'notes.txt');
    writeFileSync(p, 'Symbol,Quantity\nNVDA,10\n'.repeat(50));
    chmodSync(p, 0o644);
    expectRefusedUntouched(p, /notes\.txt is not a SQLite database/);
  });

  it('a folder', () => {
    const p = join(temp.dir, 'folder');
    mkdirSync(p, { mode: 0o755 });
    chmodSync(p, 0o755);
    expectRefusedUntouched(p, /folder is a folder, not a ThemeLens database file/);
  });

  it('a symbolic link, and a device', () => {
    const target = join(temp.dir, 'real.db');
    writeFileSync(target, '');
    const link = join(temp.dir, 'link.db');
    symlinkSync(target, link);
    const r = runCli(['--db', link, 'portfolios']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/link\.db is a symbolic link/);
    const dev = runCli(['--db', '/dev/null', 'portfolios']);
    expect(dev.code).toBe(1);
    expect(dev.stderr).toMatch(/\/dev\/null is a device/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it("another program's SQLite database (no application id, and with a foreign one)", () => {
    const plain = join(temp.dir, 'other.sqlite');
    const other = new Database(plain);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'keep me\');');
    other.close();
    chmodSync(plain, 0o644);
    expectRefusedUntouched(plain, /another program's SQLite database/);
    expect(existsSync(`${plain}-wal`)).toBe(false);

    const tagged = join(temp.dir, 'tagged.sqlite');
    const t = new Database(tagged);
    t.pragma('application_id = 1234');
    t.close();
    expectRefusedUntouched(tagged, /another program's SQLite database/);
  });
});

describe('our own files', () => {
  it('a new database carries ThemeLens application_id', async () => {
    const p = join(temp.dir, 'new.db');
    expect(runCli(['--db', p, 'portfolios']).code).toBe(0);
    expect(readFileSync(p).readUInt32BE(68)).toBe(APPLICATION_ID);
  });

  it('a database from before application_id (our tables, id 0) opens and gets the id', async () => {
    const p = join(temp.dir, 'older.db');
    const b = await openBackend({ dbPath: p });
    b.handlers.createPortfolio({ name: 'Kept', baseCurrency: 'USD' });
    b.db.pragma('application_id = 0');
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    b.close();
    expect(readFileSync(p).readUInt32BE(68)).toBe(0);
    const r = runCli(['--db', p, 'portfolios']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kept');
    expect(readFileSync(p).readUInt32BE(68)).toBe(APPLICATION_ID);
  });
});
