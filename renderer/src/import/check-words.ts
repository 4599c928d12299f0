import type { TFunction } from 'i18next';
import { checkSaid, type ImportCheck } from '../../../shared/import/checks';
import { formatAmount, formatCount } from '../format';

/**
 * An import's check in the interface's language, from the template the command line fills in
 * English (shared/import/checks.ts, CHECK_TEXT), its figures in the user's locale.
 */
export function checkWords(t: TFunction, c: ImportCheck): string {
  const { text, params } = checkSaid(c, formatAmount, formatCount);
  return t(text, params);
}
