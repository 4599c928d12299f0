import { closeSync, existsSync, openSync, readdirSync, readFileSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../db/service/backend';
import { makeTempDir } from '../helpers/temp-dir';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

/** A database with a little data and one backup, closed. */
async function seeded(): Promise<{ dir: string; path: string }> {
  const temp = makeTempDir('themelens-corrupt-');
  cleanup = temp.cleanup;
  const path = join(temp.dir, 'themelens.db');
  const b = await openBackend({ dbPath: path });
  b.handlers.createPortfolio({ name: 'Kept', baseCurrency: 'USD' });
  for (let i = 0; i < 400; i++) b.handlers.setTag({ symbolKey: `S${i}`, themeId: 'data-centers', weightBp: 5000 });
  await b.handlers.createBackup({});
  b.db.pragma('wal_checkpoint(TRUNCATE)');
  b.close();
  return { dir: temp.dir, path };
}

const damages: [string, (path: string) => void][] = [
  ['truncated', (p) => truncateSync(p, 3000)],
  ['overwritten in the middle', (p) => {
    const fd = openSync(p, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 8192);
    closeSync(fd);
  }],
  ['zeroed header', (p) => {
    const fd = openSync(p, 'r+');
    writeSync(fd, Buffer.alloc(100, 0), 0, 100, 0);
    closeSync(fd);
  }],
  ['replaced by text', (p) => writeFileSync(p, 'Symbol,Quantity\nNVDA,10\n'.repeat(50))],
];

describe('a damaged database is moved aside, never deleted, and the newest backup is offered', () => {
  it.each(damages)('%s', async (_name, damage) => {
    const { dir, path } = await seeded();
    damage(path);
    const bytes = readFileSync(path);
    const err = await openBackend({ dbPath: path }).then(() => null, (e: unknown) => e as { code: string; message: string; details: { movedTo: string; newestBackup: string } });
    expect(err?.code).toBe('CORRUPT');
    expect(err?.message).toMatch(/is damaged; it was moved aside as corrupt-.*\.db \(nothing was deleted\)\. Restore the newest verified backup, themelens-.*-manual\.db/);
    expect(readFileSync(err!.details.movedTo).equals(bytes)).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('corrupt-'))).toHaveLength(1);
    // The next start works, and the offered backup restores the data.
    const fresh = await openBackend({ dbPath: path });
    expect(await fresh.handlers.listPortfolios({})).toEqual([]);
    await fresh.handlers.restoreBackup({ file: err!.details.newestBackup });
    expect((await fresh.handlers.listPortfolios({})).map((p) => p.name)).toEqual(["Kept"]);
    expect(await fresh.handlers.listTags({})).toHaveLength(400);
    fresh.close();
  });

  it('a sound database opens as it is', async () => {
    const { path } = await seeded();
    const b = await openBackend({ dbPath: path });
    expect((await b.handlers.listPortfolios({})).map((p) => p.name)).toEqual(["Kept"]);
    b.close();
  });
});
