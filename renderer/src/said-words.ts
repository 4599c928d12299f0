import type { TFunction } from 'i18next';
import type { Said } from '../../shared/text/fill';

/**
 * A message the backend said from a template (shared/text/fill.ts, said), in the interface's language:
 * a row that could not be read or applied (shared/import/row-text.ts, shared/tags/tag-file-text.ts), a
 * refusal (shared/api/error-text.ts). One kept without its template (imported before templates, or
 * from a layer that has none) is said in the English it came in. A `what` figure is the kind of
 * file a refusal names (shared/api/file-text.ts, FILE_KIND): it is said in the reader's language too.
 */
export function saidWords(t: TFunction, issue: Said): string {
  if (issue.text === undefined) return issue.message;
  const params = issue.params ?? {};
  return t(issue.text, params['what'] === undefined ? params : { ...params, what: t(params['what']) });
}
