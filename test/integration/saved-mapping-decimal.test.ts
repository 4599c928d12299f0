import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrate, MIGRATIONS } from '../../db/migrations';
import { saveMapping } from '../../db/repos/saved-mappings';
import { openBackend, type Backend } from '../../db/service/backend';
import type { ColumnMapping } from '../../shared/import/types';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * A remembered column mapping keeps the decimal separator chosen with it, as it keeps its encoding
 * and delimiter: next month's file with the same header row is read with it, in the preview, the
 * app's import and the command line's, not by what its figures suggest. A mapping saved without one
 * leaves the figures to decide, as before.
 */
const TAB_HEADER = 'Symbol\tDescription\tQuantity\tValue\tCurrency';
const TAB_MAPPING: ColumnMapping = { symbol: 'Symbol', description: 'Description', quantity: 'Quantity', value: 'Value', currency: 'Currency' };
const SEMI_HEADER = 'Ticker;Name;Units;Amount;Ccy';
const SEMI_MAPPING: ColumnMapping = { symbol: 'Ticker', description: 'Name', quantity: 'Units', value: 'Amount', currency: 'Ccy' };

describe('the decimal separator saved with a column mapping', () => {
  const temp = makeTempDir('saved-decimal');
  const dbPath = join(temp.dir, 'd.db');
  let b: Backend;
  const base = { skipInvalid: false, allowDuplicate: false };
  const file = (name: string, text: string) => {
    const path = join(temp.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const values = (snapshotId: number) => b.db.prepare('SELECT symbol, value_cents FROM positions WHERE snapshot_id = ? ORDER BY line').raw().all(snapshotId);
  beforeAll(async () => {
    b = await openBackend({ dbPath });
  });
  afterAll(() => {
    b.close();
    temp.cleanup();
  });

  it("remembered with a decimal comma, reads the next file with the same header row with a comma, though its figures (tab-delimited) would be read with a point", async () => {
    const november = file('bank-nov.tsv', `${TAB_HEADER}\nAAPL\tApple\t10\t2,053\tUSD\nMSFT\tMicrosoft\t5\t2,522\tUSD\n`);
    const first = await b.handlers.importHoldings({ ...base, path: november, portfolioName: 'Bank', baseCurrency: 'USD', options: { mapping: TAB_MAPPING, decimal: ',' }, rememberMapping: true });
    expect(values(first.snapshot.id)).toEqual([['AAPL', 205], ['MSFT', 252]]);

    const december = file('bank-dec.tsv', `${TAB_HEADER}\nAAPL\tApple\t10\t2,160\tUSD\nNVDA\tNVIDIA\t3\t1,250\tUSD\n`);
    const next = await b.handlers.importHoldings({ ...base, path: december, portfolioName: 'Bank', options: {}, rememberMapping: false });
    expect(values(next.snapshot.id)).toEqual([['AAPL', 216], ['NVDA', 125]]);
    expect(next.checks.filter((c) => c.kind === 'separator')).toEqual([]);
    // The preview reads it so too, and says why.
    const preview = await b.handlers.previewImport({ path: december, options: {} });
    expect(preview.savedMapping).toBe(true);
    expect(preview.savedDecimal).toBe(',');
    expect(preview.decimalRead).toBe(',');
    expect(preview.separator).toBeNull();
    expect(preview.rows.map((r) => r.cells.find((c) => c.field === 'value')?.parsed)).toEqual(['2.16', '1.25']);

    // A separator chosen for this import goes before the saved one.
    const chosen = await b.handlers.importHoldings({ ...base, path: december, portfolioName: 'Bank chosen', baseCurrency: 'USD', options: { decimal: '.' }, rememberMapping: false, allowDuplicate: true });
    expect(values(chosen.snapshot.id)).toEqual([['AAPL', 216000], ['NVDA', 125000]]);

    // Automatic chosen: the figures decide, as if no separator was saved, and the preview says so
    // as it would of any file (tab-delimited: a point), not that the saved comma applies.
    const auto = await b.handlers.previewImport({ path: december, options: { decimal: 'auto' } });
    expect(auto.savedMapping).toBe(true);
    expect(auto.savedDecimal).toBeNull();
    expect(auto.decimalRead).toBe('.'); // what the window's Automatic then says it read
    expect(auto.separator).toMatchObject({ kind: 'separator', cell: '2,160', decimal: '.', read: '2160' });
    const read = await b.handlers.importHoldings({ ...base, path: december, portfolioName: 'Bank auto', baseCurrency: 'USD', options: { decimal: 'auto' }, rememberMapping: false, allowDuplicate: true });
    expect(values(read.snapshot.id)).toEqual([['AAPL', 216000], ['NVDA', 125000]]);
    expect(read.checks).toEqual([expect.objectContaining({ kind: 'separator', decimal: '.' })]);
    // The saved mapping keeps its comma for the next file: Automatic was this import's choice.
    expect((await b.handlers.previewImport({ path: december, options: {} })).savedDecimal).toBe(',');
  });

  it('remembered again with Automatic, the mapping forgets its separator', async () => {
    const header = 'Code\tName\tShares\tWorth\tCcy';
    const mapping: ColumnMapping = { symbol: 'Code', description: 'Name', quantity: 'Shares', value: 'Worth', currency: 'Ccy' };
    const path = file('forget.tsv', `${header}\nAAPL\tApple\t10\t2,053\tUSD\n`);
    await b.handlers.importHoldings({ ...base, path, portfolioName: 'Forget', baseCurrency: 'USD', options: { mapping, decimal: ',' }, rememberMapping: true });
    expect((await b.handlers.previewImport({ path, options: {} })).savedDecimal).toBe(',');
    await b.handlers.importHoldings({ ...base, path, portfolioName: 'Forget 2', baseCurrency: 'USD', options: { mapping, decimal: 'auto' }, rememberMapping: true, allowDuplicate: true });
    const after = await b.handlers.previewImport({ path, options: {} });
    expect(after.savedMapping).toBe(true);
    expect(after.savedDecimal).toBeNull();
  });

  it('remembered with a decimal point, reads the next semicolon file with a point, not the comma its delimiter suggests', async () => {
    const june = file('depot-jun.csv', `${SEMI_HEADER}\nAAPL;Apple;10;2,053;USD\n`);
    await b.handlers.importHoldings({ ...base, path: june, portfolioName: 'Depot', baseCurrency: 'USD', options: { mapping: SEMI_MAPPING, decimal: '.' }, rememberMapping: true });
    const july = file('depot-jul.csv', `${SEMI_HEADER}\nAAPL;Apple;10;2,160;USD\nMSFT;Microsoft;5;2,522;USD\n`);
    const { snapshot, checks } = await b.handlers.importHoldings({ ...base, path: july, portfolioName: 'Depot', options: {}, rememberMapping: false });
    expect(values(snapshot.id)).toEqual([['AAPL', 216000], ['MSFT', 252200]]);
    expect(checks.filter((c) => c.kind === 'separator')).toEqual([]);
  });

  it('saved without one (as every mapping before), leaves the figures to decide and the import says so, as before', async () => {
    const header = 'Sym\tLabel\tQty\tMkt value\tCur';
    const mapping: ColumnMapping = { symbol: 'Sym', description: 'Label', quantity: 'Qty', value: 'Mkt value', currency: 'Cur' };
    saveMapping(b.db, header.split('\t'), { mapping, encoding: null, delimiter: null }, '2026-11-01T00:00:00Z');
    const path = file('older.tsv', `${header}\nAAPL\tApple\t10\t2,053\tUSD\n`);
    const preview = await b.handlers.previewImport({ path, options: {} });
    expect(preview.savedMapping).toBe(true);
    expect(preview.savedDecimal).toBeNull();
    // Read with a point (the file is not delimited by semicolons), said in the preview before importing.
    expect(preview.separator).toMatchObject({ kind: 'separator', line: 2, header: 'Mkt value', cell: '2,053', decimal: '.', read: '2053', other: '2.053' });
    const { snapshot, checks } = await b.handlers.importHoldings({ ...base, path, portfolioName: 'Older', baseCurrency: 'USD', options: {}, rememberMapping: false });
    expect(values(snapshot.id)).toEqual([['AAPL', 205300]]);
    expect(checks).toEqual([expect.objectContaining({ kind: 'separator', decimal: '.', read: '2053', other: '2.053' })]);
  });

  it('the command line reads a file with the separator saved with its mapping', () => {
    const january = file('bank-jan.tsv', `${TAB_HEADER}\nAAPL\tApple\t10\t3,100\tUSD\n`);
    const r = runCli(['import', january, '--db', dbPath, '--portfolio', 'Bank CLI', '--base-currency', 'USD']);
    expect(r.stderr).not.toContain('decimal separator');
    expect(r.code).toBe(0);
    const total = JSON.parse(runCli(['exposure', '--db', dbPath, '--portfolio', 'Bank CLI', '--format', 'json']).stdout).totalValue;
    expect(total).toBe(3.1);
    // --decimal auto: the figures decide (a point, tab-delimited), and the import says how it read them.
    const auto = runCli(['import', january, '--db', dbPath, '--portfolio', 'Bank CLI auto', '--base-currency', 'USD', '--decimal', 'auto']);
    expect(auto.code).toBe(0);
    expect(auto.stderr).toContain('3,100');
    expect(JSON.parse(runCli(['exposure', '--db', dbPath, '--portfolio', 'Bank CLI auto', '--format', 'json']).stdout).totalValue).toBe(3100);
  });
});

describe('migration 21', () => {
  it('gives saved mappings a decimal separator, none for those saved before, and keeps every row', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 20);
    db.prepare("INSERT INTO presets (fingerprint, headers, mapping, encoding, delimiter, created_at, updated_at) VALUES ('f', '[\"A\"]', '{}', 'utf-8', ';', 'then', 'then')").run();
    const before = db.prepare('SELECT * FROM presets').get() as Record<string, unknown>;
    migrate(db, MIGRATIONS, 21);
    expect(db.prepare('SELECT * FROM presets').get()).toEqual({ ...before, decimal: null });
    db.prepare("UPDATE presets SET decimal = ','").run();
    expect(() => db.prepare("UPDATE presets SET decimal = 'comma'").run()).toThrow(/CHECK/);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'presets'").pluck().get()).toBe(1);
  });
});
