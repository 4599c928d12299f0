import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { headerFingerprint } from '../../shared/import/header-fingerprint';
import { previewHoldings } from '../../shared/import/parse';
import type { ColumnMapping } from '../../shared/import/types';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * A column mapping the user saved is applied to the next file with the same header row, and the
 * file is detected once: the parser looks the mapping up by the header's fingerprint as it meets
 * the header (shared/import/parse.ts, openSession), instead of a first detection to find the
 * header and a second with the mapping.
 */
const DEPOT = resolve(__dirname, '../fixtures/journey/depot-de.csv');
const GERMAN = resolve(__dirname, '../fixtures/holdings/generic-german-semicolon.csv');
const MAPPING: ColumnMapping = { description: 'Wertpapier', isin: 'ISIN', quantity: 'Stück', currency: 'Währung', value: 'Marktwert in Euro' };
const DEPOT_HEADERS = ['Wertpapier', 'ISIN', 'Stück', 'Währung', 'Marktwert in Euro'];

describe('a saved column mapping', () => {
  const temp = makeTempDir('saved-mapping');
  let b: Backend;
  const base = { skipInvalid: false, allowDuplicate: false };
  beforeAll(async () => {
    b = await openBackend({ dbPath: join(temp.dir, 'm.db') });
  });
  afterAll(() => {
    b.close();
    temp.cleanup();
  });

  it('is applied to the next file with the same header row, in the preview and the import', async () => {
    const first = await b.handlers.previewImport({ path: DEPOT, options: {} });
    expect(first.savedMapping).toBe(false);
    expect(first.format.mapping.value).toBeUndefined();
    await b.handlers.importHoldings({ ...base, path: DEPOT, portfolioName: 'Depot', baseCurrency: 'EUR', options: { mapping: MAPPING }, rememberMapping: true });
    const next = join(temp.dir, 'depot-december.csv');
    copyFileSync(DEPOT, next);
    appendFileSync(next, Buffer.from('Vertiv Holdings;US92537N1081;40;EUR;4.100,00\n', 'latin1'));
    const preview = await b.handlers.previewImport({ path: next, options: {} });
    expect(preview.savedMapping).toBe(true);
    expect(preview.format.mapping).toMatchObject(MAPPING);
    const { snapshot } = await b.handlers.importHoldings({ ...base, path: next, portfolioName: 'Depot', options: {}, rememberMapping: false });
    const values = b.db.prepare('SELECT description, value_cents FROM positions WHERE snapshot_id = ? ORDER BY line').raw().all(snapshot.id);
    expect(values).toEqual([
      ['NVIDIA Corp.', 1584200],
      ['Kinder Morgan Inc.', 705000],
      ['Coherent Corp.', 123150],
      ['Liquidität', 250075],
      ['Vertiv Holdings', 410000],
    ]);
  });

  it('reads a file exactly as the same mapping given by hand would, and says it was saved', () => {
    const bytes = readFileSync(DEPOT);
    const saved = { [headerFingerprint(DEPOT_HEADERS)]: { mapping: MAPPING, encoding: null, delimiter: null } };
    const bySaved = previewHoldings(bytes, { savedMappings: saved });
    const byHand = previewHoldings(bytes, { mapping: MAPPING });
    expect(bySaved.ok && bySaved.savedMapping).toBe(true);
    expect(byHand.ok && byHand.savedMapping).toBe(false);
    const { savedMapping: _a, ...one } = bySaved as Extract<typeof bySaved, { ok: true }>;
    const { savedMapping: _b, ...other } = byHand as Extract<typeof byHand, { ok: true }>;
    expect(one).toEqual(other);
    expect(one.rows.filter((r) => r.kind === 'position' || r.kind === 'cash')).toHaveLength(4);
  });

  it('saved with another encoding, reads the same bytes again that way from the start', () => {
    const bytes = readFileSync(DEPOT);
    const auto = previewHoldings(bytes, {});
    expect(auto.ok && auto.format.encoding).not.toBe('iso-8859-1');
    const saved = { [headerFingerprint(DEPOT_HEADERS)]: { mapping: MAPPING, encoding: 'iso-8859-1', delimiter: null } };
    const bySaved = previewHoldings(bytes, { savedMappings: saved });
    const byHand = previewHoldings(bytes, { mapping: MAPPING, encoding: 'iso-8859-1' });
    expect(bySaved.ok && bySaved.format.encoding).toBe('iso-8859-1');
    const { savedMapping: _a, ...one } = bySaved as Extract<typeof bySaved, { ok: true }>;
    const { savedMapping: _b, ...other } = byHand as Extract<typeof byHand, { ok: true }>;
    expect(one).toEqual(other);
  });

  it('is not applied to a file with another header row, nor over a mapping given', () => {
    const german = readFileSync(GERMAN);
    const saved = { [headerFingerprint(DEPOT_HEADERS)]: { mapping: MAPPING, encoding: null, delimiter: null } };
    const other = previewHoldings(german, { savedMappings: saved });
    expect(other.ok && other.savedMapping).toBe(false);
    expect(other).toEqual({ ...previewHoldings(german, {}), savedMapping: false });
    const given = previewHoldings(readFileSync(DEPOT), { savedMappings: saved, mapping: { ...MAPPING, value: 'Stück' } });
    expect(given.ok && given.savedMapping).toBe(false);
    expect(given.ok && given.format.mapping.value).toBe('Stück');
  });
});
