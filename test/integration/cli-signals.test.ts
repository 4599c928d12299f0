/**
 * The command line and the signals and pipes of a shell: `report | head -1` ends quietly (EPIPE is the
 * reader going away, not an error), and Ctrl-C during an import says whether the import rolled back
 * or had committed, exits 130, and leaves the database whole either way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { backupDir } from '../../db/backup/backups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHoldingsCsv } from '../bench/generate';
import { cliCommand, ROOT, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

let dir: { dir: string; cleanup: () => void };
beforeAll(() => {
  dir = makeTempDir('themelens-signals-');
});
afterAll(() => dir.cleanup());

const snapshotCount = (db: string) => {
  const c = new Database(db, { readonly: true });
  try {
    return c.prepare('SELECT count(*) FROM snapshots').pluck().get() as number;
  } finally {
    c.close();
  }
};

describe('themelens and the shell', () => {
  it('report | head -1: one line, exit 0, no stack trace', async () => {
    const db = join(dir.dir, 'pipe.db');
    const csv = join(dir.dir, 'big.csv');
    // Far more than a pipe's 64 KiB buffer, so the writer really meets the closed pipe.
    await writeHoldingsCsv(csv, 3000, 3000);
    expect(runCli(['--db', db, 'import', csv, '--portfolio', 'Big']).code).toBe(0);
    const script = '"$@" --db "$DB" report --portfolio Big --format csv | head -1; echo "exit=${PIPESTATUS[0]}" >&2';
    const r = spawnSync('bash', ['-c', script, 'sh', process.execPath, ...cliCommand()], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DB: db, NODE_NO_WARNINGS: '1' },
      timeout: 60_000,
    });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain('exit=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('Ctrl-C during an import: says what happened, exits 130, the database is whole', async () => {
    // A folder of its own: its backups folder must hold only this import's backup.
    const db = join(dir.dir, 'sigint', 'sigint.db');
    const csv = join(dir.dir, 'huge.csv');
    await writeHoldingsCsv(csv, 400_000);
    const child = spawn(process.execPath, [...cliCommand(), '--db', db, 'import', csv, '--portfolio', 'Huge'], {
      cwd: ROOT,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((ok) => child.on('exit', (c) => ok(c)));
    let gone = false;
    void exited.then(() => (gone = true));
    // Interrupt once the import is under way, not after a fixed time (a fast machine finished the whole
    // import inside one): the pre-import backup is written inside the interruptible part, before parsing.
    // Its own backups folder (backups/sigint.db/): the file appears there once the backup is under way.
    const backups = backupDir(db);
    while (!gone && !(existsSync(backups) && readdirSync(backups).length > 0)) await new Promise((ok) => setTimeout(ok, 10));
    expect(gone, `the import ended before it could be interrupted: ${stderr}`).toBe(false);
    child.kill('SIGINT');
    const code = await exited;
    expect(code, stderr).toBe(130);
    const integrity = new Database(db, { readonly: true });
    expect(integrity.pragma('integrity_check', { simple: true })).toBe('ok');
    integrity.close();
    if (/rolled back/.test(stderr)) expect(snapshotCount(db)).toBe(0);
    else {
      expect(stderr).toMatch(/interrupted, but the import had already committed: snapshot \d+ of Huge/);
      expect(snapshotCount(db)).toBe(1);
    }
    expect(stderr).toMatch(/^themelens: interrupted/m);
  }, 120_000);
});
