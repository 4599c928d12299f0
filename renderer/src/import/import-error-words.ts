import type { TFunction } from 'i18next';
import type { ApiFailure } from '../api';
import { alreadyImportedWords } from './already-imported';
import { saidWords } from '../said-words';

/**
 * Why an import (or its preview) stopped, in the interface's language: a file already imported, a
 * file the parser refused with a template of its figures (shared/import/fatal-text.ts), or rows that
 * could not be read (the first row's reason, shared/import/row-text.ts), placed as the backend places
 * it (db/import/import-errors.ts). Anything else, in the English it came in.
 */
export function importErrorWords(t: TFunction, failure: ApiFailure): string {
  const already = alreadyImportedWords(t, failure);
  if (already !== null) return already;
  const d = failure.details;
  const params = d?.['params'];
  if (!d || typeof d['text'] !== 'string' || typeof params !== 'object' || params === null || typeof d.file !== 'string') return failure.message;
  const first = failure.code === 'IMPORT_INVALID_ROWS' ? d.issues?.[0] : undefined;
  if (failure.code === 'IMPORT_INVALID_ROWS' && !first) return failure.message;
  const message = saidWords(t, { message: failure.message, text: d['text'], params: first ? { ...(params as Record<string, string>), reason: saidWords(t, first) } : (params as Record<string, string>) });
  if (d['whole'] === true) return message;
  const at = { file: d.file, line: d.line, column: d.column, header: d['header'], message };
  if (typeof d.line === 'number') {
    if (typeof d.column !== 'number') return t('{{file}} line {{line}}: {{message}}', at);
    return typeof d['header'] === 'string' && d['header'] !== '' ? t('{{file}} line {{line}}, column {{column}} ({{header}}): {{message}}', at) : t('{{file}} line {{line}}, column {{column}}: {{message}}', at);
  }
  return typeof d.column === 'number' ? t('{{file}} column {{column}}: {{message}}', at) : t('{{file}}: {{message}}', at);
}
