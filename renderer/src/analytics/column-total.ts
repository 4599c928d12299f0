/**
 * A table's total row, summed in whole cents (each figure is already to the cent): a sum of doubles
 * can land a hair off (0.1 + 0.2), and a Total that reads a cent from its column is a wrong figure.
 */
export function centsSum(values: readonly number[]): number {
  let cents = 0;
  for (const v of values) cents += Math.round(v * 100);
  return cents / 100;
}

/** Whether a column's sum and the figure it should equal (the summary's total) are more than half a cent apart. */
export const disagree = (sum: number, total: number): boolean => Math.abs(Math.round(sum * 100) - Math.round(total * 100)) >= 1;
