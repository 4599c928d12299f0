/**
 * Plain amounts for CSV cells and spreadsheet formats, in the currency's own minor unit: yen and won
 * have none ("951200"), most currencies two ("45900.35"). An amount with a fraction its currency does
 * not have (a fund's sub-yen value) keeps two places rather than being shown rounded.
 */
const DIGITS = new Map<string, number>();

/** Digits after the point in a currency's minor unit (2 for a code Intl does not know). */
export function minorDigits(currency: string): number {
  let d = DIGITS.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    DIGITS.set(currency, d);
  }
  return d;
}

/** "951200" for 951200 yen, "45900.35" for dollars; '' for null. */
export function plainAmount(value: number | null, currency: string): string {
  if (value === null) return '';
  const digits = minorDigits(currency);
  return value.toFixed(digits === 0 && !Number.isInteger(value) ? 2 : digits);
}

/** A spreadsheet number format for amounts in one currency. */
export function spreadsheetMoneyFormat(currency: string): string {
  return minorDigits(currency) === 0 ? '#,##0;-#,##0' : '#,##0.00;-#,##0.00';
}
