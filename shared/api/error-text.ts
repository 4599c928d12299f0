import { said } from '../text/fill';
import { AppError, type ErrorCode, type ErrorDetails } from './errors';

/**
 * Backend refusals the app meets in ordinary use, as templates of their figures: filled in English
 * for the command line, and sent with the template and figures (details.text, details.params) so
 * the app says them in the user's language (renderer/src/failure-words.ts; Japanese below). The
 * import's own refusals have theirs in shared/import/fatal-text.ts and row-text.ts.
 */
export const ERROR_TEXT = {
  weightOver100: '{{key}} is already {{others}} tagged to other themes; at most {{left}} is left for {{theme}}.',
  fullyTagged: '{{key}} is already 100% tagged; untag it first to accept the {{theme}} suggestion.',
  fundWeight: 'Weight "{{cell}}" is not a number. Nothing was imported.',
  fundNoHeader: 'No header with Ticker (or ISIN) and Weight (%) was found: is this an issuer holdings file? Nothing was imported.',
  fundNoHoldings: 'no holdings were found below the header. Nothing was imported.',
} as const;

export type ErrorText = (typeof ERROR_TEXT)[keyof typeof ERROR_TEXT];

/** A refusal said from its template: the English message, with the template and figures in its details. */
export function saidError(code: ErrorCode, text: ErrorText, params: Record<string, string>, details: ErrorDetails = {}): AppError {
  return new AppError(code, said(text, params).message, { ...details, text, params });
}

/** Their Japanese (the app's dictionary takes it). */
export const ERROR_JAPANESE: Record<string, string> = {
  [ERROR_TEXT.weightOver100]: '{{key}} は、ほかのテーマにすでに {{others}} タグ付けされています。{{theme}} に割り当てられるのは最大 {{left}} です。',
  [ERROR_TEXT.fullyTagged]: '{{key}} はすでに 100% タグ付けされています。提案（{{theme}}）を採用するには、先にタグを外してください。',
  [ERROR_TEXT.fundWeight]: 'ウェイト「{{cell}}」は数値ではありません。何もインポートしていません。',
  [ERROR_TEXT.fundNoHeader]: 'Ticker（または ISIN）と Weight (%) の見出しが見つかりませんでした。運用会社の組入銘柄ファイルですか？何もインポートしていません。',
  [ERROR_TEXT.fundNoHoldings]: '見出しの下に組入銘柄が見つかりませんでした。何もインポートしていません。',
};
