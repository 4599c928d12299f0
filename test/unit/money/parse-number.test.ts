import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Decimal, NumberStyle } from '../../../shared/money/parse-number';
import {
  centsToString,
  decimalToCents,
  decimalToString,
  detectNumberStyle,
  multiplyToCents,
  parseDecimal,
} from '../../../shared/money/parse-number';

interface Case {
  text: string;
  style?: NumberStyle;
  /** Expected decimalToString of the value. */
  value: string;
  cents?: number;
}

const COMMA: NumberStyle = { decimal: ',' };
const POINT: NumberStyle = { decimal: '.' };

const cases: Case[] = [
  { text: '1234.56', value: '1234.56', cents: 123456 },
  { text: '1,234.56', value: '1234.56', cents: 123456 },
  { text: '$1,234.56', value: '1234.56', cents: 123456 },
  { text: '"$1,234.56"'.slice(1, -1), value: '1234.56', cents: 123456 },
  { text: '+$1,234.56', value: '1234.56', cents: 123456 },
  { text: '-$1,234.56', value: '-1234.56', cents: -123456 },
  { text: '$-1,234.56', value: '-1234.56', cents: -123456 },
  { text: '($1,234.56)', value: '-1234.56', cents: -123456 },
  { text: '(1,234.56)', value: '-1234.56' },
  { text: '1.234,56', value: '1234.56', cents: 123456 },
  { text: '1 234,56', value: '1234.56' },
  { text: '1\u00a0234,56', value: '1234.56' },
  { text: '1\u202f234,56', value: '1234.56' },
  { text: "1'234.56", value: '1234.56' },
  { text: '1\u2019234.56', value: '1234.56' },
  { text: '.58', value: '0.58', cents: 58 },
  { text: '-.02', value: '-0.02', cents: -2 },
  { text: '12.5%', value: '12.5' },
  { text: '+0.32%', value: '0.32' },
  { text: '\u221212', value: '-12', cents: -1200 },
  { text: '€ 1.234,56', style: COMMA, value: '1234.56' },
  { text: '1.234,56 €', value: '1234.56' },
  { text: '£12.30', value: '12.3' },
  { text: '¥1,000', value: '1000' },
  { text: 'USD 12', value: '12' },
  { text: '12.50 EUR', value: '12.5' },
  { text: 'CHF 1\u2019234.50', value: '1234.5' },
  { text: '  42  ', value: '42' },
  { text: '0700', value: '700' },
  { text: '$50.922', value: '50.922', cents: 5092 },
  { text: '+$0.160', value: '0.16', cents: 16 },
  { text: '-$0.33', value: '-0.33', cents: -33 },
  { text: '"1079,92"'.slice(1, -1), value: '1079.92' },
  { text: '1,234', value: '1234' },
  { text: '1,234', style: COMMA, value: '1.234' },
  { text: '1.234', value: '1.234' },
  { text: '1.234', style: COMMA, value: '1234' },
  { text: '1.234', style: POINT, value: '1.234' },
  { text: '0,583', value: '0.583' },
  { text: '1234,567', value: '1234.567' },
  { text: '1,234,567.891', value: '1234567.891' },
  { text: '1.234.567', value: '1234567' },
  { text: '12,50', value: '12.5' },
  { text: '1234-', value: '-1234' },
  { text: '100.', value: '100' },
  { text: '0.005', value: '0.005', cents: 1 },
  { text: '-0.005', value: '-0.005', cents: -1 },
  { text: '0.0049', value: '0.0049', cents: 0 },
  { text: '12345678901234567890.12', value: '12345678901234567890.12' },
];

describe('parseDecimal', () => {
  it.each(cases)('reads $text', ({ text, style, value, cents }) => {
    const r = parseDecimal(text, style);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(decimalToString(r.value)).toBe(value);
    if (cents !== undefined) expect(decimalToCents(r.value)).toBe(cents);
  });

  it('reads "$1,234.56" as exactly 123456 cents', () => {
    const r = parseDecimal('$1,234.56');
    expect(r).toMatchObject({ ok: true, value: { units: 123456n, scale: 2 } });
  });

  it('flags percentages and names currencies written in the cell', () => {
    expect(parseDecimal('12.5%')).toMatchObject({ ok: true, percent: true });
    expect(parseDecimal('USD 12')).toMatchObject({ ok: true, currency: 'USD' });
    expect(parseDecimal('5.785,00 €', COMMA)).toMatchObject({ ok: true, currency: 'EUR' });
  });

  it.each(['', '   ', '--', '-', 'n/a', 'N/A', 'NA', '\u2014'])('reads %j as empty', (text) => {
    expect(parseDecimal(text)).toMatchObject({ ok: false, empty: true });
  });

  it.each(['abc', '1O4.20', '12abc', '1e5', '1.2.3', '1,23,4', '--5', '+-5', '(5', '5)', '(-50)', '-(50)', '(50-)', '(\u221250)', '$', '1,2345.6', 'NVDA', '12 34'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toMatchObject({ ok: false, empty: false });
  });
});

describe('decimal arithmetic', () => {
  const d = (units: bigint, scale: number): Decimal => ({ units, scale });
  it('prints normalised decimals', () => {
    expect(decimalToString(d(1250n, 2))).toBe('12.5');
    expect(decimalToString(d(-33n, 2))).toBe('-0.33');
    expect(decimalToString(d(700n, 0))).toBe('700');
    expect(decimalToString(d(70000n, 2))).toBe('700');
    expect(decimalToString(d(5n, 4))).toBe('0.0005');
    expect(decimalToString(d(0n, 3))).toBe('0');
  });
  it('rounds to cents half away from zero', () => {
    expect(decimalToCents(d(12345n, 3))).toBe(1235);
    expect(decimalToCents(d(-12345n, 3))).toBe(-1235);
    expect(decimalToCents(d(12344n, 3))).toBe(1234);
    expect(decimalToCents(d(7n, 0))).toBe(700);
  });
  it('multiplies exactly before rounding once', () => {
    // 250 x 183.6014 = 45900.35 exactly; 10 x 58.905 = 589.05; 3 x 0.335 = 1.005 -> 1.01
    expect(multiplyToCents(d(250n, 0), d(1836014n, 4))).toBe(4590035);
    expect(multiplyToCents(d(10n, 0), d(58905n, 3))).toBe(58905);
    expect(multiplyToCents(d(3n, 0), d(335n, 3))).toBe(101);
    expect(multiplyToCents(d(-3n, 0), d(335n, 3))).toBe(-101);
  });
  it('prints cents', () => {
    expect(centsToString(123456)).toBe('1234.56');
    expect(centsToString(-5)).toBe('-0.05');
    expect(centsToString(0)).toBe('0.00');
    expect(centsToString(100)).toBe('1.00');
    expect(centsToString(-123456789012n)).toBe('-1234567890.12');
  });
});

describe('detectNumberStyle', () => {
  it.each<[string[], ',' | '.']>([
    [['1.234,56', '12,00'], ','],
    [['1079,92', '3062,00'], ','],
    [['1,234.56', '12.5'], '.'],
    [['1,234', '12.50', '3.1'], '.'],
    [['1.234', '5,50'], ','],
    [['1,234', '5'], '.'],
    [[], '.'],
    [['$45,900.35', '--', 'n/a'], '.'],
    [['8\u202f617,00', '1 716,40'], ','],
  ])('%j -> %s', (cells, decimal) => {
    expect(detectNumberStyle(cells).decimal).toBe(decimal);
  });
});

/** Formats a decimal the way some broker would, so the round trip can be checked. */
function format(units: bigint, scale: number, style: { decimal: '.' | ','; group: string; negative: 'minus' | 'paren' | 'unicode' | 'trailing'; currency: string }): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const intPart = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  let grouped = '';
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) grouped += style.group;
    grouped += intPart[i];
  }
  const body = (style.currency === '$' ? '$' : '') + grouped + (scale > 0 ? style.decimal + frac : '') + (style.currency === 'EUR' ? ' EUR' : '');
  if (!negative) return body;
  if (style.negative === 'paren') return `(${body})`;
  if (style.negative === 'unicode') return '\u2212' + body;
  if (style.negative === 'trailing') return body + '-';
  return '-' + body;
}

describe('properties', () => {
  it('any decimal formatted in any supported style parses back to itself', () => {
    const styleArb = fc.oneof(
      fc.record({ decimal: fc.constant<'.'>('.'), group: fc.constantFrom('', ',', ' ', "'", '\u00a0', '\u202f') }),
      fc.record({ decimal: fc.constant<','>(','), group: fc.constantFrom('', '.', ' ', '\u00a0', '\u202f') }),
    );
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        styleArb,
        fc.constantFrom<'minus' | 'paren' | 'unicode' | 'trailing'>('minus', 'paren', 'unicode', 'trailing'),
        fc.constantFrom('', '$', 'EUR'),
        (units, scale, s, negative, currency) => {
          const text = format(units, scale, { ...s, negative, currency });
          const r = parseDecimal(text, { decimal: s.decimal });
          if (!r.ok) throw new Error(`${text}: ${r.reason}`);
          expect(r.value.units * 10n ** BigInt(scale)).toBe(units * 10n ** BigInt(r.value.scale));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('decimalToString output parses back to the same decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 10 }), (units, scale) => {
        const text = decimalToString({ units, scale });
        const r = parseDecimal(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(decimalToString(r.value)).toBe(text);
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 30 }), (text) => {
        const r = parseDecimal(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('centsToString and decimalToCents agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const r = parseDecimal(centsToString(cents));
        expect(r.ok && decimalToCents(r.value)).toBe(cents);
      }),
    );
  });
});
