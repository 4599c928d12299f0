import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastNumber } from '../../../shared/money/fast-number';
import { decimalToCents, decimalToString, parseDecimal } from '../../../shared/money/parse-number';

describe('fastNumber agrees exactly with the full parser where it answers', () => {
  it.each([
    ['123', '123', 12300],
    ['180.25', '180.25', 18025],
    ['$1,234.56', '1234.56', 123456],
    ['-$0.33', '-0.33', -33],
    ['+$0.160', '0.16', 16],
    ['007', '7', 700],
    ['0.005', '0.005', 1],
    ['-0.005', '-0.005', -1],
    ['-0', '0', 0],
    ['12,345,678.9', '12345678.9', 1234567890],
  ])('%s', (raw, text, cents) => {
    expect(fastNumber(raw)).toEqual({ text, cents });
  });
  it.each(['(1.00)', '1,23', '0,123', '1.234,56', '12%', 'USD 5', '--', '', '1,2345', '.58', '1e5', '1234567890123456'])('leaves %j to the full parser', (raw) => {
    expect(fastNumber(raw)).toBeNull();
  });
  it('property: same text and cents as parseDecimal + decimalToString/decimalToCents', () => {
    const cell = fc.tuple(
      fc.constantFrom('', '-', '+'),
      fc.constantFrom('', '$'),
      fc.bigInt({ min: 0n, max: 999_999_999_999n }),
      fc.boolean(),
      fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }),
    ).map(([sign, dollar, n, group, frac]) => `${sign}${dollar}${group ? n.toLocaleString('en-US') : n.toString()}${frac === undefined ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(cell, (raw) => {
        const fast = fastNumber(raw);
        const full = parseDecimal(raw, { decimal: '.' });
        if (fast === null) return;
        expect(full.ok).toBe(true);
        if (!full.ok) return;
        expect(fast.text).toBe(decimalToString(full.value));
        expect(fast.cents).toBe(decimalToCents(full.value));
      }),
      { numRuns: 2000 },
    );
  });
  it('property: answers exactly the cells of its defining pattern, and those as the full parser does', () => {
    const SIMPLE = /^([+-]?)\$?((?:[1-9]\d{0,2}(?:,\d{3})+)|\d+)(?:\.(\d+))?$/;
    const char = fc.constantFrom('0', '0', '1', '2', '5', '7', '9', ',', ',', '.', '$', '+', '-', ' ', '(', '%', 'e');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 18 }).map((cs) => cs.join('')), (raw) => {
        const fast = fastNumber(raw);
        expect(fast !== null).toBe(SIMPLE.test(raw) && raw.replace(/[^0-9]/g, '').length <= 15);
        if (fast === null) return;
        const full = parseDecimal(raw, { decimal: '.' });
        expect(full.ok).toBe(true);
        if (!full.ok) return;
        expect(fast.text).toBe(decimalToString(full.value));
        expect(fast.cents).toBe(decimalToCents(full.value));
        expect(fastNumber(raw, false)).toEqual({ text: '', cents: fast.cents });
      }),
      { numRuns: 20000 },
    );
  });
});
