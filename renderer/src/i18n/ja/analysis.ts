/** Japanese for the analysis area of the interface (English text -> Japanese). */
export const ANALYSIS: Record<string, string> = {
  // Shared words of the analysis views
  Theme: 'テーマ',
  Themes: 'テーマ',
  Symbol: '銘柄コード',
  Account: '口座',
  Portfolio: 'ポートフォリオ',
  Value: '評価額',
  'Value ({{currency}})': '評価額（{{currency}}）',
  'Account {{account}}: {{value}}': '口座 {{account}}：{{value}}',
  'Total ({{currency}})': '合計（{{currency}}）',
  Share: '構成比',
  Weight: 'ウェイト',
  'As of': '基準日',
  File: 'ファイル',
  Line: '行',
  Cancel: 'キャンセル',
  Save: '保存',
  Import: 'インポート',
  Rename: '名前を変更',
  'Loading…': '読み込み中…',
  'e.g. {{example}}': '例: {{example}}',
  '{{base}} for 1 {{currency}}': '1 {{currency}} あたりの {{base}}',
  'Left empty: today, {{date}}': '空欄のときは今日（{{date}}）',
  'Report saved to {{path}}': 'レポートを {{path}} に保存しました',

  // Charts saved as images
  'The chart could not be drawn as an image.': 'グラフを画像として描画できませんでした。',
  'This display cannot draw images.': 'このディスプレイでは画像を描画できません。',

  // First start
  'See how much of your portfolio rides on each theme': 'ポートフォリオが各テーマにどれだけ関わっているかを把握',
  'Import the positions file your broker exports, tag positions with themes such as data-center infrastructure or crude-oil logistics, and ThemeLens charts your exposure.':
    '証券会社が出力する保有銘柄ファイルをインポートし、データセンターインフラや原油物流などのテーマで保有銘柄にタグ付けすると、ThemeLens がエクスポージャーをグラフで表示します。',
  'Import your first holdings file…': '最初の保有銘柄ファイルをインポート…',
  'Or try a sample household first': 'まずはサンプルの世帯で試す',
  "(three brokers' files and an ETF, invented, removed in one click)": '（3 社の証券会社のファイルと ETF 1 本、架空のデータ。ワンクリックで削除できます）',
  'Works with exports from {{brokers}}.': '{{brokers}} の出力ファイルに対応しています。',
  'SBI and Rakuten Securities': 'SBI証券・楽天証券',
  'any CSV with columns you map': '列を対応付けた任意の CSV',
  'Everything stays on this computer: ThemeLens makes no network requests.': 'データはすべてこのコンピューター内に保存されます。ThemeLens はネットワーク通信を行いません。',

  // Funds (ETF look-through)
  "{{fund}}: {{n}} holdings as of {{date}}. Its themes now follow its holdings' tags.": '{{fund}}: {{date}} 時点の組入銘柄 {{n}} 件。このファンドのテーマは組入銘柄のタグに従って決まります。',
  "{{fund}}: {{n}} holdings as of an unknown date. Its themes now follow its holdings' tags.": '{{fund}}: 組入銘柄 {{n}} 件（基準日不明）。このファンドのテーマは組入銘柄のタグに従って決まります。',
  "A fund you hold (an ETF) counts towards the themes of what it holds. Download the fund's holdings file from its issuer (iShares, SPDR, Global X) and import it here; tagging the fund by hand instead overrides this.":
    '保有するファンド（ETF）は、その組入銘柄のテーマに計上されます。運用会社（iShares、SPDR、Global X）からファンドの組入銘柄ファイルをダウンロードし、ここでインポートしてください。ファンドに手動でタグ付けした場合は、そちらが優先されます。',
  'Fund symbol': 'ファンドの銘柄コード',
  'Import holdings file…': '組入銘柄ファイルをインポート…',
  Fund: 'ファンド',
  'More than 90 days old: import a newer file': '90 日以上前のデータです。新しいファイルをインポートしてください',
  'No fund holdings imported yet.': 'ファンドの組入銘柄はまだインポートされていません。',

  // Import errors
  'Already imported': 'インポート済み',
  'Some rows could not be read': '読み込めない行があります',
  'The file could not be imported': 'ファイルをインポートできませんでした',
  'The first {{n}} of {{total}} rows that could not be read are listed.': '読み込めなかった {{total}} 行のうち、最初の {{n}} 行を表示しています。',
  'Nothing was written: your data is as it was before.': '何も書き込まれていません。データは以前のままです。',
  'Import valid rows only': '有効な行のみインポート',
  "{{date}} is after today: this snapshot would stay the portfolio's latest, whose figures it shows, until a snapshot of a later date comes. Check the date.":
    '{{date}} は今日より後の日付です。これより後の日付のスナップショットが来るまで、このスナップショットがポートフォリオの最新となり、ポートフォリオにはその数値が表示されます。日付を確認してください。',
  'Import the 1 valid row only': '有効な 1 行のみインポート',
  'Import the {{n}} valid rows only': '有効な {{n}} 行のみインポート',
  'Import again anyway': 'それでも再度インポート',

  // Read-only database
  'Read-only:': '読み取り専用:',

  // Securities to review
  'These positions could be more than one security, so ThemeLens did not guess: they count as untagged until you say which security each is.':
    'これらの保有銘柄は複数の銘柄に該当する可能性があるため、ThemeLens は推測していません。どの銘柄かを指定するまで未タグとして扱われます。',
  "Nothing waits for review: every position was identified by its ISIN, CUSIP or its ticker on its account's market.":
    '確認待ちの銘柄はありません。すべての保有銘柄が ISIN、CUSIP、または口座の市場のティッカーで特定されました。',
  "{{symbol}} is {{candidate}}: it takes {{candidate}}'s tags.": '{{symbol}} を {{candidate}} としました。{{candidate}} のタグが適用されます。',
  'It is {{candidate}}': '{{candidate}} として確定',
  'Left as it is: it stays untagged until you tag it.': 'そのままにしました。タグ付けするまで未タグのままです。',
  'Leave as it is': 'このままにする',

  // Sharing tags
  new: '新規',
  same: '変更なし',
  changed: '変更',
  conflict: '競合',
  'Saved {{path}}': '{{path}} に保存しました',
  'Import tags from {{file}}': '{{file}} からタグをインポート',
  'Imported tags from {{file}}: {{added}} new, {{changed}} changed.': '{{file}} から新規 {{added}} 件、変更 {{changed}} 件のタグをインポートしました。',
  'Export themes and tags (JSON)…': 'テーマとタグを出力（JSON）…',
  'Export tags (CSV)…': 'タグを出力（CSV）…',
  'Import tags…': 'タグをインポート…',
  '{{file}}: {{added}} new, {{changed}} changed, {{same}} unchanged, {{conflicts}} in conflict; new themes: {{themes}}. Nothing is written until you import.':
    '{{file}}: 新規 {{added}} 件、変更 {{changed}} 件、変更なし {{same}} 件、競合 {{conflicts}} 件。新しいテーマ: {{themes}}。インポートするまで何も書き込まれません。',
  '{{file}}: {{added}} new, {{changed}} changed, {{same}} unchanged, {{conflicts}} in conflict. Nothing is written until you import.':
    '{{file}}: 新規 {{added}} 件、変更 {{changed}} 件、変更なし {{same}} 件、競合 {{conflicts}} 件。インポートするまで何も書き込まれません。',
  Now: '現在',
  After: '変更後',
  'What happens': '処理内容',
  'Resolve the conflicts in the file first': '先にファイル内の競合を解消してください',
  'Nothing is imported while a row is in conflict or cannot be read: change those tags by hand or fix the file, then choose it again.': '競合している行や読み取れない行がある間は何もインポートされません。それらのタグを手で変更するかファイルを修正してから、もう一度選んでください。',

  // Suggestions
  'Accept 1 suggestion': '提案 1 件を採用',
  'Accept {{n}} suggestions': '提案 {{n}} 件を採用',
  'Only holdings in my portfolios': 'ポートフォリオの保有銘柄のみ',
  'Reject all': 'すべて却下',
  'Accept all': 'すべて採用',
  Actions: '操作',
  're-weighted, was {{weight}}': 'ウェイト変更（変更前 {{weight}}）',
  'Source: {{source}} (checked {{date}})': '出典: {{source}}（{{date}} 確認）',
  Accept: '採用',
  Reject: '却下',
  'No open suggestions for your holdings.': '保有銘柄に対する未処理の提案はありません。',
  'No open suggestions.': '未処理の提案はありません。',

  // Currencies and FX rates
  'Imported {{n}} rates from {{file}} ({{dates}}).': '{{file}} から為替レートを {{n}} 件インポートしました（{{dates}}）。',
  'Imported 1 rate from {{file}} ({{dates}}).': '{{file}} から為替レートを 1 件インポートしました（{{dates}}）。',
  '{{from}} to {{to}}': '{{from}}〜{{to}}',
  '1 {{currency}} = {{rate}} {{base}} saved as of {{date}}.': '1 {{currency}} = {{rate}} {{base}} を {{date}} 時点で保存しました。',
  'Currencies and exchange rates': '通貨と為替レート',
  'Currencies held on {{date}} (base {{currency}})': '{{date}} の保有通貨（基準通貨 {{currency}}）',
  'No exchange rate to {{base}} for {{currencies}}: those positions are left out of every total (never valued at 1.0). Enter a rate below.':
    '{{currencies}} から {{base}} への為替レートがありません。これらの銘柄はすべての合計から除外されます（1.0 で評価されることはありません）。下でレートを入力してください。',
  'Rates entered below are as of': '以下で入力するレートの基準日',
  'Each snapshot uses the latest rate on or before its date.': '各スナップショットには、その日付以前で最新のレートが使われます。',
  'Import rates…': '為替レートをインポート…',
  Currency: '通貨',
  'Value in currency': '現地通貨建て評価額',
  Rate: '為替レート',
  'Set rate (1 unit = ? {{currency}})': 'レートを設定（1 単位 = ? {{currency}}）',
  missing: '未設定',
  'base currency': '基準通貨',
  "No rate on or before this snapshot's date: the earliest later one is used.": 'このスナップショットの日付以前のレートがないため、それ以降で最も早いレートを使用しています。',
  'after {{date}}': '{{date}} より後',
  'Rate for {{currency}}': '{{currency}} の為替レート',
  'new rate': '新しいレート',

  // History
  'Theme shares over time': 'テーマ別構成比の推移',
  '0% on every date': 'すべての日付で 0%',
  "Line chart of each theme's share of the portfolio at every snapshot": '各スナップショット時点でのテーマ別構成比の折れ線グラフ',
  '{{name}} - theme history': '{{name}} - テーマ推移',
  'One snapshot so far: import another holdings file into this portfolio to see a line.': 'スナップショットはまだ 1 件です。このポートフォリオに別の保有銘柄ファイルをインポートすると推移が表示されます。',
  "Each snapshot is read with the tags as they stood until the next snapshot was imported; the latest with today's tags.":
    '各スナップショットは、次のスナップショットがインポートされるまでのタグで集計されます。最新のスナップショットは現在のタグで集計されます。',

  // Household
  'No household yet': '世帯はまだありません',
  '{{name}} belongs to no client. Give it one (and the other portfolios of the same household) with':
    '{{name}} はどの顧客にも属していません。顧客を設定するには（同じ世帯の他のポートフォリオも同様に）、',
  'in the Portfolios view, or on the command line:': 'を「ポートフォリオ一覧」画面で使うか、コマンドラインで次を実行してください:',
  'Client name': '顧客名',
  '. Their combined exposure then shows here.': '。設定すると、合算したエクスポージャーがここに表示されます。',
  Household: '世帯',
  'Household: {{name}}': '世帯: {{name}}',
  'Export household report…': '世帯レポートを出力…',
  '{{n}} portfolios,': 'ポートフォリオ {{n}} 件、合計',
  'in total, latest holdings as of {{date}}.': '（最新の保有銘柄は {{date}} 時点）。',
  'Combined in': '合算通貨',
  '(the portfolios are in {{currencies}}; each is converted at the rates of its own date)': '（ポートフォリオの通貨は {{currencies}}。それぞれ自身の日付の為替レートで換算します）',
  and: 'と',
  'All figures in {{currency}}.': 'すべての金額は {{currency}} 建てです。',
  '{{name}} household': '{{name}} 世帯',
  'Household report saved to {{path}}': '世帯レポートを {{path}} に保存しました',
  '{{name}}: theme shares and targets': '{{name}}: テーマ別構成比と目標',
  '{{name}}: theme shares': '{{name}}: テーマ別構成比',
  "Bar chart of the household's share in each theme beside its target": '世帯のテーマ別構成比と目標の棒グラフ',
  "Bar chart of the household's share in each theme": '世帯のテーマ別構成比の棒グラフ',
  'Share now': '現在の構成比',
  Target: '目標',
  '{{name}} - household themes {{date}}': '{{name}} - 世帯テーマ {{date}}',
  'Themes of the household': '世帯のテーマ',
  'Target · drift': '目標 · 乖離',
  'Untagged (cash {{cash}})': '未タグ（現金 {{cash}}）',
  'Portfolios of the household': '世帯のポートフォリオ',
  'no snapshot yet': 'スナップショットなし',
  'Largest positions of the household': '世帯の主要保有銘柄',
  'Largest positions, all accounts together': '主要保有銘柄（全口座合算）',
  'Held in': '保有口座',
  'no rate': 'レートなし',
  'The {{n}} largest of {{total}}; a client report (themelens report --client) lists them all.':
    '{{total}} 銘柄のうち評価額上位 {{n}} 銘柄です。顧客レポート（themelens report --client）にはすべて記載されます。',

  // Scenarios
  'Theme shocks': 'テーマ別ショック',
  'What if a theme moves?': 'テーマが変動したら？',
  'Move a theme; every position moves by its weight in that theme times the move. Cash does not move.':
    'テーマにショックを与えると、各銘柄は「そのテーマのウェイト × ショック」だけ変動します。現金は変動しません。',
  Reset: 'リセット',
  'Export report with this scenario…': 'このシナリオでレポートを出力…',
  'Move a slider to see what it does to {{name}}.': 'スライダーを動かすと、{{name}} への影響を確認できます。',
  '({{share}} of {{total}}, as of {{date}})': '（{{total}} の {{share}}、{{date}} 時点）',
  'Scenario by theme, {{date}}': 'テーマ別シナリオ（{{date}}）',
  "Bar chart of each theme's part of the move": '変動に対する各テーマの寄与の棒グラフ',
  '{{name}} - scenario {{date}}': '{{name}} - シナリオ {{date}}',
  Shock: 'ショック',
  'Exposure ({{currency}})': 'エクスポージャー（{{currency}}）',
  'Move ({{currency}})': '変動額（{{currency}}）',
  Move: '変動額',
  'of {{total}}': '{{total}} 中',
  'Positions that move most': '変動の大きい銘柄',
  'and {{n}} more; themelens scenario --format json lists them all': 'ほか {{n}} 銘柄（themelens scenario --format json ですべて表示されます）',
};
