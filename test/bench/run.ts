/**
 * `npm run bench`: performance figures as ratios against a baseline measured in the same run.
 * Not a test: it prints numbers. BENCH_ROWS sets the import size (default 1,000,000).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exposureBenchMain, runExposureBench } from './exposure';
import { writeHoldingsCsv } from './generate';

const ROOT = resolve(__dirname, '../..');
const DIR = join(ROOT, '.bench');
const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

async function main() {
  // BENCH_ONLY=exposure: the exposure figures alone, on their own kept database (exposure.ts).
  if (process.env['BENCH_ONLY'] === 'exposure') return exposureBenchMain();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const csv = join(DIR, 'holdings.csv');
  console.log(`Generating ${ROWS.toLocaleString('en-US')} rows...`);
  await writeHoldingsCsv(csv, ROWS);
  console.log(`  ${(statSync(csv).size / 1048576).toFixed(1)} MB`);

  // Baseline: the sqlite3 command line's .import of the same file into a fresh database.
  const baseDb = join(DIR, 'baseline.db');
  const [, baseMs] = await timed(() =>
    execFileSync('sqlite3', [baseDb, '.mode csv', `.import ${csv} holdings`], { stdio: ['ignore', 'ignore', 'pipe'] }),
  );

  // ThemeLens: the full import (detect, parse, normalise, insert) in a child process, so its peak
  // memory is its own.
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'import-child.ts'), csv, join(DIR, 'themelens.db')], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop() as string) as { ms: number; rows: number; peakRssMb: number };

  console.log('\nImport of a holdings CSV');
  console.log(`  sqlite3 .import (baseline)   ${fmt(baseMs)}`);
  console.log(`  ThemeLens full import        ${fmt(result.ms)}   (${result.rows.toLocaleString('en-US')} positions)`);
  console.log(`  ratio                        ${(result.ms / baseMs).toFixed(2)}x   (target: <= 1.5x)`);
  console.log(`  rows per second              ${Math.round(result.rows / (result.ms / 1000)).toLocaleString('en-US')}`);
  console.log(`  peak resident memory         ${result.peakRssMb.toFixed(0)} MB   (target: < 300 MB)`);

  // Exposure vs a bare SUM over the same rows, same process, same file (exposure.ts).
  await runExposureBench(join(DIR, 'themelens.db'));
  // .bench/ is left for inspection (git-ignored); the next run starts by clearing it.
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
