/**
 * The tokenizer alone: the papaparse-based CsvReader (shared/import/tokenize.ts) against the
 * hand-written one it replaced (hand-tokenizer.ts, the baseline), on the same decoded holdings text,
 * in the same process. Each reads every record without keeping it (as the streaming import does),
 * three times in alternation so a busy machine slows both alike; the best of each is compared.
 * Run alone: BENCH_ONLY=tokenize npx tsx test/bench/run.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CsvReader } from '../../shared/import/tokenize';
import { CsvReader as HandReader } from './hand-tokenizer';

interface Reader {
  next(): { cells: string[] } | null;
}

/** Reads every record; returns the record count and the time taken. */
function readAll(reader: Reader): { records: number; ms: number } {
  const t0 = performance.now();
  let records = 0;
  let cells = 0;
  for (let row = reader.next(); row !== null; row = reader.next()) {
    records++;
    cells += row.cells.length;
  }
  // Using the cell count keeps the loop from being optimised away.
  if (cells < records) throw new Error('a record without cells');
  return { records, ms: performance.now() - t0 };
}

/** Prints `tokenize N rows: papaparse x s, hand-written y s (ratio)` for the holdings file at `csv`. */
export function runTokenizeBench(csv: string, rows: number): void {
  const text = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '');
  const papa: number[] = [];
  const hand: number[] = [];
  for (let i = 0; i < 3; i++) {
    const a = readAll(new CsvReader(text, ','));
    const b = readAll(new HandReader(text, ','));
    if (a.records !== b.records) throw new Error(`the tokenizers disagree: ${a.records} records against ${b.records}`);
    papa.push(a.ms);
    hand.push(b.ms);
  }
  const p = Math.min(...papa);
  const h = Math.min(...hand);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\ntokenize ${rows.toLocaleString('en-US')} rows: papaparse ${s(p)}, hand-written ${s(h)} (${(p / h).toFixed(2)}x)   (best of 3 each, same text, same process)`);
  console.log(`  all runs: papaparse ${papa.map(s).join(', ')}; hand-written ${hand.map(s).join(', ')}`);
}
