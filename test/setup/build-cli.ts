import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(__dirname, '../..');
/** Inside node_modules so the bundle's external requires (better-sqlite3, papaparse) resolve. */
export const BUILT_CLI_DIR = join(ROOT, 'node_modules', '.cache', 'themelens-cli-test');

/**
 * Builds the `themelens` command once per run, as `npm run build` does, into a folder of its own, so
 * the suites that start it as a process run what users install, at its start-up cost (about 0.45 s,
 * against 1.2 s through tsx), and always from the sources being tested.
 */
export default async function setup(): Promise<() => void> {
  await build({
    configFile: join(ROOT, 'vite.cli.config.ts'),
    logLevel: 'warn',
    build: { outDir: BUILT_CLI_DIR, emptyOutDir: true },
  });
  return () => rmSync(BUILT_CLI_DIR, { recursive: true, force: true });
}
