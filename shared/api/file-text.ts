import type { AppError, ErrorCode, ErrorDetails } from './errors';
import { saidError } from './error-text';

/**
 * Refusals of a file the user chose in the app other than a holdings file (prices, rates, a tags
 * file, a fund's holdings, a backup), as templates of their figures: filled in English for the command
 * line, word for word as before, and sent with the template and figures so the app says them in the
 * user's language (renderer/src/failure-words.ts; Japanese below). Each names its file itself.
 */

/** The kinds of file a refusal names as {{what}}; the app says the kind in the reader's language too (renderer/src/said-words.ts). */
export const FILE_KIND = {
  tags: 'tags file',
  prices: 'prices file',
  rates: 'rates file',
  pack: 'pack file',
  fund: "fund's holdings file",
} as const;

export type FileKind = keyof typeof FILE_KIND;

export const FILE_TEXT = {
  notRegular: '{{file}} is not a regular file. Choose the {{what}} itself.',
  tooLarge: '{{file}} is {{mb}} MB; a {{what}} may be at most {{limit}} MB. Is this the right file?',
  notText: '{{file}}: this is not a text file (a {{what}} is CSV or JSON text). Nothing was imported.',
  lineTooLong: "{{file}} line {{line}} holds {{n}} characters; the limit is {{limit}}. Check the file's quotes. Nothing was imported.",
  tooManyLines: '{{file}} has more than {{limit}} lines, the limit for a {{what}}. Nothing was imported.',
  noPrices: '{{file}} holds no price on or before {{asOf}}. Nothing was written.',
  noPriceMatch: "None of {{portfolio}}'s positions has a price in {{file}} (in its currency, on or before {{asOf}}). Nothing was written; check the symbols and currencies.",
  noRates: '{{file}} holds no rates. Nothing was imported.',
  workbookMissing: '{{file}} cannot be read: check that the file exists.',
  workbookTooLarge: "{{file}} is larger than 50 MB: not a fund's holdings workbook.",
  workbookUnreadable: '{{file}} is not a readable XLSX workbook: download it again from the issuer, or save it as CSV. Nothing was imported.',
  workbookNoSheet: '{{file}} has no sheet. Nothing was imported.',
  backupNotRegular: '{{file}} is not a regular file (a link or something else); it is not restored. Nothing was changed.',
  backupFailsCheck: '{{file}} fails its integrity check; choose another backup. Nothing was changed.',
  backupFailsCheckOrKey: '{{file}} fails its integrity check or was not made with this key; choose another backup. Nothing was changed.',
  backupNotOurs: "{{file}} is not a ThemeLens database (another program's SQLite file); choose another backup. Nothing was changed.",
  backupNewer: '{{file}} was written by a newer version of ThemeLens (schema {{schema}}; this version knows {{known}}). Update ThemeLens to restore it. Nothing was changed.',
  backupOfAnother: '{{file}} is a backup of another database ({{owner}}), not of {{database}}; it is not restored. Nothing was changed.',
  backupOriginUnknown: '{{file}} is in {{folder}}, where backups were kept before each database had a folder of its own: it may be of another database, so it is not restored. If it is of {{database}}, move it into {{own}} and restore it again. Nothing was changed.',
  backupNotInFolder: '{{file}} is not in {{own}}, where the backups of {{database}} are kept; it is not restored. Nothing was changed.',
} as const;

export type FileText = (typeof FILE_TEXT)[keyof typeof FILE_TEXT];

/**
 * A refusal of `params.file` said from its template: the English message, and in its details the
 * file, the template and figures, and `whole` (the message names the file itself: nothing is put
 * before it, renderer/src/import/import-error-words.ts).
 */
export function fileRefusal(code: ErrorCode, text: FileText, params: Record<string, string> & { file: string }, details: ErrorDetails = {}): AppError {
  return saidError(code, text, params, { file: params.file, ...details, whole: true });
}

/** Their Japanese, and the kinds' (the app's dictionary takes them). */
export const FILE_JAPANESE: Record<string, string> = {
  [FILE_KIND.tags]: 'タグファイル',
  [FILE_KIND.prices]: '価格ファイル',
  [FILE_KIND.rates]: '為替レートファイル',
  [FILE_KIND.pack]: 'パックファイル',
  [FILE_KIND.fund]: 'ファンドの組入銘柄ファイル',
  [FILE_TEXT.notRegular]: '{{file}} は通常のファイルではありません。{{what}}そのものを選んでください。',
  [FILE_TEXT.tooLarge]: '{{file}} は {{mb}} MB です。{{what}}は {{limit}} MB までです。選んだファイルは正しいですか？',
  [FILE_TEXT.notText]: '{{file}}: テキストファイルではありません（{{what}}は CSV または JSON のテキストです）。何もインポートしていません。',
  [FILE_TEXT.lineTooLong]: '{{file}} の {{line}} 行目は {{n}} 文字あります。上限は {{limit}} 文字です。ファイルの引用符を確認してください。何もインポートしていません。',
  [FILE_TEXT.tooManyLines]: '{{file}} は {{limit}} 行（{{what}}の上限）を超えています。何もインポートしていません。',
  [FILE_TEXT.noPrices]: '{{file}} には {{asOf}} 以前の価格がありません。何も書き込んでいません。',
  [FILE_TEXT.noPriceMatch]: '{{portfolio}} のどの保有銘柄の価格も {{file}} にありません（その通貨で、{{asOf}} 以前のもの）。何も書き込んでいません。銘柄コードと通貨を確認してください。',
  [FILE_TEXT.noRates]: '{{file}} には為替レートがありません。何もインポートしていません。',
  [FILE_TEXT.workbookMissing]: '{{file}} を読み込めません。ファイルがあることを確認してください。',
  [FILE_TEXT.workbookTooLarge]: '{{file}} は 50 MB を超えています。ファンドの組入銘柄ブックではありません。',
  [FILE_TEXT.workbookUnreadable]: '{{file}} は読み込める XLSX ブックではありません。運用会社からもう一度ダウンロードするか、CSV で保存してください。何もインポートしていません。',
  [FILE_TEXT.workbookNoSheet]: '{{file}} にはシートがありません。何もインポートしていません。',
  [FILE_TEXT.backupNotRegular]: '{{file}} は通常のファイルではありません（リンクなど）。復元しません。何も変更していません。',
  [FILE_TEXT.backupFailsCheck]: '{{file}} は整合性チェックに失敗しました。別のバックアップを選んでください。何も変更していません。',
  [FILE_TEXT.backupFailsCheckOrKey]: '{{file}} は整合性チェックに失敗したか、この鍵で作られたものではありません。別のバックアップを選んでください。何も変更していません。',
  [FILE_TEXT.backupNotOurs]: '{{file}} は ThemeLens のデータベースではありません（別のプログラムの SQLite ファイルです）。別のバックアップを選んでください。何も変更していません。',
  [FILE_TEXT.backupNewer]: '{{file}} は新しいバージョンの ThemeLens で書き込まれています（スキーマ {{schema}}。このバージョンは {{known}} まで）。復元するには ThemeLens を更新してください。何も変更していません。',
  [FILE_TEXT.backupOfAnother]: '{{file}} は別のデータベース（{{owner}}）のバックアップで、{{database}} のものではありません。復元しません。何も変更していません。',
  [FILE_TEXT.backupOriginUnknown]: '{{file}} は {{folder}} にあります。ここはデータベースごとのフォルダーができる前にバックアップを置いていた場所で、別のデータベースのものかもしれないため復元しません。{{database}} のものであれば、{{own}} に移してからもう一度復元してください。何も変更していません。',
  [FILE_TEXT.backupNotInFolder]: '{{file}} は {{database}} のバックアップの置き場所 {{own}} にありません。復元しません。何も変更していません。',
};
