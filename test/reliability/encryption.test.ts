/**
 * Optional encryption at rest (SQLite3 Multiple Ciphers through better-sqlite3-multiple-ciphers):
 * with a key the database, its -wal and its backups are ciphertext that plain SQLite cannot read;
 * a plain database is encrypted in place when encryption is turned on, its old backups too; a
 * wrong key is refused as "cannot unlock" without changing a byte; a restore round-trips.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups, verifyDatabaseFile } from '../../db/backup/backups';
import { isPlainSqliteFile, openDatabase } from '../../db/connection';
import { importOnThreads } from '../../db/import/run-import';
import { openBackend, type Backend } from '../../db/service/backend';
import { writeHoldingsCsv } from '../bench/generate';
import type { AppError } from '../../shared/api/errors';
import { ROOT, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const CANARY = 'ZQXCANARY';
const FIXTURE = join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv');
const newKey = () => randomBytes(32).toString('hex');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const importInput = (path: string, portfolioName: string) => ({ path, portfolioName, options: {}, rememberMapping: false, skipInvalid: false, allowDuplicate: false });

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

function setup() {
  const temp = makeTempDir('themelens-cipher-');
  cleanup = temp.cleanup;
  const csv = join(temp.dir, 'canary.csv');
  writeFileSync(csv, readFileSync(FIXTURE, 'utf8').replace(/,NVDA,/g, `,${CANARY},`));
  return { dir: temp.dir, dbPath: join(temp.dir, 'themelens.db'), csv };
}

/** Plain SQLite (the default build) cannot read the file: it is not a database to it. */
function plainCannotRead(path: string): void {
  expect(isPlainSqliteFile(path)).toBe(false);
  expect(readFileSync(path).includes(CANARY)).toBe(false);
  const plain = new Database(path, { readonly: true, fileMustExist: true });
  try {
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/file is not a database/);
  } finally {
    plain.close();
  }
}

async function tagged(b: Backend): Promise<unknown[]> {
  return (await b.handlers.listTags({})).map((t) => [t.symbolKey, t.themeId, t.weightBp]);
}

describe('encryption at rest', () => {
  it('a keyed database, its WAL and every backup are ciphertext; with the key everything reads back', async () => {
    const { dbPath, csv } = setup();
    const key = newKey();
    const b = await openBackend({ dbPath, key });
    await b.handlers.importHoldings(importInput(csv, 'Canary'));
    b.handlers.setTag({ symbolKey: CANARY, themeId: 'data-centers', weightBp: 5000 });
    const manual = await b.handlers.createBackup({});
    // While open, the WAL holds recent pages: encrypted too.
    if (existsSync(`${dbPath}-wal`)) expect(readFileSync(`${dbPath}-wal`).includes(CANARY)).toBe(false);
    b.close();
    plainCannotRead(dbPath);
    const backups = listBackups(dbPath);
    expect(backups.map((x) => x.reason).sort()).toEqual(['import', 'manual']);
    for (const x of backups) {
      plainCannotRead(x.path);
      expect(verifyDatabaseFile(x.path)).toBe(false); // without the key a backup is unreadable
      expect(verifyDatabaseFile(x.path, undefined, { key })).toBe(true);
    }
    const again = await openBackend({ dbPath, key });
    expect(await tagged(again)).toEqual([[CANARY, 'data-centers', 5000]]);
    expect((await again.handlers.listPortfolios({})).map((p) => p.name)).toEqual(['Canary']);
    again.close();
    expect(manual.file).toMatch(/-manual\.db$/);
  });

  it('the import thread (a large file) opens the encrypted database with the key too', async () => {
    const { dbPath } = setup();
    const key = newKey();
    const large = join(dbPath, '..', 'large.csv');
    await writeHoldingsCsv(large, 20_000);
    expect(importOnThreads(large, dbPath)).toBe(true);
    const b = await openBackend({ dbPath, key });
    const outcome = await b.handlers.importHoldings(importInput(large, 'Worker'));
    expect(outcome.imported).toBe(20_000);
    b.close();
    plainCannotRead(dbPath);
  });

  it('turning encryption on encrypts a plain database in place, and the backups taken before it', async () => {
    const { dbPath, csv } = setup();
    const plain = await openBackend({ dbPath });
    await plain.handlers.importHoldings(importInput(csv, 'Before'));
    plain.handlers.setTag({ symbolKey: CANARY, themeId: 'oil-logistics', weightBp: 2500 });
    plain.close();
    expect(readFileSync(dbPath).includes(CANARY)).toBe(true);
    const oldBackups = listBackups(dbPath);
    expect(oldBackups.length).toBeGreaterThan(0);
    expect(oldBackups.every((x) => isPlainSqliteFile(x.path))).toBe(true);

    const key = newKey();
    const b = await openBackend({ dbPath, key, encryptIfPlain: true });
    expect(await tagged(b)).toEqual([[CANARY, 'oil-logistics', 2500]]);
    b.close();
    plainCannotRead(dbPath);
    for (const x of listBackups(dbPath)) {
      plainCannotRead(x.path);
      expect(verifyDatabaseFile(x.path, undefined, { key })).toBe(true);
    }
  });

  it('a wrong key: "cannot unlock", the file byte for byte unchanged, nothing moved aside or created', async () => {
    const { dir, dbPath, csv } = setup();
    const key = newKey();
    const b = await openBackend({ dbPath, key });
    await b.handlers.importHoldings(importInput(csv, 'Locked'));
    b.close();
    const before = sha(dbPath);
    const files = readdirSync(dir).sort();
    for (const attempt of [newKey(), undefined]) {
      const err = await openBackend({ dbPath, key: attempt, startAfreshWhenDamaged: true }).then(
        () => null,
        (e: unknown) => e as AppError,
      );
      if (attempt) {
        expect(err?.code).toBe('CANNOT_UNLOCK');
        expect(err?.message).toBe(`Cannot unlock ${dbPath}: the key does not open it (a different key, or the file is not an encrypted ThemeLens database). The file was not changed.`);
      } else {
        // Without a key the plain build sees no database: refused, never taken for damage and moved aside.
        expect(err?.code).toBe('CANNOT_UNLOCK');
        expect(err?.message).toMatch(/^Cannot unlock .*: it is encrypted and no key was given/);
      }
      expect(sha(dbPath)).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(files);
    }
    expect(() => openDatabase(dbPath, { key: newKey() })).toThrow(/^Cannot unlock/);
    expect(sha(dbPath)).toBe(before);
    // The right key still opens it.
    const ok = await openBackend({ dbPath, key });
    expect((await ok.handlers.listPortfolios({})).map((p) => p.name)).toEqual(['Locked']);
    ok.close();
  });

  it('a plain database from a newer version is refused, not encrypted, when a key is given', async () => {
    const { dbPath } = setup();
    (await openBackend({ dbPath })).close();
    const raw = new Database(dbPath);
    raw.pragma('user_version = 999');
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha(dbPath);
    await expect(openBackend({ dbPath, key: newKey(), encryptIfPlain: true })).rejects.toMatchObject({ code: 'DB_FROM_FUTURE' });
    expect(sha(dbPath)).toBe(before);
    expect(isPlainSqliteFile(dbPath)).toBe(true);
  });

  it('an encrypted database damaged in the middle is moved aside and its newest backup (checked with the key) offered', async () => {
    const { dbPath } = setup();
    const key = newKey();
    const b = await openBackend({ dbPath, key });
    for (let i = 0; i < 400; i++) b.handlers.setTag({ symbolKey: `S${i}`, themeId: 'data-centers', weightBp: 5000 });
    const backup = await b.handlers.createBackup({});
    b.close();
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 8192);
    closeSync(fd);
    const fresh = await openBackend({ dbPath, key, startAfreshWhenDamaged: true });
    const status = await fresh.handlers.databaseStatus({});
    expect(status.damaged?.backup?.file).toBe(backup.file);
    expect(status.damaged?.movedTo).toMatch(/corrupt-[0-9TZ-]+\.db$/);
    await fresh.handlers.restoreBackup({ file: backup.file });
    fresh.close();
    const restored = await openBackend({ dbPath, key });
    expect((await restored.handlers.listTags({})).length).toBe(400);
    restored.close();
    plainCannotRead(dbPath);
  });

  it('a key that is not 64 hex digits is refused before the file is touched', () => {
    const { dbPath } = setup();
    expect(() => openDatabase(dbPath, { key: "x'; DROP TABLE tags; --" })).toThrow('The database key must be 64 hexadecimal digits (256 bits).');
  });

  it('restore of an encrypted backup round-trips to the same content', async () => {
    const { dbPath, csv } = setup();
    const key = newKey();
    const b = await openBackend({ dbPath, key });
    await b.handlers.importHoldings(importInput(csv, 'Round trip'));
    b.handlers.setTag({ symbolKey: CANARY, themeId: 'data-centers', weightBp: 7000 });
    const backup = await b.handlers.createBackup({});
    b.handlers.setTag({ symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 10000 });
    b.handlers.createPortfolio({ name: 'Later', baseCurrency: 'USD' });
    const r = await b.handlers.restoreBackup({ file: backup.file });
    expect(r.restartRequired).toBe(true);
    b.close();
    plainCannotRead(dbPath);
    const after = await openBackend({ dbPath, key });
    expect(await tagged(after)).toEqual([[CANARY, 'data-centers', 7000]]);
    expect((await after.handlers.listPortfolios({})).map((p) => p.name)).toEqual(['Round trip']);
    // The replaced state was kept, encrypted.
    const safety = listBackups(dbPath).find((x) => x.file === r.safetyCopy)!;
    plainCannotRead(safety.path);
    after.close();
  });

  it('the command line takes the key from THEMELENS_DB_KEY; without it, it cannot unlock', () => {
    const { dir, csv } = setup();
    const data = join(dir, 'data');
    const env = { THEMELENS_DATA_DIR: data, THEMELENS_DB_KEY: newKey() };
    expect(runCli(['import', csv, '--portfolio', 'CLI'], env).code).toBe(0);
    const report = runCli(['report', '--portfolio', 'CLI', '--format', 'json'], env);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain(CANARY);
    plainCannotRead(join(data, 'themelens.db'));
    const wrong = runCli(['portfolios'], { ...env, THEMELENS_DB_KEY: newKey() });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^themelens: Cannot unlock .*themelens\.db: the key does not open it/);
    const none = runCli(['portfolios'], { ...env, THEMELENS_DB_KEY: '' });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/it is encrypted and no key was given .* THEMELENS_DB_KEY\)\. The file was not changed\./);
    expect(readdirSync(data).filter((f) => f.startsWith('corrupt-'))).toEqual([]);
  }, 60_000);
});
