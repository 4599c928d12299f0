import type { ExposureWarning } from '../../shared/exposure/model';
import { exposureWarning } from '../../shared/exposure/warnings';
import type { StoredCheck } from '../../shared/import/checks';
import { formatCents } from '../../shared/money/decimal';

const CODE = { sign: 'SIGN_DIFFERS', computed: 'VALUE_COMPUTED', differs: 'VALUE_DIFFERS', subCent: 'VALUE_SUB_CENT', looksTotal: 'LOOKS_LIKE_TOTAL', repeated: 'REPEATED_ROWS' } as const;

/** The kept positions named: the first few (as stored), then "…" where there are more. */
function named(c: { symbols: string[]; more: boolean }): string {
  return [...c.symbols, ...(c.more ? ['…'] : [])].join(', ');
}

/**
 * The warnings of the checks a snapshot's import asked for and that stay true of its figures (its
 * `checks` column, migration 19, written by db/import/import-file.ts): one per kind, with how many
 * positions and the first one's figures as the file gave them.
 */
export function checkWarnings(stored: string | null, file: string): ExposureWarning[] {
  if (stored === null) return [];
  return (JSON.parse(stored) as StoredCheck[]).map((c) =>
    c.kind === 'kept'
      ? exposureWarning('KEPT_LAST_VALUE', { n: String(c.count), file, fromAsOf: c.fromAsOf, asOf: c.asOf, symbols: named(c) })
      : c.kind === 'repeated'
      ? exposureWarning(CODE[c.kind], { n: String(c.count), file, line: String(c.line), earlier: String(c.earlierLine) })
      : exposureWarning(CODE[c.kind], { n: String(c.count), file, line: String(c.first.line), label: c.first.label, quantity: c.first.quantity, price: c.first.price, value: formatCents(c.first.valueCents) }),
  );
}
