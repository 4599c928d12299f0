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
import { INVALID_ROWS_TEXT, ROW_TEXT } from '../../shared/import/row-text';
import { asSchema } from '../helpers/older-schema';

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
    // Read whole: the import would refuse it too (the window keeps its Import button disabled).
    expect(preview.problemFinal).toBe(true);
  });

  it("a file larger than the preview's head: its problem is not final (the import reads the whole file, and answers for itself)", async () => {
    const late = join(temp.dir, 'late-header.csv');
    // A notes preamble of 1.2 MB (the preview reads the first MB), then the holdings.
    const note = `Note,${'x'.repeat(96)}\n`;
    writeFileSync(late, `${note.repeat(Math.ceil((1.2 * 1048576) / note.length))}Symbol,Quantity,Value\nNVDA,10,1500.00\n`);
    const r = await invokeApi(backend.handlers as AllHandlers, 'previewImport', { path: late, options: {} });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    const preview = r.value as ImportPreview;
    expect(preview.problemSaid?.text).toBe(FATAL_TEXT.noUsableColumns);
    expect(preview.problemFinal).toBe(false);
    // Here the import, having read it all, refuses it too, with its own message (file and line).
    const imported = await invokeApi(backend.handlers as AllHandlers, 'importHoldings', { path: late, portfolioName: 'Late header' });
    expect(imported).toMatchObject({ ok: false, error: { code: 'IMPORT_FATAL', details: { file: 'late-header.csv', line: 1 } } });
  });

  describe('rows that could not be read', () => {
    const bad = () => {
      const path = join(temp.dir, 'bad-rows.csv');
      writeFileSync(path, 'Symbol,Quantity,Price,Value\nNVDA,1,2,2\nMSFT,abc,3,3\nAAPL,1,1.2.3,\nKMI,2,5,10\n');
      return path;
    };

    it('refused as a whole: the first row placed with its header, the template of what to do, every row with its reason\'s template', async () => {
      const r = await importFile(bad());
      expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID_ROWS' } });
      if (r.ok) return;
      expect(r.error.details).toMatchObject({ file: 'bad-rows.csv', line: 3, column: 2, header: 'Quantity', text: INVALID_ROWS_TEXT.two, params: { reason: 'Quantity "abc" is not a number; fix the cell or map another column', more: '1', valid: '2' } });
      expect(r.error.details?.issues?.map((i) => [i.line, i.text, i.params])).toEqual([
        [3, ROW_TEXT.quantityNotNumber, { cell: 'abc' }],
        [4, ROW_TEXT.priceSeparators, { cell: '1.2.3' }],
      ]);
      expect(r.error.message).toBe(
        'bad-rows.csv line 3, column 2 (Quantity): Quantity "abc" is not a number; fix the cell or map another column (and 1 more row). Nothing was imported; fix the file, or import the 2 valid rows only.',
      );
    });

    it('left out of a snapshot: kept with their templates, through a copy of the portfolio and an undone deletion; rows kept before templates list in their English', async () => {
      const imported = await invokeApi(backend.handlers as AllHandlers, 'importHoldings', { path: bad(), portfolioName: 'Skipped', skipInvalid: true });
      expect(imported).toMatchObject({ ok: true });
      if (!imported.ok) return;
      const { snapshot, portfolio } = imported.value as { snapshot: { id: number }; portfolio: { id: number } };
      const listed = await backend.handlers.listImportIssues({ snapshotId: snapshot.id });
      const expected = [
        { line: 3, column: 2, header: 'Quantity', cell: 'abc', message: 'Quantity "abc" is not a number; fix the cell or map another column', text: ROW_TEXT.quantityNotNumber, params: { cell: 'abc' } },
        { line: 4, column: 3, header: 'Price', cell: '1.2.3', message: 'Price "1.2.3" is not a number (digit separators in unexpected places); fix the cell or map another column', text: ROW_TEXT.priceSeparators, params: { cell: '1.2.3' } },
      ];
      expect(listed).toEqual(expected);
      const copy = await backend.handlers.duplicatePortfolio({ id: portfolio.id });
      const copySnapshot = backend.db.prepare('SELECT id FROM snapshots WHERE portfolio_id = ?').pluck().get(copy.id) as number;
      expect(await backend.handlers.listImportIssues({ snapshotId: copySnapshot })).toEqual(expected);
      const gone = await backend.handlers.deletePortfolio({ id: portfolio.id });
      const back = await backend.handlers.restorePortfolio({ undoToken: gone.undoToken });
      const backSnapshot = backend.db.prepare('SELECT id FROM snapshots WHERE portfolio_id = ?').pluck().get(back.id) as number;
      expect(await backend.handlers.listImportIssues({ snapshotId: backSnapshot })).toEqual(expected);
      // A row kept before migration 18 has no template: listed as it was, in English.
      backend.db.prepare('UPDATE import_issues SET text = NULL, params = NULL WHERE snapshot_id = ? AND line = 3').run(backSnapshot);
      expect(await backend.handlers.listImportIssues({ snapshotId: backSnapshot })).toEqual([{ line: 3, column: 2, header: 'Quantity', cell: 'abc', message: expected[0]!.message }, expected[1]]);
    });

    it('a database of schema 17 gains the columns, its rows kept as they were', async () => {
      const path = join(temp.dir, 'schema17.db');
      const old = await openBackend({ dbPath: path });
      await invokeApi(old.handlers as AllHandlers, 'importHoldings', { path: bad(), portfolioName: 'Old', skipInvalid: true });
      old.close();
      asSchema(path, 17);
      const reopened = await openBackend({ dbPath: path });
      try {
        const listed = await reopened.handlers.listImportIssues({ snapshotId: 1 });
        expect(listed.map((i) => [i.line, i.message, i.text])).toEqual([
          [3, 'Quantity "abc" is not a number; fix the cell or map another column', undefined],
          [4, 'Price "1.2.3" is not a number (digit separators in unexpected places); fix the cell or map another column', undefined],
        ]);
      } finally {
        reopened.close();
      }
    });
  });
});
