/** The shell: toolbar, language, menus. */
export const COMMON: Record<string, string> = {
  Language: '言語',
  'Report language': 'レポートの言語',
  Snapshot: 'スナップショット',
  '{{date}} · {{file}} (latest)': '{{date}} · {{file}}（最新）',
  // One English word, two meanings: the variant is chosen with t(key, { context }).
  Description: '銘柄名',
  Description_theme: '説明',
  Positions: '銘柄数',
  Positions_section: '銘柄一覧',
  Why: '理由',
  Why_rationale: '根拠',
  Size: 'サイズ',
  Size_project: '規模',
  When: '日時',
  When_rule: '条件',
  From: '比較元',
  // A rate's source: a rates file's name or 手入力.
  From_source: '入手元',
  // A fund's constituents (組入銘柄), not the user's own holdings (保有銘柄).
  Holdings_count: '組入銘柄数',
  "1 of your holdings fits the themes of Japan's first US investment projects (1 theme): the pack suggests how to tag it.":
    '保有銘柄のうち 1 銘柄が、日本の対米投資プログラム第1弾案件のテーマ（1 テーマ）に当てはまります。パックがタグ付けを提案します。',
  "1 of your holdings fits the themes of Japan's first US investment projects ({{themes}} themes): the pack suggests how to tag it.":
    '保有銘柄のうち 1 銘柄が、日本の対米投資プログラム第1弾案件のテーマ（{{themes}} テーマ）に当てはまります。パックがタグ付けを提案します。',
  "{{holdings}} of your holdings fit the themes of Japan's first US investment projects (1 theme): the pack suggests how to tag them.":
    '保有銘柄のうち {{holdings}} 銘柄が、日本の対米投資プログラム第1弾案件のテーマ（1 テーマ）に当てはまります。パックがタグ付けを提案します。',
  "{{holdings}} of your holdings fit the themes of Japan's first US investment projects ({{themes}} themes): the pack suggests how to tag them.":
    '保有銘柄のうち {{holdings}} 銘柄が、日本の対米投資プログラム第1弾案件のテーマ（{{themes}} テーマ）に当てはまります。パックがタグ付けを提案します。',
  Portfolio: 'ポートフォリオ',
  'as of {{date}}': '{{date}} 時点',
  'Add, rename, recolor and order themes; tag history': 'テーマの追加・名前変更・色と並び順の変更、タグの履歴',
  'Themes…': 'テーマ…',
  'Verified copies of your data; restore one': '検証済みのデータのコピー（復元できます）',
  'Backups…': 'バックアップ…',
  'Undo: {{action}} (Ctrl+Z)': '元に戻す: {{action}}（Ctrl+Z）',
  'Nothing to undo': '元に戻す操作はありません',
  'Undo {{action}}': '{{action}} を元に戻す',
  Undo: '元に戻す',
  'Redo: {{action}} (Ctrl+Shift+Z)': 'やり直す: {{action}}（Ctrl+Shift+Z）',
  'Nothing to redo': 'やり直す操作はありません',
  'Redo {{action}}': '{{action}} をやり直す',
  Redo: 'やり直す',
  'Import holdings (Ctrl+O)': '保有銘柄をインポート（Ctrl+O）',
  'Import holdings…': '保有銘柄をインポート…',
  'Revalue the latest holdings at the prices in a file (symbol, price, currency, date): a new snapshot':
    'ファイルの価格（銘柄コード・価格・通貨・日付）で最新の保有銘柄を再評価します（新しいスナップショット）',
  'Update prices…': '価格を更新…',
  'Export report: PDF, XLSX, CSV, HTML or JSON, with a preview (Ctrl+E)': 'レポートを出力: PDF・XLSX・CSV・HTML・JSON、プレビュー付き（Ctrl+E）',
  'Export report…': 'レポートを出力…',
};
