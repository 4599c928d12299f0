import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHoldings, previewHoldings } from '../../../shared/import/parse';
import { parseHoldingsStream } from '../../../shared/import/stream';
import { ambiguousReadings, decimalToString } from '../../../shared/money/parse-number';
import { isLasting, type ImportCheck } from '../../../shared/import/checks';
import type { ParseOptions } from '../../../shared/import/types';
import { bytesOf, parseOk } from './helpers';

/**
 * A number column whose figures never show the decimal separator takes it from the delimiter (a
 * comma in a `;` file): a cell that reads either way (`2,053`) is then said, with how it was read,
 * and ParseOptions.decimal reads it the other way.
 */
const TESTER = 'Symbol;Description;Quantity;Value;Currency\nAAPL;Apple;10;2,053;USD\nMSFT;Microsoft;5;2,522;USD\n';

const sum = (r: { positions: { valueCents: number }[] }) => r.positions.reduce((a, p) => a + p.valueCents, 0);
const separators = (checks: readonly ImportCheck[]) => checks.filter((c) => c.kind === 'separator');

/** Streamed with a head of the header and the first row (what is sampled), then chunks of 16 bytes. */
function streamed(bytes: Uint8Array, options: ParseOptions = {}) {
  let at = 70;
  let n = 0;
  const r = parseHoldingsStream(
    bytes.subarray(0, at),
    () => {
      if (at >= bytes.length) return null;
      const chunk = bytes.subarray(at, at + 16);
      at += chunk.length;
      return chunk;
    },
    options,
    { position: () => n++, issue: () => undefined },
  );
  return { r, n };
}

describe('a decimal separator taken from the delimiter', () => {
  it("the tester's semicolon file: read as before (4.57), and said, with the cell and both readings", () => {
    const r = parseOk(bytesOf(TESTER));
    expect(sum(r)).toBe(457);
    expect(r.checks).toEqual([{ kind: 'separator', line: 2, column: 4, header: 'Value', cell: '2,053', decimal: ',', read: '2.053', other: '2053' }]);
    expect(r.warnings).toEqual([
      'No figure in the file shows whether its decimal separator is a point or a comma, and some could be read either way (line 2, Value: 2,053). They were read with a decimal comma, as is usual in a file delimited by semicolons: 2,053 as 2.053, not 2053. If the file writes 1,234.56, import it again choosing Point as the decimal separator (on the command line, --decimal point).',
    ]);
    // The choice is the import's, not a fact of the snapshot's figures.
    expect(r.checks.filter(isLasting)).toEqual([]);
  });

  it('streamed, the same check', () => {
    const { r, n } = streamed(bytesOf(TESTER));
    expect(r.ok).toBe(true);
    expect(r.ok && r.checks).toEqual([{ kind: 'separator', line: 2, column: 4, header: 'Value', cell: '2,053', decimal: ',', read: '2.053', other: '2053' }]);
    expect(n).toBe(2);
  });

  it("with decimal '.', 4,575.00 and nothing said; with ',' nothing said either", () => {
    const point = parseOk(bytesOf(TESTER), { decimal: '.' });
    expect(sum(point)).toBe(457_500);
    expect(point.checks).toEqual([]);
    expect(point.warnings).toEqual([]);
    const comma = parseOk(bytesOf(TESTER), { decimal: ',' });
    expect(sum(comma)).toBe(457);
    expect(comma.warnings).toEqual([]);
    const { r } = streamed(bytesOf(TESTER), { decimal: '.' });
    expect(r.ok && r.checks).toEqual([]);
  });

  it('the choice reaches the preview', () => {
    const p = previewHoldings(bytesOf(TESTER), { decimal: '.' });
    expect(p.ok && p.rows[0]?.cells[3]?.parsed).toBe('2053');
  });

  it('the preview says which separator its number columns were read with, chosen or from the figures', () => {
    const read = (text: string, options: ParseOptions = {}) => {
      const p = previewHoldings(bytesOf(text), options);
      return p.ok ? (p.decimalRead ?? null) : 'not read';
    };
    expect(read(TESTER)).toBe(','); // from the delimiter's habit
    expect(read(TESTER, { decimal: '.' })).toBe('.'); // chosen
    expect(read('Symbol,Quantity,Value\nAAPL,10,"1,234.50"\n')).toBe('.'); // from the figures
    expect(read('Symbol;Quantity;Value\nAAPL;10;1.234,50\n')).toBe(',');
    // Each column from its own figures: a quantity with a decimal point, a value with a decimal comma.
    expect(read('Symbol;Quantity;Value\nAAPL;10.5;1.234,50\n')).toBe('mixed');
    // A value in base currency as the only value column: its own figures decide (a comma here),
    // not the quantity's point.
    expect(read('Symbol;Quantity;Value in base\nAAPL;10.5;1.234,50\n', { mapping: { symbol: 'Symbol', quantity: 'Quantity', baseValue: 'Value in base' } })).toBe('mixed');
    // No number column mapped (the user has yet to map one): nothing read, nothing said.
    expect(read('Symbol,Description\nAAPL,Apple\n', { mapping: { symbol: 'Symbol', description: 'Description' } })).toBeNull();
  });

  it('a value in base currency as the only value column is read with its own decimal separator', () => {
    // The quantity shows a point; the base value a comma. Read with the quantity's point, 2,053 was 2053.
    const text = 'Symbol;Quantity;Value in base\nAAPL;10.5;2,053\nMSFT;5;1.234,50\n';
    const p = previewHoldings(bytesOf(text), { mapping: { symbol: 'Symbol', quantity: 'Quantity', baseValue: 'Value in base' } });
    expect(p.ok && p.rows.map((r) => r.cells[2]?.parsed)).toEqual(['2.053', '1234.5']);
  });

  it('a comma file with US figures and no decimals: read with a point, and said', () => {
    const r = parseOk(bytesOf('Symbol,Quantity,Value\nAAPL,10,"-1.234"\n'));
    expect(r.checks).toEqual([{ kind: 'separator', line: 2, column: 3, header: 'Value', cell: '-1.234', decimal: '.', read: '-1.234', other: '-1234' }]);
    expect(r.warnings[0]).toMatch(/They were read with a decimal point, as is usual in a file not delimited by semicolons: -1\.234 as -1\.234, not -1234\. If the file writes 1\.234,56, import it again choosing Comma as the decimal separator \(on the command line, --decimal comma\)\.$/);
  });

  it('evidence in the column, or in another number column, says nothing', () => {
    const inColumn = parseOk(bytesOf('Symbol;Description;Quantity;Value;Currency\nAAPL;Apple;10;2,053;USD\nMSFT;Microsoft;5;2,053.10;USD\n'));
    expect(sum(inColumn)).toBe(205_300 + 205_310);
    expect(inColumn.checks).toEqual([]);
    const otherColumn = parseOk(bytesOf('Symbol;Quantity;Price;Value;Currency\nAAPL;10;205,30;2.053;USD\n'));
    expect(otherColumn.positions[0]?.valueCents).toBe(205_300);
    expect(otherColumn.checks).toEqual([]);
  });

  it('figures that read one way only say nothing', () => {
    const r = parseOk(bytesOf('Symbol;Quantity;Value;Currency\nAAPL;10;2053;USD\nMSFT;5;12,5;USD\n'));
    expect(r.checks).toEqual([]);
  });

  it('the German and French fixtures say nothing', () => {
    for (const name of ['generic-german-semicolon.csv', 'generic-french.csv', 'degiro.csv']) expect(separators(parseOk(name).checks), name).toEqual([]);
    const journey = parseOk(new Uint8Array(readFileSync(new URL('../../fixtures/journey/depot-de.csv', import.meta.url))));
    expect(separators(journey.checks)).toEqual([]);
  });

  it('an unknown decimal option is refused', () => {
    const r = parseHoldings(bytesOf(TESTER), { decimal: ':' as '.' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('BAD_OPTION');
  });
});

describe('ambiguousReadings', () => {
  const readings = (cell: string) => {
    const r = ambiguousReadings(cell);
    return r && [decimalToString(r.point), decimalToString(r.comma)];
  };
  it('one separator before exactly three digits reads either way', () => {
    expect(readings('2,053')).toEqual(['2053', '2.053']);
    expect(readings('-1.234')).toEqual(['-1.234', '-1234']);
    expect(readings('€ 2,053')).toEqual(['2053', '2.053']);
  });
  it('any other cell reads one way', () => {
    for (const cell of ['2,053.10', '1.234,56', '12,5', '0,123', '2053', '1,234,567', '1 234,567', 'abc', '12,345%']) expect(readings(cell), cell).toBeNull();
  });
});
