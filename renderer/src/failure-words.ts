import type { TFunction } from 'i18next';
import { withThemeNamesIn } from '../../shared/domain/theme-names';
import { asFailure, type ApiFailure } from './api';
import { currentLanguage, i18n } from './i18n';
import { importErrorWords } from './import/import-error-words';
import { saidWords } from './said-words';

/**
 * What a refused call says, in the interface's language: an import's refusal placed as the import
 * places it (import/import-error-words.ts); any other refusal sent with its template and figures
 * (shared/api/error-text.ts) from them, a default theme named in the reader's language; anything
 * else in the English it came in.
 */
export function failureWords(t: TFunction, failure: ApiFailure): string {
  if (failure.code === 'IMPORT_FATAL' || failure.code === 'IMPORT_INVALID_ROWS' || failure.code === 'ALREADY_IMPORTED') return importErrorWords(t, failure);
  const d = failure.details;
  const params = d?.['params'];
  if (!d || typeof d['text'] !== 'string' || typeof params !== 'object' || params === null) return failure.message;
  const theme = d['theme'] as { id?: unknown; name?: unknown } | undefined;
  const named = typeof theme?.id === 'string' && typeof theme.name === 'string' ? { theme: withThemeNamesIn({ id: theme.id, name: theme.name }, currentLanguage()).name } : {};
  return saidWords(t, { message: failure.message, text: d['text'], params: { ...(params as Record<string, string>), ...named } });
}

/** The words of whatever a call threw, in the interface's language (for places that keep only the text). */
export const errorWords = (err: unknown): string => failureWords(i18n.t, asFailure(err));
