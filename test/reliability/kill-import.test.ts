import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHoldingsCsv } from '../bench/generate';
import { cliCommand, ROOT } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const RUNS = 20;
const ROWS = 120_000;

/** Starts `themelens import` and kills it with SIGKILL after `delayMs` (if it is still running). */
function importAndKill(csv: string, db: string, portfolio: string, delayMs: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((ok) => {
    // node itself: ONE process (the tsx binary forks a child that SIGKILL would orphan).
    const child = spawn(process.execPath, [...cliCommand(), 'import', csv, '--db', db, '--portfolio', portfolio], { cwd: ROOT, stdio: 'ignore' });
    let killed = false;
    const timer = setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, delayMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      ok({ killed: killed && code === null, code });
    });
  });
}

function check(dbPath: string): number {
  if (!existsSync(dbPath)) return 0;
  const db = new Database(dbPath);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Killed before the first migration committed: an empty database, as before.
    if (db.pragma('user_version', { simple: true }) === 0) {
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
      return 0;
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Every snapshot is whole: its row count matches its positions, and none is a placeholder.
    const partial = db
      .prepare(`SELECT s.id FROM snapshots s WHERE s.as_of = '' OR s.row_count <> (SELECT count(*) FROM positions p WHERE p.snapshot_id = s.id)`)
      .all();
    expect(partial).toEqual([]);
    const orphans = db.prepare('SELECT count(*) FROM positions WHERE snapshot_id NOT IN (SELECT id FROM snapshots)').pluck().get();
    expect(orphans).toBe(0);
    // A portfolio only exists together with its complete snapshot.
    const empty = db.prepare('SELECT count(*) FROM portfolios p WHERE NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.portfolio_id = p.id)').pluck().get();
    expect(empty).toBe(0);
    return db.prepare('SELECT count(*) FROM snapshots').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe(`an import killed at random points leaves the database as before or as after (${RUNS} runs)`, () => {
  const temp = makeTempDir('themelens-kill-');
  const csv = join(temp.dir, 'large.csv');
  const db = join(temp.dir, 'kill.db');
  beforeAll(async () => {
    await writeHoldingsCsv(csv, ROWS);
  });
  afterAll(() => temp.cleanup());

  it('never leaves a partial snapshot, and the database passes integrity checks every time', async () => {
    let committed = 0;
    let killedMidway = 0;
    // Deterministic spread of kill points from process start-up to past the end of the import.
    for (let i = 0; i < RUNS; i++) {
      const delay = 250 + ((i * 7919) % 20) * 90;
      const r = await importAndKill(csv, db, `P${i}`, delay);
      if (r.killed) killedMidway++;
      const snapshots = check(db);
      expect(snapshots === committed || snapshots === committed + 1).toBe(true);
      if (snapshots === committed + 1) {
        const rows = new Database(db, { readonly: true }).prepare('SELECT row_count FROM snapshots ORDER BY id DESC LIMIT 1').pluck().get();
        expect(rows).toBe(ROWS);
      }
      committed = snapshots;
    }
    // The spread must really have interrupted imports, or this test proves nothing.
    expect(killedMidway).toBeGreaterThanOrEqual(5);
    // And the database still takes an import afterwards.
    const r = await importAndKill(csv, db, 'After', 60_000);
    expect(r.code).toBe(0);
    expect(check(db)).toBe(committed + 1);
  }, 180_000);
});
