import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDir, listBackups, rotateBackups } from '../../db/backup/backups';
import { runCli, ROOT } from '../helpers/cli';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

describe('backups', () => {
  const temp = makeTempDir('themelens-backup-');
  const db = join(temp.dir, 'themelens.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());

  it('takes a verified, private backup before every import', () => {
    expect(cli('import', join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), '--portfolio', 'P').code).toBe(0);
    const list = listBackups(db);
    expect(list.map((b) => b.reason)).toEqual(['import']);
    expect(statSync(list[0]!.path).mode & 0o777).toBe(0o600);
    expect(statSync(backupDir(db)).mode & 0o777).toBe(0o700);
  });

  it('restores a backup to exactly the content it had, keeping a copy of the state it replaced', () => {
    cli('tag', 'NVDA', 'data-centers', '--weight', '0.5');
    const created = cli('backup', 'create');
    expect(created.code).toBe(0);
    const snapshot = dumpContent(db);
    cli('tag', 'NVDA', 'data-centers', '--weight', '0.9');
    cli('tag', 'KMI', 'oil-logistics');
    expect(dumpContent(db)).not.toBe(snapshot);
    const file = created.stdout.trim().split('/').pop() as string;
    const r = cli('backup', 'restore', file);
    expect(r.stdout).toMatch(/^Restored themelens-.*-manual\.db; the state before it is kept as themelens-.*-before-restore\.db\n$/);
    expect(dumpContent(db)).toBe(snapshot);
    expect(cli('backup', 'list').stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[1])).toEqual(['before-restore', 'manual', 'import']);
  });

  it('refuses to restore a damaged backup and changes nothing', () => {
    const bad = join(backupDir(db), 'themelens-2026-01-01T00-00-00-000Z-manual.db');
    writeFileSync(bad, 'this is not a database');
    const before = dumpContent(db);
    const r = cli('backup', 'restore', 'themelens-2026-01-01T00-00-00-000Z-manual.db');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fails its integrity check; choose another backup\. Nothing was changed\./);
    expect(dumpContent(db)).toBe(before);
  });

  it("refuses to restore another program's SQLite file put in the backups folder (it restored, and then every command refused the database)", () => {
    const stranger = join(backupDir(db), 'themelens-2026-01-02T00-00-00-000Z-manual.db');
    const other = new Database(stranger);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const before = dumpContent(db);
    const r = cli('backup', 'restore', 'themelens-2026-01-02T00-00-00-000Z-manual.db');
    expect(r).toMatchObject({ code: 1, stderr: "themelens: themelens-2026-01-02T00-00-00-000Z-manual.db is not a ThemeLens database (another program's SQLite file); choose another backup. Nothing was changed.\n" });
    expect(dumpContent(db)).toBe(before);
    expect(cli('portfolios').code).toBe(0);
  });

  it('keeps the last 10 and the newest of each day for 30 days', () => {
    const dir = join(temp.dir, 'rot', 'backups');
    mkdirSync(dir, { recursive: true });
    const now = new Date('2026-11-25T12:00:00.000Z');
    const names: string[] = [];
    for (let d = 0; d < 40; d++) {
      for (const h of [9, 15]) {
        const t = new Date(now.getTime() - d * 86_400_000 - (24 - h) * 3_600_000);
        const name = `themelens-${t.toISOString().replace(/[:.]/g, '-')}-import.db`;
        writeFileSync(join(dir, name), '');
        names.push(name);
      }
    }
    rotateBackups(dir, now);
    const kept = listBackups(join(dir, '..', 'themelens.db'));
    expect(kept.slice(0, 10).map((b) => b.file)).toEqual([...names].sort().reverse().slice(0, 10));
    const older = kept.slice(10);
    // Beyond the newest 10: exactly one per day, and none older than 30 days.
    expect(new Set(older.map((b) => b.createdAt.slice(0, 10))).size).toBe(older.length);
    expect(older.every((b) => b.createdAt >= '2026-10-26')).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(10 + 30);
    expect(kept.length).toBeGreaterThan(30); // each of the last 30 days still has its newest
  });
});
