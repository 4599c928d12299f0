import { said } from '../text/fill';

/**
 * Why a row of a tag file cannot be read, or cannot be applied here, as templates of its figures:
 * filled in English for the command line, and kept with the row so the app can say it in the
 * user's language (the template is the key of its translation, TAG_FILE_JAPANESE).
 */
export const TAG_FILE_TEXT = {
  badHeader: 'The first line must name the columns {{columns}}; symbol, theme and weight are required.',
  emptySymbol: 'The symbol is empty.',
  badThemeId: 'A theme id is lower-case letters, digits and dashes (see "themelens themes").',
  badWeight: 'The weight must be a fraction 0..1 (0.5) or a percentage (50%).',
  unclosedQuote: 'A quoted cell is never closed.',
  strayCell: '"{{cell}}" in column {{column}} is under no column name: a weight written with a decimal comma (0,5) may have been split in two. Write it with a point (0.5) or as a percentage (50%).',
  notJson: 'Not valid JSON: {{detail}}',
  notTagsFile: 'This is not a ThemeLens tags file (format "themelens-tags").',
  themeIncomplete: 'Theme {{n}} needs an id and a name.',
  tagIncomplete: 'Tag {{n}} needs a symbol, a theme id and a weight 0..1.',
  badIsin: '{{isin}} is not a valid ISIN (its check digit fails).',
  isinElsewhere: '{{symbol}} on {{exchange}} is {{byTicker}} here, but ISIN {{isin}} is {{byIsin}}: not applied.',
  noTheme: 'There is no theme "{{theme}}" here or in the file.',
  taggedByHand: "{{key}} is tagged {{theme}} by hand at {{old}}%; the file says {{new}}%. Change it by hand, or untag it first to take the file's weight.",
  over100: '{{key}} would be {{total}}% tagged; at most 100% is allowed.',
  twice: '{{key}} is tagged {{theme}} on line {{first}} too; keep one of the two rows.',
  cash: '{{key}} is cash, which is never part of a theme; remove the row.',
} as const;

export type TagFileText = (typeof TAG_FILE_TEXT)[keyof typeof TAG_FILE_TEXT];

/** A tag file's reason, said: its English, and the template and figures it came from. */
export const tagFileSaid = (text: TagFileText, params: Record<string, string> = {}) => said(text, params);

/** Their Japanese (the app's dictionary takes it). */
export const TAG_FILE_JAPANESE: Record<string, string> = {
  [TAG_FILE_TEXT.badHeader]: '1 行目で列名 {{columns}} を指定してください。symbol、theme、weight は必須です。',
  [TAG_FILE_TEXT.emptySymbol]: '銘柄コードが空です。',
  [TAG_FILE_TEXT.badThemeId]: 'テーマ ID は英小文字、数字、ハイフンで書きます（「themelens themes」で確認できます）。',
  [TAG_FILE_TEXT.badWeight]: 'ウェイトは 0〜1 の小数（0.5）か百分率（50%）で書いてください。',
  [TAG_FILE_TEXT.unclosedQuote]: '引用符付きのセルが閉じられていません。',
  [TAG_FILE_TEXT.strayCell]: '{{column}} 列目の「{{cell}}」には列名がありません。小数点にカンマを使ったウェイト（0,5）が 2 つのセルに分かれた可能性があります。小数点で（0.5）または百分率で（50%）書いてください。',
  [TAG_FILE_TEXT.notJson]: 'JSON として読めません: {{detail}}',
  [TAG_FILE_TEXT.notTagsFile]: 'ThemeLens のタグファイル（format "themelens-tags"）ではありません。',
  [TAG_FILE_TEXT.themeIncomplete]: '{{n}} 番目のテーマに ID と名前が必要です。',
  [TAG_FILE_TEXT.tagIncomplete]: '{{n}} 番目のタグに銘柄コード、テーマ ID、0〜1 のウェイトが必要です。',
  [TAG_FILE_TEXT.badIsin]: '{{isin}} は正しい ISIN ではありません（チェックディジットが合いません）。',
  [TAG_FILE_TEXT.isinElsewhere]: '{{exchange}} の {{symbol}} はここでは {{byTicker}} ですが、ISIN {{isin}} は {{byIsin}} です。適用しません。',
  [TAG_FILE_TEXT.noTheme]: 'テーマ「{{theme}}」は、ここにもファイルにもありません。',
  [TAG_FILE_TEXT.taggedByHand]: '{{key}} は手動で {{theme}} に {{old}}% でタグ付けされていますが、ファイルでは {{new}}% です。手動で変更するか、先にタグを外してからファイルのウェイトを取り込んでください。',
  [TAG_FILE_TEXT.over100]: '{{key}} のタグの合計が {{total}}% になります。上限は 100% です。',
  [TAG_FILE_TEXT.twice]: '{{key}} の {{theme}} へのタグは {{first}} 行目にもあります。どちらか一方の行だけを残してください。',
  [TAG_FILE_TEXT.cash]: '{{key}} は現金です。現金はどのテーマにも含めません。この行を削除してください。',
};
