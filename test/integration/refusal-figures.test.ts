/**
 * Refusals the app meets in ordinary use come with their template and figures as well as their
 * English (shared/api/error-text.ts), so the window says them in the user's language: a weight
 * over 100% (with the theme, so a default theme is named in the reader's language), a suggestion
 * for a security already fully tagged, a fund file the look-through cannot read, a file that is not
 * what the app asked for (shared/api/file-text.ts, with the kind of file it asked for).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { invokeApi, type AllHandlers } from '../../shared/api/invoke';
import { ERROR_TEXT, FUND_ROW_TEXT } from '../../shared/api/error-text';
import { FILE_KIND, FILE_TEXT } from '../../shared/api/file-text';
import { fillTemplate } from '../../shared/text/fill';
import { makeTempDir } from '../helpers/temp-dir';

describe('refusals carry their figures', () => {
  const temp = makeTempDir('themelens-refusals-');
  let backend: Backend;
  const call = (name: keyof AllHandlers, input: unknown) => invokeApi(backend.handlers as AllHandlers, name, input);
  beforeAll(async () => {
    backend = await openBackend({ dbPath: join(temp.dir, 'a.db') });
  });
  afterAll(() => {
    backend.close();
    temp.cleanup();
  });

  it('a weight over 100%, one tag or a batch: what is left, for which theme', async () => {
    expect(await call('setTag', { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 8000 })).toMatchObject({ ok: true });
    for (const r of [
      await call('setTag', { symbolKey: 'KMI', themeId: 'data-centers', weightBp: 5000 }),
      await call('applyTagChanges', { changes: [{ symbolKey: 'KMI', themeId: 'data-centers', weightBp: 5000 }] }),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'WEIGHT_OVER_100' } });
      if (r.ok) continue;
      const params = { key: 'KMI', others: '80%', left: '20%', theme: 'Data-center infrastructure' };
      expect(r.error.details).toEqual({ symbolKey: 'KMI', remainingBp: 2000, theme: { id: 'data-centers', name: 'Data-center infrastructure' }, text: ERROR_TEXT.weightOver100, params });
      expect(r.error.message).toBe('KMI is already 80% tagged to other themes; at most 20% is left for Data-center infrastructure.');
    }
  });

  it("a fund file without a weight's number or without its header: placed as an import's refusal, with its template", async () => {
    const bad = join(temp.dir, 'fund.csv');
    writeFileSync(bad, 'Ticker,Name,Weight (%)\nNVDA,NVIDIA,abc\n');
    const r = await call('importFundHoldings', { fundSymbol: 'DTCR', path: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_FATAL' } });
    if (r.ok) return;
    expect(r.error.details).toMatchObject({ file: 'fund.csv', line: 2, column: null, text: ERROR_TEXT.fundWeight, params: { cell: 'abc' } });
    expect(r.error.message).toBe('fund.csv line 2: Weight "abc" is not a number. Nothing was imported.');
    // The refusal is said from its row's own reason, which carries its template (not told from the row's column).
    expect(r.error.details?.issues?.[0]).toMatchObject({ line: 2, column: 3, message: 'Weight "abc" is not a number.', text: FUND_ROW_TEXT.weight, params: { cell: 'abc' } });
    writeFileSync(bad, 'Foo,Bar\n1,2\n');
    const none = await call('importFundHoldings', { fundSymbol: 'DTCR', path: bad });
    if (none.ok) throw new Error('imported');
    expect(none.error.details).toMatchObject({ file: 'fund.csv', line: 1, text: ERROR_TEXT.fundNoHeader, params: {} });
    expect(none.error.message).toBe(`fund.csv line 1: ${fillTemplate(ERROR_TEXT.fundNoHeader, {})}`);
  });

  it('a name already taken, a theme put too deep: their templates and figures beside the English', async () => {
    const robots = await call('createTheme', { name: 'Robots' });
    if (!robots.ok) throw new Error('created');
    const again = await call('createTheme', { name: 'robots' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'A theme named "robots" already exists.', details: { text: ERROR_TEXT.themeExists, params: { name: 'robots' } } } });
    const cooling = await call('createTheme', { name: 'Cooling', parentId: 'data-centers' });
    if (!cooling.ok) throw new Error('created');
    const deeper = await call('createTheme', { name: 'Pumps', parentId: (cooling.value as { id: string }).id });
    expect(deeper).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { text: ERROR_TEXT.subThemeDeep, params: { name: 'Cooling' } } } });
    const csv = join(temp.dir, 'holdings.csv');
    writeFileSync(csv, 'Symbol,Quantity,Price,Value\nKMI,10,27.50,275.00\n');
    const first = await call('importHoldings', { path: csv, portfolioName: 'NISA', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    expect(first).toMatchObject({ ok: true });
    const copy = await call('duplicatePortfolio', { id: first.ok ? (first.value as { portfolio: { id: number } }).portfolio.id : 0, name: 'NISA' });
    expect(copy).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'A portfolio named "NISA" already exists. Choose another name.', details: { text: ERROR_TEXT.portfolioExists, params: { name: 'NISA' } } } });
  });

  it('a portfolio with no snapshot yet: its exposure and its prices update say so with the portfolio named', async () => {
    const empty = await call('createPortfolio', { name: '新規' });
    if (!empty.ok) throw new Error('created');
    const id = (empty.value as { id: number }).id;
    const exposure = await call('getExposure', { portfolioId: id });
    expect(exposure).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '新規 has no snapshots yet. Import a holdings file into it first.', details: { text: ERROR_TEXT.noSnapshots, params: { portfolio: '新規' } } } });
    const prices = join(temp.dir, 'prices.csv');
    writeFileSync(prices, 'Symbol,Price,Currency,Date\nKMI,28.00,USD,2026-11-30\n');
    const reprice = await call('repricePortfolio', { path: prices, portfolioId: id });
    expect(reprice).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '新規 has no holdings to reprice yet. Import a holdings file first.', details: { text: ERROR_TEXT.nothingToReprice, params: { portfolio: '新規' } } } });
  });

  it('a suggestion for a security already fully tagged: the theme by its id in English, and the theme beside it for the app to name', async () => {
    const listed = await call('listSuggestions', { onlyHeld: false });
    if (!listed.ok) throw new Error('listed');
    const s = (listed.value as { symbolKey: string; themeId: string }[]).find((x) => x.themeId === 'dc-operators')!;
    expect(await call('setTag', { symbolKey: s.symbolKey, themeId: 'oil-logistics', weightBp: 10_000 })).toMatchObject({ ok: true });
    const r = await call('acceptSuggestions', { items: [{ symbolKey: s.symbolKey, themeId: s.themeId }] });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'WEIGHT_OVER_100',
        message: `${s.symbolKey} is already 100% tagged; untag it first to accept the dc-operators suggestion.`,
        // A sub-theme of the pack, not created until a suggestion of it is accepted: named as the pack names it.
        details: { text: ERROR_TEXT.fullyTagged, params: { key: s.symbolKey, theme: 'dc-operators' }, theme: { id: 'dc-operators', name: 'Data-center operators and REITs' } },
      },
    });
  });

  it('a rates file that is not text, and one that holds no rates: the file, the kind of file asked for, nothing before the message', async () => {
    const binary = join(temp.dir, 'rates.csv');
    writeFileSync(binary, Buffer.concat([Buffer.from('date,from,to,rate\n'), Buffer.alloc(4096, 0)]));
    expect(await call('importFxRates', { path: binary })).toMatchObject({
      ok: false,
      error: {
        code: 'IMPORT_FATAL',
        message: 'rates.csv: this is not a text file (a rates file is CSV or JSON text). Nothing was imported.',
        details: { file: 'rates.csv', text: FILE_TEXT.notText, params: { file: 'rates.csv', what: FILE_KIND.rates }, whole: true },
      },
    });
    const empty = join(temp.dir, 'empty-rates.csv');
    writeFileSync(empty, 'date,from,to,rate\n');
    const none = await call('importFxRates', { path: empty });
    expect(none).toMatchObject({ ok: false, error: { code: 'IMPORT_FATAL', details: { text: FILE_TEXT.noRates, params: { file: 'empty-rates.csv' }, whole: true } } });
  });
});
