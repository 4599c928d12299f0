import { CELL_PROBLEM_TEXT, INVALID_ROWS_TEXT, ROW_TEXT } from './row-text';

const FIX = 'セルを直すか、別の列を割り当ててください';

/** The Japanese of why a row could not be read, and of a number cell that does not read (the app's dictionary takes it). */
export const ROW_JAPANESE: Record<string, string> = {
  [ROW_TEXT.quantityPercent]: '数量「{{cell}}」はパーセンテージで、数量ではありません。数量の列を割り当ててください',
  [ROW_TEXT.pricePercent]: '価格「{{cell}}」はパーセンテージで、価格ではありません。価格の列を割り当ててください',
  [ROW_TEXT.valuePercent]: '評価額「{{cell}}」はパーセンテージで、金額ではありません。評価額の列を割り当ててください',
  [ROW_TEXT.quantityNotNumber]: `数量「{{cell}}」は数値ではありません。${FIX}`,
  [ROW_TEXT.priceNotNumber]: `価格「{{cell}}」は数値ではありません。${FIX}`,
  [ROW_TEXT.valueNotNumber]: `評価額「{{cell}}」は数値ではありません。${FIX}`,
  [ROW_TEXT.quantitySeparators]: `数量「{{cell}}」は数値ではありません（桁区切りの位置が正しくありません）。${FIX}`,
  [ROW_TEXT.priceSeparators]: `価格「{{cell}}」は数値ではありません（桁区切りの位置が正しくありません）。${FIX}`,
  [ROW_TEXT.valueSeparators]: `評価額「{{cell}}」は数値ではありません（桁区切りの位置が正しくありません）。${FIX}`,
  [ROW_TEXT.quantitySigns]: `数量「{{cell}}」は数値ではありません（符号が 2 つ以上あります）。${FIX}`,
  [ROW_TEXT.priceSigns]: `価格「{{cell}}」は数値ではありません（符号が 2 つ以上あります）。${FIX}`,
  [ROW_TEXT.valueSigns]: `評価額「{{cell}}」は数値ではありません（符号が 2 つ以上あります）。${FIX}`,
  [ROW_TEXT.noValueCell]: '評価額がありません。評価額のセルが空で、数量 × 価格も計算できません。セルを埋めるか、評価額の列を割り当ててください',
  [ROW_TEXT.noValueColumn]: '評価額がありません。セルが空のため数量 × 価格を計算できません。セルを埋めるか、評価額の列を割り当ててください',
  [ROW_TEXT.beyondLimit]: '金額が ThemeLens で正確に扱える上限（プラス・マイナスとも {{limit}}）を超えています。セルの区切り記号の位置を確認してください',
  [ROW_TEXT.badRate]: '基準通貨へのレートは 0 より大きい数値でなければなりません。セルを直してください',
  [ROW_TEXT.noHolding]: 'この行は銘柄を示していません（銘柄コードも銘柄名も空です）。どちらかを埋めるか、別の列を割り当ててください',
  [ROW_TEXT.extraCells]:
    'この行には見出しの列数より多くのセルがあります（{{column}} 列目から、「{{shown}}」）。1 234,56 のような小数点がカンマの数値が 2 つに分かれたのかもしれません。セルを引用符で囲む（"1 234,56"）か、区切り文字をセミコロンにしてファイルをもう一度エクスポートしてください',
  [ROW_TEXT.sumBeyondLimit]: 'この行までの保有銘柄の合計が、ThemeLens で正確に扱える上限（{{limit}}）を超えています。ファイルの金額を確認するか、複数のポートフォリオに分けてください',
  [ROW_TEXT.cashNotNumber]: '現金残高「{{cell}}」は数値ではありません。セルを直してください',
  [ROW_TEXT.foreignSection]: 'この行は区分「{{section}}」にあり、金額が円建てではありません。ThemeLens はこの区分をまだ読み込めません。外国株式の画面からエクスポートするか、ほかの行だけをインポートしてください',
  [ROW_TEXT.noForeignValue]: 'この{{kind}}の行には、時価評価額[外貨] に {{currency}} の評価額がありません（「{{cell}}」）。その通貨で評価できません。ファイルをもう一度エクスポートするか、ほかの行だけをインポートしてください',
  [CELL_PROBLEM_TEXT.percent]: 'パーセンテージで、金額ではありません',
  [CELL_PROBLEM_TEXT.notANumber]: '数値ではありません',
  [CELL_PROBLEM_TEXT.separators]: '桁区切りの位置が正しくありません',
  [CELL_PROBLEM_TEXT.signs]: '符号が 2 つ以上あります',
  [INVALID_ROWS_TEXT.one]: '{{reason}}。何もインポートしていません。ファイルを直すか、読み込める {{valid}} 行だけをインポートしてください。',
  [INVALID_ROWS_TEXT.oneOneValid]: '{{reason}}。何もインポートしていません。ファイルを直すか、読み込める 1 行だけをインポートしてください。',
  [INVALID_ROWS_TEXT.oneNoValid]: '{{reason}}。何もインポートしていません。読み込める行がないため、ファイルを直してください。',
  [INVALID_ROWS_TEXT.two]: '{{reason}}（ほかに 1 行）。何もインポートしていません。ファイルを直すか、読み込める {{valid}} 行だけをインポートしてください。',
  [INVALID_ROWS_TEXT.twoOneValid]: '{{reason}}（ほかに 1 行）。何もインポートしていません。ファイルを直すか、読み込める 1 行だけをインポートしてください。',
  [INVALID_ROWS_TEXT.twoNoValid]: '{{reason}}（ほかに 1 行）。何もインポートしていません。読み込める行がないため、ファイルを直してください。',
  [INVALID_ROWS_TEXT.more]: '{{reason}}（ほかに {{more}} 行）。何もインポートしていません。ファイルを直すか、読み込める {{valid}} 行だけをインポートしてください。',
  [INVALID_ROWS_TEXT.moreOneValid]: '{{reason}}（ほかに {{more}} 行）。何もインポートしていません。ファイルを直すか、読み込める 1 行だけをインポートしてください。',
  [INVALID_ROWS_TEXT.moreNoValid]: '{{reason}}（ほかに {{more}} 行）。何もインポートしていません。読み込める行がないため、ファイルを直してください。',
};
