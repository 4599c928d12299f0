import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_SOURCES } from '../../../db/worker-script';

const ROOT = resolve(__dirname, '../../..');

/**
 * Every worker thread the backend starts is built beside the app's main bundle (out/main), where
 * db/worker-script.ts looks for it: the packaged app has no TypeScript sources to fall back on, so
 * a worker missing from the build would silently never start there (the comparison computed ahead,
 * figures-ahead.ts) or make an import run on the main process.
 */
describe("the app's build", () => {
  it('has an entry for every worker, under its name, from its source', () => {
    const config = readFileSync(resolve(ROOT, 'electron.vite.config.ts'), 'utf8');
    const entries = Object.entries(WORKER_SOURCES).map(([name, source]) => `'${name}': resolve(__dirname, '${relative(ROOT, source)}')`);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) expect(config).toContain(entry);
  });
});
