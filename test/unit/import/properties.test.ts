import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseHoldings, previewHoldings } from '../../../shared/import/parse';
import { bytesOf } from './helpers';

describe('parser properties', () => {
  it('random bytes never throw: they yield ok:false or ok:true', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = parseHoldings(bytes);
        expect(typeof r.ok).toBe('boolean');
        const p = previewHoldings(bytes);
        expect(typeof p.ok).toBe('boolean');
      }),
      { numRuns: 1500 },
    );
  });

  it('random CSV-ish text never throws', () => {
    const cell = fc.oneof(fc.constantFrom('NVDA', '"', '""', '1,234.56', '"1,5"', '--', '', 'Total', 'Cash', '\n', '\r\n', ';', '\t', 'Symbol', 'Value', 'Quantity'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), fc.constantFrom(',', ';'), (cells, d) => {
        const r = parseHoldings(bytesOf('Symbol,Quantity,Value\n' + cells.join(d)));
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1500 },
    );
  });

  it('row issues carry the line and the 1-based column of the bad cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ good: fc.boolean(), column: fc.constantFrom(2, 3, 4), blankBefore: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const lines = ['Symbol,Quantity,Price,Value'];
          const expected: { line: number; column: number }[] = [];
          rows.forEach((row, i) => {
            if (row.blankBefore && i > 0) lines.push('Note: see below');
            const cells = [`S${i}`, '2', '3.5', '7.00'];
            if (!row.good) {
              cells[row.column - 1] = 'x' + i;
              expected.push({ line: lines.length + 1, column: row.column });
            }
            lines.push(cells.join(','));
          });
          const r = parseHoldings(bytesOf(lines.join('\n') + '\n'));
          if (expected.length === rows.length && r.ok === false) {
            expect(r.error.code).not.toBe('EMPTY_FILE');
            return;
          }
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.rejected.map((x) => ({ line: x.line, column: x.column }))).toEqual(expected);
          for (const issue of r.rejected) {
            expect(issue.header).toBe(['Symbol', 'Quantity', 'Price', 'Value'][issue.column! - 1]);
            expect(issue.message).toMatch(/is not a number; fix the cell or map another column$/);
          }
          expect(r.positions).toHaveLength(rows.length - expected.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('value cents of every position equal the value cell read exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { minLength: 1, maxLength: 20 }), (cents) => {
        const body = cents.map((c, i) => {
          const neg = c < 0n;
          const abs = (neg ? -c : c).toString().padStart(3, '0');
          const whole = abs.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
          return `S${i},"${neg ? '-' : ''}$${whole}.${abs.slice(-2)}"`;
        });
        const r = parseHoldings(bytesOf(['Symbol,Market Value', ...body].join('\r\n')));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.positions.map((p) => BigInt(p.valueCents))).toEqual(cents);
      }),
    );
  });
});
