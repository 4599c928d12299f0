/**
 * What an import asks the user to check about its figures (a value whose sign is not quantity x
 * price's, a value left empty and taken as quantity x price) stays with the snapshot: the exposure
 * says it whenever the snapshot is shown or reported, after a restart, and in a copy of the
 * portfolio; not only once, in the import's dialog.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { makeTempDir } from '../helpers/temp-dir';
import { asSchema } from '../helpers/older-schema';

const FILE = [
  'Symbol,Description,Quantity,Price,Market Value',
  'MSFT,MICROSOFT,5,300,1500',
  'AAPL,APPLE INC,10,$150.00,"($1,500.00)"',
  'NVDA,NVIDIA,2,100,-200',
  'KMI,KINDER MORGAN,300,27.11,',
  '',
].join('\n');

const SIGN = '2 positions of checks.csv have values whose sign is not that of quantity x price (the first on line 3, AAPL: 10 x 150, value -1,500.00). They are kept as the file gives them; if its value column is not the market value (a gain or loss, say), import it again with the right column mapped.';
const COMPUTED =
  '1 position of checks.csv had no value in the file, so its value is quantity x price (line 5, KMI: 300 x 27.11 = 8,133.00). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.';

describe("an import's checks stay with its snapshot", () => {
  const temp = makeTempDir('themelens-checks-');
  const dbPath = join(temp.dir, 'a.db');
  let backend: Backend | null = null;
  afterAll(() => {
    backend?.close();
    temp.cleanup();
  });

  it('are said by the exposure, with their figures, after a restart and in a copy of the portfolio', async () => {
    const path = join(temp.dir, 'checks.csv');
    writeFileSync(path, FILE);
    backend = await openBackend({ dbPath });
    const outcome = await backend.handlers.importHoldings({ path, portfolioName: 'Checks', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    expect(outcome.checks.map((c) => c.kind)).toEqual(['sign', 'computed']);
    const said = async (portfolioId: number) => (await backend!.handlers.getExposure({ portfolioId })).warnings.filter((w) => w.code === 'SIGN_DIFFERS' || w.code === 'VALUE_COMPUTED');
    const expected = [
      { code: 'SIGN_DIFFERS', message: SIGN, params: { n: '2', file: 'checks.csv', line: '3', label: 'AAPL', quantity: '10', price: '150', value: '-1,500.00' } },
      { code: 'VALUE_COMPUTED', message: COMPUTED, params: { n: '1', file: 'checks.csv', line: '5', label: 'KMI', quantity: '300', price: '27.11', value: '8,133.00' } },
    ];
    expect(await said(outcome.portfolio.id)).toEqual(expected);
    backend.close();
    backend = await openBackend({ dbPath });
    expect(await said(outcome.portfolio.id)).toEqual(expected);
    const copy = await backend.handlers.duplicatePortfolio({ id: outcome.portfolio.id, name: 'Checks copy' });
    expect(await said(copy.id)).toEqual(expected);
  });

  it('a database of schema 18 gains the column; its snapshots, imported before checks were kept, say none', async () => {
    backend!.close();
    backend = null;
    asSchema(dbPath, 18);
    backend = await openBackend({ dbPath });
    const exposure = await backend.handlers.getExposure({ portfolioId: 1 });
    expect(exposure.totalValue).toBe(7933); // 1,500 - 1,500 - 200 + 8,133
    expect(exposure.warnings.map((w) => w.code)).not.toContain('SIGN_DIFFERS');
  });

  it('a row the file repeats is kept, counted and said wherever the snapshot is shown', async () => {
    const path = join(temp.dir, 'twice.csv');
    writeFileSync(path, 'Symbol,Description,Quantity,Price,Market Value\nMSFT,MICROSOFT,5,300,1500\nNVDA,NVIDIA,2,100,200\nMSFT,MICROSOFT,5,300,1500\n');
    const outcome = await backend!.handlers.importHoldings({ path, portfolioName: 'Twice', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    expect(outcome.checks.map((c) => c.kind)).toEqual(['repeated']);
    const exposure = await backend!.handlers.getExposure({ portfolioId: outcome.portfolio.id });
    expect(exposure.totalValue).toBe(3200); // as the file gives it: MSFT twice
    expect(exposure.warnings.filter((w) => w.code === 'REPEATED_ROWS').map((w) => w.message)).toEqual([
      'Line 4 of twice.csv repeats line 2 cell for cell. Both rows are kept, so that position counts twice; if the file lists it twice by mistake, delete the repeat from the file and import it again.',
    ]);
  });

  it('a file with nothing to check says nothing of it', async () => {
    const path = join(temp.dir, 'clean.csv');
    writeFileSync(path, 'Symbol,Description,Quantity,Price,Market Value\nMSFT,MICROSOFT,5,300,1500\n');
    const outcome = await backend!.handlers.importHoldings({ path, portfolioName: 'Clean', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    const codes = (await backend!.handlers.getExposure({ portfolioId: outcome.portfolio.id })).warnings.map((w) => w.code);
    expect(codes).not.toContain('SIGN_DIFFERS');
    expect(codes).not.toContain('VALUE_COMPUTED');
  });
});
