import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BATCH_UNITS, RowBatchReader, RowBatchWriter, type RowBatch } from '../../../db/import/row-batch';
import { POSITION_FIELDS } from '../../../shared/import/position-columns';
import type { ParsedPosition } from '../../../shared/import/types';

/** A position as the insert binds it: each field at its column's slot (shared/import/position-columns.ts). */
const toColumns = (p: ParsedPosition) =>
  POSITION_FIELDS.map(({ field }) => (field === 'isCash' ? (p.isCash ? 1 : 0) : field === 'conid' ? (p.conid ?? null) : p[field]));

function roundTrip(positions: ParsedPosition[], capacity: number): unknown[][] {
  const writer = new RowBatchWriter(capacity);
  const batches: RowBatch[] = [];
  for (const p of positions) {
    writer.add(p);
    if (writer.full) batches.push(writer.take()!);
  }
  const last = writer.take();
  if (last) batches.push(last);
  expect(writer.take()).toBeNull();
  const out: unknown[][] = [];
  for (const b of batches) {
    // What a worker would post: a structured clone, buffers and all.
    const reader = new RowBatchReader(structuredClone(b));
    while (reader.remaining > 0) {
      const row = new Array<unknown>(POSITION_FIELDS.length);
      reader.next(row, 0);
      out.push(row);
    }
  }
  return out;
}

const few = (values: string[]) => fc.constantFrom(...values);
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), few(['', 'USD', 'Cash', 'X1', 'Ünïcödé 日本', '\u0000', 'lone \ud800 surrogate', 'a'.repeat(300)]));
const nullable = fc.option(text, { nil: null });
const position: fc.Arbitrary<ParsedPosition> = fc.record({
  line: fc.integer({ min: 1, max: 3_000_000 }),
  account: fc.oneof(few(['', 'X1', 'X2']), text),
  symbol: fc.oneof(fc.constant(null), few(['NVDA', 'SPAXX']), text),
  symbolKey: fc.oneof(few(['NVDA', 'CASH:USD']), text),
  isin: nullable,
  cusip: nullable,
  description: text,
  securityType: fc.oneof(fc.constant(null), few(['Cash', 'Margin']), text),
  quantity: fc.oneof(fc.constant(null), few(['1', '0.5', '-3']), text),
  price: nullable,
  valueCents: fc.oneof(fc.integer(), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER)),
  currency: fc.oneof(few(['USD', 'EUR']), text),
  isCash: fc.boolean(),
  baseValueCents: fc.oneof(fc.constant(null), fc.integer(), fc.constantFrom(0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER)),
  conid: nullable,
});

describe('row batches between the parsing and the inserting thread', () => {
  it('property: every position comes back exactly, in order, whatever its text and the batch size', () => {
    fc.assert(
      fc.property(
        fc.array(position, { maxLength: 60 }).chain((ps) =>
          // Repeat some rows so "same as above" and "same as symbol" are exercised.
          fc.tuple(fc.constant(ps.flatMap((p, i) => (i % 3 === 0 ? [p, { ...p, symbolKey: p.symbol ?? p.symbolKey }] : [p]))), fc.integer({ min: 1, max: 50 })),
        ),
        ([positions, capacity]) => {
          expect(roundTrip(positions, capacity)).toEqual(positions.map(toColumns));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps one byte per code unit when it can, two when it must', () => {
    const p: ParsedPosition = {
      line: 2,
      account: 'A',
      symbol: 'S',
      symbolKey: 'S',
      isin: null,
      cusip: null,
      description: 'Café',
      securityType: null,
      quantity: '1',
      price: null,
      valueCents: 1,
      currency: 'EUR',
      isCash: false,
      baseValueCents: null,
    };
    const narrow = new RowBatchWriter(4);
    narrow.add(p);
    expect(narrow.take()!.chars).toBeInstanceOf(Uint8Array);
    const wide = new RowBatchWriter(4);
    wide.add({ ...p, description: 'Société Générale – 日本' });
    const batch = wide.take()!;
    expect(batch.chars).toBeInstanceOf(Uint16Array);
    const row = new Array<unknown>(POSITION_FIELDS.length);
    new RowBatchReader(batch).next(row, 0);
    expect(row[6]).toBe('Société Générale – 日本');
  });

  it('hands a batch over early when its rows are wide, so its size stays bounded', () => {
    const writer = new RowBatchWriter(4000);
    const wide = 'x'.repeat(100_000);
    let rows = 0;
    while (!writer.full) {
      writer.add({ line: rows + 2, account: '', symbol: `S${rows}`, symbolKey: `S${rows}`, isin: null, cusip: null, description: wide + String(rows), securityType: null, quantity: null, price: null, valueCents: 0, currency: 'USD', isCash: false, baseValueCents: null });
      rows++;
    }
    expect(rows).toBeLessThan(100);
    const batch = writer.take()!;
    expect(batch.count).toBe(rows);
    expect(batch.chars.length).toBeLessThan(MAX_BATCH_UNITS + 200_000);
  });
});
