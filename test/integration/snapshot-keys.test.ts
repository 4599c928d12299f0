import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * Every snapshot records the keys it holds, with how many positions have each, in
 * position_resolutions: the exposure's tag changes, unresolved counts, a tag's reach and the
 * securities list read that small table instead of every position. Checked for each way a
 * snapshot comes to be: import, repricing, a copied portfolio, an undone deletion, the sample.
 */
describe('the keys each snapshot holds', () => {
  const temp = makeTempDir('snapshot-keys');
  let b: Backend;
  const base = { options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false };
  /** Per snapshot: the keys its positions have with their counts, and what its resolutions record. */
  const both = () => {
    const held = b.db.prepare('SELECT snapshot_id AS s, symbol_key AS k, count(*) AS n FROM positions GROUP BY snapshot_id, symbol_key ORDER BY 1, 2').all();
    const recorded = b.db.prepare('SELECT snapshot_id AS s, symbol_key AS k, position_count AS n FROM position_resolutions ORDER BY 1, 2').all();
    return { held, recorded };
  };
  beforeAll(async () => {
    b = await openBackend({ dbPath: join(temp.dir, 'keys.db') });
  });
  afterAll(() => {
    b.close();
    temp.cleanup();
  });

  it('match the positions after an import, a repricing, a copy, an undone deletion and the sample', async () => {
    const holdings = join(temp.dir, 'h.csv');
    writeFileSync(holdings, 'Account,Symbol,Description,Quantity,Price,Market Value,Currency\nA,NVDA,NVIDIA,10,180,"1,800.00",USD\nB,NVDA,NVIDIA,5,180,900.00,USD\nA,KMI,KINDER MORGAN,40,25,"1,000.00",USD\n');
    const { portfolio } = await b.handlers.importHoldings({ ...base, path: holdings, portfolioName: 'Keys', asOf: '2026-11-24' });
    const prices = join(temp.dir, 'p.csv');
    writeFileSync(prices, 'symbol,price,currency,date\nNVDA,190.00,USD,2026-12-01\n');
    await b.handlers.repricePortfolio({ path: prices, portfolioId: portfolio.id });
    const copy = await b.handlers.duplicatePortfolio({ id: portfolio.id });
    const gone = await b.handlers.deletePortfolio({ id: copy.id });
    await b.handlers.restorePortfolio({ undoToken: gone.undoToken });
    const { held, recorded } = both();
    // Import, repricing, the copy's two snapshots, restored under new ids: four snapshots or more.
    expect(new Set(held.map((r) => (r as { s: number }).s)).size).toBeGreaterThanOrEqual(4);
    expect(recorded).toEqual(held);
  });

  it('match for the sample household too', async () => {
    const empty = await openBackend({ dbPath: join(temp.dir, 'sample.db') });
    try {
      await empty.handlers.loadSampleHousehold({});
      const held = empty.db.prepare('SELECT snapshot_id AS s, symbol_key AS k, count(*) AS n FROM positions GROUP BY 1, 2 ORDER BY 1, 2').all();
      expect(held.length).toBeGreaterThan(5);
      expect(empty.db.prepare('SELECT snapshot_id AS s, symbol_key AS k, position_count AS n FROM position_resolutions ORDER BY 1, 2').all()).toEqual(held);
    } finally {
      empty.close();
    }
  });
});
