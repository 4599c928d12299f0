import { said } from '../text/fill';
import { AppError, type ErrorCode, type ErrorDetails } from './errors';
import type { FileText } from './file-text';

/**
 * Backend refusals the app meets in ordinary use, as templates of their figures: filled in English
 * for the command line, and sent with the template and figures (details.text, details.params) so
 * the app says them in the user's language (renderer/src/failure-words.ts; Japanese below). The
 * import's own refusals have theirs in shared/import/fatal-text.ts and row-text.ts.
 */
/** Why a fund file's row, or the file, cannot be read (shared/lookthrough/parse-fund.ts), before the refusal says nothing was imported. */
export const FUND_ROW_TEXT = {
  weight: 'Weight "{{cell}}" is not a number.',
  noHeader: 'No header with Ticker (or ISIN) and Weight (%) was found: is this an issuer holdings file?',
  weightOver100: 'Weight "{{cell}}" is more than 100% of the fund, or less than -100%.',
} as const;

export const ERROR_TEXT = {
  weightOver100: '{{key}} is already {{others}} tagged to other themes; at most {{left}} is left for {{theme}}.',
  fullyTagged: '{{key}} is already 100% tagged; untag it first to accept the {{theme}} suggestion.',
  fundWeight: `${FUND_ROW_TEXT.weight} Nothing was imported.`,
  fundNoHeader: `${FUND_ROW_TEXT.noHeader} Nothing was imported.`,
  fundNoHoldings: 'no holdings were found below the header. Nothing was imported.',
  fundWeightOver100: `${FUND_ROW_TEXT.weightOver100} Nothing was imported.`,
  fundHoldingOver100: '{{key}} is listed for {{total}}% of the fund in all, more than 100%. Nothing was imported.',
  fundIsCash: '{{key}} is cash, which is never part of a theme: it holds nothing to look through. Nothing was imported.',
  cashLinked: '{{key}} is cash, which is never part of a theme: it cannot share tags with another security. Nothing was linked.',
  portfolioExistsImport: 'A portfolio named "{{name}}" already exists. Choose another name or import into it.',
  portfolioExists: 'A portfolio named "{{name}}" already exists. Choose another name.',
  themeExists: 'A theme named "{{name}}" already exists.',
  subThemeDeep: '{{name}} is itself a sub-theme; sub-themes go one level deep.',
  subThemeNameTaken: 'The pack\'s sub-theme "{{name}}" has the name of a theme you already have. Rename yours first.',
  ownParent: 'A theme cannot be its own parent.',
  hasSubThemes: 'This theme has sub-themes of its own, so it stays a top-level theme.',
  importRunning: 'Another import is running; wait for it to finish or cancel it.',
  restoreWhileImport: 'An import is running; wait for it to finish or cancel it, then restore.',
  ruleNeedsPattern: 'A rule needs a pattern.',
  targetsOverPortfolio: 'The targets of this portfolio would add up to {{total}}%, more than 100%. Lower another target first. Nothing was changed.',
  targetsOverClient: 'The targets of {{client}} would add up to {{total}}%, more than 100%. Lower another target first. Nothing was changed.',
  logoNotImage: 'The logo is not a PNG or JPEG image (whatever its name says). Save it as PNG or JPEG.',
  logoTooLarge: 'The logo is {{size}} KB; the limit is {{limit}} KB. Use a smaller image.',
  linkedToItself: '{{canonical}} is already linked to {{key}}; a key cannot take its own tags.',
  bothTagged: '{{key}} and {{target}} both have tags of their own. Untag one of them first (themelens untag {{key}}); nothing was linked.',
  alreadyOne: '{{key}} and {{canonical}} are already one security ({{one}}).',
  pricesOlder: "{{file}}: prices as of {{asOf}} are older than {{portfolio}}'s latest holdings (as of {{latest}}). Use prices on or after {{latest}}. Nothing was written.",
  sampleLoaded: 'The sample household is already loaded. Remove it first (Remove the sample, on its banner, or themelens demo --remove).',
  backupCopyFailed: 'The backup copy failed its integrity check; it was discarded. The database itself is unchanged.',
  undoGone: 'That deletion can no longer be undone (the app was restarted or it was already undone).',
  undoPortfolioGone: 'The portfolio that snapshot was in is gone (deleted, or a backup restored), so the deletion cannot be undone.',
  snapshotImportedAgain: '{{file}} was imported into this portfolio again (as of {{date}}) after the deletion: the snapshot is there already, so the deletion is not undone.',
  sampleNotEmpty: 'The sample household goes in an empty database, so that it never mixes with real holdings. Use a new database file: themelens demo --db sample.db',
  noSnapshots: '{{portfolio}} has no snapshots yet. Import a holdings file into it first.',
  nothingToReprice: '{{portfolio}} has no holdings to reprice yet. Import a holdings file first.',
  // Ids the window held that are gone meanwhile (deleted from the command line, or in another window).
  themeGone: 'There is no theme "{{themeId}}".',
  themeGoneList: 'There is no theme "{{themeId}}". Run "themelens themes" to list the theme ids.',
  parentGone: 'There is no theme "{{themeId}}" to put it under.',
  suggestionThemeGone: 'There is no theme "{{themeId}}" for this suggestion: its theme was deleted.',
  suggestionGone: 'There is no suggestion of {{key}} for {{themeId}}.',
  notTaggedWith: '{{key}} is not tagged with "{{themeId}}".',
  noTags: '{{key}} has no tags.',
  cashTagged: '{{key}} is cash, which is never part of a theme (reports show it as "of which cash" under Untagged). Nothing was tagged. To count a money-market fund in a theme, import it as a security, not as cash.',
  ruleGone: 'There is no rule {{id}}.',
  reviewGone: 'There is no review item {{id}}.',
  // The read-only banner's words (db/integrity/access.ts), and the reason a refused edit gives.
  readOnlyFile: '{{path}} is read-only: you can look at your portfolios, but changes cannot be saved. Make the file writable and restart ThemeLens to make changes.',
} as const;

export type ErrorText = (typeof ERROR_TEXT)[keyof typeof ERROR_TEXT];

/** A refusal said from its template (here, or a file's in file-text.ts): the English message, with the template and figures in its details. */
export function saidError(code: ErrorCode, text: ErrorText | FileText, params: Record<string, string>, details: ErrorDetails = {}): AppError {
  return new AppError(code, said(text, params).message, { ...details, text, params });
}

/** Their Japanese (the app's dictionary takes it). */
export const ERROR_JAPANESE: Record<string, string> = {
  [ERROR_TEXT.weightOver100]: '{{key}} は、ほかのテーマにすでに {{others}} タグ付けされています。「{{theme}}」に割り当てられるのは最大 {{left}} です。',
  [ERROR_TEXT.fullyTagged]: '{{key}} はすでに 100% タグ付けされています。提案（{{theme}}）を採用するには、先にタグを外してください。',
  [ERROR_TEXT.fundWeight]: 'ウェイト「{{cell}}」は数値ではありません。何もインポートしていません。',
  [ERROR_TEXT.fundNoHeader]: 'Ticker（または ISIN）と Weight (%) の見出しが見つかりませんでした。運用会社の組入銘柄ファイルですか？何もインポートしていません。',
  [ERROR_TEXT.fundNoHoldings]: '見出しの下に組入銘柄が見つかりませんでした。何もインポートしていません。',
  [ERROR_TEXT.fundWeightOver100]: 'ウェイト「{{cell}}」がファンドの 100% を超えているか、-100% を下回っています。何もインポートしていません。',
  [ERROR_TEXT.fundHoldingOver100]: '{{key}} のウェイトが合計でファンドの {{total}}% になり、100% を超えています。何もインポートしていません。',
  [ERROR_TEXT.fundIsCash]: '{{key}} は現金です。現金はどのテーマにも含めず、ルックスルーする組入銘柄もありません。何もインポートしていません。',
  [ERROR_TEXT.cashLinked]: '{{key}} は現金です。現金はどのテーマにも含めないため、ほかの証券とタグを共有できません。何もリンクしていません。',
  [ERROR_TEXT.portfolioExistsImport]: '「{{name}}」という名前のポートフォリオはすでにあります。別の名前にするか、そのポートフォリオにインポートしてください。',
  [ERROR_TEXT.portfolioExists]: '「{{name}}」という名前のポートフォリオはすでにあります。別の名前にしてください。',
  [ERROR_TEXT.themeExists]: '「{{name}}」という名前のテーマはすでにあります。',
  [ERROR_TEXT.subThemeDeep]: '{{name}} はそれ自体がサブテーマです。サブテーマは 1 階層までです。',
  [ERROR_TEXT.subThemeNameTaken]: 'パックのサブテーマ「{{name}}」と同じ名前のテーマがすでにあります。先にお使いのテーマの名前を変えてください。',
  [ERROR_TEXT.ownParent]: 'テーマを自分自身の親にすることはできません。',
  [ERROR_TEXT.hasSubThemes]: 'このテーマには自身のサブテーマがあるため、最上位のテーマのままです。',
  [ERROR_TEXT.importRunning]: '別のインポートを実行中です。終わるまで待つか、キャンセルしてください。',
  [ERROR_TEXT.restoreWhileImport]: 'インポートを実行中です。終わるまで待つかキャンセルしてから、復元してください。',
  [ERROR_TEXT.ruleNeedsPattern]: 'ルールにはパターンが必要です。',
  [ERROR_TEXT.targetsOverPortfolio]: 'このポートフォリオの目標の合計が {{total}}% になり、100% を超えます。先にほかの目標を下げてください。何も変更していません。',
  [ERROR_TEXT.targetsOverClient]: '{{client}} の目標の合計が {{total}}% になり、100% を超えます。先にほかの目標を下げてください。何も変更していません。',
  [ERROR_TEXT.logoNotImage]: 'ロゴは PNG または JPEG の画像ではありません（ファイル名にかかわらず）。PNG か JPEG で保存してください。',
  [ERROR_TEXT.logoTooLarge]: 'ロゴは {{size}} KB です。上限は {{limit}} KB です。もっと小さい画像を使ってください。',
  [ERROR_TEXT.linkedToItself]: '{{canonical}} はすでに {{key}} にリンクされています。キーが自分自身のタグを引き継ぐことはできません。',
  [ERROR_TEXT.bothTagged]: '{{key}} と {{target}} はどちらも独自のタグを持っています。先にどちらかのタグを外してください（themelens untag {{key}}）。何もリンクしていません。',
  [ERROR_TEXT.alreadyOne]: '{{key}} と {{canonical}} はすでに同じ証券（{{one}}）です。',
  [ERROR_TEXT.pricesOlder]: '{{file}}: {{asOf}} 時点の価格は、{{portfolio}} の最新の保有銘柄（{{latest}} 時点）より古いものです。{{latest}} 以降の価格を使ってください。何も書き込んでいません。',
  [ERROR_TEXT.sampleLoaded]: 'サンプル世帯はすでに読み込まれています。先に削除してください（バナーの「サンプルを削除」、または themelens demo --remove）。',
  [ERROR_TEXT.backupCopyFailed]: 'バックアップのコピーが整合性チェックに失敗したため、破棄しました。データベース自体は変わっていません。',
  [ERROR_TEXT.undoGone]: 'その削除はもう元に戻せません（アプリを再起動したか、すでに元に戻しています）。',
  [ERROR_TEXT.undoPortfolioGone]: 'そのスナップショットがあったポートフォリオがもうありません（削除されたか、バックアップから復元されました）。削除は元に戻せません。',
  [ERROR_TEXT.snapshotImportedAgain]: '削除の後、{{file}} がこのポートフォリオにもう一度インポートされています（基準日 {{date}}）。スナップショットはすでにあるため、削除は元に戻しません。',
  [ERROR_TEXT.sampleNotEmpty]: 'サンプル世帯は、実際の保有銘柄と混ざらないよう、空のデータベースにだけ読み込みます。新しいデータベースファイルを使ってください: themelens demo --db sample.db',
  [ERROR_TEXT.noSnapshots]: '{{portfolio}} にはまだスナップショットがありません。先に保有銘柄ファイルをインポートしてください。',
  [ERROR_TEXT.nothingToReprice]: '{{portfolio}} には、価格を更新する保有銘柄がまだありません。先に保有銘柄ファイルをインポートしてください。',
  [ERROR_TEXT.themeGone]: 'テーマ「{{themeId}}」はありません（ほかの画面かコマンドラインで削除されたようです）。',
  [ERROR_TEXT.cashTagged]: '{{key}} は現金です。現金はどのテーマにも含めません（レポートでは「未分類」の「うち現金」に表示します）。何もタグ付けしていません。MMF をテーマに含めるには、現金ではなく証券としてインポートしてください。',
  [ERROR_TEXT.themeGoneList]: 'テーマ「{{themeId}}」はありません（ほかの画面かコマンドラインで削除されたようです）。',
  [ERROR_TEXT.parentGone]: '親テーマ「{{themeId}}」はありません（削除されたようです）。',
  [ERROR_TEXT.suggestionThemeGone]: 'この提案のテーマ「{{themeId}}」はありません。テーマが削除されています。',
  [ERROR_TEXT.suggestionGone]: '{{key}} の {{themeId}} への提案はありません。',
  [ERROR_TEXT.notTaggedWith]: '{{key}} には「{{themeId}}」のタグがありません。',
  [ERROR_TEXT.noTags]: '{{key}} にはタグがありません。',
  [ERROR_TEXT.ruleGone]: 'ルール {{id}} はありません（削除されたようです）。',
  [ERROR_TEXT.reviewGone]: '確認項目 {{id}} はありません（すでに処理されたようです）。',
  [ERROR_TEXT.readOnlyFile]: '{{path}} は読み取り専用です。ポートフォリオは閲覧できますが、変更は保存できません。変更するには、ファイルを書き込み可能にして ThemeLens を再起動してください。',
};
