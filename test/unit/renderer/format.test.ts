// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDecimalText, formatMoney, formatMoneyShort, formatQuantity, formatShare, formatSignedMoney, formatStoredQuantity, formatWeight } from '../../../renderer/src/format';

/** Plays a user whose system language is `lang`. */
function useLocale(lang: string) {
  Object.defineProperty(navigator, 'language', { value: lang, configurable: true });
}
afterEach(() => {
  delete (navigator as unknown as Record<string, unknown>).language;
});

// Intl separates the amount from a trailing symbol with a no-break space; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format in the user locale and the portfolio currency', () => {
  it.each([
    ['en-US', 'USD', 21630, '$21,630.00'],
    ['en-US', 'EUR', -1234.5, '-€1,234.50'],
    ['de-DE', 'EUR', 21630, '21.630,00 €'],
    ['fr-FR', 'EUR', 1234.5, '1 234,50 €'],
    ['ja-JP', 'JPY', 1234567, '￥1,234,567'],
  ])('%s %s %d -> %s', (lang, currency, value, text) => {
    useLocale(lang);
    expect(plain(formatMoney(value, currency))).toBe(text);
  });

  it('formats compact money for chart labels without needless decimals', () => {
    useLocale('en-US');
    expect(formatMoneyShort(12978, 'USD')).toBe('$13K');
    expect(formatMoneyShort(27575.36, 'USD')).toBe('$27.6K');
    expect(formatMoneyShort(1_250_000, 'USD')).toBe('$1.3M');
    // Japanese compacts from 10,000: below it, the amount is grouped as the table writes it.
    useLocale('ja-JP');
    expect(formatMoneyShort(1200, 'USD')).toBe('$1,200');
    expect(formatMoneyShort(12000, 'USD')).toBe('$1.2万');
  });

  it('falls back to a plain number for a currency code Intl refuses', () => {
    useLocale('en-US');
    expect(formatMoney(12.5, 'US')).toBe('12.50');
  });

  it('shows shares with one decimal and weights without needless decimals', () => {
    useLocale('en-US');
    expect(formatShare(12978 / 40553.36)).toBe('32.0%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatWeight(0.6)).toBe('60%');
    expect(formatWeight(0.3333)).toBe('33.33%');
    useLocale('de-DE');
    expect(plain(formatShare(0.125))).toBe('12,5 %');
  });

  it("writes a decimal the parser read exactly, in the interface's locale", () => {
    useLocale('en-US');
    expect(formatDecimalText('15842')).toBe('15,842');
    expect(formatDecimalText('-1231.5')).toBe('-1,231.5');
    // Money shows its cents: 15.842,00 read from a German file is 15,842.00, never taken for 15.842.
    expect(formatDecimalText('15842', 2)).toBe('15,842.00');
    expect(formatDecimalText('-1231.5', 2)).toBe('-1,231.50');
    expect(formatDecimalText('0.12345', 2)).toBe('0.12345'); // a price's fraction as read, never cut
    expect(formatDecimalText('123456789012345678.123456789')).toBe('123,456,789,012,345,678.123456789'); // no digit rounded
    useLocale('de-DE');
    expect(plain(formatDecimalText('2500.75'))).toBe('2.500,75');
  });

  it('formats quantities and dates, leaving out what the file did not give', () => {
    useLocale('en-US');
    expect(formatQuantity(1234.5)).toBe('1,234.5');
    // Every decimal a file writes, never cut to six; a sum's noise left out.
    expect(formatQuantity(0.123456789)).toBe('0.123456789');
    expect(formatQuantity(0.12345678 + 1.5)).toBe('1.62345678');
    expect(formatQuantity(0.1 + 0.2)).toBe('0.3');
    expect(formatQuantity(1234567.12345678)).toBe('1,234,567.12345678');
    expect(formatQuantity(null)).toBe('');
    expect(formatDate('2026-11-24')).toBe('Nov 24, 2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('signs a change to the currency\'s smallest unit: nothing that rounds away reads "+¥0" or "-$0.00"', () => {
    useLocale('en-US');
    expect(formatSignedMoney(1050, 'USD')).toBe('+$1,050.00');
    expect(formatSignedMoney(-0.004, 'USD')).toBe('$0.00');
    expect(formatSignedMoney(0.004, 'USD')).toBe('$0.00');
    expect(formatSignedMoney(0.4, 'JPY')).toBe('¥0');
    expect(formatSignedMoney(-1200.4, 'JPY')).toBe('-¥1,200');
    expect(formatSignedMoney(0.006, 'USD')).toBe('+$0.01');
  });

  it("shows a position's quantity as stored, every decimal kept, where the number was cut to six decimals (0.12345678 BTC read 0.123457)", () => {
    useLocale('en-US');
    expect(formatStoredQuantity({ quantity: 0.12345678, quantityText: '0.12345678' })).toBe('0.12345678');
    // Past a double's 15 to 17 digits: the text's digits, not the nearest double's.
    expect(formatStoredQuantity({ quantity: 12345678.12345678, quantityText: '12345678.12345678' })).toBe('12,345,678.12345678');
    expect(formatStoredQuantity({ quantity: -1500, quantityText: '-1500' })).toBe('-1,500');
    // No plain decimal text known: the number, as before.
    expect(formatStoredQuantity({ quantity: 0.123456789, quantityText: null })).toBe('0.123456789');
    expect(formatStoredQuantity({ quantity: null, quantityText: null })).toBe('');
    useLocale('de-DE');
    expect(plain(formatStoredQuantity({ quantity: 2500.12345678, quantityText: '2500.12345678' }))).toBe('2.500,12345678');
  });
});

describe("the total in the donut's hole", () => {
  it('is whole where it fits, compact where it would run past the hole, with the whole amount kept for its tooltip', async () => {
    useLocale('en-US');
    const { donutCenter } = await import('../../../renderer/src/analytics/charts/ThemeDonut');
    expect(donutCenter(21_630, 'USD')).toEqual({ shown: '$21,630.00', full: '$21,630.00' });
    expect(donutCenter(1_234_567.89, 'USD')).toEqual({ shown: '$1,234,567.89', full: '$1,234,567.89' });
    // Eighteen characters: past the hole (the 100,000-position screenshot showed "$23,133,261,900.5" cut).
    expect(donutCenter(23_133_261_900.58, 'USD')).toEqual({ shown: '$23.1B', full: '$23,133,261,900.58' });
    useLocale('de-DE');
    expect(plain(donutCenter(23_133_261_900.58, 'EUR').shown)).toBe('23,1 Mrd. €');
  });
});
