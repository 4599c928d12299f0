/**
 * The one rule for an exchange rate a user types: a plain decimal number greater than zero. Zero,
 * negatives, NaN, Infinity and exponents are refused, because a rate of 0 would value a whole currency
 * at nothing and a missing rate must stay MISSING_FX, never become a number.
 */
export function rateProblem(text: string): string | null {
  const t = text.trim();
  if (!/^\d{1,12}(\.\d{1,12})?$/.test(t)) return `"${text}" is not a rate: write a plain number greater than 0, e.g. 1.0845.`;
  if (!(Number(t) > 0)) return `A rate of ${t} would value every position in that currency at nothing: a rate must be greater than 0.`;
  return null;
}
