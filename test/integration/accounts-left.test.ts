/**
 * A portfolio's figures are its latest snapshot's: the second of two accounts' files imported into
 * the same portfolio replaced the first without a word, and the first account left every figure.
 * The import now says which accounts of the snapshot it replaces the file does not hold.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { makeTempDir } from '../helpers/temp-dir';

const HEADER = 'Account,Symbol,Description,Quantity,Price,Market Value\n';

describe('an import that leaves out accounts of the snapshot it replaces', () => {
  const temp = makeTempDir('themelens-accounts-');
  let backend: Backend;
  let n = 0;
  beforeAll(async () => {
    backend = await openBackend({ dbPath: join(temp.dir, 'a.db') });
  });
  afterAll(() => {
    backend.close();
    temp.cleanup();
  });

  const importFile = async (portfolioName: string, body: string, asOf: string) => {
    const path = join(temp.dir, `file-${++n}.csv`);
    writeFileSync(path, HEADER + body);
    return backend.handlers.importHoldings({ path, portfolioName, asOf, options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
  };

  it("says so, naming the accounts and the snapshot replaced; the figures are the new file's", async () => {
    await importFile('Two accounts', 'A1,MSFT,MICROSOFT,5,300,1500\nA1,NVDA,NVIDIA,2,100,200\n', '2026-12-01');
    const second = await importFile('Two accounts', 'B2,AAPL,APPLE,5,200,1000\n', '2026-12-01');
    expect(second.checks).toEqual([{ kind: 'accountsLeft', count: 1, accounts: ['A1'], snapshotId: 1, asOf: '2026-12-01', sourceFile: 'file-1.csv' }]);
    expect(second.warnings).toContain(
      "The snapshot this import replaces as the portfolio's latest (file-1.csv, as of 2026-12-01) holds account A1, which this file does not: the portfolio's figures are now this file's alone, without it. If the file is of another account, it belongs in a portfolio of its own; a client shows portfolios together.",
    );
    expect((await backend.handlers.getExposure({ portfolioId: second.portfolio.id })).totalValue).toBe(1000);
  });

  it('names five accounts and counts the rest', async () => {
    const many = Array.from({ length: 7 }, (_, i) => `C${i},MSFT,MICROSOFT,1,300,300\n`).join('');
    await importFile('Seven', many, '2026-11-01');
    const next = await importFile('Seven', 'C0,MSFT,MICROSOFT,1,300,300\n', '2026-12-01');
    expect(next.checks).toEqual([expect.objectContaining({ kind: 'accountsLeft', count: 6, accounts: ['C1', 'C2', 'C3', 'C4', 'C5'] })]);
    expect(next.warnings.join('\n')).toContain('holds 6 accounts this file does not (C1, C2, C3, C4, C5, …)');
  });

  it('says nothing when the file holds every account, adds one, is older than the latest, or names none', async () => {
    await importFile('Same', 'A1,MSFT,MICROSOFT,5,300,1500\nB2,AAPL,APPLE,5,200,1000\n', '2026-11-01');
    expect((await importFile('Same', 'B2,AAPL,APPLE,6,200,1200\nA1,MSFT,MICROSOFT,5,300,1500\nC3,KMI,KINDER,1,27,27\n', '2026-12-01')).checks).toEqual([]);
    // A file of an earlier date fills in history: the latest snapshot, and the figures, stay.
    expect((await importFile('Same', 'B2,AAPL,APPLE,6,200,1200\n', '2026-10-01')).checks).toEqual([]);
    // A file without an account column cannot be compared.
    const path = join(temp.dir, 'no-accounts.csv');
    writeFileSync(path, 'Symbol,Description,Quantity,Price,Market Value\nMSFT,MICROSOFT,5,300,1500\n');
    const plain = await backend.handlers.importHoldings({ path, portfolioName: 'Same', asOf: '2026-12-02', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    expect(plain.checks).toEqual([]);
  });
});
