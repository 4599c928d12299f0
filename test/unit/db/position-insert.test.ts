import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSITION_COLUMNS, SLOT } from '../../../shared/import/position-columns';
import { PositionInsert, ROWS_PER_INSERT, VALUES_PER_ROW } from '../../../db/repos/position-insert';
import { columns, sql } from '../../../db/sql';
import { makeDb } from '../exposure/fixture';

/**
 * A batch of positions is bound by its shape (db/repos/position-insert.ts): columns the same in
 * every row bound once, the key stored from the symbol, lines computed from the first. Whatever
 * the shape, the rows stored must be the rows given, in order, with consecutive ids.
 */

type Row = unknown[];

/** A row's values as POSITION_COLUMNS, each drawn from a few values so that batches repeat themselves. */
const rowArb = (line: number): fc.Arbitrary<Row> =>
  fc
    .record({
      account: fc.constantFrom('X1', 'X2', ''),
      symbol: fc.constantFrom('NVDA', 'EQIX', null),
      keyIsSymbol: fc.boolean(),
      isin: fc.constantFrom(null, 'US67066G1040'),
      cusip: fc.constantFrom(null, '67066G104'),
      description: fc.constantFrom('NVIDIA CORP', ''),
      securityType: fc.constantFrom(null, 'Cash', 'Margin'),
      quantity: fc.constantFrom(null, '10', '0.5'),
      price: fc.constantFrom(null, '123.45'),
      valueCents: fc.constantFrom(0, 12345, -500, 2 ** 40),
      currency: fc.constantFrom('USD', 'EUR'),
      isCash: fc.constantFrom(0, 1),
      baseValueCents: fc.constantFrom(null, 99),
      conid: fc.constantFrom(null, '4815747'),
    })
    .map((r) => {
      const row = new Array<unknown>(VALUES_PER_ROW);
      for (const [field, slot] of Object.entries(SLOT)) row[slot] = (r as Record<string, unknown>)[field];
      row[SLOT.line] = line;
      row[SLOT.symbolKey] = r.keyIsSymbol && r.symbol !== null ? r.symbol : `KEY:${r.symbol ?? 'none'}`;
      return row;
    });

/** A batch: whole columns made the same, or lines in step, often enough that every shape is met. */
const batchArb: fc.Arbitrary<Row[]> = fc
  .record({
    rows: fc.tuple(...Array.from({ length: ROWS_PER_INSERT }, () => rowArb(0))),
    sameColumns: fc.subarray([...POSITION_COLUMNS.keys()]),
    firstLine: fc.integer({ min: 1, max: 1_000_000 }),
    lines: fc.constantFrom('in step', 'gaps', 'repeated'),
  })
  .map(({ rows, sameColumns, firstLine, lines }) =>
    rows.map((row, k) => {
      const out = [...row];
      for (const c of sameColumns) out[c] = (rows[0] as Row)[c];
      out[SLOT.line] = lines === 'in step' ? firstLine + k : lines === 'gaps' ? firstLine + 2 * k : firstLine;
      return out;
    }),
  );

function stored(db: ReturnType<typeof makeDb>, snapshotId: number): { ids: number[]; rows: Row[] } {
  const all = db.prepare(sql`SELECT id, ${columns(POSITION_COLUMNS)} FROM positions WHERE snapshot_id = ? ORDER BY id`.text).raw().all(snapshotId) as unknown[][];
  return { ids: all.map((r) => r[0] as number), rows: all.map((r) => r.slice(1)) };
}

function newSnapshot(db: ReturnType<typeof makeDb>): number {
  return Number(db.prepare("INSERT INTO snapshots (portfolio_id, as_of, source_file, file_sha256, row_count, imported_at) VALUES (1, '2026-01-01', 'f.csv', 'h', 0, 'now')").run().lastInsertRowid);
}

describe('positions bound by the shape of their batch', () => {
  it('stores every batch exactly as given, in order, whatever its shape', () => {
    const db = makeDb();
    fc.assert(
      fc.property(fc.array(batchArb, { minLength: 1, maxLength: 4 }), fc.array(rowArb(7), { maxLength: 3 }), (batches, singles) => {
        const sid = newSnapshot(db);
        const insert = new PositionInsert(db, sid);
        const given: Row[] = [];
        let lastId = 0;
        for (const batch of batches) {
          lastId = insert.run(batch.flat(), ROWS_PER_INSERT);
          given.push(...batch);
        }
        for (const row of singles) {
          lastId = insert.run(row, 1);
          given.push(row);
        }
        const { ids, rows } = stored(db, sid);
        expect(rows).toEqual(given);
        // One contiguous range, the last id returned the last row's (the writer records the range from it).
        expect(ids.at(-1)).toBe(lastId);
        expect(ids.every((id, i) => i === 0 || id === (ids[i - 1] as number) + 1)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('binds a repetitive batch through a statement of its own, and a varied one through the plain statement', () => {
    const db = makeDb();
    const insert = new PositionInsert(db, newSnapshot(db));
    const row = (k: number, symbol: string): Row => {
      const r = new Array<unknown>(VALUES_PER_ROW).fill(null);
      r[SLOT.line] = 2 + k;
      r[SLOT.account] = 'X1';
      r[SLOT.symbol] = symbol;
      r[SLOT.symbolKey] = symbol;
      r[SLOT.description] = `${symbol} INC`;
      r[SLOT.valueCents] = 100 * k;
      r[SLOT.currency] = 'USD';
      r[SLOT.isCash] = 0;
      return r;
    };
    const repetitive = Array.from({ length: ROWS_PER_INSERT }, (_, k) => row(k, `S${k}`));
    insert.run(repetitive.flat(), ROWS_PER_INSERT);
    expect(insert.shapesMet).toBe(1);
    // The same shape again: the same statement.
    insert.run(Array.from({ length: ROWS_PER_INSERT }, (_, k) => row(k + 40, `T${k}`)).flat(), ROWS_PER_INSERT);
    expect(insert.shapesMet).toBe(1);
    // Nothing repeats (every value differs, lines out of step, keys not the symbols): plain.
    const varied = repetitive.map((r, k) => {
      const out = [...r];
      for (let c = 0; c < VALUES_PER_ROW; c++) out[c] = c === SLOT.isCash ? k % 2 : c === SLOT.valueCents || c === SLOT.line || c === SLOT.baseValueCents ? 3 * k + 1 : `v${c}-${k}`;
      return out;
    });
    insert.run(varied.flat(), ROWS_PER_INSERT);
    expect(insert.shapesMet).toBe(1);
    expect(stored(db, 1).rows.slice(-ROWS_PER_INSERT)).toEqual(varied);
  });
});
