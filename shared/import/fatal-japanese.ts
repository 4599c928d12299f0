import { FATAL_TEXT } from './fatal-text';

/** The Japanese of what stops an import (the app's dictionary takes it). */
export const FATAL_JAPANESE: Record<string, string> = {
  [FATAL_TEXT.fileTooLarge]: 'ファイルは {{mb}} MB です。インポートできるのは {{limit}} MB までです。口座を絞ってエクスポートするか、ファイルを分けてください。',
  [FATAL_TEXT.empty]: 'ファイルが空です。証券会社から保有銘柄をもう一度エクスポートしてください。',
  [FATAL_TEXT.noText]: 'ファイルに文字がありません。証券会社から保有銘柄をもう一度エクスポートしてください。',
  [FATAL_TEXT.noRows]: 'ファイルに行がありません。証券会社から保有銘柄をもう一度エクスポートしてください。',
  [FATAL_TEXT.binary]: 'このファイルはテキスト（CSV）ファイルではありません。証券会社から保有銘柄を CSV でエクスポートし、そのファイルを選んでください。',
  [FATAL_TEXT.headerOnly]: '見出し行（{{line}} 行目）はありますが、その下に保有銘柄がありません。保有している口座を含めて、保有銘柄をもう一度エクスポートしてください。',
  [FATAL_TEXT.unterminated]:
    '{{line}} 行目で始まる引用符付きのセルが閉じられていない（閉じる " がない）ため、ファイルの残りを読めません。{{line}} 行目の引用符を直すか、ファイルをもう一度エクスポートしてください。',
  [FATAL_TEXT.tooManyColumns]: 'この行には {{n}} 列あります。上限は {{limit}} 列です。保有銘柄のファイルですか？',
  [FATAL_TEXT.cellTooLong]: 'このセルは {{n}} 文字あります。1 セルの上限は {{limit}} 文字です。ファイルの引用符を確認してください。',
  [FATAL_TEXT.openQuote]:
    'ここで始まる引用符付きのセルが {{n}} 文字先でもまだ閉じておらず、1 セルの上限 {{limit}} 文字を超えています（閉じる " がないようです）。{{line}} 行目の引用符を直すか、ファイルをもう一度エクスポートしてください。',
  [FATAL_TEXT.tooManyRows]: 'ファイルの保有銘柄が 1 回のインポートの上限 {{limit}} 件を超えています。ファイルを分けてインポートしてください。',
  [FATAL_TEXT.noHeader]: '複数の列がある行が見つからないため、見出し行がありません。保有銘柄の CSV エクスポートかを確認するか、区切り文字を手動で選んでください。',
  [FATAL_TEXT.noUsableColumns]:
    '銘柄コードまたは銘柄名と、数量または評価額の組み合わせになる列が見つかりませんでした。{{line}} 行目の見出し: {{headers}}。列を手動で割り当ててください。各銘柄を示す見出しと、その評価額または数量を示す見出しを選びます。',
  [FATAL_TEXT.chosenColumnsUnusable]:
    '選んだ列では保有銘柄を作れません。銘柄を示す列（銘柄コード、ISIN、CUSIP、銘柄名）を 1 つと、評価額または数量の列を 1 つ割り当ててください。{{line}} 行目の見出し: {{headers}}。',
  [FATAL_TEXT.mappedColumnNotFound]: '割り当てた列 {{missing}} がファイルのどの行にもありません。見つかった見出し: {{headers}}。この中から列を選んでください。',
  [FATAL_TEXT.mappedColumnsNotFound]: '割り当てた列 {{missing}} がファイルのどの行にもありません。見つかった見出し: {{headers}}。この中から列を選んでください。',
  [FATAL_TEXT.fileTooLargeNamed]: '{{file}} は {{mb}} MB です。インポートできるのは {{limit}} MB までです。ファイルを分けてインポートしてください。',
  [FATAL_TEXT.noPositions]: 'ファイルに保有銘柄が見つかりません。取引履歴ではなく、保有銘柄（ポジション）のエクスポートかを確認してください。',
};
