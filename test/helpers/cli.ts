import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILT_CLI_DIR } from '../setup/build-cli';

export const ROOT = resolve(__dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * How to start `themelens` as one process: the command the unit suite's global setup built from these
 * sources (what `npm install -g` runs), or, where no build is there (a script outside vitest), the
 * sources through tsx as `npm run cli` does.
 */
export function cliCommand(): string[] {
  const built = join(BUILT_CLI_DIR, 'themelens.cjs');
  return existsSync(built) ? [built] : ['--import', 'tsx', 'cli/main.ts'];
}

/** Runs the real `themelens` command as a subprocess (`nodeArgs`: options for node itself, such as a `-r` preload). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): CliResult {
  const r = spawnSync(process.execPath, [...nodeArgs, ...cliCommand(), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, NODE_NO_WARNINGS: '1' },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
