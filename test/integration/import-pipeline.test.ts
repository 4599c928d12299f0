import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHoldingsFile } from '../../db/import/import-file';
import { openBackend, type Backend } from '../../db/service/backend';
import { parseHoldings } from '../../shared/import/parse';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * The import pipeline (rows packed into batches, sent to the inserting thread, inserted 32 to a
 * statement) stores exactly what the reference parser returns, row for row, whether the file is
 * parsed in a worker thread or inline.
 */
describe('import pipeline: the database holds exactly the parsed positions', () => {
  const temp = makeTempDir('themelens-pipeline-');
  const csv = join(temp.dir, 'varied.csv');
  let backend: Backend;

  beforeAll(async () => {
    const lines = ['\uFEFFAccount Number,Account Name,Symbol,Description,Quantity,Last Price,Current Value,Type'];
    // 9,001 positions: three full batches of 4,000 rows are not reached, so the last statement
    // groups are partial and single-row inserts run too.
    for (let i = 0; i < 9001; i++) {
      const account = i % 500 < 250 ? 'X100' : `Z${i % 3}`;
      const kind = i % 11;
      const symbol = kind === 0 ? 'SPAXX**' : kind === 1 ? 'US0378331005' : kind === 2 ? '' : kind === 3 ? 'brk b' : `S${i % 97}`;
      const description =
        kind === 2 ? 'Société Générale – 日本 "ADR"' : kind === 4 ? 'Line one\nline two, with ""quotes""' : kind === 5 ? '' : `${symbol} HOLDINGS, INC.`;
      const quantity = kind === 6 ? '' : kind === 7 ? '(12.5)' : String((i % 997) + 0.25);
      const price = kind === 8 ? '--' : `$${(i % 400) + 1}.0${i % 10}`;
      const value = kind === 6 ? `"$1,${String(i % 1000).padStart(3, '0')}.5"` : kind === 9 ? '' : `"-$${i % 50},123.45"`;
      lines.push(`${account},Individual,${symbol},"${description.replace(/"/g, '""')}",${quantity},${price},${value},${kind === 10 ? 'Margin' : 'Cash'}`);
    }
    lines.push('', '"Date downloaded Nov-24-2026 4:05 p.m ET"', '');
    writeFileSync(csv, lines.join('\r\n'));
    backend = await openBackend({ dbPath: join(temp.dir, 'p.db') });
  });
  afterAll(() => {
    backend.close();
    temp.cleanup();
  });

  it.each([
    ['parsed on a thread of its own', false],
    ['parsed here', true],
  ])('%s', async (_, inline) => {
    const expected = parseHoldings(readFileSync(csv), { fileName: 'varied.csv', defaultCurrency: 'USD' });
    if (!expected.ok) throw new Error(expected.error.message);
    expect(expected.positions.length).toBeGreaterThan(8000);
    const input = { path: csv, portfolioName: `P ${String(inline)}`, options: {}, skipInvalid: true, allowDuplicate: true, rememberMapping: false };
    const outcome = await importHoldingsFile(backend.db, input, '2026-11-30T00:00:00Z', { parseOnAThread: !inline });
    expect(outcome.imported).toBe(expected.positions.length);
    expect(outcome.rejected.map((r) => [r.line, r.column])).toEqual(expected.rejected.map((r) => [r.line, r.column]));
    const id = outcome.snapshot.id;
    const rows = backend.db
      .prepare(
        `SELECT line, account, symbol, symbol_key AS symbolKey, isin, cusip, description, security_type AS securityType, quantity, price,
         value_cents AS valueCents, currency, is_cash AS isCash, base_value_cents AS baseValueCents, conid FROM positions WHERE snapshot_id = ? ORDER BY id`,
      )
      .all(id);
    expect(rows).toEqual(expected.positions.map((p) => ({ ...p, isCash: p.isCash ? 1 : 0 })));
    const range = backend.db.prepare('SELECT min(id) AS first, max(id) AS last FROM positions WHERE snapshot_id = ?').get(id) as { first: number; last: number };
    const snap = backend.db.prepare('SELECT first_position_id AS first, last_position_id AS last, row_count AS n, currencies FROM snapshots WHERE id = ?').get(id);
    expect(snap).toEqual({ ...range, n: expected.positions.length, currencies: [...new Set(expected.positions.map((p) => p.currency))].sort().join(',') });
  });
});
