/**
 * How cost grows with the number of positions: for 5k, 10k, 100k and 1M positions, the import (in its
 * own process, with its peak memory) beside `sqlite3 .import` of the same file, and the whole built
 * `themelens exposure --format json` command (median of 9) on the imported database, beside
 * `themelens themes` on the same file, every size in turn in each of 9 rounds. `themes` checks the
 * whole file as it opens (PRAGMA quick_check reads every page); `exposure` reads no position and no
 * position index, and its check leaves those two tables out (cli/commands.ts READ_NO_POSITIONS), so
 * the two show what that check costs. `exposure` also reads the file through a memory map
 * (db/integrity/open-checked.ts).
 * Part of `npm run bench`; alone: `BENCH_ONLY=scale npm run bench`.
 * Targets (performance issue): import at most 1.25x sqlite3 and 250 MB at 1M; exposure at 1M at most
 * 60 ms over exposure at 5k.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeHoldingsCsv } from './generate';

const ROOT = resolve(__dirname, '../..');
const SIZES = [5_000, 10_000, 100_000, 1_000_000];
const EXPOSURE_RUNS = 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(9);

function timedSpawn(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const took = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return took;
}

export async function runScaleBench(dir: string): Promise<void> {
  // Built afresh: a command line left from an older build may not know `exposure` yet.
  if (spawnSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts'], { cwd: ROOT, stdio: 'ignore' }).status !== 0 || !existsSync(join(ROOT, 'out/cli/themelens.cjs'))) {
    throw new Error('could not build the command line (npx vite build --config vite.cli.config.ts)');
  }
  const imports: { n: number; sqlite: number; importMs: number; rss: number }[] = [];
  const files: string[] = [];
  for (const n of SIZES) {
    const at = join(dir, `scale-${n}`);
    rmSync(at, { recursive: true, force: true });
    mkdirSync(at, { recursive: true });
    const csv = join(at, 'holdings.csv');
    await writeHoldingsCsv(csv, n);
    const sqlite = timedSpawn('sqlite3', [join(at, 'baseline.db'), '.mode csv', `.import ${csv} holdings`]);
    const db = join(at, 'themelens.db');
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'import-child.ts'), csv, db], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`import of ${n} rows failed: ${child.stderr}`);
    const imported = JSON.parse(child.stdout.trim().split('\n').pop() as string) as { ms: number; peakRssMb: number };
    imports.push({ n, sqlite, importMs: imported.ms, rss: imported.peakRssMb });
    files.push(db);
    rmSync(csv, { force: true });
  }
  // Then the commands on every size in turn, round after round: the whole exposure command, and
  // `themes` on the same file (the same start, and a check of every page at open). Taking the sizes
  // in turn keeps a passing load (this machine's neighbours) from landing on one size only, which
  // timing each size's runs together did: the 5k-over-1M difference swung by 100 ms between runs.
  const exposureArgs = (db: string) => [join(ROOT, 'bin/themelens.cjs'), '--db', db, 'exposure', '--portfolio', 'Bench', '--format', 'json'];
  const themesArgs = (db: string) => [join(ROOT, 'bin/themelens.cjs'), '--db', db, 'themes'];
  for (const db of files) timedSpawn(process.execPath, exposureArgs(db)); // warms the file cache, outside the timing
  const runs = files.map(() => [] as number[]);
  const opens = files.map(() => [] as number[]);
  for (let i = 0; i < EXPOSURE_RUNS; i++) {
    files.forEach((db, k) => {
      opens[k]!.push(timedSpawn(process.execPath, themesArgs(db)));
      runs[k]!.push(timedSpawn(process.execPath, exposureArgs(db)));
    });
  }
  const rows = imports.map((r, k) => ({ ...r, exposure: median(runs[k]!), open: median(opens[k]!) }));
  // The difference round by round too: the two sizes of one round ran within a second of each other.
  const largeMinusSmall = median(runs[runs.length - 1]!.map((x, i) => x - runs[0]![i]!));
  console.log('\nScale: import and exposure as positions grow');
  console.log('  positions   sqlite3 .import   ThemeLens import   ratio   peak memory   themelens exposure (whole command)   themelens themes (whole-file check)');
  for (const r of rows) {
    console.log(
      `  ${r.n.toLocaleString('en-US').padStart(9)}   ${ms(r.sqlite).padStart(15)}   ${ms(r.importMs).padStart(16)}   ${(r.importMs / r.sqlite).toFixed(2).padStart(4)}x   ${`${r.rss.toFixed(0)} MB`.padStart(11)}   ${ms(r.exposure).padStart(34)}   ${ms(r.open).padStart(35)}`,
    );
  }
  const small = rows[0] as (typeof rows)[number];
  const large = rows[rows.length - 1] as (typeof rows)[number];
  console.log(
    `  exposure at ${large.n.toLocaleString('en-US')} over ${small.n.toLocaleString('en-US')}: ${(large.exposure - small.exposure).toFixed(0)} ms between medians, ${largeMinusSmall.toFixed(0)} ms median of the ${EXPOSURE_RUNS} rounds' differences   (target: <= 60 ms)`,
  );
  // For comparison: a command whose check at open reads every page of the file.
  console.log(`    themes (checking the whole file) at ${large.n.toLocaleString('en-US')} over ${small.n.toLocaleString('en-US')}: ${(large.open - small.open).toFixed(0)} ms`);
  console.log(`  import at ${large.n.toLocaleString('en-US')}: ${(large.importMs / large.sqlite).toFixed(2)}x sqlite3, ${large.rss.toFixed(0)} MB   (target: <= 1.25x, <= 250 MB)`);
}
