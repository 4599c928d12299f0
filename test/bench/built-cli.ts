import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** The built command, once built in this run. */
let built: string | null = null;

/**
 * Builds the `themelens` command from the sources as they are now (`npm run build` does the same) and
 * returns its file: the benchmarks time what users install, never a stale build or tsx's start-up.
 */
export function builtCli(): string {
  // Once per bench run: the sources do not change while it runs.
  if (built) return built;
  const b = spawnSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'ignore' });
  if (b.status !== 0) throw new Error('could not build the command line (npx vite build --config vite.cli.config.ts)');
  built = join(ROOT, 'out/cli/themelens.cjs');
  return built;
}
