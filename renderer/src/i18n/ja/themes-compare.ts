/** Japanese for the themes-compare area of the interface (English text -> Japanese). */
export const THEMES_COMPARE: Record<string, string> = {
  // App: toasts, banners, loading
  '{{n}} kept their last value: {{names}} and {{more}} more.': '{{n}} 銘柄は前回の評価額のままです: {{names}} ほか {{more}} 銘柄。',
  '{{n}} kept their last value: {{names}}.': '{{n}} 銘柄は前回の評価額のままです: {{names}}。',
  'Repriced {{repriced}} of {{positions}} positions from {{file}}, as of {{date}}.':
    '{{file}} の価格で {{positions}} 銘柄中 {{repriced}} 銘柄を再評価しました（{{date}} 時点）。',
  'Loaded the sample household: {{portfolios}} portfolios, {{tagged}} tags from the pack. The Household tab adds them up.':
    'サンプル世帯を読み込みました: ポートフォリオ {{portfolios}} 件、パックからのタグ {{tagged}} 件。「世帯」タブで合算できます。',
  'Removed the sample household ({{removed}} portfolios).': 'サンプル世帯を削除しました（ポートフォリオ {{removed}} 件）。',
  'Imported {{n}} positions into {{name}}, {{skipped}} rows skipped.':
    '「{{name}}」に {{n}} 銘柄をインポートしました（{{skipped}} 行をスキップ）。',
  'Imported {{n}} positions into {{name}}, 1 row skipped.': '「{{name}}」に {{n}} 銘柄をインポートしました（1 行をスキップ）。',
  'Imported {{n}} positions into {{name}}.': '「{{name}}」に {{n}} 銘柄をインポートしました。',
  'Imported 1 position into {{name}}.': '「{{name}}」に 1 銘柄をインポートしました。',
  'Imported 1 position into {{name}}, {{skipped}} rows skipped.': '「{{name}}」に 1 銘柄をインポートしました（{{skipped}} 行をスキップ）。',
  'Imported 1 position into {{name}}, 1 row skipped.': '「{{name}}」に 1 銘柄をインポートしました（1 行をスキップ）。',
  '{{done}} Before relying on its figures, check:': '{{done}} 数値を使う前に、次の点を確認してください:',
  // Where an import stopped (renderer/src/import/import-error-words.ts)
  '{{file}} line {{line}}, column {{column}}: {{message}}': '{{file}} の {{line}} 行目、{{column}} 列目: {{message}}',
  '{{file}} line {{line}}, column {{column}} ({{header}}): {{message}}': '{{file}} の {{line}} 行目、{{column}} 列目（{{header}}）: {{message}}',
  '{{file}} line {{line}}: {{message}}': '{{file}} の {{line}} 行目: {{message}}',
  '{{file}} column {{column}}: {{message}}': '{{file}} の {{column}} 列目: {{message}}',
  '{{file}}: {{message}}': 'ファイル {{file}}: {{message}}',
  // A file already imported (renderer/src/import/already-imported.ts)
  '{{file}} was already imported into {{portfolio}} on {{date}} (snapshot {{snapshot}}, as of {{asOf}}). Nothing was imported.':
    '{{file}} は {{date}} に「{{portfolio}}」へインポート済みです（スナップショット {{snapshot}}、{{asOf}} 時点）。インポートは行っていません。',
  '{{file}} holds the same positions (quantities and values) as of {{asOf}} as snapshot {{snapshot}} of {{portfolio}} ({{sourceFile}}), already imported. Nothing was imported; to keep both, choose Import again anyway.':
    '{{file}} の {{asOf}} 時点の保有銘柄（数量と評価額）は、インポート済みの「{{portfolio}}」のスナップショット {{snapshot}}（{{sourceFile}}）と同じです。インポートは行っていません。両方を残すには「それでも再度インポート」を選んでください。',
  // An import's checks (renderer/src/import/check-words.ts)
  "The file's own total ({{file}}) differs from the sum of the imported rows ({{rows}}) by {{difference}}; check the file for rows left out or misread.":
    'ファイル自体の合計（{{file}}）が、インポートした行の合計（{{rows}}）と {{difference}} 異なります。除かれた行や読み違えた行がないか、ファイルを確認してください。',
  '1 position has a value whose sign is not that of quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}). It is kept as the file gives it; if the value column is not the market value (a gain or loss, say), map the right column.':
    '1 銘柄の評価額の符号が「数量 × 価格」と逆です（{{line}} 行目、{{label}}: {{quantity}} × {{price}}、評価額 {{value}}）。ファイルのとおりに取り込みました。評価額の列が時価評価額でない（損益など）場合は、正しい列を割り当ててください。',
  '{{n}} positions have values whose sign is not that of quantity x price (first: line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}). They are kept as the file gives them; if the value column is not the market value (a gain or loss, say), map the right column.':
    '{{n}} 銘柄の評価額の符号が「数量 × 価格」と逆です（最初は {{line}} 行目、{{label}}: {{quantity}} × {{price}}、評価額 {{value}}）。ファイルのとおりに取り込みました。評価額の列が時価評価額でない（損益など）場合は、正しい列を割り当ててください。',
  '1 position has no value in the file, so its value is quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}} = {{value}}). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.':
    '1 銘柄はファイルに評価額がないため、「数量 × 価格」を評価額としました（{{line}} 行目、{{label}}: {{quantity}} × {{price}} = {{value}}）。債券（額面100あたりの価格）、オプション（1株あたりの価格、1枚100株）、1万口あたりの基準価額の投資信託では評価額と異なります。確認してください。',
  '{{n}} positions have no value in the file, so their values are quantity x price (first: line {{line}}, {{label}}: {{quantity}} x {{price}} = {{value}}). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.':
    '{{n}} 銘柄はファイルに評価額がないため、「数量 × 価格」を評価額としました（最初は {{line}} 行目、{{label}}: {{quantity}} × {{price}} = {{value}}）。債券（額面100あたりの価格）、オプション（1株あたりの価格、1枚100株）、1万口あたりの基準価額の投資信託では評価額と異なります。確認してください。',
  "1 position has a value that is not quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}), nor a bond's, an option's or a fund's convention of it (per 100, 100 or 1,000 to a contract, per 10,000 units). It is kept as the file gives it; check the cells (a misplaced separator, a column mapped wrong, a stale price).":
    "1 銘柄の評価額が「数量 × 価格」と一致せず（{{line}} 行目、{{label}}: {{quantity}} × {{price}}、評価額 {{value}}）、債券・オプション・投資信託の慣行（額面100あたり、1枚100または1,000単位、1万口あたり）でも説明できません。ファイルのとおりに取り込みました。セルを確認してください（区切り記号の位置、列の割り当て、古い価格など）。",
  "{{n}} positions have values that are not quantity x price (first: line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}), nor a bond's, an option's or a fund's convention of it (per 100, 100 or 1,000 to a contract, per 10,000 units). They are kept as the file gives them; check the cells (a misplaced separator, a column mapped wrong, a stale price).":
    "{{n}} 銘柄の評価額が「数量 × 価格」と一致せず（最初は {{line}} 行目、{{label}}: {{quantity}} × {{price}}、評価額 {{value}}）、債券・オプション・投資信託の慣行（額面100あたり、1枚100または1,000単位、1万口あたり）でも説明できません。ファイルのとおりに取り込みました。セルを確認してください（区切り記号の位置、列の割り当て、古い価格など）。",
  '1 position has a value with digits finer than a cent (line {{line}}, {{label}}: kept as {{value}}). A value is kept to the cent; if the cell is a whole amount written with a point for thousands (1.234 for 1,234), import the file again choosing Comma as the decimal separator (on the command line, --decimal comma).':
    '1 銘柄の評価額に 1 セント未満の桁があります（{{line}} 行目、{{label}}: {{value}} として取り込み）。評価額は 1 セント単位で保持します。桁区切りにピリオドを使った金額（1,234 を 1.234 と記載）であれば、小数点の記号に「カンマ」を選んでもう一度インポートしてください（コマンドラインでは --decimal comma）。',
  '{{n}} positions have values with digits finer than a cent (first: line {{line}}, {{label}}: kept as {{value}}). Values are kept to the cent; if the cells are whole amounts written with a point for thousands (1.234 for 1,234), import the file again choosing Comma as the decimal separator (on the command line, --decimal comma).':
    '{{n}} 銘柄の評価額に 1 セント未満の桁があります（最初は {{line}} 行目、{{label}}: {{value}} として取り込み）。評価額は 1 セント単位で保持します。桁区切りにピリオドを使った金額（1,234 を 1.234 と記載）であれば、小数点の記号に「カンマ」を選んでもう一度インポートしてください（コマンドラインでは --decimal comma）。',
  '1 row names no security and holds only a value, with a word of a total in its label (line {{line}}, {{label}}: {{value}}), but its value is not what the rows above it add up to. It is kept as a position; if it is a total or a subtotal, delete the row from the file and import it again.':
    '1 行は銘柄を示さず評価額だけがあり、ラベルに合計を表す語があります（{{line}} 行目、{{label}}: {{value}}）が、その評価額は上の行の合計と一致しません。保有銘柄として取り込みました。合計や小計の行であれば、ファイルから削除してもう一度インポートしてください。',
  '{{n}} rows name no security and hold only a value, with a word of a total in their labels (first: line {{line}}, {{label}}: {{value}}), but their values are not what the rows above them add up to. They are kept as positions; if they are totals or subtotals, delete the rows from the file and import it again.':
    '{{n}} 行は銘柄を示さず評価額だけがあり、ラベルに合計を表す語があります（最初は {{line}} 行目、{{label}}: {{value}}）が、その評価額は上の行の合計と一致しません。保有銘柄として取り込みました。合計や小計の行であれば、ファイルから削除してもう一度インポートしてください。',
  'Line {{line}} repeats line {{earlier}} cell for cell. Both rows are kept, so that position counts twice; if the file lists it twice by mistake, delete the repeat from the file and import it again.':
    '{{line}} 行目は、{{earlier}} 行目とすべてのセルが同じです。両方の行を取り込んだため、この保有銘柄は 2 回数えられます。誤って重複している場合は、ファイルから重複した行を削除してもう一度インポートしてください。',
  '{{n}} rows repeat earlier rows cell for cell (first: line {{line}}, as line {{earlier}}). All are kept, so those positions count as often as the file lists them; if the file lists them twice by mistake, delete the repeats from the file and import it again.':
    '{{n}} 行は、前にある行とすべてのセルが同じです（最初は {{line}} 行目で、{{earlier}} 行目と同じ）。すべて取り込んだため、それらの保有銘柄はファイルに記載された回数だけ数えられます。誤って重複している場合は、ファイルから重複した行を削除してもう一度インポートしてください。',
  "The snapshot this import replaces as the portfolio's latest ({{sourceFile}}, as of {{asOf}}) holds account {{accounts}}, which this file does not: the portfolio's figures are now this file's alone, without it. If the file is of another account, it belongs in a portfolio of its own; a client shows portfolios together.":
    'このインポートがポートフォリオの最新として置き換えたスナップショット（{{sourceFile}}、{{asOf}} 時点）には口座 {{accounts}} がありますが、このファイルにはありません。ポートフォリオの数値はこのファイルだけのものになり、その口座は含まれません。ファイルが別の口座のものであれば、別のポートフォリオに取り込んでください。顧客にまとめると複数のポートフォリオを合わせて表示できます。',
  "The snapshot this import replaces as the portfolio's latest ({{sourceFile}}, as of {{asOf}}) holds {{n}} accounts this file does not ({{accounts}}): the portfolio's figures are now this file's alone, without them. If the file is of other accounts, it belongs in a portfolio of its own; a client shows portfolios together.":
    'このインポートがポートフォリオの最新として置き換えたスナップショット（{{sourceFile}}、{{asOf}} 時点）には、このファイルにない口座が {{n}} 件あります（{{accounts}}）。ポートフォリオの数値はこのファイルだけのものになり、それらの口座は含まれません。ファイルが別の口座のものであれば、別のポートフォリオに取り込んでください。顧客にまとめると複数のポートフォリオを合わせて表示できます。',
  "The snapshot is dated {{asOf}}, after today ({{today}}). It is kept, and it stays the portfolio's latest snapshot, whose figures the portfolio shows, until a snapshot of a later date comes. If the date is wrong, delete the snapshot and import the file again with the right date (on the command line, --as-of).":
    'スナップショットの日付は {{asOf}} で、今日（{{today}}）より後です。取り込みは行いました。これより後の日付のスナップショットが来るまで、これがポートフォリオの最新のスナップショットとなり、ポートフォリオにはその数値が表示されます。日付が誤っている場合は、スナップショットを削除し、正しい日付でファイルをもう一度インポートしてください（コマンドラインでは --as-of）。',
  '{{file}} line {{line}}: {{value}} is not a valid {{scheme}} (its check digit fails). The position is kept; the {{scheme}} is not used to identify it. Check the cell.':
    '{{file}} の {{line}} 行目: {{value}} は有効な {{scheme}} ではありません（チェックディジットが合いません）。銘柄は取り込みましたが、識別にこの {{scheme}} は使っていません。セルを確認してください。',
  '{{file}} line {{line}}, column {{column}} ({{header}}): {{value}} is not a valid {{scheme}} (its check digit fails). The position is kept; the {{scheme}} is not used to identify it. Check the cell.':
    '{{file}} の {{line}} 行目、{{column}} 列目（{{header}}）: {{value}} は有効な {{scheme}} ではありません（チェックディジットが合いません）。銘柄は取り込みましたが、識別にこの {{scheme}} は使っていません。セルを確認してください。',
  '{{file}}: {{n}} more identifiers fail their check digit.': '{{file}}: ほかに {{n}} 件の識別子のチェックディジットが合いません。',
  'No figure in the file shows whether its decimal separator is a point or a comma, and some could be read either way (line {{line}}, {{header}}: {{cell}}). They were read with a decimal comma, as is usual in a file delimited by semicolons: {{cell}} as {{read}}, not {{other}}. If the file writes 1,234.56, import it again choosing Point as the decimal separator (on the command line, --decimal point).':
    'ファイル内のどの数値からも小数点がピリオドかカンマかが分からず、どちらとも読める数値があります（{{line}} 行目、{{header}}: {{cell}}）。セミコロン区切りのファイルの慣例どおり、カンマを小数点として読みました。{{cell}} は {{other}} ではなく {{read}} です。ファイルが 1,234.56 の書き方であれば、小数点に「ピリオド」を選んでもう一度インポートしてください（コマンドラインでは --decimal point）。',
  'No figure in the file shows whether its decimal separator is a point or a comma, and some could be read either way (line {{line}}, {{header}}: {{cell}}). They were read with a decimal point, as is usual in a file not delimited by semicolons: {{cell}} as {{read}}, not {{other}}. If the file writes 1.234,56, import it again choosing Comma as the decimal separator (on the command line, --decimal comma).':
    'ファイル内のどの数値からも小数点がピリオドかカンマかが分からず、どちらとも読める数値があります（{{line}} 行目、{{header}}: {{cell}}）。セミコロン区切りでないファイルの慣例どおり、ピリオドを小数点として読みました。{{cell}} は {{other}} ではなく {{read}} です。ファイルが 1.234,56 の書き方であれば、小数点に「カンマ」を選んでもう一度インポートしてください（コマンドラインでは --decimal comma）。',
  'Report saved to {{path}}': 'レポートを {{path}} に保存しました',
  'Remove the sample': 'サンプルを削除',
  'Sample household:': 'サンプル世帯:',
  "invented holdings in three brokers' files and a fictional ETF, tagged from the pack, to try ThemeLens with.":
    '3 社の証券会社のファイル形式で作った架空の保有銘柄と架空の ETF です（パックでタグ付け済み）。ThemeLens のお試しにお使いください。',
  'Review suggestions': '提案を確認',
  Dismiss: '閉じる',
  'Loading…': '読み込み中…',
  'This portfolio has no snapshots yet: import a holdings file.':
    'このポートフォリオにはまだスナップショットがありません。保有銘柄のファイルをインポートしてください。',

  // Charts
  'Chart saved to {{path}}': 'グラフを {{path}} に保存しました',
  'Save this chart as an SVG image': 'このグラフを SVG 画像として保存',
  'Save this chart as a PNG image': 'このグラフを PNG 画像として保存',
  'Data as a table': 'データを表で表示',
  Legend: '凡例',
  'Snapshot date': 'スナップショットの日付',
  // Short: the history chart writes it up its axis, where the longer 「ポートフォリオに占める構成比」 was cut off.
  'Share of portfolio': 'ポートフォリオ構成比',

  // Backups
  'Before an import': 'インポート前',
  'Before an upgrade': 'アップグレード前',
  'Made by you': '手動で作成',
  'Before a restore': '復元前',
  Backups: 'バックアップ',
  "ThemeLens checks each copy with SQLite's integrity check before keeping it, and keeps the 10 newest plus the newest of each day for 30 days.":
    'ThemeLens は各コピーを SQLite の整合性チェックで検証してから保存します。最新の 10 件と、過去 30 日間の各日の最新分を保持します。',
  'Saved {{file}}': '保存しました: {{file}}',
  'Back up now': '今すぐバックアップ',
  Taken: '作成日時',
  Actions: '操作',
  'Restored. The state before it is kept as a backup ({{file}}). ThemeLens is restarting…':
    '復元しました。復元前の状態はバックアップとして保存されています（{{file}}）。ThemeLens を再起動しています…',
  'Restored. The state before it is kept as a backup ({{file}}).': '復元しました。復元前の状態はバックアップとして保存されています（{{file}}）。',
  'Replace everything with this copy?': 'すべてのデータをこのコピーで置き換えますか？',
  'Restore…': '復元…',
  'No backups yet: one is made before every import.': 'バックアップはまだありません。インポートのたびに作成されます。',
  Close: '閉じる',

  // Exposure panel and table
  Untagged: '未タグ',
  'Theme exposure': 'テーマ別エクスポージャー',
  '{{value}} total': '合計 {{value}}',
  'Show rows': '該当行を表示',
  'Set rates': 'レートを設定',
  'Review them': '確認する',
  'Bar chart of theme exposure; the same figures are in the exposure table below it':
    'テーマ別エクスポージャーの棒グラフ（同じ数値は下のエクスポージャー表にあります）',
  'Value by theme ({{currency}})': 'テーマ別評価額（{{currency}}）',
  Theme: 'テーマ',
  'Value ({{currency}})': '評価額（{{currency}}）',
  '{{share}} of the portfolio': 'ポートフォリオの {{share}}',
  'Rows of {{file}} that were not imported': '{{file}} のうちインポートされなかった行',
  "A theme's value is each position's value times its weight, summed. Untagged is what no theme claims; cash is a part of it. Shares are rounded each on its own, so they may not add up to exactly 100%. As of {{date}}.":
    'テーマの評価額は、各銘柄の評価額にウェイトを掛けて合計したものです。未タグはどのテーマにも属さない分で、現金はその内数です。構成比はそれぞれ個別に丸めているため、合計がちょうど 100% にならないことがあります。{{date}} 時点。',
  '{{points}} pts': '{{points}} ポイント',
  'Target {{share}} ± {{band}} points; now {{drift}} outside the band': '目標 {{share}} ± {{band}} ポイント。現在の乖離 {{drift}} で許容幅外です',
  'Target {{share}} ± {{band}} points; now {{drift}} within the band': '目標 {{share}} ± {{band}} ポイント。現在の乖離 {{drift}} で許容幅内です',
  'outside the band': '許容幅外',
  'Values shown': '表示する値',
  Net: 'ネット',
  'Long · short · gross': 'ロング・ショート・グロス',
  'Nothing to chart: every theme and Untagged come to {{zero}} in this snapshot. Long · short · gross, under the chart, shows what offsets what.':
    'グラフにする評価額がありません。このスナップショットでは、すべてのテーマと未タグが {{zero}} です。グラフの下の「ロング・ショート・グロス」で、何が何を相殺しているかを確認できます。',
  Copied: 'コピーしました',
  'Could not copy': 'コピーできませんでした',
  'Copy the whole table (net, long, short, gross, share, positions)': '表全体をコピー（ネット・ロング・ショート・グロス・構成比・銘柄数）',
  'Copy table': '表をコピー',
  Value: '評価額',
  Long: 'ロング',
  Short: 'ショート',
  Gross: 'グロス',
  Share: '構成比',
  'Target · drift': '目標 · 乖離',
  'Pos.': '銘柄数',

  // Themes dialog
  'Themes and tagging': 'テーマとタグ付け',
  'Read-only: themes, tags, rules and suggestions can be read here, but changes cannot be saved.': '読み取り専用：ここではテーマ、タグ、ルール、提案を閲覧できますが、変更は保存できません。',
  // Its tab for sharing themes and tags with colleagues (not a share of the portfolio).
  Share_files: '共有',
  Themes: 'テーマ',
  Suggestions: '提案',
  Rules: 'ルール',
  'Fund look-through': 'ファンドのルックスルー',
  'Needs review': '要確認',
  'Tag history': 'タグの履歴',
  Color: '色',
  Name: '名前',
  Pack: 'パック',
  'Color of {{name}}': '{{name}} の色',
  'Name of {{name}}': '{{name}} の名前',
  'Description of {{name}}': '{{name}} の説明',
  'Pack of {{name}}': '{{name}} のパック',
  'Move {{name}} up': '{{name}} を上へ移動',
  'Move {{name}} down': '{{name}} を下へ移動',
  'Delete with its tags?': 'タグごと削除しますか？',
  'Delete with its sub-theme and all their tags?': 'サブテーマと、そのすべてのタグごと削除しますか？',
  'Delete with its {{n}} sub-themes and all their tags?': '{{n}} 個のサブテーマと、そのすべてのタグごと削除しますか？',
  'Delete {{name}}': '{{name}} を削除',
  Delete: '削除',
  'New theme name': '新しいテーマの名前',
  'New theme, e.g. Space economy': '新しいテーマ（例: 宇宙経済）',
  'Put the new theme under': '新しいテーマの親',
  'Top-level theme': '最上位のテーマ',
  'Under {{name}}': '{{name}} の下',
  'Add theme': 'テーマを追加',
  'Restore default themes': '既定のテーマに戻す',
  Symbol: '銘柄コード',
  All: 'すべて',
  'Changed since': '変更日（指定日以降）',
  Before: '変更前',
  After: '変更後',
  // How a tag was set (手動, ルール, 提案…), in Top contributors and Tag history: not a citation (出典).
  Source: '設定方法',
  'No tag changes for {{symbol}} since {{date}}.': '{{date}} 以降、{{symbol}} のタグの変更はありません。',
  'No tag changes for {{symbol}}.': '{{symbol}} のタグの変更はありません。',
  'No tag changes since {{date}}.': '{{date}} 以降、タグの変更はありません。',
  'No tag changes.': 'タグの変更はありません。',
  manual: '手動',
  rule: 'ルール',
  suggestion: '提案',
  'look-through': 'ルックスルー',
  imported: 'インポート',
  linked: '紐付け',

  // Security tooltip
  'US listing': '米国上場',
  'listed on {{market}}': '{{market}} 上場',
  'Needs review: {{detail}}': '要確認: {{detail}}',
  'identified by {{detail}}': '{{detail}} で特定',
  'not in the security master: tagged by its own symbol': '銘柄マスターにありません（銘柄コードでタグ付け）',
  'takes the tags of {{key}} ({{reason}})': '{{key}} のタグを使用（{{reason}}）',
  'another listing of the same company': '同一企業の別市場での上場',
  'linked by you': '手動で紐付け',
  'the same security': '同一銘柄',

  // Compare
  New: '新規',
  Gone: '解消',
  'Value up': '評価額増',
  'Value down': '評価額減',
  Unchanged: '変化なし',
  quantity: '数量',
  price: '価格',
  'themed by tags': 'タグによるテーマ分',
  '1 position did not change and is not listed.': '変化のなかった 1 件の保有銘柄は表示していません。',
  '{{n}} positions did not change and are not listed.': '変化のなかった {{n}} 件の保有銘柄は表示していません。',
  To: '比較先',
  'Import a second holdings file into this portfolio to compare two snapshots.':
    '2 つのスナップショットを比較するには、このポートフォリオに 2 つ目の保有銘柄ファイルをインポートしてください。',
  'Change per theme': 'テーマ別の増減',
  'Per theme: {{from}} → {{to}} total': 'テーマ別: 合計 {{from}} → {{to}}',
  Change: '増減',
  Quantity: '数量',
  Price: '価格',
  'Change per position': '銘柄別の増減',
  'Per position': '銘柄別',
  'The {{shown}} largest changes of {{n}} are listed; the filters choose among them.': '変化した {{n}} 件のうち、変化の大きい {{shown}} 件を表示しています。絞り込みはこの中から選びます。',
  Show: '表示',
  Account: '口座',
  Status: '状態',
  'Quantity effect: the change in quantity at the old price. Price effect: the rest of the value change (FX included). Tag effect: themed value that moved because weights changed between the two snapshots.':
    '数量要因: 旧価格での数量の変化分。価格要因: 評価額の変化の残り（為替を含む）。タグ要因: 2 つのスナップショットの間でウェイトが変わったために動いたテーマの評価額。',
  'Quantity effect': '数量要因',
  'Price effect': '価格要因',
  'Tag effect': 'タグ要因',

  // Overlap
  'Theme overlap': 'テーマの重複',
  'Theme overlap, {{date}}': 'テーマの重複（{{date}}）',
  'Each cell is the whole value of the positions tagged with both themes, whatever their weights (on the diagonal: the positions tagged with that theme at all), and its share of the portfolio. So a diagonal cell is more than that theme under Themes, which counts each position at its weight.':
    '各セルは、両方のテーマのタグが付いた保有銘柄の評価額の全額（ウェイトに関係なく）と、ポートフォリオに占める割合です（対角線: そのテーマのタグが付いた保有銘柄すべて）。そのため対角線の額は、各銘柄をウェイト分だけ数える「テーマ」のエクスポージャーより大きくなります。',
  'No position in both': '両方に属する銘柄はありません',

  // Themes view
  Other: 'その他',
  'Other ({{n}} positions)': 'その他（{{n}} 銘柄）',
  'Portfolio by theme, {{date}}': 'テーマ別ポートフォリオ（{{date}}）',
  "Donut chart of the portfolio's shares by theme": 'ポートフォリオのテーマ別構成比のドーナツグラフ',
  '{{name}} - themes donut {{date}}': '{{name}} - テーマ別ドーナツ {{date}}',
  'Net short, not drawn: {{list}}.': 'ネットでショートのため表示していません: {{list}}。',
  'Themes and their largest positions, {{date}}': 'テーマと主な銘柄（{{date}}）',
  'Treemap of each theme split into its largest positions': '各テーマを主な銘柄に分けたツリーマップ',
  '{{name}} - themes treemap {{date}}': '{{name}} - テーマ別ツリーマップ {{date}}',
  'Theme: position': 'テーマ: 銘柄',
  'Account and weight': '口座とウェイト',
  "No position is tagged yet: tag positions on the Positions tab (or accept the pack's suggestions in Themes…) to see each theme split into its positions.":
    'タグ付けされた銘柄はまだありません。「保有銘柄」タブで銘柄にタグを付ける（または「テーマ…」でパックの提案を採用する）と、各テーマの銘柄の内訳が表示されます。',
  'Top contributors by theme': 'テーマ別の主な寄与銘柄',
  'Top contributors': '主な寄与銘柄',
  '1 position': '1 銘柄',
  '{{n}} positions': '{{n}} 銘柄',
  'No position is tagged with this theme.': 'このテーマでタグ付けされた銘柄はありません。',
  'Position value': '銘柄の評価額',
  Weight: 'ウェイト',
  Contribution: '寄与額',
  '{{source}} (via {{theme}})': '{{source}}（{{theme}} 経由）',
};
