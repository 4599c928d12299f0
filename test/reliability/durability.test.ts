import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { importHoldingsFile } from '../../db/import/import-file';
import { importOnThreads } from '../../db/import/run-import';
import { writeHoldingsCsv } from '../bench/generate';
import { checkSqliteVersion, durability, sqliteVersionSupported } from '../../db/integrity/durability';
import { migrate } from '../../db/migrations';
import { openBackend } from '../../db/service/backend';
import { dumpContent } from '../helpers/db-content';
import { ROOT } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIXTURE = join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv');
const importInput = (portfolioName: string) => ({ path: FIXTURE, portfolioName, options: {}, skipInvalid: true, allowDuplicate: true, rememberMapping: false });

describe('every connection the app opens is durable (synchronous=FULL, WAL)', () => {
  const temp = makeTempDir('themelens-durable-');
  afterAll(() => temp.cleanup());

  /** A plain better-sqlite3 connection to an existing WAL database, with the library's defaults. */
  const plainWalConnection = (path: string): Database.Database => {
    const first = new Database(path);
    first.pragma('journal_mode = WAL');
    first.close();
    return new Database(path);
  };

  it('this better-sqlite3 build opens WAL databases with synchronous=NORMAL, which is why FULL is set explicitly', () => {
    const raw = plainWalConnection(join(temp.dir, 'raw.db'));
    expect(durability(raw)).toEqual({ synchronous: 1, journalMode: 'wal' });
    raw.close();
  });

  it('the main connection', async () => {
    const b = await openBackend({ dbPath: join(temp.dir, 'main.db') });
    expect(durability(b.db)).toEqual({ synchronous: 2, journalMode: 'wal' });
    b.close();
  });

  it('an import refuses a connection that is not durable, writing nothing', async () => {
    const path = join(temp.dir, 'normal.db');
    const raw = plainWalConnection(path);
    migrate(raw);
    const before = dumpContent(path);
    await expect(importHoldingsFile(raw, importInput('P'), '2026-01-01T00:00:00Z')).rejects.toThrow(/not durable \(synchronous=1, journal_mode=wal\)/);
    raw.close();
    expect(dumpContent(path)).toBe(before);
  });

  // importHoldingsFile checks its connection (above), so these imports prove the import's own
  // connections (a small file's, in this thread, and a large file's, on the import thread) are durable.
  it.each([false, true])('the import connection (on threads: %s)', async (threads) => {
    const dbPath = join(temp.dir, `import-${String(threads)}.db`);
    const path = threads ? join(temp.dir, 'large.csv') : FIXTURE;
    if (threads) await writeHoldingsCsv(path, 20_000);
    expect(importOnThreads(path, dbPath)).toBe(threads);
    const b = await openBackend({ dbPath });
    const outcome = await b.handlers.importHoldings({ ...importInput('P'), path });
    expect(outcome.imported).toBeGreaterThan(0);
    b.close();
  });
});

describe('the SQLite version is checked at start-up and reported', () => {
  it.each([
    ['3.36.0', false],
    ['3.37.0', true],
    ['3.37.2', true],
    ['3.50.4', true],
    ['4.0.0', true],
    ['2.99.0', false],
  ] as const)('%s supported: %s', (version, ok) => {
    expect(sqliteVersionSupported(version)).toBe(ok);
  });

  it('an old SQLite is refused with a message naming both versions', () => {
    expect(() => checkSqliteVersion('3.36.0')).toThrow('ThemeLens needs SQLite 3.37.0 or newer (for STRICT tables); this build has 3.36.0. Reinstall ThemeLens.');
  });

  it('the backend returns the version for the shell to log, and databaseStatus shows it', async () => {
    const temp = makeTempDir('themelens-version-');
    const b = await openBackend({ dbPath: join(temp.dir, 'v.db') });
    expect(sqliteVersionSupported(b.sqliteVersion)).toBe(true);
    expect(await b.handlers.databaseStatus({})).toEqual({ readOnly: false, message: null, said: null, sqliteVersion: b.sqliteVersion, schemaVersion: expect.any(Number), damaged: null });
    b.close();
    temp.cleanup();
  });
});
