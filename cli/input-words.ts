/**
 * A call's refused input as the command line's user typed it: the option or argument, not the
 * API's field ("--base-currency: Use a three-letter currency code such as USD or EUR.", where it
 * said "Invalid input for importHoldings (baseCurrency): ..."). Null for an error of another kind.
 */
const ARGUMENT_OF: Record<string, string> = {
  portfolioName: '--portfolio',
  portfolioId: '--portfolio',
  clientName: '--client',
  path: 'FILE',
  file: 'FILE',
  currency: 'CURRENCY',
  quote: '--to',
  rate: 'RATE',
  symbolKey: 'SYMBOL',
  themeId: 'THEME_ID',
  weightBp: '--weight',
  snapshotId: '--snapshot',
};

export function inputWords(details: unknown): string | null {
  const d = details as { call?: unknown; field?: unknown; reason?: unknown } | undefined;
  if (typeof d?.call !== 'string' || typeof d.reason !== 'string') return null;
  if (typeof d.field !== 'string') return d.reason;
  const top = d.field.split('.')[0] as string;
  const name = ARGUMENT_OF[top] ?? `--${top.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  // zod's own words for an empty name ("Too small: expected string to have >=1 characters").
  const reason = /^Too small: expected string to have >=1 characters?$/.test(d.reason) ? 'must not be empty.' : d.reason;
  return `${name}: ${reason}`;
}
