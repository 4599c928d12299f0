import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDir, verifyDatabaseFile } from '../../db/backup/backups';
import { writeHoldingsCsv } from '../bench/generate';
import { cliCommand, ROOT, runCli } from '../helpers/cli';
import { contentDigest } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

const RUNS = 15;
const SYMBOLS = 30_000;

/** Runs one themelens command as ONE process (node running the built command) and SIGKILLs it after `delayMs`. */
function runAndKill(args: string[], delayMs: number): Promise<boolean> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [...cliCommand(), ...args], { cwd: ROOT, stdio: 'ignore' });
    let killed = false;
    const timer = setTimeout(() => (killed = child.kill('SIGKILL')), delayMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      ok(killed && code === null);
    });
  });
}

/** Milliseconds a whole run takes here: the median of three runs, each of its own arguments. */
function timeOf(runs: [string[], string[], string[]]): number {
  const times = runs.map((args) => {
    const t = performance.now();
    // Its output ignored, as in runAndKill.
    expect(spawnSync(process.execPath, [...cliCommand(), ...args], { cwd: ROOT, stdio: 'ignore' }).status).toBe(0);
    return performance.now() - t;
  });
  return times.sort((a, b) => a - b)[1] as number;
}

/**
 * When to kill each of RUNS runs of a command: spread over its own work, from the end of its
 * start-up (a `themes` on the same database) to a little past its end, both timed here first on
 * `runs` (the last few kills come after it finished). Fixed delays stopped landing midway once the
 * commands got faster than them: on a quick machine every kill came after the backup had
 * finished, and the test proved nothing.
 */
function killDelays(runs: [string[], string[], string[]], db: string): number[] {
  const themes = ['themes', '--db', db];
  const startUp = timeOf([themes, themes, themes]);
  const span = Math.max(timeOf(runs) - startUp, 40);
  return Array.from({ length: RUNS }, (_, i) => Math.round(startUp + span * (0.05 + (1.1 * ((i * 7919) % RUNS)) / (RUNS - 1))));
}

function sound(path: string): Database.Database {
  const db = new Database(path);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  return db;
}

describe(`kill -9 during a bulk tag edit and during a backup (${RUNS} + ${RUNS} runs; with the import suite, 50)`, () => {
  const temp = makeTempDir('themelens-kill2-');
  afterAll(() => temp.cleanup());

  it('a bulk tag import leaves every tag at its old weight or every tag at its new one', async () => {
    const db = join(temp.dir, 'tags.db');
    expect(runCli(['themes', '--db', db]).code).toBe(0);
    const files = [0.5, 0.25].map((w) => {
      const f = join(temp.dir, `tags-${w}.csv`);
      writeFileSync(f, `symbol,theme,weight,rationale,source\n${Array.from({ length: SYMBOLS }, (_, i) => `T${i},data-centers,${w},,`).join('\n')}\n`);
      return f;
    });
    // Timed on imports that change every weight, as each run below does (the last leaves 25%).
    const importOf = (k: number) => ['tags', 'import', files[k] as string, '--db', db];
    const delays = killDelays([importOf(1), importOf(0), importOf(1)], db);
    let killedMidway = 0;
    // Nothing writes between runs, so one run's state after is the next one's state before.
    let before = contentDigest(db);
    for (let i = 0; i < RUNS; i++) {
      const newWeight = i % 2 === 0 ? 5000 : 2500;
      if (await runAndKill(importOf(i % 2), delays[i] as number)) killedMidway++;
      const d = sound(db);
      const rows = d.prepare('SELECT weight_bp AS w, count(*) AS n FROM tags GROUP BY weight_bp').all() as { w: number; n: number }[];
      d.close();
      // The state before, exactly, or the state after: every tag at the file's weight. Never a mix.
      const after = contentDigest(db);
      if (after !== before) expect(rows).toEqual([{ w: newWeight, n: SYMBOLS }]);
      before = after;
    }
    console.log(`tag import killed midway: ${killedMidway} of ${RUNS} runs, at ${delays.join(', ')} ms`);
    expect(killedMidway).toBeGreaterThanOrEqual(3);
  }, 240_000);

  it('a backup killed midway never leaves a damaged database or a backup that fails verification', async () => {
    const db = join(temp.dir, 'big.db');
    const csv = join(temp.dir, 'big.csv');
    await writeHoldingsCsv(csv, 150_000);
    expect(runCli(['import', csv, '--db', db, '--portfolio', 'Big']).code).toBe(0);
    const backup = ['backup', 'create', '--db', db];
    const delays = killDelays([backup, backup, backup], db);
    let killedMidway = 0;
    const before = contentDigest(db);
    const verified = new Set<string>();
    const backups = () => readdirSync(backupDir(db)).filter((x) => x.endsWith('.db'));
    for (let i = 0; i < RUNS; i++) {
      if (await runAndKill(['backup', 'create', '--db', db], delays[i] as number)) killedMidway++;
      sound(db).close();
      // A backup reads the database: its content is the same whether or not the backup finished.
      expect(contentDigest(db)).toBe(before);
      // Each backup as it appears (verifying every one after every run made this test 100 s)...
      for (const f of backups().filter((x) => !verified.has(x))) {
        expect(verifyDatabaseFile(join(backupDir(db), f)), f).toBe(true);
        verified.add(f);
      }
    }
    // ...and all of them once more at the end: no later run, killed or not, damaged an earlier one.
    for (const f of backups()) expect(verifyDatabaseFile(join(backupDir(db), f)), f).toBe(true);
    console.log(`backup killed midway: ${killedMidway} of ${RUNS} runs, at ${delays.join(', ')} ms`);
    expect(killedMidway).toBeGreaterThanOrEqual(3);
  }, 240_000);
});
