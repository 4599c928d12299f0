import type { TFunction } from 'i18next';
/**
 * Why a row could not be read or applied, in the interface's language: from the template and figures
 * kept with it (a holdings file's, shared/import/row-text.ts; a tag file's, shared/tags/tag-file-text.ts).
 * A row kept without them (imported before they were, or refused by a layer that has none) is said in
 * the English it came in.
 */
export function rowIssueWords(t: TFunction, issue: { message: string; text?: string | undefined; params?: Record<string, string> | undefined }): string {
  return issue.text !== undefined ? t(issue.text, issue.params ?? {}) : issue.message;
}
