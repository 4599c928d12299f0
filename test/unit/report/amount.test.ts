import { describe, expect, it } from 'vitest';
import { minorDigits, plainAmount, spreadsheetMoneyFormat } from '../../../shared/report/amount';

describe('amounts in their currency\'s minor unit', () => {
  it('writes yen whole, dollars to the cent, and never hides a fraction a currency lacks', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('XYZ')).toBe(2);
    expect(plainAmount(951200, 'JPY')).toBe('951200');
    expect(plainAmount(2895800.36, 'JPY')).toBe('2895800.36');
    expect(plainAmount(45900.35, 'USD')).toBe('45900.35');
    expect(plainAmount(-120.5, 'EUR')).toBe('-120.50');
    expect(plainAmount(null, 'USD')).toBe('');
    expect(spreadsheetMoneyFormat('JPY')).toBe('#,##0;-#,##0');
    expect(spreadsheetMoneyFormat('EUR')).toBe('#,##0.00;-#,##0.00');
  });
});
