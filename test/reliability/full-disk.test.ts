import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importOnThreads } from '../../db/import/run-import';
import { writeHoldingsCsv } from '../bench/generate';
import { runCli, ROOT } from '../helpers/cli';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

describe('a full disk during an import says so, changes nothing, and the next import works once there is room', () => {
  const temp = makeTempDir('themelens-full-');
  afterAll(() => temp.cleanup());

  // A small file is imported in the command's own thread, a large one on the import thread
  // (db/import/run-import.ts): the full disk is met on either connection.
  it.each([
    ['here (a small file)', 8_000, false],
    ['on the import thread (a large file)', 20_000, true],
  ] as const)('simulated with SQLite max_page_count on the import connection, %s', async (_where, rows, threads) => {
    const db = join(temp.dir, `full-${rows}.db`);
    expect(runCli(['import', join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), '--db', db, '--portfolio', 'Small']).code).toBe(0);
    const big = join(temp.dir, `big-${rows}.csv`);
    await writeHoldingsCsv(big, rows);
    expect(importOnThreads(big, db)).toBe(threads);
    const before = dumpContent(db);
    // The import's connection capped at 60 pages from outside the product (a preload, test/helpers/full-disk-preload.cjs).
    const full = runCli(['import', big, '--db', db, '--portfolio', 'Big'], { THEMELENS_FULL_DISK_PAGES: '60' }, ['-r', join(ROOT, 'test/helpers/full-disk-preload.cjs')]);
    expect(full.code).toBe(1);
    expect(full.stderr).toBe('themelens: The disk is full: nothing was saved and your data is as it was. Free some space and try again.\n');
    expect(dumpContent(db)).toBe(before);
    const roomy = runCli(['import', big, '--db', db, '--portfolio', 'Big']);
    expect(roomy.code).toBe(0);
    expect(roomy.stdout).toMatch(new RegExp(`Imported ${rows} position`));
  });
});
