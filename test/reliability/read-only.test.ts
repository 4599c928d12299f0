import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_TEXT } from '../../shared/api/error-text';
import { invokeApi } from '../../shared/api/invoke';
import type { AllHandlers } from '../../shared/api/invoke';
import { openBackend } from '../../db/service/backend';
import { ROOT } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

/** A closed database holding one portfolio, in a fresh folder. */
async function seeded(): Promise<{ dir: string; path: string }> {
  const temp = makeTempDir('themelens-ro-');
  cleanup = () => {
    chmodSync(temp.dir, 0o700);
    temp.cleanup();
  };
  const path = join(temp.dir, 'themelens.db');
  const b = await openBackend({ dbPath: path });
  b.handlers.createPortfolio({ name: 'Kept', baseCurrency: 'USD' });
  b.close();
  return { dir: temp.dir, path };
}

describe('a read-only database file opens read-only, with a message for a banner', () => {
  it('reads work, writes fail with a clear message, and the file is untouched', async () => {
    const { path } = await seeded();
    chmodSync(path, 0o400);
    const bytes = readFileSync(path);
    const b = await openBackend({ dbPath: path });
    expect(b.readOnly).toBe(true);
    const status = await b.handlers.databaseStatus({});
    expect(status.readOnly).toBe(true);
    expect(status.message).toBe(`${path} is read-only: you can look at your portfolios, but changes cannot be saved. Make the file writable and restart ThemeLens to make changes.`);
    // With its template, for a window in another language (the path a figure, never translated).
    expect(status.said).toEqual({ message: status.message, text: ERROR_TEXT.readOnlyFile, params: { path } });
    expect((await b.handlers.listPortfolios({})).map((p) => p.name)).toEqual(['Kept']);
    const handlers = b.handlers as AllHandlers;
    const write = await invokeApi(handlers, 'createPortfolio', { name: 'New', baseCurrency: 'USD' });
    expect(write).toEqual({ ok: false, error: { code: 'IO', message: expect.stringMatching(/^The database cannot be written \(the file or its folder is read-only\): nothing was saved/), details: expect.anything() } });
    const imported = await invokeApi(handlers, 'importHoldings', { path: join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), portfolioName: 'P' });
    expect(imported).toEqual({ ok: false, error: { code: 'IO', message: status.message } });
    b.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o400);
  });
});

describe('a read-only folder is refused with a message naming it', () => {
  it.each([true, false])('database exists: %s', async (exists) => {
    const { dir, path } = await seeded();
    const target = exists ? path : join(dir, 'other.db');
    chmodSync(dir, 0o500);
    await expect(openBackend({ dbPath: target })).rejects.toThrow(`The folder ${dir} is read-only, so ThemeLens cannot open ${exists ? 'themelens.db' : 'other.db'} there`);
    chmodSync(dir, 0o700);
    expect(existsSync(join(dir, 'other.db'))).toBe(false);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
