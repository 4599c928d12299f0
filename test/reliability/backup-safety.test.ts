/**
 * Backups never cost the user a backup: a refused import leaves none behind, rotation never deletes a
 * manual backup, and a restore refuses a link or a backup from a newer ThemeLens before changing anything.
 */
import { copyFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../db/backup/backups';
import { openBackend, type Backend } from '../../db/service/backend';
import { makeTempDir } from '../helpers/temp-dir';

const BAD = resolve(__dirname, '../fixtures/holdings/binary.bin');
let temp: { dir: string; cleanup: () => void } | null = null;
let backend: Backend | null = null;
afterEach(() => {
  backend?.close();
  backend = null;
  temp?.cleanup();
});

async function open(): Promise<{ b: Backend; dbPath: string; dir: string }> {
  temp = makeTempDir('themelens-backup-safety-');
  const dbPath = join(temp.dir, 'themelens.db');
  backend = await openBackend({ dbPath });
  return { b: backend, dbPath, dir: temp.dir };
}

const holdings = (dir: string, i: number) => {
  const path = join(dir, `h${i}.csv`);
  writeFileSync(path, `Symbol,Quantity,Market Value\nNVDA,${i + 1},${(i + 1) * 100}.00\n`);
  return path;
};

describe('backups around imports', () => {
  it('twelve refused imports leave no backup, and the manual one stays', async () => {
    const { b } = await open();
    const manual = await b.handlers.createBackup({});
    for (let i = 0; i < 12; i++) {
      await expect(b.handlers.importHoldings({ path: BAD, portfolioName: 'P', options: {}, rememberMapping: false, skipInvalid: false, allowDuplicate: false })).rejects.toThrow();
    }
    expect((await b.handlers.listBackups({})).map((x) => x.file)).toEqual([manual.file]);
  });

  it('rotation after many imports keeps the manual backup', async () => {
    const { b, dir } = await open();
    const manual = await b.handlers.createBackup({});
    for (let i = 0; i < 12; i++) {
      await b.handlers.importHoldings({ path: holdings(dir, i), portfolioName: 'P', options: {}, rememberMapping: false, skipInvalid: false, allowDuplicate: false });
    }
    const files = (await b.handlers.listBackups({})).map((x) => x.file);
    expect(files).toContain(manual.file);
    // The automatic ones still rotate: the 10 newest are kept, plus the manual one.
    expect(files.filter((f) => f.endsWith('-import.db'))).toHaveLength(10);
  });
});

describe('restore checks the backup first', () => {
  it('refuses a backup written by a newer schema, changing nothing', async () => {
    const { b, dbPath } = await open();
    b.handlers.createPortfolio({ name: 'Now', baseCurrency: 'USD' });
    const made = await b.handlers.createBackup({});
    const path = join(backupDir(dbPath), made.file);
    const future = new Database(path);
    future.pragma('user_version = 999');
    future.close();
    await expect(b.handlers.restoreBackup({ file: made.file })).rejects.toThrow(/written by a newer version of ThemeLens \(schema 999.*Nothing was changed/);
    expect((await b.handlers.listPortfolios({})).map((p) => p.name)).toEqual(['Now']);
    expect((await b.handlers.listBackups({})).map((x) => x.file)).toEqual([made.file]); // no safety copy was taken
  });

  it('refuses a symbolic link named like a backup', async () => {
    const { b, dbPath, dir } = await open();
    const made = await b.handlers.createBackup({});
    const elsewhere = join(dir, 'elsewhere.db');
    copyFileSync(join(backupDir(dbPath), made.file), elsewhere);
    const linkName = made.file.replace('-manual', '-import').replace(/T\d\d/, 'T00');
    symlinkSync(elsewhere, join(backupDir(dbPath), linkName));
    expect(readdirSync(backupDir(dbPath))).toContain(linkName);
    await expect(b.handlers.restoreBackup({ file: linkName })).rejects.toThrow(/is not a regular file .*Nothing was changed/);
  });
});
