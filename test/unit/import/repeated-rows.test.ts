/**
 * A row the file repeats cell for cell is kept and counted, as the file gives it, and said: a file
 * with two exports pasted into one, or a section printed again, would otherwise count positions
 * twice without a word.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHoldings } from '../../../shared/import/parse';
import { RepeatedRows } from '../../../shared/import/repeated-rows';
import { isLasting } from '../../../shared/import/checks';
import { checkWarnings } from '../../../db/exposure/import-checks';
import { parseStreamed } from './parse-streamed';

const HEADER = 'Account,Symbol,Description,Quantity,Price,Market Value\n';
const FILLER = Array.from({ length: 20 }, (_, i) => `A1,F${i},FILLER ${i},1,10.00,10.00\n`).join('');

function whole(text: string) {
  const r = parseHoldings(new TextEncoder().encode(text), {});
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('RepeatedRows', () => {
  it('knows a row met before, cell for cell, and no other', () => {
    const rows = new RepeatedRows();
    rows.addCells(['A1', 'NVDA', '10'], 2);
    rows.addCells(['A1', 'NVDA', '10 '], 3);
    rows.addCells(['A1', 'NVD', 'A10'], 4); // the same characters, split otherwise
    rows.addCells(['A1', 'NVDA', '10', ''], 5); // one more (empty) cell
    expect(rows.repeats()).toBeNull();
    rows.addCells(['A1', 'NVDA', '10'], 6);
    expect(rows.repeats()).toEqual({ count: 1, line: 6, earlierLine: 2 });
  });

  it('knows a record by its text, its line break aside', () => {
    const rows = new RepeatedRows();
    const text = 'A1,NVDA,10\r\nA1,NVDA,1\nA1,NVDA,10';
    rows.addText(text, 0, 12, 1);
    rows.addText(text, 12, 22, 2);
    expect(rows.repeats()).toBeNull();
    rows.addText(text, 22, text.length, 3);
    expect(rows.repeats()).toEqual({ count: 1, line: 3, earlierLine: 1 });
  });

  it('counts every repeat and names the first, with the row it repeats, past many blocks of rows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 0, maxLength: 400 }), (picks) => {
        const rows = new RepeatedRows();
        picks.forEach((p, i) => rows.addCells([`S${p}`, String(p * 7)], i + 1));
        const firstLine = new Map<number, number>();
        let count = 0;
        let first: { count: number; line: number; earlierLine: number } | null = null;
        picks.forEach((p, i) => {
          const earlier = firstLine.get(p);
          if (earlier === undefined) firstLine.set(p, i + 1);
          else {
            count++;
            first ??= { count: 0, line: i + 1, earlierLine: earlier };
          }
        });
        expect(rows.repeats()).toEqual(first && { ...(first as { line: number; earlierLine: number }), count });
      }),
      { numRuns: 200 },
    );
    // Beyond a block (65,536 rows): a repeat of the first row, at the end.
    const many = new RepeatedRows();
    for (let i = 0; i < 150_000; i++) many.addCells([`S${i}`, String(i * 7)], i + 2);
    expect(many.repeats()).toBeNull();
    many.addCells(['S0', '0'], 150_002);
    expect(many.repeats()).toEqual({ count: 1, line: 150_002, earlierLine: 2 });
  });
});

describe('a file that repeats rows', () => {
  const text = `${HEADER}${FILLER}A1,NVDA,NVIDIA,100,183.60,18360.00\nA1,AAPL,APPLE,10,205.35,2053.50\nA1,NVDA,NVIDIA,100,183.60,18360.00\nA1,AAPL,APPLE,10,205.35,2053.50\nA1,AAPL,APPLE,10,205.35,2053.50\n`;

  it.each([
    ['whole', whole],
    ['streamed', parseStreamed],
  ])('keeps every row and says the repeats, the first with the line it repeats (%s)', (_, parse) => {
    const r = parse(text);
    expect(r.positions).toHaveLength(25);
    expect(r.checks).toEqual([{ kind: 'repeated', count: 3, line: 24, earlierLine: 22 }]);
    expect(r.warnings).toContain(
      '3 rows repeat earlier rows cell for cell (first: line 24, as line 22). All are kept, so those positions count as often as the file lists them; if the file lists them twice by mistake, delete the repeats from the file and import it again.',
    );
  });

  it('two lots of one security that differ in any cell are not repeats', () => {
    const r = whole(`${HEADER}A1,NVDA,NVIDIA,100,183.60,18360.00\nA2,NVDA,NVIDIA,100,183.60,18360.00\nA1,NVDA,NVIDIA,100,183.60,18360.0\n`);
    expect(r.positions).toHaveLength(3);
    expect(r.checks).toEqual([]);
  });

  it('a table printed again under its header repeats its rows', () => {
    const r = whole(`${HEADER}A1,NVDA,NVIDIA,100,183.60,18360.00\nA1,AAPL,APPLE,10,205.35,2053.50\n\n${HEADER}A1,NVDA,NVIDIA,100,183.60,18360.00\n`);
    expect(r.checks).toEqual([{ kind: 'repeated', count: 1, line: 6, earlierLine: 2 }]);
  });

  it('a last row without a line break, and a record read by hand, are known as repeats', () => {
    // Text after a closing quote ("KINDER" 5) sends the reader to its by-hand path.
    const r = whole(`${HEADER}A1,KMI,"KINDER" 5,1,10,10\r\nA1,ET,ENERGY TRANSFER,1,10,10\r\nA1,KMI,"KINDER" 5,1,10,10\r\nA1,ET,ENERGY TRANSFER,1,10,10`);
    expect(r.positions).toHaveLength(4);
    expect(r.checks).toEqual([{ kind: 'repeated', count: 2, line: 4, earlierLine: 2 }]);
  });

  it('a repeated cash row is said too (cash counted twice is as wrong)', () => {
    const r = whole(`${HEADER}A1,SPAXX**,CASH,,,3243.57\nA1,NVDA,NVIDIA,100,183.60,18360.00\nA1,SPAXX**,CASH,,,3243.57\n`);
    expect(r.checks).toEqual([{ kind: 'repeated', count: 1, line: 4, earlierLine: 2 }]);
  });

  it('stays with the snapshot: the exposure says it wherever the snapshot is shown (REPEATED_ROWS)', () => {
    const r = whole(`${HEADER}A1,NVDA,NVIDIA,100,183.60,18360.00\nA1,NVDA,NVIDIA,100,183.60,18360.00\n`);
    expect(checkWarnings(JSON.stringify(r.checks.filter(isLasting)), 'f.csv')).toEqual([
      {
        code: 'REPEATED_ROWS',
        message:
          'Line 3 of f.csv repeats line 2 cell for cell. Both rows are kept, so that position counts twice; if the file lists it twice by mistake, delete the repeat from the file and import it again.',
        params: { n: '1', file: 'f.csv', line: '3', earlier: '2' },
      },
    ]);
  });
});
