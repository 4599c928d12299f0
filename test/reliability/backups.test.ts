import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, listBackups, verifyDatabaseFile } from '../../db/backup/backups';
import { openDatabase } from '../../db/connection';
import { migrateWithBackup, MIGRATIONS, schemaVersion, type Migration } from '../../db/migrations';
import { openBackend, type Backend } from '../../db/service/backend';
import { ROOT } from '../helpers/cli';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());
const fresh = () => {
  const t = makeTempDir('themelens-backups-');
  cleanup = t.cleanup;
  return t.dir;
};
const importInput = (portfolioName: string) => ({ path: join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), portfolioName, options: {}, skipInvalid: true, allowDuplicate: true, rememberMapping: false });

async function withData(dir: string): Promise<Backend> {
  const b = await openBackend({ dbPath: join(dir, 'themelens.db') });
  await b.handlers.importHoldings(importInput('Client'));
  b.handlers.setTag({ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 5000 });
  b.handlers.setFxRate({ currency: 'EUR', quote: 'USD', rate: '1.1' });
  return b;
}

describe('backups are verified, self-contained, private copies', () => {
  it('a backup is one 0600 file in rollback-journal mode: no -wal or -shm left in the backups folder', async () => {
    const dir = fresh();
    const b = await withData(dir);
    const made = await b.handlers.createBackup({});
    b.close();
    expect(readdirSync(backupDir(join(dir, 'themelens.db'))).sort()).toEqual(listBackups(join(dir, 'themelens.db')).map((x) => x.file).sort());
    expect(statSync(made.path).mode & 0o777).toBe(0o600);
    expect(verifyDatabaseFile(made.path)).toBe(true);
    const copy = new Database(made.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(readdirSync(backupDir(join(dir, 'themelens.db'))).filter((f) => /-(wal|shm)$/.test(f))).toEqual([]);
  });

  it('restore through the API round-trips every table and tells the app to restart', async () => {
    const dir = fresh();
    const path = join(dir, 'themelens.db');
    const b = await withData(dir);
    const made = await b.handlers.createBackup({});
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = dumpContent(path);
    await b.handlers.importHoldings(importInput('Other'));
    b.handlers.setTag({ symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 10000 });
    expect(dumpContent(path)).not.toBe(before);
    const r = await b.handlers.restoreBackup({ file: made.file });
    expect(r).toEqual({ restored: made.file, safetyCopy: expect.stringMatching(/-before-restore\.db$/), restartRequired: true });
    expect(dumpContent(path)).toBe(before);
    b.close();
    // And after the restart the app asks for, the restored content is what it opens.
    const again = await openBackend({ dbPath: path });
    expect((await again.handlers.listPortfolios({})).map((p) => p.name)).toEqual(['Client']);
    again.close();
    expect(dumpContent(path)).toBe(before);
  });

  it('a temporary copy left by a killed backup is cleared once it is an hour old', async () => {
    const dir = fresh();
    const b = await withData(dir);
    const folder = backupDir(join(dir, 'themelens.db'));
    const stale = join(folder, '.themelens-2026-01-01T00-00-00-000Z-manual.db.tmp');
    const recent = join(folder, '.themelens-2026-01-02T00-00-00-000Z-manual.db.tmp');
    writeFileSync(stale, 'half a copy');
    writeFileSync(recent, 'being written');
    utimesSync(stale, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));
    await b.handlers.createBackup({});
    b.close();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it('a backup of a small database does not noticeably slow a small import', async () => {
    const dir = fresh();
    const b = await withData(dir);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await b.handlers.createBackup({});
      times.push(performance.now() - t0);
    }
    b.close();
    const median = times.sort((x, y) => x - y)[2] as number;
    console.log(`backup of a ${Math.round(statSync(join(dir, 'themelens.db')).size / 1024)} KB database: median ${median.toFixed(1)} ms`);
    expect(median).toBeLessThan(150);
  });
});

describe('a migration that throws rolls back and leaves the pre-migration backup', () => {
  it('the file keeps its version and content; the backup verifies and holds the same content', async () => {
    const dir = fresh();
    const path = join(dir, 'themelens.db');
    const b = await withData(dir);
    b.close();
    const before = dumpContent(path);
    const db = openDatabase(path);
    const failing: Migration[] = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', up: (d) => {
      d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
      d.exec('DELETE FROM tags');
      throw new Error('step failed');
    } }];
    await expect(migrateWithBackup(db, path, failing)).rejects.toThrow('step failed');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
    expect(dumpContent(path)).toBe(before);
    const [backup] = listBackups(path);
    expect(backup?.reason).toBe('migration'); // the newest
    expect(verifyDatabaseFile(backup!.path)).toBe(true);
    expect(dumpContent(backup!.path)).toBe(before);
    // The current version needs no migration, so no backup is due.
    const again = openDatabase(path);
    await migrateWithBackup(again, path);
    again.close();
    expect(listBackups(path).filter((x) => x.reason === 'migration')).toHaveLength(1);
  });
});
