/**
 * A file already imported is refused with its figures as well as its English, so the app can say it
 * in the user's language (renderer/src/import/already-imported.ts): which portfolio and snapshot,
 * when, as of which date, and whether the bytes or only the positions are the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { invokeApi, type AllHandlers } from '../../shared/api/invoke';
import { makeTempDir } from '../helpers/temp-dir';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');

describe('ALREADY_IMPORTED carries its figures', () => {
  const temp = makeTempDir('themelens-already-');
  let backend: Backend;
  const importFile = (path: string) => invokeApi(backend.handlers as AllHandlers, 'importHoldings', { path, portfolioName: 'Smith family' });
  beforeAll(async () => {
    backend = await openBackend({ dbPath: join(temp.dir, 'a.db') });
    expect(await importFile(FIDELITY)).toMatchObject({ ok: true });
  });
  afterAll(() => {
    backend.close();
    temp.cleanup();
  });

  it('the same bytes: the portfolio, the snapshot, the day it was imported and its date', async () => {
    const r = await importFile(FIDELITY);
    expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED' } });
    if (r.ok) return;
    const today = new Date().toISOString().slice(0, 10);
    expect(r.error.details).toEqual({ file: 'fidelity-current.csv', snapshotId: 1, same: 'file', portfolio: 'Smith family', importedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), asOf: '2026-11-24' });
    expect(Math.abs(Date.parse(r.error.details?.['importedOn'] as string) - Date.parse(today))).toBeLessThanOrEqual(86_400_000);
  });

  it('the same positions in other bytes: the snapshot and the file it came from', async () => {
    const again = join(temp.dir, 'again.csv');
    writeFileSync(again, readFileSync(FIDELITY, 'utf8').replace(/Date downloaded [^"\n]*/, 'Date downloaded Nov-24-2026 9:59 p.m ET'));
    const r = await importFile(again);
    expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED' } });
    if (r.ok) return;
    expect(r.error.details).toEqual({ file: 'again.csv', snapshotId: 1, same: 'content', portfolio: 'Smith family', asOf: '2026-11-24', sourceFile: 'fidelity-current.csv' });
  });
});
