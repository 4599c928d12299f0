/**
 * A call's refused input as the command line's user typed it: the option or argument, not the
 * API's field ("--base-currency: Use a three-letter currency code such as USD or EUR.", where it
 * said "Invalid input for importHoldings (baseCurrency): ..."). Only where the command is known to
 * take that field so (a field of another command's call may be another option, or a positional
 * argument): else null, and the full message stands.
 */
const PORTFOLIO_OPTIONS: Record<string, string> = { portfolioName: '--portfolio', clientName: '--client', baseCurrency: '--base-currency', snapshotId: '--snapshot' };
const ARGUMENTS: Record<string, Record<string, string>> = {
  fx: { currency: 'CURRENCY', rate: 'RATE', quote: '--to', asOf: '--as-of' },
  import: { ...PORTFOLIO_OPTIONS, asOf: '--as-of', path: 'FILE' },
  tag: { symbolKey: 'SYMBOL', themeId: 'THEME_ID', weightBp: '--weight' },
  untag: { symbolKey: 'SYMBOL', themeId: 'THEME_ID' },
  exposure: PORTFOLIO_OPTIONS,
  report: PORTFOLIO_OPTIONS,
  scenario: PORTFOLIO_OPTIONS,
  reprice: { portfolioName: '--portfolio', asOf: '--as-of', path: 'FILE' },
  backup: { file: 'FILE' },
  // `theme add NAME --color C`, `theme rename ID NAME`, `theme recolor ID COLOR`: a color is an option of one, an argument of the other.
  theme: { name: 'NAME', id: 'ID', 'createTheme.color': '--color', 'updateTheme.color': 'COLOR', pack: '--pack', description: '--description', parentId: '--parent' },
  rules: { kind: 'KIND', pattern: 'PATTERN', themeId: 'THEME_ID', weightBp: '--weight', priority: '--priority' },
};

export function inputWords(command: string, details: unknown): string | null {
  const d = details as { call?: unknown; field?: unknown; reason?: unknown } | undefined;
  if (typeof d?.call !== 'string' || typeof d.reason !== 'string' || typeof d.field !== 'string') return null;
  // A batch's field ("changes.0.weightBp") is named by its last part.
  const field = d.field.split('.').pop() as string;
  const name = ARGUMENTS[command]?.[`${d.call}.${field}`] ?? ARGUMENTS[command]?.[field];
  if (name === undefined) return null;
  // zod's own words for an empty name ("Too small: expected string to have >=1 characters").
  const reason = /^Too small: expected string to have >=1 characters?$/.test(d.reason) ? 'must not be empty.' : d.reason;
  return `${name}: ${reason}`;
}
