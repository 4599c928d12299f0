import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where each worker's source lives (run through tsx when there is no built file). */
export const WORKER_SOURCES = {
  'parse-worker': join(__dirname, 'import', 'parse-worker.ts'),
  'import-worker': join(__dirname, 'import', 'import-worker.ts'),
  'figures-worker': join(__dirname, 'exposure', 'figures-worker.ts'),
} as const;

/**
 * How to start one of ThemeLens's worker threads: the built file beside the bundle (out/main,
 * out/cli), or from source through tsx's require hook (tests, `npm run cli`).
 */
export function workerScript(name: keyof typeof WORKER_SOURCES): { code: string; eval: boolean } | null {
  // A bundler may put this code in a chunk one folder below the entry files.
  // THEMELENS_WORKER_DIR: the e2e harness runs the built workers of out/main, as the app does.
  const override = process.env['THEMELENS_WORKER_DIR'];
  for (const dir of override ? [resolve(override)] : [__dirname, join(__dirname, '..')]) {
    for (const ext of ['.js', '.cjs']) {
      const file = join(dir, name + ext);
      if (existsSync(file)) return { code: file, eval: false };
    }
  }
  const ts = WORKER_SOURCES[name];
  return existsSync(ts) ? { code: `require('tsx/cjs'); require(${JSON.stringify(ts)});`, eval: true } : null;
}
