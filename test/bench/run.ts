/**
 * `npm run bench`: performance figures as ratios against a baseline measured in the same run.
 * Not a test: it prints numbers. BENCH_ROWS sets the import size (default 1,000,000).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exposureBenchMain, runExposureBench } from './exposure';
import { writeHoldingsCsv } from './generate';
import { runScaleBench } from './scale';
import { builtCli } from './built-cli';
import { runStartupBench } from './startup';
import { runTokenizeBench } from './tokenize-bench';
import type { ImportStages } from '../../db/import/import-file';

const ROOT = resolve(__dirname, '../..');
// BENCH_DIR: where to work (default .bench/); BENCH_ONLY=import stops after the import figures;
// BENCH_ONLY=tokenize generates the file and compares the two tokenizers only (tokenize-bench.ts).
const DIR = resolve(process.env['BENCH_DIR'] ?? join(ROOT, '.bench'));
const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const ONLY = process.env['BENCH_ONLY'] ?? '';

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

async function main() {
  // BENCH_ONLY=exposure: the exposure figures alone, on their own kept database (exposure.ts).
  if (process.env['BENCH_ONLY'] === 'exposure') return exposureBenchMain();
  if (ONLY === 'startup') return runStartupBench();
  if (ONLY === 'scale') {
    mkdirSync(DIR, { recursive: true });
    return runScaleBench(DIR);
  }
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const csv = join(DIR, 'holdings.csv');
  console.log(`Generating ${ROWS.toLocaleString('en-US')} rows...`);
  await writeHoldingsCsv(csv, ROWS);
  console.log(`  ${(statSync(csv).size / 1048576).toFixed(1)} MB`);
  if (ONLY === 'tokenize') return runTokenizeBench(csv, ROWS);

  // Baseline: the sqlite3 command line's .import of the same file into a fresh database.
  const baseDb = join(DIR, 'baseline.db');
  // Run under /usr/bin/time where there is one, for its CPU time (the machine may be shared).
  const withTime = existsSync('/usr/bin/time');
  const sqliteArgs = [baseDb, '.mode csv', `.import ${csv} holdings`];
  const [base, baseMs] = await timed(() =>
    spawnSync(withTime ? '/usr/bin/time' : 'sqlite3', withTime ? ['-f', 'cpu %U %S', 'sqlite3', ...sqliteArgs] : sqliteArgs, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' }),
  );
  if (base.status !== 0) throw new Error(`sqlite3 .import failed: ${base.stderr}`);
  const cpuLine = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(base.stderr);
  const baseCpuMs = cpuLine ? (Number(cpuLine[1]) + Number(cpuLine[2])) * 1000 : null;

  // ThemeLens: the full import (detect, parse, normalise, insert) in a child process, so its peak
  // memory is its own.
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'import-child.ts'), csv, join(DIR, 'themelens.db')], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop() as string) as { ms: number; rows: number; peakRssMb: number; stages?: ImportStages };

  console.log('\nImport of a holdings CSV');
  console.log(`  sqlite3 .import (baseline)   ${fmt(baseMs)}`);
  console.log(`  ThemeLens full import        ${fmt(result.ms)}   (${result.rows.toLocaleString('en-US')} positions)`);
  console.log(`  ratio                        ${(result.ms / baseMs).toFixed(2)}x   (target: <= 1.25x)`);
  console.log(`  rows per second              ${Math.round(result.rows / (result.ms / 1000)).toLocaleString('en-US')}`);
  console.log(`  peak resident memory         ${result.peakRssMb.toFixed(0)} MB   (target: <= 250 MB)`);
  const tsx = tsxMemoryMb();
  if (tsx !== null) console.log(`    of which tsx, which runs this process's TypeScript: about ${tsx.toFixed(0)} MB (themelens themes through tsx against built); the installed command below runs without it`);
  if (result.stages) {
    const s = result.stages;
    console.log(`  breakdown (wall): set-up (backup, detection) ${fmt(s.setupMs)}; parse + insert ${fmt(s.pipelineMs)}, in which`);
    console.log(`    the parsing thread worked ${fmt(s.parseBusyMs)} and waited for the inserter ${fmt(s.parseWaitMs)},`);
    console.log(`    the inserting thread worked ${fmt(s.insertMs)} and waited for parsed rows ${fmt(s.insertIdleMs)}; commit and checks ${fmt(s.finishMs)}`);
    if (s.parseCpuMs !== null && s.insertCpuMs !== null && baseCpuMs !== null) {
      console.log(`  CPU time: sqlite3 ${fmt(baseCpuMs)}; parsing thread ${fmt(s.parseCpuMs)}, inserting thread ${fmt(s.insertCpuMs)} (parse + insert + commit)`);
    }
  }
  runInstalledImport(csv, baseMs, withTime);
  runIdentifyBench(csv);
  if (ONLY === 'import') return;

  // papaparse (the app's tokenizer) against the hand-written one it replaced, on the same text.
  runTokenizeBench(csv, ROWS);

  // Exposure vs a bare SUM over the same rows, same process, same file (exposure.ts).
  await runExposureBench(join(DIR, 'themelens.db'));
  runStartupBench();
  await runScaleBench(DIR);
  // .bench/ is left for inspection (git-ignored); the next run starts by clearing it.
}

/**
 * What running from source through tsx adds to a process's peak memory (its loader thread, the
 * sources compiled one by one): the same command, `themelens themes`, built and through tsx. The
 * import call above runs under tsx; the app and the installed command do not. Best of three each.
 */
function tsxMemoryMb(): number | null {
  if (!existsSync('/usr/bin/time')) return null;
  const db = join(DIR, 'tsx-probe.db');
  const peak = (args: string[]) => {
    const r = spawnSync('/usr/bin/time', ['-f', 'peak %M', process.execPath, ...args, 'themes', '--db', db], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const m = /peak (\d+)\s*$/.exec(r.stderr);
    return r.status === 0 && m ? Number(m[1]) / 1024 : Number.NaN;
  };
  const min = (args: string[]) => Math.min(peak(args), peak(args), peak(args));
  const d = min(['--import', 'tsx', join(ROOT, 'cli/main.ts')]) - min([builtCli()]);
  return Number.isFinite(d) ? d : null;
}

/**
 * The same file through the installed command, as a user runs it: its start-up, the import and what
 * the command does after it (its hint) included, timed against the same sqlite3 baseline. The
 * figures above time the import call alone, in a tsx process: they did not see the 4.4 s the hint
 * once spent reading every position.
 */
function runInstalledImport(csv: string, baseMs: number, withTime: boolean): void {
  const cli = builtCli();
  const dbPath = join(DIR, 'installed.db');
  const args = [cli, 'import', csv, '--db', dbPath, '--portfolio', 'Bench'];
  const t0 = performance.now();
  const r = spawnSync(withTime ? '/usr/bin/time' : process.execPath, withTime ? ['-f', 'peak %M', process.execPath, ...args] : args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`themelens import failed: ${r.stderr}`);
  const peak = /peak (\d+)\s*$/.exec(r.stderr);
  console.log('\nThe installed command: themelens import (start-up and its hint included)');
  console.log(`  time                         ${fmt(ms)}   ratio ${(ms / baseMs).toFixed(2)}x to sqlite3 .import (target: <= 1.25x)`);
  if (peak) console.log(`  peak resident memory         ${(Number(peak[1]) / 1024).toFixed(0)} MB   (target: <= 250 MB)`);
  rmSync(dbPath, { force: true });
}

/**
 * What resolving every row to a security costs: the same import with and without it, each three times in
 * alternation (a busy machine slows both alike), the best of each compared.
 */
function runIdentifyBench(csv: string): void {
  const once = (mode: 'with' | 'without', i: number) => {
    const dbPath = join(DIR, `identify-${mode}-${i}.db`);
    rmSync(dbPath, { force: true });
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'identify-child.ts'), csv, dbPath, mode], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
    rmSync(dbPath, { force: true });
    return (JSON.parse(child.stdout.trim().split('\n').pop() as string) as { ms: number }).ms;
  };
  const without: number[] = [];
  const withIt: number[] = [];
  for (let i = 0; i < 3; i++) {
    without.push(once('without', i));
    withIt.push(once('with', i));
  }
  const a = Math.min(...withIt);
  const b = Math.min(...without);
  console.log('\nSecurity resolution during import (same file, best of three each)');
  console.log(`  without resolution (baseline) ${fmt(b)}`);
  console.log(`  with resolution               ${fmt(a)}`);
  console.log(`  ratio                         ${(a / b).toFixed(3)}x   (target: <= 1.10x)`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
