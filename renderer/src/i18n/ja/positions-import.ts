/** Japanese for the positions-import area of the interface (English text -> Japanese). */
export const POSITIONS_IMPORT: Record<string, string> = {
  // Shared words of this area
  Cancel: 'キャンセル',
  Total: '合計',
  Untagged: '未タグ',
  Theme: 'テーマ',
  Name: '名前',
  Delete: '削除',
  'Delete…': '削除…',
  Rename: '名前を変更',
  Import: 'インポート',

  // View tabs (analytics/ViewTabs.tsx)
  Views: 'ビュー',
  Positions_view: '保有銘柄',
  Themes: 'テーマ',
  Accounts: '口座',
  Currencies: '通貨',
  Overlap: '重複',
  History: '推移',
  Compare: '比較',
  Scenarios: 'シナリオ',
  Household: '世帯',
  Portfolios: 'ポートフォリオ一覧',

  // Positions table (positions/PositionsTable.tsx)
  Account: '口座',
  Symbol: '銘柄コード',
  Quantity: '数量',
  Value: '評価額',
  'Value ({{currency}})': '評価額（{{currency}}）',
  rule: 'ルール',
  suggestion: '提案',
  imported: 'インポート',
  'via holdings': 'ルックスルー',
  'same security': '同一銘柄',
  'Tag 1 security {{theme}}': '1 銘柄を「{{theme}}」にタグ付け',
  'Tag {{n}} securities {{theme}}': '{{n}} 銘柄を「{{theme}}」にタグ付け',
  '{{shown}} of {{total}} positions · {{file}}': '{{total}} 銘柄中 {{shown}} 銘柄 · {{file}}',
  '{{total}} positions · {{file}}': '{{total}} 銘柄 · {{file}}',
  '1 position · {{file}}': '1 銘柄 · {{file}}',
  'Search symbol, name, account': '銘柄コード・銘柄名・口座で検索',
  'Search positions': '保有銘柄を検索',
  'Show positions of theme': 'テーマで絞り込み',
  'All themes': 'すべてのテーマ',
  'Untagged only': '未タグのみ',
  Cash: '現金',
  'Needs review': '要確認',
  'No exchange rate from {{from}} to {{to}}': '{{from}} から {{to}} への為替レートがありません',
  'Tag {{symbol}}': '{{symbol}} にタグ付け',
  'Remove {{theme}} from {{symbol}}': '{{symbol}} から「{{theme}}」を削除',
  'Untag {{symbol}}': '{{symbol}} のタグを外す',
  'Edit the tags of {{symbol}}': '{{symbol}} のタグを編集',
  'Fully tagged: pick one of its themes to change its weight': 'タグ付け済み（100%）: ウェイトを変更するには、いずれかのテーマを選んでください',
  'Tag with a theme (Enter)': 'テーマでタグ付け（Enter）',
  '+ Tag': '+ タグ',
  'Showing the {{shown}} largest of {{total}} positions; exports include them all.':
    '全 {{total}} 銘柄のうち評価額の大きい {{shown}} 銘柄を表示しています。出力ファイルにはすべての銘柄が含まれます。',
  'Loading positions…': '保有銘柄を読み込み中…',
  'Loading all positions…': 'すべての保有銘柄を読み込み中…',
  'The positions changed value while they loaded (an exchange rate changed). Choose the portfolio again.': '読み込み中に保有銘柄の評価額が変わりました（為替レートが変更されました）。ポートフォリオを選び直してください。',
  'Loading positions: {{loaded}} of {{total}}…': '保有銘柄を読み込み中: {{total}} 件中 {{loaded}} 件…',
  'No position matches "{{query}}".': '「{{query}}」に一致する銘柄はありません。',
  'Every position is fully tagged.': 'すべての保有銘柄がタグ付け済みです。',
  'No position matches these filters.': 'この条件に一致する銘柄はありません。',

  // Import dialog (import/ImportDialog.tsx)
  'Windows-1252 (Western Europe)': 'Windows-1252（西欧）',
  'ISO-8859-1 (Latin-1)': 'ISO-8859-1（ラテン1）',
  'Shift_JIS / CP932 (Japanese)': 'Shift_JIS / CP932（日本語）',
  'EUC-JP (Japanese)': 'EUC-JP（日本語）',
  'Comma ,': 'カンマ ,',
  'Semicolon ;': 'セミコロン ;',
  Tab: 'タブ',
  'Pipe |': 'パイプ |',
  'My portfolio': 'マイポートフォリオ',
  'Generic CSV': '汎用 CSV',
  'Import {{file}}': '{{file}} をインポート',
  'Import into': 'インポート先',
  '{{name}} (new snapshot)': '{{name}}（新しいスナップショット）',
  'New portfolio…': '新しいポートフォリオ…',
  'Portfolio name': 'ポートフォリオ名',
  'Base currency': '基準通貨',
  'Holdings as of': '保有銘柄の基準日',
  'Date read from the file': 'ファイルから読み取った日付',
  'The file states no date; today is used unless you pick one': 'ファイルに日付がありません。日付を選ばない場合は今日の日付を使います',
  'A portfolio with this name exists; choose it above to add a snapshot.':
    'この名前のポートフォリオは既にあります。スナップショットを追加するには上で選んでください。',
  '{{format}} · {{encoding}} · header on line {{line}} · your saved column mapping':
    '{{format}} · {{encoding}} · 見出し行: {{line}} 行目 · 保存済みの列の対応付け',
  '{{format}} · {{encoding}} · header on line {{line}}': '{{format}} · {{encoding}} · 見出し行: {{line}} 行目',
  'Reading the file…': 'ファイルを読み込み中…',
  Encoding: '文字コード',
  Delimiter: '区切り文字',
  'Decimal separator': '小数点',
  Automatic: '自動',
  'Automatic: point (1,234.56)': '自動: ピリオド (1,234.56)',
  'Automatic: comma (1.234,56)': '自動: カンマ (1.234,56)',
  'Automatic: differs by column': '自動: 列ごとに異なる',
  'Point (1,234.56)': 'ピリオド (1,234.56)',
  'Comma (1.234,56)': 'カンマ (1.234,56)',
  'Remember these columns for files with the same header row': '見出し行が同じファイルにはこの列の対応付けを使う',
  'First rows as ThemeLens reads them: {{bad}} of {{rows}} cannot be read yet (hover a red cell to see why; map a column or fix the file).':
    'ThemeLens が読み取った先頭の行です。{{rows}} 行中 {{bad}} 行はまだ読み取れません（赤いセルにポインターを合わせると理由が表示されます。列を対応付けるか、ファイルを修正してください）。',
  'First rows as ThemeLens reads them.': 'ThemeLens が読み取った先頭の行です。',
  'Figures are read with a decimal comma, as saved with your column mapping for this header row. To read them otherwise, choose under Decimal separator.':
    'この見出し行に保存した列の対応付けのとおり、カンマを小数点として数値を読みます。別の読み方にするには「小数点」で選んでください。',
  'Figures are read with a decimal point, as saved with your column mapping for this header row. To read them otherwise, choose under Decimal separator.':
    'この見出し行に保存した列の対応付けのとおり、ピリオドを小数点として数値を読みます。別の読み方にするには「小数点」で選んでください。',
  '{{cell}} (line {{line}}, {{header}}) could be {{read}} or {{other}}: it is read as {{read}}, with a decimal comma as usual in a file delimited by semicolons. If the file writes 1,234.56, choose Point under Decimal separator.':
    '{{cell}}（{{line}} 行目、{{header}}）は {{read}} とも {{other}} とも読めます。セミコロン区切りのファイルの慣例どおり、カンマを小数点として {{read}} と読みます。ファイルが 1,234.56 の書き方であれば、「小数点」で「ピリオド」を選んでください。',
  '{{cell}} (line {{line}}, {{header}}) could be {{read}} or {{other}}: it is read as {{read}}, with a decimal point as usual in a file not delimited by semicolons. If the file writes 1.234,56, choose Comma under Decimal separator.':
    '{{cell}}（{{line}} 行目、{{header}}）は {{read}} とも {{other}} とも読めます。セミコロン区切りでないファイルの慣例どおり、ピリオドを小数点として {{read}} と読みます。ファイルが 1.234,56 の書き方であれば、「小数点」で「カンマ」を選んでください。',

  // Rows that could not be read (import/IssuesTable.tsx)
  Line: '行',
  Column: '列',
  Cell: 'セル',
  Problem: '問題',

  // Encryption (backups/EncryptionSetting.tsx)
  'Encryption at rest': '保存データの暗号化',
  'Checking…': '確認中…',
  'On: the database and its backups are encrypted, with a key kept in this computer’s key store.':
    'オン: データベースとそのバックアップは、このコンピューターのキーストアに保管された鍵で暗号化されています。',
  'Show key for the command line…': 'コマンドライン用の鍵を表示…',
  'The command line opens this database with': 'コマンドラインでは、環境変数',
  'set to this key. Anyone with it and the file can read your portfolios.':
    'にこの鍵を設定してこのデータベースを開きます。この鍵とファイルがあれば、誰でもポートフォリオを閲覧できます。',
  'Database key': 'データベースの鍵',
  Hide: '非表示',
  'Off. It cannot be turned on here. {{reason}}': 'オフ。この環境では有効にできません。{{reason}}',
  'Off. Turned on, the database and every backup are encrypted with a key kept in this computer’s key store; ThemeLens restarts to do it.':
    'オフ。オンにすると、データベースとすべてのバックアップがこのコンピューターのキーストアに保管された鍵で暗号化されます（そのために ThemeLens が再起動します）。',
  'Encrypt the database…': 'データベースを暗号化…',
  'Without this computer’s key store (your login keyring) the database cannot be opened. Encrypt and restart?':
    'このコンピューターのキーストア（ログインキーリング）がないと、データベースを開けなくなります。暗号化して再起動しますか？',
  'Encrypt and restart': '暗号化して再起動',
  'ThemeLens is restarting to encrypt the database…': 'データベースを暗号化するため、ThemeLens を再起動しています…',

  // Damaged database at start-up (backups/RecoveryPrompt.tsx)
  'taken before an import': 'インポート前に作成',
  'taken before an upgrade': 'アップグレード前に作成',
  'made by you': '手動で作成',
  'taken before a restore': '復元前に作成',
  'Your database was damaged': 'データベースが破損していました',
  'ThemeLens found its database damaged at start-up. The damaged file was moved aside, unchanged, to':
    'ThemeLens の起動時にデータベースの破損が見つかりました。破損したファイルは変更せずに',
  '. Nothing was deleted.': 'へ移動しました。削除されたものはありません。',
  'The newest backup that passes its integrity check is from': '整合性チェックに合格した最新のバックアップは',
  '({{reason}}, {{file}}). Restore it, or start with an empty database (the backup stays available under Backups).':
    'のものです（{{reason}}、{{file}}）。このバックアップを復元するか、空のデータベースで開始してください（バックアップは「バックアップ」からいつでも使えます）。',
  'There is no verified backup to restore: ThemeLens starts with an empty database.':
    '復元できる検証済みのバックアップがありません。ThemeLens は空のデータベースで開始します。',
  'Restored. ThemeLens is restarting…': '復元しました。ThemeLens を再起動しています…',
  'Start empty': '空で開始',
  'Restore this backup': 'このバックアップを復元',

  // Exposure summary for the clipboard (analytics/exposure-summary.ts)
  'of which cash': 'うち現金',
  'Net ({{currency}})': 'ネット（{{currency}}）',
  'Long ({{currency}})': 'ロング（{{currency}}）',
  'Short ({{currency}})': 'ショート（{{currency}}）',
  'Gross ({{currency}})': 'グロス（{{currency}}）',
  'Share (%)': '構成比（%）',

  // Portfolios overview (analytics/PortfoliosView.tsx, analytics/charts/OverviewBars.tsx)
  'Theme shares of every portfolio': '全ポートフォリオのテーマ別構成比',
  "Stacked horizontal bars of each portfolio's theme shares": '各ポートフォリオのテーマ別構成比を示す積み上げ横棒グラフ',
  'Deleted “{{name}}”.': '「{{name}}」を削除しました。',
  'Restored {{name}}.': '「{{name}}」を復元しました。',
  'Latest snapshot': '最新のスナップショット',
  Actions: '操作',
  'Client: {{client}}': '顧客: {{client}}',
  'No client': '顧客なし',
  'none yet': 'まだありません',
  'Duplicated {{name}}.': '「{{name}}」を複製しました。',
  Duplicate: '複製',
  'Rename portfolio': 'ポートフォリオの名前を変更',
  'Renamed to {{name}}.': '名前を「{{name}}」に変更しました。',
  'Client (groups portfolios)': '顧客（ポートフォリオをまとめます）',
  'Delete {{name}}?': '「{{name}}」を削除しますか？',
  'Its snapshots and positions will be deleted. Tags stay (they belong to symbols). You can undo this until you quit the app.':
    'スナップショットと保有銘柄は削除されます。タグは残ります（タグは銘柄コードに付いています）。アプリを終了するまでは元に戻せます。',

  // A portfolio's snapshots, one deletable (analytics/SnapshotsPanel.tsx)
  Snapshots: 'スナップショット',
  'Deleted the snapshot of {{date}} ({{file}}).': '{{date}} のスナップショット（{{file}}）を削除しました。',
  'Restored the snapshot of {{date}} ({{file}}).': '{{date}} のスナップショット（{{file}}）を復元しました。',
  Rows: '行数',
  Imported: 'インポート日時',
  '{{date}} (latest)': '{{date}}（最新）',
  'Delete the snapshot of {{date}} ({{file}})…': '{{date}} のスナップショット（{{file}}）を削除…',
  'Delete the snapshot of {{date}}?': '{{date}} のスナップショットを削除しますか？',
  'Delete the snapshot of {{date}}': '{{date}} のスナップショットを削除',
  "Its positions from {{file}} will be deleted, and the portfolio's figures will become those of its snapshot of {{before}}. Tags stay. You can undo this until you quit the app.":
    '{{file}} から取り込んだ保有銘柄が削除され、ポートフォリオの数値は {{before}} のスナップショットのものになります。タグは残ります。アプリを終了するまでは元に戻せます。',
  'Its positions from {{file}} will be deleted, and the portfolio will have no holdings until the next import. Tags stay. You can undo this until you quit the app.':
    '{{file}} から取り込んだ保有銘柄が削除され、次にインポートするまでポートフォリオに保有銘柄はありません。タグは残ります。アプリを終了するまでは元に戻せます。',
  'Its positions from {{file}} will be deleted; the latest figures will not change. Tags stay. You can undo this until you quit the app.':
    '{{file}} から取り込んだ保有銘柄が削除されます。最新の数値は変わりません。タグは残ります。アプリを終了するまでは元に戻せます。',

  // Default themes' projects (analytics/ProjectFacts.tsx)
  'Where the default themes come from': '既定のテーマの由来',
  "The first three projects of Japan's $550 billion US investment program, announced {{date}}.":
    '日本の 5,500 億ドル規模の対米投資プログラムの第1弾となる 3 案件です（{{date}} 発表）。',
  Sponsor: '事業主体',
  Where: '所在地',
  Announced: '発表日',
  'Source: {{title}}.': '出典: {{title}}。',

  // Exchange-rate history (analytics/RateHistory.tsx)
  'Rate history': '為替レートの推移',
  'no rates yet': 'レートはまだありません',
  '{{n}} rates, {{from}} to {{to}}': '{{n}} 件（{{from}}〜{{to}}）',
  '1 rate, {{date}}': '1 件（{{date}}）',
  'As of': '基準日',
  entered: '手入力',
  'and {{n}} older rates; all of them: themelens fx list {{currency}}': 'ほかに古いレートが {{n}} 件あります。すべて表示するには: themelens fx list {{currency}}',
  'and 1 older rate; all of them: themelens fx list {{currency}}': 'ほかに古いレートが 1 件あります。すべて表示するには: themelens fx list {{currency}}',
};
