import { existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDir } from '../../db/backup/backups';
import { isDamage } from '../../db/integrity/open-checked';
import { openBackend } from '../../db/service/backend';
import { AppError } from '../../shared/api/errors';
import { makeTempDir } from '../helpers/temp-dir';

describe('only damage moves a database aside', () => {
  it.each([
    ['SQLITE_CORRUPT', true],
    ['SQLITE_CORRUPT_INDEX', true],
    ['SQLITE_NOTADB', true],
    ['SQLITE_BUSY', false],
    ['SQLITE_CANTOPEN', false],
    ['SQLITE_READONLY', false],
    ['SQLITE_IOERR_READ', false],
  ] as const)('%s: %s', (sqlite, damage) => {
    expect(isDamage(new AppError('IO', 'x', { sqlite }))).toBe(damage);
    expect(isDamage(Object.assign(new Error('x'), { code: sqlite }))).toBe(damage);
  });

  it('a newer schema or an error without a SQLite code is not damage', () => {
    expect(isDamage(new AppError('DB_FROM_FUTURE', 'x'))).toBe(false);
    expect(isDamage(new Error('x'))).toBe(false);
  });
});

describe('the backup offered after damage is one that verifies now', () => {
  const temp = makeTempDir('themelens-offer-');
  afterAll(() => temp.cleanup());

  it('a damaged newer backup is passed over for an older sound one', async () => {
    const path = join(temp.dir, 'themelens.db');
    const b = await openBackend({ dbPath: path });
    b.handlers.createPortfolio({ name: 'Kept', baseCurrency: 'USD' });
    const sound = await b.handlers.createBackup({});
    b.close();
    const broken = join(backupDir(path), 'themelens-2099-01-01T00-00-00-000Z-manual.db');
    writeFileSync(broken, 'not a database');
    truncateSync(path, 1000);
    const err = await openBackend({ dbPath: path }).then(() => null, (e: unknown) => e as AppError);
    expect(err?.code).toBe('CORRUPT');
    expect(err?.details?.['newestBackup']).toBe(sound.file);
    expect(existsSync(broken)).toBe(true); // a bad backup is left for the user to look at, not deleted
  });
});

describe('a locked database is refused as busy, never moved aside', () => {
  const temp = makeTempDir('themelens-locked-');
  afterAll(() => temp.cleanup());

  it('another connection holding an exclusive lock', async () => {
    const path = join(temp.dir, 'themelens.db');
    (await openBackend({ dbPath: path })).close();
    const other = new Database(path);
    other.pragma('journal_mode = DELETE'); // a rollback-journal file: an exclusive lock keeps readers out
    other.exec('BEGIN EXCLUSIVE');
    other.exec("INSERT INTO fx_rates (currency, quote, rate, as_of) VALUES ('EUR', 'USD', '1.1', '2026-01-01')");
    try {
      const err = await openBackend({ dbPath: path }).then(() => null, (e: unknown) => e as AppError);
      expect(err?.code).toBe('IO');
      expect(err?.message).toMatch(/^The database is busy/);
      expect(existsSync(path)).toBe(true);
      expect(readdirSync(temp.dir).filter((f) => f.startsWith('corrupt-'))).toEqual([]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 15_000);
});
