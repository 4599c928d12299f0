import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHoldings } from '../../../shared/import/parse';
import { parseHoldingsStream, type StreamResult } from '../../../shared/import/stream';
import type { ParsedPosition, RowIssue } from '../../../shared/import/types';

const DIR = join(__dirname, '../../fixtures/holdings');

/** Streams `bytes` with a head of `headSize` bytes and chunks of `chunkSize`. */
function stream(bytes: Uint8Array, headSize: number, chunkSize: number) {
  const positions: ParsedPosition[] = [];
  const issues: RowIssue[] = [];
  let at = Math.min(headSize, bytes.length);
  const result: StreamResult = parseHoldingsStream(
    bytes.subarray(0, at),
    () => {
      if (at >= bytes.length) return null;
      const chunk = bytes.subarray(at, at + chunkSize);
      at += chunk.length;
      return chunk;
    },
    {},
    { position: (p) => positions.push(p), issue: (i) => issues.push(i) },
  );
  return { result, positions, issues };
}

/** A generic holdings file with quoted multi-line cells, `$` values and a footer. */
function bigFile(rows: number): Uint8Array {
  let text = '\uFEFFAccount Number,Symbol,Description,Quantity,Last Price,Current Value\n';
  for (let i = 0; i < rows; i++) {
    const desc = i % 17 === 0 ? `"MULTI\nLINE ""QUOTED"", DESC ${i}"` : `"Holding ${i}, Inc."`;
    const qty = i % 23 === 0 ? 'abc' : String((i % 97) + 1);
    text += `X${i % 3},S${i},${desc},${qty},$1.50,"$${(i * 1.25).toFixed(2)}"\n`;
  }
  text += '\n"Legal text, with commas, that is not a position."\n"Date downloaded Nov-24-2026 4:05 p.m ET"\n';
  return new TextEncoder().encode(text);
}

describe('streaming parse gives exactly what a whole-file parse gives', () => {
  const file = bigFile(600);
  const whole = parseHoldings(file, {});
  if (!whole.ok) throw new Error('fixture does not parse');

  it.each([
    [300, 7],
    [300, 64],
    [1024, 1],
    [2048, 4096],
  ])('head %i bytes, chunks of %i bytes', (head, chunk) => {
    const { result, positions, issues } = stream(file, head, chunk);
    expect(result.ok).toBe(true);
    expect(positions).toEqual(whole.positions);
    expect(issues).toEqual(whole.rejected);
    if (result.ok) {
      expect(result.format.asOf).toBe(whole.format.asOf);
      expect(result.positions).toBe(whole.positions.length);
    }
  });

  it('property: any head and chunk size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 120, max: 4000 }), fc.integer({ min: 1, max: 5000 }), (head, chunk) => {
        const { result, positions, issues } = stream(file, head, chunk);
        expect(result.ok).toBe(true);
        expect(positions.length).toBe(whole.positions.length);
        expect(positions[positions.length - 1]).toEqual(whole.positions[whole.positions.length - 1]);
        expect(issues.map((i) => [i.line, i.column])).toEqual(whole.rejected.map((i) => [i.line, i.column]));
      }),
      { numRuns: 40 },
    );
  });

  it.each(readdirSync(DIR).filter((f) => f.endsWith('.csv')))('fixture %s', (name) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const w = parseHoldings(bytes, {});
    const { result, positions, issues } = stream(bytes, 400, 13);
    if ('wholeFileNeeded' in result) return; // UTF-16 and look-ahead presets are parsed whole by design
    expect(result.ok).toBe(w.ok);
    if (w.ok && result.ok) {
      expect(positions).toEqual(w.positions);
      expect(issues).toEqual(w.rejected);
      expect(result.warnings).toEqual(w.warnings);
    }
  });

  it('reports an unterminated quote at the line where it opened, even across chunks', () => {
    const text = `Symbol,Description,Quantity,Current Value\n${Array.from({ length: 200 }, (_, i) => `S${i},D,1,$1.00`).join('\n')}\nBAD,"never closed,1,$1.00\n${Array.from({ length: 50 }, (_, i) => `T${i},D,1,$1.00`).join('\n')}\n`;
    const { result } = stream(new TextEncoder().encode(text), 200, 100);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTERMINATED_QUOTE', line: 202 } });
  });

  it('a quote that never closes in a long file is refused once past the cell limit, not after reading the whole file', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `T${i},SOME COMPANY NAME INC,1,$1.00`).join('\n');
    const bytes = new TextEncoder().encode(`Symbol,Description,Quantity,Current Value\nA,D,1,$1.00\nBAD,"5 INCH PIPE,1,$1.00\n${rows}\n`);
    let at = 200;
    const result = parseHoldingsStream(bytes.subarray(0, at), () => (at >= bytes.length ? null : bytes.subarray(at, (at += 4096))), {}, { position: () => {}, issue: () => {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', line: 3, column: 2 } });
    expect((result as { error: { message: string } }).error.message).toBe(
      'A quoted cell opens here and is still open 200,002 characters later, past the limit of 100,000 for one cell (a closing " is probably missing). Fix the quote on line 3 or export the file again.',
    );
    // Read up to a few chunks past the limit, not the file's 1.3 MB.
    expect(at).toBeLessThan(300_000);
    expect(bytes.length).toBeGreaterThan(1_200_000);
    // Parsed whole (UTF-16, a preset that reads ahead), the same file gets the same error.
    expect(parseHoldings(bytes, {})).toEqual(result);
  });

  it('a quoted cell at the limit whose quotes are doubled (twice as long in the file), over many lines, is still read', () => {
    // 100,000 characters, 200,000 in the file: open across every chunk cut (at a line feed) but the last.
    const line = `${'""'.repeat(999)}\n`;
    const value = `${'"'.repeat(999)}\n`.repeat(100).slice(0, -1);
    const cell = `"${line.repeat(100).slice(0, -1)}"`;
    expect(value.length).toBe(100_000 - 1);
    const text = `Symbol,Description,Quantity,Current Value\nA,D,1,$1.00\nQ,${cell},1,$2.00\nB,D,1,$3.00\n`;
    const bytes = new TextEncoder().encode(text);
    let at = 60;
    const positions: ParsedPosition[] = [];
    const result = parseHoldingsStream(bytes.subarray(0, at), () => (at >= bytes.length ? null : bytes.subarray(at, (at += 4096))), {}, { position: (p) => positions.push(p), issue: () => {} });
    expect(result).toMatchObject({ ok: true });
    expect(positions[1]?.description).toBe(value);
  });

  it('what follows the last line feed is decoded on its own: a stray windows-1252 byte there garbles no earlier row', () => {
    const enc = new TextEncoder();
    const head = enc.encode('Symbol,Description,Quantity,Current Value\nX,PLAIN,1,$1.00\n');
    // A quoted cell over two lines whose second holds UTF-8 (its long first line makes the reader
    // take in the rest of the file at once), then a last line without a line feed in windows-1252.
    const rest = new Uint8Array([...enc.encode(`A,"${'x'.repeat(100)}\n\u00c9 UTF",1,$1.00\n`), ...enc.encode('B,CAF'), 0xc9, ...enc.encode(' 1252,1,$2.00')]);
    let at = 0;
    const positions: ParsedPosition[] = [];
    const result = parseHoldingsStream(head, () => (at >= rest.length ? null : rest.subarray(at, (at += 6))), {}, { position: (p) => positions.push(p), issue: () => {} });
    expect(result).toMatchObject({ ok: true });
    expect(positions.map((p) => p.description)).toEqual(['PLAIN', `${'x'.repeat(100)}\n\u00c9 UTF`, 'CAF\u00c9 1252']);
  });

  it.each([
    ['a quoted cell over many lines', `"${'multi-line text\n'.repeat(5000)}"`],
    ['a line with no line feed for longer than many chunks', 'x'.repeat(90_000)],
  ])('%s is read again a few times, not once per chunk (the work stays linear)', (_name, cell) => {
    const text = `Symbol,Description,Quantity,Current Value\nA,D,1,$1.00\nLONG,${cell},1,$2.00\nB,D,1,$3.00\n`;
    const bytes = new TextEncoder().encode(text);
    let at = 60; // the header and the first row
    let parses = 0;
    const positions: ParsedPosition[] = [];
    // Progress is reported once per parse of the text read so far.
    const result = parseHoldingsStream(bytes.subarray(0, at), () => (at >= bytes.length ? null : bytes.subarray(at, (at += 64))), {}, { position: (p) => positions.push(p), issue: () => {}, progress: () => parses++ });
    expect(result).toMatchObject({ ok: true });
    expect(positions.map((p) => p.symbol)).toEqual(['A', 'LONG', 'B']);
    expect(positions[1]?.description.length).toBe(cell.replace(/^"|"$/g, '').trim().length);
    // About 1,400 chunks of 64 bytes: read once per chunk, the long record would be parsed ~1,400 times.
    expect(parses).toBeLessThan(30);
  });
});
