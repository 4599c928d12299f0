/** Japanese for the report's sections, breakdowns, extras, methodology and charts. */
export const SECTIONS: Record<string, string> = {
  // Where a tag's weight comes from (html-sections.ts)
  manual: '手動',
  rule: 'ルール',
  suggestion: '提案',
  'look-through': 'ルックスルー',
  imported: 'インポート',
  linked: '紐付け',

  // Summary and target mix
  Summary: '概要',
  'of which cash': 'うち現金',
  Total: '合計',
  'Net ({{currency}})': 'ネット（{{currency}}）',
  Long: 'ロング',
  Short: 'ショート',
  Positions: '銘柄数',
  '{{points}} pts': '{{points}} ポイント',
  'outside the band': '許容幅外',
  within: '許容幅内',
  'Target mix': '目標配分',
  Target: '目標',
  Band: '許容幅',
  'Share now': '現在の構成比',
  Drift: '乖離',
  Status: '状況',

  // Charts
  'Exposure by theme': 'テーマ別エクスポージャー',
  'Share of the portfolio': 'ポートフォリオに占める構成比',
  'Net exposure by theme': 'テーマ別ネット・エクスポージャー',
  'Share of the portfolio by theme': 'テーマ別ポートフォリオ構成比',

  // Themes and positions
  'Themes and their positions': 'テーマ別の構成銘柄',
  'No position is tagged with this theme.': 'このテーマのタグが付いた銘柄はありません。',
  Account: '口座',
  Symbol: '銘柄コード',
  Description: '銘柄名',
  Weight: 'ウェイト',
  // How a tag was set (手動, ルール…), not a citation (出典).
  Source: '設定方法',
  Rationale: '根拠',
  Contribution: '寄与額',
  'no FX rate': '為替レートなし',
  'The {{shown}} largest of {{total}} positions.': '全 {{total}} 銘柄のうち、評価額の大きい {{shown}} 銘柄です。',
  'The {{shown}} largest of {{total}} positions; the CSV, XLSX and JSON reports list every one.': '全 {{total}} 銘柄のうち、評価額の大きい {{shown}} 銘柄です。CSV・XLSX・JSON のレポートにはすべての銘柄を記載しています。',
  'The {{shown}} largest of its {{total}} positions; the CSV, XLSX and JSON reports list every one.': 'このテーマの {{total}} 銘柄のうち、寄与の大きい {{shown}} 銘柄です。CSV・XLSX・JSON のレポートにはすべての銘柄を記載しています。',
  Quantity: '数量',
  Currency: '通貨',
  'Local value': '現地通貨建て評価額',
  Themes: 'テーマ',

  // Exchange rates
  'Exchange rates': '為替レート',
  'Every position is in {{currency}}; no exchange rate was used.': '全銘柄が {{currency}} 建てのため、為替レートは使用していません。',
  'Rate used': '使用した為替レート',
  'Used for (portfolio, as of)': '適用したポートフォリオ（基準日）',
  'As of': '基準日',

  // What changed
  'What changed': '前回からの変更点',
  'Compared with {{since}}.': '比較対象: {{since}}。',
  'the previous report (made {{made}}, fingerprint {{fingerprint}}), on the holdings as of {{date}}': '{{date}} 時点の保有銘柄に基づく前回のレポート（{{made}} 作成、フィンガープリント {{fingerprint}}）',
  'the previous snapshot, as of {{date}}': '前回のスナップショット（{{date}} 時点）',
  'This is the first snapshot of this portfolio; there is nothing earlier to compare with.': 'このポートフォリオの最初のスナップショットのため、比較対象はありません。',
  Change: '増減',
  'Quantity before': '変更前の数量',
  'Quantity after': '変更後の数量',
  'Value before': '変更前の評価額',
  'Value after': '変更後の評価額',
  added: '新規',
  removed: '解消',
  changed: '変更',
  'No position changed.': '銘柄の変更はありません。',
  'Theme weights changed': 'テーマのウェイトの変更',
  When: '日付',
  Before: '変更前',
  After: '変更後',
  'No theme weight of a holding changed.': '保有銘柄のテーマのウェイトに変更はありません。',

  // Methodology and disclaimer headings
  Methodology: '算出方法',
  Disclaimer: '免責事項',

  // By account, by currency, overlap (html-breakdowns.ts)
  'Over the {{shown}} positions this report lists, of {{total}}.': '全 {{total}} 銘柄のうち、本レポートに記載の {{shown}} 銘柄による集計です。',
  'By account': '口座別',
  'Net exposure per theme in {{currency}}, sub-themes included.': 'テーマごとのネット・エクスポージャー（{{currency}}、サブテーマを含む）。',
  '{{n}} without a rate': '為替レートなし {{n}} 件',
  Note: '備考',
  'By currency': '通貨別',
  'no rate: left out': '為替レートなし: 除外',
  missing: '未設定',
  'base currency': '基準通貨',
  'Theme overlap': 'テーマの重複',
  'With fewer than two themes, nothing can overlap.': 'テーマが 2 つ未満のため、重複はありません。',
  'Each cell: the value of positions tagged with both themes (whole position value, not weighted), its share of the total and how many positions; the diagonal is the value tagged with the theme at all.':
    '各セルは、両方のテーマのタグが付いた銘柄の評価額（ウェイトを掛けない銘柄全体の評価額）、合計に対する構成比、銘柄数です。対角線上は、そのテーマのタグが付いた評価額です。',

  // Attribution
  'Exposure change explained': 'エクスポージャー変化の要因分析',
  'From {{fromDate}} ({{fromValue}}) to {{toDate}} ({{toValue}}); holdings: {{counts}}. Quantity: the change in quantity at the old price; price: the rest of the value change, exchange rates included; tag: the change of weights, on the new value.':
    '{{fromDate}}（{{fromValue}}）から {{toDate}}（{{toValue}}）まで。保有銘柄: {{counts}}。数量要因は旧価格での数量の変化、価格要因は評価額の変化の残り（為替レートの影響を含む）、タグ要因は新しい評価額に対するウェイトの変化です。',
  '{{added}} new, {{gone}} gone, {{grown}} up in value, {{shrunk}} down in value, {{unchanged}} unchanged': '新規 {{added}}、解消 {{gone}}、評価額増 {{grown}}、評価額減 {{shrunk}}、変化なし {{unchanged}}',
  new: '新規',
  gone: '解消',
  'value up': '評価額増',
  'valued by the broker ("{{column}}")': '証券会社の評価額（「{{column}}」）',
  'value down': '評価額減',
  unchanged: '変化なし',
  Now: '現在',
  'Quantity effect': '数量要因',
  'Price effect': '価格要因',
  'Tag effect': 'タグ要因',
  'Largest position changes': '主な銘柄の変化',
  'Quantity held': '保有数量',
  'Value change': '評価額の増減',

  // Household, benchmark, scenario (html-extras.ts)
  'Portfolios of {{client}}': '{{client}} のポートフォリオ',
  'The latest snapshot of each, valued in {{currency}} at the rates of its own date; the same security held in the same currency in several accounts is one line below (held in two currencies, a line for each).':
    '各ポートフォリオの最新スナップショットを、それぞれの日付の為替レートで {{currency}} に換算しています。複数の口座で同じ通貨建てで保有する同一銘柄は、以下では 1 行にまとめています（異なる通貨建てで保有する場合は通貨ごとに 1 行）。',
  Portfolio: 'ポートフォリオ',
  'Holdings file': '保有銘柄ファイル',
  'no snapshot yet': 'スナップショットなし',
  'Against the benchmark {{symbol}}': 'ベンチマーク {{symbol}} との比較',
  '{{symbol}}: holdings file {{file}}{{asOf}}; its constituents cover {{coverage}} of the fund, and its theme shares are its look-through weights.':
    '{{symbol}}: 組入銘柄ファイル {{file}}{{asOf}}。構成銘柄がファンドの {{coverage}} を占め、テーマの構成比はルックスルーによるウェイトです。',
  ' as of {{date}}': '（{{date}} 時点）',
  'Benchmark ({{symbol}})': 'ベンチマーク（{{symbol}}）',
  Active: 'アクティブ',
  Scenario: 'シナリオ',
  "Shocks applied: {{shocks}}. Each position moves by the sum over its themes of weight × shock; a sub-theme takes its parent's shock unless it has its own; cash does not move.":
    '適用したショック: {{shocks}}。各銘柄は、テーマごとのウェイト × ショックの合計だけ変動します。サブテーマは、独自のショックがない限り親テーマのショックを引き継ぎます。現金は変動しません。',
  '{{impact}} ({{share}} of {{total}}).': '{{impact}}（{{total}} の {{share}}）。',
  Shock: 'ショック',
  Exposure: 'エクスポージャー',
  Move: '変動額',
  'Positions that move most': '変動の大きい銘柄',

  // Methodology (methodology.ts)
  "Every position is valued in {{currency}}: its market value from the broker's file (or quantity times price where the file has no value), converted with the exchange rates listed in this report. A position in a currency with no rate is left out of the totals and named in a warning; it is never converted at 1.":
    '全銘柄を {{currency}} で評価しています。評価額は、証券会社のファイルの時価（ファイルに評価額がない場合は数量 × 価格）を、本レポート記載の為替レートで換算したものです。為替レートのない通貨の銘柄は合計から除外し、警告に記載します。1 として換算することはありません。',
  "This report combines the latest snapshot of each portfolio of {{client}}. Each is valued at the exchange rates of its own date; the same security held in the same currency in several accounts is added up into one line (held in two currencies, a line for each); each theme's figure is the sum of the portfolios' figures.":
    '本レポートは、{{client}} の各ポートフォリオの最新スナップショットを合算したものです。各ポートフォリオはそれぞれの日付の為替レートで評価し、複数の口座で同じ通貨建てで保有する同一銘柄は 1 行に合算しています（2 つの通貨建てで保有する場合は通貨ごとに 1 行）。各テーマの数値は、各ポートフォリオの数値の合計です。',
  "The default themes follow the first projects of Japan's $550 billion US investment program, announced on {{date}}. {{projects}}. Sources: {{sources}}.":
    '既定のテーマは、{{date}} に発表された日本の 5,500 億ドル規模の対米投資プログラムの第1弾案件に基づいています。{{projects}}。出典: {{sources}}。',
  '{{theme}}: the {{project}} ({{sponsor}}; {{location}}; {{size}})': '{{theme}}: {{project}}（{{sponsor}}、{{location}}、{{size}}）',
  'Each holding can be tagged with one or more themes, each with a weight: the share of that holding that rides on the theme (50% means half of its value counts). Weights of one holding add up to at most 100%.':
    '各保有銘柄には一つ以上のテーマのタグを付けることができ、それぞれにウェイトを設定します。ウェイトは、その銘柄のうちテーマに連動する割合です（50% は評価額の半分が算入されることを意味します）。一つの銘柄のウェイトの合計は最大 100% です。',
  "A position's contribution to a theme is its value times the weight, rounded to the cent. A theme's exposure is the sum of those contributions; a theme with sub-themes includes theirs. Short positions have negative values: net exposure is long plus short, gross is long plus the size of the short.":
    '銘柄のテーマへの寄与額は、評価額 × ウェイトを小数点以下 2 桁（セント単位）に丸めたものです。テーマのエクスポージャーはこれらの寄与額の合計で、サブテーマを持つテーマにはサブテーマの分も含まれます。ショートの銘柄の評価額はマイナスです。ネット・エクスポージャーはロングとショートの和、グロスはロングとショートの絶対値の和です。',
  'Shares are of the total value of the household, cash included. Untagged is the total less every tagged contribution, so themes and untagged add up to the total.':
    '構成比は、現金を含む世帯の評価額合計に対する割合です。未タグは合計からタグ付きの寄与額をすべて差し引いたもので、テーマと未タグを合わせると合計になります。',
  'Shares are of the total value of the portfolio, cash included. Untagged is the total less every tagged contribution, so themes and untagged add up to the total.':
    '構成比は、現金を含むポートフォリオの評価額合計に対する割合です。未タグは合計からタグ付きの寄与額をすべて差し引いたもので、テーマと未タグを合わせると合計になります。',
  'Cash is a part of untagged ("of which cash"), not a further row: where short positions are untagged, untagged can be smaller than the cash in it, or negative.':
    '現金は未タグの内数（「うち現金」）であり、別の行として加算するものではありません。タグのないショートの銘柄があると、未タグはその中の現金より小さく、またはマイナスになることがあります。',
  'Each share is rounded on its own (to 0.1%), so the shares shown may not add up to exactly 100%; the amounts add up to the cent.':
    '構成比はそれぞれ個別に（0.1% 単位に）丸めているため、表示された構成比の合計がちょうど 100% にならないことがあります。金額はセント単位まで合計が一致します。',
  "The benchmark {{symbol}} is a fund whose holdings file from its issuer was imported: its share in a theme is the sum over its constituents of each one's weight in the fund times its own theme weight. Active is the portfolio's share less the benchmark's.":
    'ベンチマーク {{symbol}} は、運用会社の組入銘柄ファイルを取り込んだファンドです。あるテーマにおけるその構成比は、各構成銘柄のファンド内のウェイトとその銘柄自身のテーマのウェイトの積を、全構成銘柄について合計したものです。アクティブは、ポートフォリオの構成比からベンチマークの構成比を差し引いたものです。',
  "In the scenario, each position moves by the sum over its themes of weight times shock (a position 60% in one theme shocked -20% and 20% in another shocked +10% moves by -10%). A sub-theme takes its parent's shock unless it has its own. Cash does not move, nor does a position with no exchange rate. Each position's move is its value times that sum, rounded to the cent once; its part in each theme is rounded down or up to the cent so that the parts add up to the move (the largest remainders take the odd cents). Each theme's move and the total are sums of those.":
    'シナリオでは、各銘柄はテーマごとのウェイト × ショックの合計だけ変動します（ショック -20% のテーマに 60%、ショック +10% の別のテーマに 20% の銘柄は -10% 変動します）。サブテーマは、独自のショックがない限り親テーマのショックを引き継ぎます。現金と為替レートのない銘柄は変動しません。各銘柄の変動額は、評価額にその合計を掛けて小数点以下 2 桁（セント単位）に一度だけ丸めたものです。テーマごとの内訳は、その和が変動額と一致するようにセント単位で切り捨てまたは切り上げます（端数の大きいものから 1 セントずつ配分します）。各テーマの変動額と合計は、それらの和です。',
  "The fingerprint on the cover identifies the inputs of this report: each portfolio's snapshot and the hash of its file, the theme weights and the exchange rates. The same fingerprint means the same inputs and the same figures.":
    '表紙のフィンガープリントは、本レポートの入力（各ポートフォリオのスナップショットとそのファイルのハッシュ、テーマのウェイト、為替レート）を識別するものです。フィンガープリントが同じであれば、入力も数値も同じです。',
  'The fingerprint on the cover identifies the inputs of this report: the snapshot and the hash of its file, the theme weights and the exchange rates. The same fingerprint means the same inputs and the same figures.':
    '表紙のフィンガープリントは、本レポートの入力（スナップショットとそのファイルのハッシュ、テーマのウェイト、為替レート）を識別するものです。フィンガープリントが同じであれば、入力も数値も同じです。',

  // PDF page footer (db/report/pdf.ts)
  'as of {{date}}': '{{date}} 時点',
  'fingerprint {{fingerprint}}': 'フィンガープリント {{fingerprint}}',
  'Page {{page}} of {{pages}}': '{{page}} / {{pages}} ページ',
};
