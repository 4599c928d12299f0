import type { TFunction } from 'i18next';
import type { RowIssue } from '../../../shared/import/types';

/**
 * Why a row could not be read, in the interface's language: from the template and figures the parser
 * kept with it (shared/import/row-text.ts). A row kept without them (imported before they were) is
 * said in the English it was kept in.
 */
export function rowIssueWords(t: TFunction, issue: RowIssue): string {
  return issue.text !== undefined ? t(issue.text, issue.params ?? {}) : issue.message;
}
