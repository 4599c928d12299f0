/**
 * What stops an import comes with its figures as well as its English, so the app can say it in the
 * user's language: a file already imported (renderer/src/import/already-imported.ts: which portfolio
 * and snapshot, when, as of which date, whether the bytes or only the positions are the same), a
 * file the parser refuses and a preview whose columns are not recognised (shared/import/fatal-text.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { invokeApi, type AllHandlers } from '../../shared/api/invoke';
import { makeTempDir } from '../helpers/temp-dir';
import { FATAL_TEXT } from '../../shared/import/fatal-text';
import { fillTemplate } from '../../shared/text/fill';
import type { ImportPreview } from '../../shared/api/contract';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');

describe('import errors carry their figures', () => {
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
    expect(r.error.details).toEqual({ file: 'fidelity-current.csv', snapshotId: 1, same: 'file', portfolio: 'Smith family', importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), asOf: '2026-11-24' });
    // The moment of the first import (the window shows its day where the user is).
    expect(Math.abs(Date.parse(r.error.details?.['importedAt'] as string) - Date.now())).toBeLessThan(600_000);
  });

  it('the same positions in other bytes: the snapshot and the file it came from', async () => {
    const again = join(temp.dir, 'again.csv');
    writeFileSync(again, readFileSync(FIDELITY, 'utf8').replace(/Date downloaded [^"\n]*/, 'Date downloaded Nov-24-2026 9:59 p.m ET'));
    const r = await importFile(again);
    expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED' } });
    if (r.ok) return;
    expect(r.error.details).toEqual({ file: 'again.csv', snapshotId: 1, same: 'content', portfolio: 'Smith family', asOf: '2026-11-24', sourceFile: 'fidelity-current.csv' });
  });

  it('a file the parser refuses: its template and figures, which fill to the English message', async () => {
    const empty = join(temp.dir, 'header-only.csv');
    writeFileSync(empty, 'Symbol,Description,Quantity,Market Value\n');
    const r = await importFile(empty);
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_FATAL' } });
    if (r.ok) return;
    expect(r.error.details).toMatchObject({ file: 'header-only.csv', line: 1, column: null, text: FATAL_TEXT.headerOnly, params: { line: '1' } });
    expect(r.error.message).toBe(`header-only.csv line 1: ${fillTemplate(FATAL_TEXT.headerOnly, { line: '1' })}`);
  });

  it('a preview whose columns are not recognised: the problem with its template and figures', async () => {
    const odd = join(temp.dir, 'odd.csv');
    writeFileSync(odd, 'Foo,Bar\n1,2\n');
    const r = await invokeApi(backend.handlers as AllHandlers, 'previewImport', { path: odd, options: {} });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    const preview = r.value as ImportPreview;
    expect(preview.problemSaid).toEqual({ text: FATAL_TEXT.noUsableColumns, params: { line: '1', headers: '"Foo", "Bar"' } });
    expect(preview.problem).toBe(fillTemplate(FATAL_TEXT.noUsableColumns, preview.problemSaid!.params));
  });
});
