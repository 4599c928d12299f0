/**
 * Encryption only on request: a key given for a plain database is refused with the file unchanged;
 * `themelens encrypt` and `decrypt` do it explicitly, each after a backup; the key leaves the
 * environment once read; encrypted connections keep temp data in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlainSqliteFile, openDatabase } from '../../db/connection';
import { run } from '../../cli/run';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIXTURE = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
let temp: { dir: string; cleanup: () => void };
beforeAll(() => {
  temp = makeTempDir('themelens-encrypt-');
});
afterAll(() => temp.cleanup());

describe('encryption only on request', () => {
  const key = randomBytes(32).toString('hex');

  it('a key for a plain database is refused and the file is unchanged', () => {
    const db = join(temp.dir, 'plain.db');
    expect(runCli(['--db', db, 'import', FIXTURE, '--portfolio', 'Main']).code).toBe(0);
    const before = sha(db);
    const r = runCli(['--db', db, 'portfolios'], { THEMELENS_DB_KEY: key });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plain\.db is not encrypted, so it takes no key; nothing was changed\. Unset THEMELENS_DB_KEY to open it, or encrypt it with "themelens encrypt"\./);
    expect(sha(db)).toBe(before);
    expect(isPlainSqliteFile(db)).toBe(true);
  });

  it('themelens encrypt, then decrypt, each after a backup; the data survives both', () => {
    const db = join(temp.dir, 'round.db');
    expect(runCli(['--db', db, 'import', FIXTURE, '--portfolio', 'Main']).code).toBe(0);
    expect(runCli(['--db', db, 'encrypt']).stderr).toMatch(/encrypt needs a key/);
    const enc = runCli(['--db', db, 'encrypt'], { THEMELENS_DB_KEY: key });
    expect(enc.code).toBe(0);
    expect(enc.stdout).toMatch(/^Encrypted .*round\.db and its backups \(the copy taken first: themelens-.*-manual\.db\)/);
    expect(isPlainSqliteFile(db)).toBe(false);
    expect(readFileSync(db).includes('NVDA')).toBe(false);
    expect(runCli(['--db', db, 'portfolios']).code).not.toBe(0); // no key: refused
    expect(runCli(['--db', db, 'portfolios'], { THEMELENS_DB_KEY: key }).stdout).toContain('Main');
    expect(runCli(['--db', db, 'encrypt'], { THEMELENS_DB_KEY: key }).stderr).toMatch(/already encrypted; nothing was changed/);

    const dec = runCli(['--db', db, 'decrypt'], { THEMELENS_DB_KEY: key });
    expect(dec.code).toBe(0);
    expect(isPlainSqliteFile(db)).toBe(true);
    expect(runCli(['--db', db, 'portfolios']).stdout).toContain('Main');
    const backups = runCli(['--db', db, 'backup', 'list']).stdout;
    expect(backups.match(/-manual\.db/g)?.length).toBe(2);
  });

  it('the key is gone from the environment once read (nothing started later inherits it)', async () => {
    const db = join(temp.dir, 'env.db');
    process.env['THEMELENS_DB_KEY'] = key;
    const out: string[] = [];
    const code = await run(['--db', db, 'themes'], { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(0);
    expect(out.join('')).toContain('data-centers');
    expect(process.env['THEMELENS_DB_KEY']).toBeUndefined();
    expect(isPlainSqliteFile(db)).toBe(false); // a new path with a key is created encrypted
  });

  it('encrypted connections keep SQLite temp data in memory (temp files are not encrypted)', () => {
    const db = join(temp.dir, 'temp-store.db');
    const conn = openDatabase(db, { key });
    expect(conn.pragma('temp_store', { simple: true })).toBe(2);
    conn.close();
  });
});
