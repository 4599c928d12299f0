/** Japanese for page 1 of a report (the answer) and the title and disclaimer left at their defaults. */
import { DEFAULT_DISCLAIMER } from '../disclaimer';

export const ANSWER: Record<string, string> = {
  'Theme exposure': 'テーマ・エクスポージャー',
  [DEFAULT_DISCLAIMER]:
    '本レポートは、記載のテーマのウェイトと為替レートを用いて、一つのスナップショットの保有銘柄が投資テーマにどれだけ関わっているかを示すものです。本レポートは投資助言、推奨または勧誘を目的としたものではなく、リスクや運用成績を測定するものでもありません。',
  'Portfolios {{names}}': 'ポートフォリオ: {{names}}',
  'Prepared by {{adviser}}': '作成者: {{adviser}}',
  'Holdings files {{files}}': '保有銘柄ファイル: {{files}}',
  'Holdings file {{file}}': '保有銘柄ファイル: {{file}}',
  'Generated {{date}}': '作成日: {{date}}',
  '({{weight}} of {{value}})': '（{{value}} の {{weight}}）',
  none: 'なし',
  Untagged: '未タグ',
  'of which cash {{cash}} ({{share}})': 'うち現金 {{cash}}（{{share}}）',
  'every position is in {{currency}}, no exchange rate used': '全銘柄が {{currency}} 建てのため為替レートは不使用',
  'Prepared for {{client}}': '{{client}} 様',
  fingerprint: 'フィンガープリント',
  'Total value {{total}} as of {{date}} (base currency {{currency}})': '評価額合計 {{total}}（{{date}} 時点、基準通貨 {{currency}}）',
  Theme: 'テーマ',
  'Value ({{currency}})': '評価額（{{currency}}）',
  Share: '構成比',
  'Largest contributors': '主な寄与銘柄',
  'Each share is rounded on its own: those above add up to {{sum}}, not 100.0%.': '構成比はそれぞれ個別に丸めているため、上の構成比の合計は 100.0% ではなく {{sum}} です。',
  'Rests on: {{packs}}exchange rates: {{rates}}{{warnings}}.': '前提: {{packs}}為替レート: {{rates}}{{warnings}}。',
  'themes from {{packs}}; ': 'テーマの出典 {{packs}}、',
  '; 1 warning on the next page': '、次ページに警告 1 件',
  '; {{n}} warnings on the next page': '、次ページに警告 {{n}} 件',
};
