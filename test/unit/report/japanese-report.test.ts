/**
 * A report in Japanese, every section at once (household, targets, benchmark, scenario, attribution,
 * changes, tag changes, rates, sub-themes) and the PDF's page footer: once the tags and the user's
 * own words are taken out, no English word is left. The same document in English is unchanged by
 * the language machinery (its own tests compare it byte for byte).
 */
import { brokerValuedText } from '../../../shared/fx/broker-valued';
import { describe, expect, it } from 'vitest';
import { footerTemplate } from '../../../db/report/pdf';
import { DEFAULT_PREFERENCES, documentOf, type ReportDocument } from '../../../shared/report/document';
import { renderReportHtml } from '../../../shared/report/report-html';
import { PROGRAM_PROJECTS } from '../../../shared/suggestions/projects';
import { makeReport } from '../../helpers/report';
import { exposureWarning } from '../../../shared/exposure/warnings';
import { escapeHtml } from '../../../shared/report/escape';

function richDocument(language: 'en' | 'ja'): ReportDocument {
  const themes = makeReport().themes.map((t, i) => ({
    ...t,
    value: 1000 * (i + 1), longValue: 1200 * (i + 1), shortValue: -200 * (i + 1), share: 0.05 * (i + 1), positionCount: 1,
    target: { share: 0.1, band: 0.02, drift: 0.05 * (i + 1) - 0.1, outside: i % 2 === 0 },
    benchmark: { share: 0.04, active: 0.05 * (i + 1) - 0.04 },
  }));
  themes.push({ ...themes[0]!, id: 'sub-x', name: 'Sub theme X', parentId: themes[0]!.id });
  const positions = [
    { account: 'X1', symbol: 'NVDA', symbolKey: 'NVDA', description: 'NVIDIA CORPORATION COM', quantity: 120, value: 21630, localValue: 21630, currency: 'USD', isCash: false, themes: [{ id: themes[0]!.id, weight: 0.6, value: 12978, source: 'rule' }, { id: themes[1]!.id, weight: 0.2, value: 100 }] },
    { account: 'X2', symbol: 'SAP', symbolKey: 'SAP', description: 'SAP SE', quantity: 10, value: null, localValue: 2000, currency: 'EUR', isCash: false, themes: [{ id: themes[1]!.id, weight: 0.5, value: 0, source: 'look-through' }] },
    { account: 'X1', symbol: 'CASH', symbolKey: 'CASH', description: 'Cash', quantity: null, value: 500, localValue: 500, currency: 'USD', isCash: true, themes: [] },
  ];
  const exposure = makeReport({
    clientName: 'Tanaka Taro',
    themes,
    positions,
    positionCount: 10,
    // EUR valued by the broker (its "Wert" column), as the rate list records it in English.
    fxRates: [{ currency: 'JPY', rate: '1 USD = 150.00 JPY', asOf: '2026-11-24' }, { currency: 'EUR', rate: brokerValuedText('Wert'), asOf: '2026-11-24' }],
    tagChanges: [{ symbolKey: 'NVDA', themeId: themes[0]!.id, oldWeight: 0.5, newWeight: 0.6, source: 'manual', at: '2026-11-24T00:00:00Z' }],
    // One of each warning, from its figures: said in Japanese (the English message is not the user's words).
    warnings: [
      exposureWarning('MISSING_FX', { currency: 'EUR', base: 'USD' }),
      exposureWarning('FX_NOT_AS_OF', { currency: 'EUR', asOf: '2026-11-24', rateDate: '2026-11-25', rate: '1 EUR = 1.08 USD', base: 'USD' }),
      exposureWarning('BROKER_RATE_DIFFERS', { currency: 'EUR', broker: '2,100.00', base: 'USD', column: 'Wert', rate: '1 EUR = 1.08 USD', rateDate: '2026-11-24', rated: '2,160.00', apart: '2.8' }),
      exposureWarning('TOTAL_MISMATCH', { file: 'nisa.csv', fileTotal: '100.00', rowsTotal: '0.00', difference: '100.00' }),
      exposureWarning('AMOUNT_LIMIT', { base: 'USD' }),
      exposureWarning('STALE_LOOK_THROUGH', { fund: 'SPY', fundAsOf: '2026-01-01', asOf: '2026-11-24' }),
      exposureWarning('UNRESOLVED_SECURITIES', { n: '2' }),
      { ...exposureWarning('UNPARSED_CELL', { n: '1', file: 'nisa.csv' }), message: 'Taro NISA: 1 row of nisa.csv was not imported because a cell could not be read.', of: 'Taro NISA' },
    ],
    benchmark: { symbol: 'SPY', asOf: '2026-11-01', sourceFile: 'spy.csv', coverage: 0.98 },
    portfolios: [
      { name: 'Taro NISA', snapshotId: 4, asOf: '2026-11-24', sourceFile: 'nisa.csv', baseCurrency: 'JPY', totalValue: 20000, positionCount: 3 },
      { name: 'Taro empty', snapshotId: null, asOf: null, sourceFile: null, baseCurrency: 'JPY', totalValue: 0, positionCount: 0 },
    ],
  });
  return documentOf(exposure, {
    preferences: { ...DEFAULT_PREFERENCES, adviserName: 'A. Adviser', adviserFirm: 'Firm KK', language },
    fingerprint: 'abcd-ef01-2345',
    tagNotes: [{ symbolKey: 'NVDA', themeId: themes[0]!.id, weight: 0.6, source: 'manual', rationale: 'GPU demand', sourceUrl: null }],
    previousSnapshot: { id: 1, asOf: '2026-10-01' },
    previousReport: { id: 3, generatedAt: '2026-10-02T00:00:00Z', fingerprint: '1a2b-3c4d' },
    positionChanges: (['added', 'removed', 'changed'] as const).map((kind) => ({ account: 'X1', symbolKey: 'NVDA', description: 'NVIDIA', currency: 'USD', kind, quantityBefore: 1, quantityAfter: 2, localValueBefore: 10, localValueAfter: 20 })),
    scenario: {
      baseCurrency: 'USD', totalValue: 40553.36, impact: -1234.5, impactShare: -0.03,
      themes: [{ id: themes[0]!.id, shock: -20, value: 12978, impact: -2595.6 }],
      positions: [{ symbol: 'NVDA', account: 'X1', value: 21630, impact: -2595.6 }],
      shocks: [{ themeId: themes[0]!.id, shockBp: -2000 }],
    },
    attribution: {
      from: { snapshotId: 1, asOf: '2026-10-01', totalValue: 30000 },
      to: { snapshotId: 2, asOf: '2026-11-24', totalValue: 40553.36 },
      themes: themes.slice(0, 2).map((t) => ({ id: t.id, name: t.name, color: t.color, fromValue: 1, toValue: 2, fromShare: 0.1, toShare: 0.2, quantityEffect: 1, priceEffect: 0, tagEffect: 0 })),
      counts: { new: 1, gone: 1, grown: 1, shrunk: 1, unchanged: 1 },
      positions: (['new', 'gone', 'grown', 'shrunk', 'unchanged'] as const).map((status) => ({ account: 'X1', symbolKey: 'NVDA', symbol: 'NVDA', description: 'NVIDIA', status, fromQuantity: 1, toQuantity: 2, fromValue: 1, toValue: 2, quantityEffect: 1, priceEffect: 0, tagEffect: 0, reasons: ['quantity' as const] })),
      missingCurrencies: [],
    },
    packs: ['us-japan-2026'],
  } as Partial<ReportDocument>);
}

// Fields whose values are codes the report translates (a tag's source, a change's kind): not the user's words.
const CODES = new Set(['source', 'kind', 'status', 'reasons', 'language', 'code', 'id', 'themeId', 'parentId', 'message']);

/** Every word the user (or the data) wrote in the document: kept as written in any language. */
function userWords(value: unknown, key = '', into = new Set<string>()): Set<string> {
  if (typeof value === 'string' && !CODES.has(key)) for (const w of value.match(/[A-Za-z][A-Za-z'-]*/g) ?? []) into.add(w);
  else if (Array.isArray(value)) value.forEach((v) => userWords(v, key, into));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) userWords(v, k, into);
  return into;
}

describe('a report in Japanese', () => {
  it('has no English word left besides the user’s own words, codes and names', () => {
    const doc = richDocument('ja');
    const html = renderReportHtml(doc) + footerTemplate(doc);
    expect(html).toContain('<html lang="ja">');
    // A client reads these pages: no warning names a command to type ("themelens fx EUR RATE --to USD").
    expect(html).not.toMatch(/themelens /);
    const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');
    // The project sources are English articles, cited by their titles.
    const allowed = userWords({ doc, sources: PROGRAM_PROJECTS.flatMap((p) => p.sources) });
    // Theme ids name the themes in the positions and tag-change columns, as in English; "SB" is SBエナジー.
    for (const w of ['ThemeLens', 'UTC', 'GW', 'SB', ...doc.exposure.themes.map((t) => t.id)]) allowed.add(w);
    const left = [...new Set(text.match(/[A-Za-z][A-Za-z'-]*/g) ?? [])].filter((w) => !allowed.has(w));
    expect(left).toEqual([]);
    for (const words of ['評価額合計', '算出方法', '免責事項', 'オハイオ州ポーツマスの天然ガス火力発電所', 'ページ']) expect(text).toContain(words);
    expect(text).toContain('nisa.csv に記載の合計は 100.00 ですが、インポートした保有銘柄の合計は 0.00 です（差額 100.00）。');
    expect(text).toContain('Taro NISA: nisa.csv の 1 行は、読み込めないセルがあったためインポートされていません。');
    expect(text).toContain('証券会社の評価額（「Wert」）');
    // Everywhere a rate is named, the cover's "rests on" line too: the English words are the user's
    // own here only by way of the rate list's text, so they are looked for as a phrase.
    expect(text).not.toContain('valued by the broker');
    // Labels read aloud (charts) are Japanese too.
    const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]!);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('names the default themes in Japanese where the user left their names as shipped, and keeps a name the user wrote', () => {
    const ja = renderReportHtml(richDocument('ja'));
    for (const name of ['データセンター・インフラ', '原油物流', 'ダイヤモンド半導体', 'Sub theme X']) expect(ja).toContain(name);
    expect(ja).not.toContain('Data-center infrastructure');
    // The user renamed the theme: every copy of its name in the document is theirs.
    const renamed = JSON.parse(JSON.stringify(richDocument('ja')).replaceAll('"Data-center infrastructure"', '"AI のデータセンター"')) as ReportDocument;
    const html = renderReportHtml(renamed);
    expect(html).toContain('AI のデータセンター');
    expect(html).not.toContain('データセンター・インフラ');
    const en = renderReportHtml(richDocument('en'));
    for (const name of ['Data-center infrastructure', 'Crude-oil logistics', 'Diamond semiconductors']) expect(en).toContain(name);
    expect(en).not.toContain('原油物流');
  });

  it('the same document in English has the English words (the check above would catch a report left in English)', () => {
    const doc = richDocument('en');
    const html = renderReportHtml(doc) + footerTemplate(doc);
    expect(html).toContain('<html lang="en">');
    for (const words of ['Total value', 'Methodology', 'Disclaimer', 'Portsmouth, Ohio natural-gas power plant', 'Page ']) expect(html).toContain(words);
    // Each warning reads as its English message (the command line's, from the same figures), but for
    // the command that fixes it: a client reads these pages.
    for (const w of doc.exposure.warnings) expect(html).toContain(escapeHtml(w.message.replace(/ \(themelens [^)]*\)/, '').replace(/\. Add (a rate|the rate of that day)\.$/, '')));
    expect(html).toContain('No exchange rate from EUR to USD: the positions in EUR are left out of the totals until a rate is added.');
    expect(html).not.toMatch(/themelens /);
    // A position's change is said by value (one of each status): "value up", never "grown" (read as more bought).
    expect(html).toContain('1 new, 1 gone, 1 up in value, 1 down in value, 1 unchanged');
    expect(html).toContain('<td>value up</td>');
    expect(html).not.toMatch(/\bgrown\b/);
    expect(html).toContain('valued by the broker ("Wert")');
  });
});
