/**
 * The papaparse-based CsvReader reads exactly as the hand-written one it replaced (kept as the
 * reference in test/bench/hand-tokenizer.ts): same cells, same lines, same unterminated quotes, and
 * the same offsets and lines a streaming caller reads between records.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvReader, type RawRow } from '../../../shared/import/tokenize';
import { CsvReader as HandReader } from '../../bench/hand-tokenizer';

const FIXTURES = join(__dirname, '../../fixtures');
const DELIMITERS = [',', ';', '\t', '|'];

/** Everything a caller can see of a reader, after each `next()` up to and including the final null. */
function trace(reader: CsvReader | HandReader): unknown[] {
  const steps: unknown[] = [];
  for (let i = 0; ; i++) {
    const next = reader.next();
    // Our reader's records also say where they stand in the text (repeated-rows.ts): from the record's start to the next one's.
    if (next && reader instanceof CsvReader) expect([(next as RawRow).text, (next as RawRow).start, (next as RawRow).end]).toEqual([reader.source, reader.recordStart, reader.offset]);
    const row = next && { cells: next.cells, line: next.line };
    steps.push({ row, offset: reader.offset, currentLine: reader.currentLine, recordStart: reader.recordStart, recordLine: reader.recordLine, unterminatedQuoteLine: reader.unterminatedQuoteLine });
    if (row === null) return steps;
    if (i > 1e6) throw new Error('reader does not end');
  }
}

function expectSame(text: string, delimiter: string, start = 0, startLine = 1): void {
  const ours = trace(new CsvReader(text, delimiter, start, startLine));
  const reference = trace(new HandReader(text, delimiter, start, startLine));
  expect(ours).toEqual(reference);
}

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return /\.(csv|txt)$/i.test(name) ? [path] : [];
  });
}

/** UTF-16 by its BOM, else UTF-8 when valid, else latin1. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

describe('papaparse CsvReader against the hand-written reference', () => {
  const files = fixtureFiles(FIXTURES);

  it('finds the fixture files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.slice(FIXTURES.length + 1), f]))('%s tokenizes the same with , ; tab |', (_name, path) => {
    const text = decode(readFileSync(path));
    for (const d of DELIMITERS) expectSame(text, d);
  });

  it('reads the corner cases the same', () => {
    const cases = [
      '',
      '\n',
      '\r',
      '\r\n',
      'a,b\n',
      'a,b',
      'a,',
      'a,\n',
      '"abc"def,x\n',
      '"abc" ,x\n"y" \n',
      '"a"\rb,c\n',
      '"a"\r,b\n',
      'a\rb,c\nd\n',
      'a,b\rc,d\re',
      'a\r',
      'a\n\r',
      '"x\r"\n',
      '"multi\r\nline",2\r\n"x\ry",3\n',
      '"unterminated\nline,2\n',
      'a,b\nc,"d\ne""\n',
      '"a""',
      '""',
      '"',
      'a,"',
      '"a"b"c",d\n"e",f\n',
      'x,"abc"def,y\n'.repeat(50),
    ];
    for (const text of cases) for (const d of [',', ';']) expectSame(text, d);
  });

  it('keeps the reading with a delimiter papaparse refuses (a BOM) and from a start offset', () => {
    expectSame('a\uFEFFb\n"c\uFEFF"\uFEFFd\n', '\uFEFF');
    expectSame('\uFEFFa,b\r\n"c\nd",e\r\n', ',', 1, 1);
    expectSame('sep=;\na;"b\nc"\nd;e\n', ';', 6, 2);
  });

  it('reads large texts the same across papaparse windows (long records, malformed quotes far apart)', () => {
    const row = (i: number) => `X${i},Individual,S${i},"S${i} HOLDINGS, INC. COM",${i % 97},$1${i}.00,"$1,${i}.50",Cash\n`;
    const rows = Array.from({ length: 20_000 }, (_, i) => row(i));
    rows[5000] = '"a"b,c\n';
    rows[9000] = `"${'long\n'.repeat(5000)}",x\r\n`;
    rows[12_000] = '"sp" ,q\r';
    rows[15_000] = 'a\rb,"c"\n';
    const text = rows.join('');
    for (const d of [',', ';']) expectSame(text, d);
    expectSame(text + '"never closed\n' + rows.slice(0, 3000).join(''), ',');
    expectSame(text.replace(/\n/g, '\r'), ',');
  });

  it('reads random text over a small alphabet the same (property)', () => {
    const token = fc.constantFrom('a', '1', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '\t');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.constantFrom(',', ';'), fc.nat(3), fc.integer({ min: 1, max: 5 }), (tokens, d, start, startLine) => {
        const text = tokens.join('');
        expectSame(text, d, Math.min(start, text.length), startLine);
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads long random text the same across papaparse windows (property)', () => {
    const token = fc.constantFrom('a', 'bb', '1', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', 'é', 'plain,row,of,cells\n', '"q,1","q\n2",x\n');
    fc.assert(
      fc.property(fc.array(token, { minLength: 200, maxLength: 1500 }), fc.constantFrom(',', ';'), (tokens, d) => {
        expectSame(tokens.join(''), d);
      }),
      { numRuns: 400 },
    );
  });
});
