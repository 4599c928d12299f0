/**
 * Start-up of the built command line: `themelens themes` against `node -e ""` on the same machine,
 * alternating the two so a busy moment hurts both. Medians of several runs; target: at most 150 ms more.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { builtCli } from './built-cli';

const ROOT = resolve(__dirname, '../..');
const RUNS = 11;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function timeRun(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

export function runStartupBench(): void {
  builtCli();
  const dataDir = mkdtempSync(join(tmpdir(), 'themelens-startup-'));
  const env = { ...process.env, THEMELENS_DATA_DIR: dataDir };
  try {
    timeRun([join(ROOT, 'bin/themelens.cjs'), 'themes'], env); // creates the database once, outside the timing
    const bare: number[] = [];
    const themes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(timeRun(['-e', ''], env));
      themes.push(timeRun([join(ROOT, 'bin/themelens.cjs'), 'themes'], env));
    }
    const extra = median(themes) - median(bare);
    console.log('\nStart-up of the built command line (median of ' + RUNS + ' runs each)');
    console.log(`  node -e "" (baseline)        ${median(bare).toFixed(0)} ms`);
    console.log(`  themelens themes             ${median(themes).toFixed(0)} ms`);
    console.log(`  difference                   ${extra.toFixed(0)} ms   (target: <= 150 ms)`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) runStartupBench();
