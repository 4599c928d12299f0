// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { initialLanguage, currentLanguage, setLanguage } from '../../../renderer/src/i18n';
import { JAPANESE } from '../../../renderer/src/i18n/ja';
import { formatDate, formatMoney, formatPoints } from '../../../renderer/src/format';
import { installBridge, makePortfolio } from './fake-bridge';
import { ProjectFacts } from '../../../renderer/src/analytics/ProjectFacts';
import { DEFAULT_THEMES } from '../../../shared/domain/default-themes';
import { placeholders, scanRenderer } from './i18n-coverage';
import { fillTemplate } from '../../../shared/text/fill';
import { CHECK_TEXT } from '../../../shared/import/checks';
import { i18n } from '../../../renderer/src/i18n';
import { checkWords } from '../../../renderer/src/import/check-words';
import { checkText } from '../../../shared/import/checks';
import { WARNING_TEXT, WARNING_TEXT_ONE, WARNING_TEXT_PLAIN, WARNING_TEXT_PLAIN_ONE, exposureWarning } from '../../../shared/exposure/warnings';
import { warningWords } from '../../../renderer/src/analytics/warning-words';
import { FATAL_TEXT, fatalError } from '../../../shared/import/fatal-text';
import type { FatalParseError } from '../../../shared/import/types';
import { fatal, invalidRows } from '../../../db/import/import-errors';
import { CELL_NOTE_TEXT, CELL_PROBLEM_TEXT, INVALID_ROWS_TEXT, ROW_TEXT, rowIssue, rowReason } from '../../../shared/import/row-text';
import { saidWords } from '../../../renderer/src/said-words';
import { TAG_FILE_TEXT } from '../../../shared/tags/tag-file-text';
import { ERROR_TEXT, saidError } from '../../../shared/api/error-text';
import { FILE_KIND, FILE_TEXT, fileRefusal } from '../../../shared/api/file-text';
import type { AppError } from '../../../shared/api/errors';
import { failureWords } from '../../../renderer/src/failure-words';
import { importErrorWords } from '../../../renderer/src/import/import-error-words';
import type { ApiFailure } from '../../../renderer/src/api';
import { OR, RESOLVE_TEXT } from '../../../shared/securities/resolve-text';
import { resolutionWords, securityTitle } from '../../../renderer/src/positions/security-title';

afterEach(async () => {
  cleanup();
  await act(() => setLanguage('en'));
});

describe('the interface language', () => {
  it('follows the system until the user chooses, and falls back to English', () => {
    expect(initialLanguage(null, ['ja-JP', 'en-US'])).toBe('ja');
    expect(initialLanguage(null, ['de-DE', 'ja'])).toBe('ja');
    expect(initialLanguage(null, ['de-DE', 'fr-FR'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
    expect(initialLanguage('en', ['ja-JP'])).toBe('en');
    expect(initialLanguage('ja', ['en-US'])).toBe('ja');
    expect(initialLanguage('klingon', ['en-GB'])).toBe('en');
  });

  it('formats numbers and dates as Japan does in the Japanese interface, as the system does in English', async () => {
    Object.defineProperty(navigator, 'language', { value: 'de-DE', configurable: true });
    try {
      expect(formatMoney(1234.5, 'EUR').replace(/\s/g, ' ')).toBe('1.234,50 €');
      expect(formatPoints(0.052)).toBe('+5.2 pts');
      expect(formatPoints(0.0001)).toBe('0.0 pts'); // no sign on a difference of nothing
      await act(() => setLanguage('ja'));
      expect(formatMoney(1234567, 'JPY')).toBe('￥1,234,567');
      expect(formatDate('2026-11-24')).toBe('2026/11/24');
      // The benchmark's and the targets' differences in the window's language, as the report's.
      expect(formatPoints(-0.012)).toBe('-1.2 ポイント');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).language;
    }
  });
});

describe("an import's checks", () => {
  const sign = { kind: 'sign', count: 3, first: { line: 22, label: 'AAPL', quantity: '10', price: '150', valueCents: -150000 } } as const;

  it('read in English as the command line prints them, and in Japanese with the same figures', async () => {
    expect(checkWords(i18n.t, sign)).toBe(checkText(sign));
    const total = { kind: 'total', fileCents: 10000, rowsCents: 0 } as const;
    expect(checkWords(i18n.t, total)).toBe(checkText(total));
    await act(() => setLanguage('ja'));
    expect(checkWords(i18n.t, sign)).toBe(
      '3 銘柄の評価額の符号が「数量 × 価格」と逆です（最初は 22 行目、AAPL: 10 × 150、評価額 -1,500.00）。ファイルのとおりに取り込みました。評価額の列が時価評価額でない（損益など）場合は、正しい列を割り当ててください。',
    );
    expect(checkWords(i18n.t, { kind: 'computed', count: 1, first: { ...sign.first, valueCents: 150000 } })).toMatch(/^1 銘柄はファイルに評価額がないため、「数量 × 価格」を評価額としました（22 行目、AAPL: 10 × 150 = 1,500.00）/);
  });

  it("figures follow the user's locale in the English interface (the command line's stay 1,500.00)", () => {
    Object.defineProperty(navigator, 'language', { value: 'de-DE', configurable: true });
    try {
      expect(checkWords(i18n.t, sign)).toContain('value -1.500,00)');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).language;
    }
  });
});

/** Templates the code gives t() by name, not as literals (the scan below cannot see them): each has its Japanese, with the same figures. */
function expectJapaneseFor(templates: Readonly<Record<string, string>>): void {
  for (const [name, english] of Object.entries(templates)) {
    expect(JAPANESE[english], name).toBeDefined();
    expect(placeholders(JAPANESE[english] ?? ''), name).toEqual(placeholders(english));
  }
}

describe('exposure warnings', () => {
  const params = { currency: 'EUR', base: 'USD', asOf: '2026-11-24', rateDate: '2026-11-25', rate: '1 EUR = 1.08 USD', broker: '2,100.00', column: 'Wert', rated: '2,160.00', apart: '2.8', file: 'a.csv', fileTotal: '100.00', rowsTotal: '0.00', difference: '100.00', fund: 'SPY', fundAsOf: '2026-01-01', n: '2', line: '22', earlier: '12', label: 'AAPL', quantity: '10', price: '150', value: '-1,500.00', fromAsOf: '2026-09-30', symbols: 'KMI, BND' };
  // The window writes a warning's dates as it writes every date.
  const shown = { ...params, asOf: 'Nov 24, 2026', rateDate: 'Nov 25, 2026', fundAsOf: 'Jan 1, 2026', fromAsOf: 'Sep 30, 2026' };
  const codes = Object.keys(WARNING_TEXT) as (keyof typeof WARNING_TEXT)[];

  it('each has its Japanese, with the same figures, said of one position too', () => {
    expectJapaneseFor(WARNING_TEXT);
    expectJapaneseFor(WARNING_TEXT_ONE);
    expectJapaneseFor(WARNING_TEXT_PLAIN);
    expectJapaneseFor(WARNING_TEXT_PLAIN_ONE);
  });

  it("an import's checks have their Japanese, with the same figures", () => expectJapaneseFor(CHECK_TEXT));

  it('read as the command line has them in English but for the command, and in Japanese from their figures (a client report names the portfolio)', async () => {
    for (const code of codes) {
      const w = exposureWarning(code, params);
      // The window has buttons and views where the command line has commands.
      expect(warningWords(i18n.t, w)).toBe(fillTemplate(WARNING_TEXT_PLAIN[code] ?? WARNING_TEXT[code], shown));
      expect(warningWords(i18n.t, w)).not.toMatch(/themelens/);
      expect(w.message).not.toMatch(/\{\{/);
    }
    expect(warningWords(i18n.t, exposureWarning('MISSING_FX', params))).toBe('No exchange rate from EUR to USD: the positions in EUR are left out of the totals until a rate is added.');
    expect(warningWords(i18n.t, exposureWarning('UNRESOLVED_SECURITIES', { n: '1' }))).toBe('1 position could be more than one security and counts as untagged until confirmed in Needs review.');
    await act(() => setLanguage('ja'));
    expect(warningWords(i18n.t, exposureWarning('UNPARSED_CELL', params))).toBe('a.csv の 2 行は、読み込めないセルがあったためインポートされていません。');
    const ofClient = { ...exposureWarning('MISSING_FX', params), message: 'NISA: No exchange rate from EUR to USD ...', of: 'NISA' };
    expect(warningWords(i18n.t, ofClient)).toMatch(/^NISA: EUR から USD への為替レートがないため/);
    // One kept without its figures (made before they were) still reads, in English.
    expect(warningWords(i18n.t, { code: 'MISSING_FX', message: 'No exchange rate from EUR to USD.' })).toBe('No exchange rate from EUR to USD.');
  });
});

describe('what stops an import', () => {

  it('each has its Japanese, with the same figures', () => expectJapaneseFor(FATAL_TEXT));

  it('reads as the command line has it in English, placed the same way, and in Japanese from its figures', async () => {
    const failure = (e: FatalParseError): ApiFailure => {
      const err = fatal('big.csv', e);
      return { code: err.code, message: err.message, details: err.details };
    };
    const cases = [fatalError('TOO_LARGE', FATAL_TEXT.cellTooLong, { n: '150,000', limit: '100,000' }, 2, 2), fatalError('HEADER_ONLY', FATAL_TEXT.headerOnly, { line: '3' }, 3), fatalError('EMPTY_FILE', FATAL_TEXT.empty, {})];
    for (const e of cases) expect(importErrorWords(i18n.t, failure(e))).toBe(failure(e).message);
    // A message that names its file itself (refused before it is read) takes no place before it.
    const huge = { code: 'IMPORT_FATAL' as const, message: 'huge.csv is 201 MB; files up to 200 MB can be imported. Split the file and import the parts.', details: { file: 'huge.csv', text: FATAL_TEXT.fileTooLargeNamed, params: { file: 'huge.csv', mb: '201', limit: '200' }, whole: true } };
    expect(importErrorWords(i18n.t, huge)).toBe(huge.message);
    // An error without a template (an older backend, or one not yet said in Japanese) stays as it came.
    expect(importErrorWords(i18n.t, { code: 'IMPORT_FATAL', message: 'big.csv: something else.', details: { file: 'big.csv' } })).toBe('big.csv: something else.');
    await act(() => setLanguage('ja'));
    expect(cases.map((e) => importErrorWords(i18n.t, failure(e)))).toEqual([
      'big.csv の 2 行目、2 列目: このセルは 150,000 文字あります。1 セルの上限は 100,000 文字です。ファイルの引用符を確認してください。',
      'big.csv の 3 行目: 見出し行（3 行目）はありますが、その下に保有銘柄がありません。保有している口座を含めて、保有銘柄をもう一度エクスポートしてください。',
      'ファイル big.csv: ファイルが空です。証券会社から保有銘柄をもう一度エクスポートしてください。',
    ]);
    expect(importErrorWords(i18n.t, huge)).toBe('huge.csv は 201 MB です。インポートできるのは 200 MB までです。ファイルを分けてインポートしてください。');
  });
});

describe("the backend's other refusals", () => {
  it('each has its Japanese, with the same figures', () => expectJapaneseFor(ERROR_TEXT));

  it('read as the command line has them in English, and in Japanese from their figures, a default theme named in Japanese', async () => {
    const over = (name: string) => {
      const e = saidError('WEIGHT_OVER_100', ERROR_TEXT.weightOver100, { key: 'KMI', others: '80%', left: '20%', theme: name }, { theme: { id: 'data-centers', name } });
      return { code: e.code, message: e.message, details: e.details } as ApiFailure;
    };
    const shipped = over('Data-center infrastructure');
    const renamed = over('My DCs');
    expect(failureWords(i18n.t, shipped)).toBe('KMI is already 80% tagged to other themes; at most 20% is left for Data-center infrastructure.');
    expect(failureWords(i18n.t, shipped)).toBe(shipped.message);
    // Without a template (an error not yet said in Japanese), as it came.
    expect(failureWords(i18n.t, { code: 'CONFLICT', message: 'Something else.' })).toBe('Something else.');
    await act(() => setLanguage('ja'));
    expect(failureWords(i18n.t, shipped)).toBe('KMI は、ほかのテーマにすでに 80% タグ付けされています。「データセンター・インフラ」に割り当てられるのは最大 20% です。');
    // A theme the user named keeps their name.
    expect(failureWords(i18n.t, renamed)).toMatch(/「My DCs」に割り当てられるのは/);
    expect(failureWords(i18n.t, { code: 'CONFLICT', message: 'Something else.' })).toBe('Something else.');
    const taken = saidError('CONFLICT', ERROR_TEXT.portfolioExistsImport, { name: 'NISA' });
    expect(failureWords(i18n.t, { code: taken.code, message: taken.message, details: taken.details } as ApiFailure)).toBe(
      '「NISA」という名前のポートフォリオはすでにあります。別の名前にするか、そのポートフォリオにインポートしてください。',
    );
  });
});

describe('refusals of a file chosen in the app (prices, rates, tags, a fund, a backup)', () => {
  it('each has its Japanese, with the same figures, and so has each kind of file', () => {
    expectJapaneseFor(FILE_TEXT);
    expectJapaneseFor(FILE_KIND);
  });

  it('read as the command line has them in English, and in Japanese with the kind of file said in Japanese too', async () => {
    const asFailure = (e: AppError): ApiFailure => ({ code: e.code, message: e.message, details: e.details } as ApiFailure);
    const notText = asFailure(fileRefusal('IMPORT_FATAL', FILE_TEXT.notText, { file: 'prices.png', what: FILE_KIND.prices }));
    const newer = asFailure(fileRefusal('DB_FROM_FUTURE', FILE_TEXT.backupNewer, { file: 'b.db', schema: '99', known: '18' }));
    const long = asFailure(fileRefusal('IMPORT_FATAL', FILE_TEXT.lineTooLong, { file: 'spy.csv', line: '3', n: '150,000', limit: '100,000' }, { line: 3 }));
    for (const f of [notText, newer, long]) expect(failureWords(i18n.t, f)).toBe(f.message);
    await act(() => setLanguage('ja'));
    expect(failureWords(i18n.t, notText)).toBe('prices.png: テキストファイルではありません（価格ファイルは CSV または JSON のテキストです）。何もインポートしていません。');
    expect(failureWords(i18n.t, newer)).toBe('b.db は新しいバージョンの ThemeLens で書き込まれています（スキーマ 99。このバージョンは 18 まで）。復元するには ThemeLens を更新してください。何も変更していません。');
    // It names its file and line itself: nothing is put before it.
    expect(failureWords(i18n.t, long)).toBe('spy.csv の 3 行目は 150,000 文字あります。上限は 100,000 文字です。ファイルの引用符を確認してください。何もインポートしていません。');
  });
});

describe('how a holding was identified, and why one waits in Needs review', () => {
  it('each has its Japanese, with the same figures', () => expectJapaneseFor(RESOLVE_TEXT));

  it('are said in Japanese from the English the backend stored, rows stored before the templates too', async () => {
    const stored = [
      "ticker 9984 within the account's market, XTKS, implied by JPY",
      "ticker NVDA within the account's market, US exchanges, implied by USD",
      'NVDA in USD is NVDA by its ticker, but its ISIN US02376R1023 is AAL.',
      'AAL in EUR could be XLON:AAL or XNAS:AAL: EUR does not say which exchange, and the row has no ISIN.',
      'ISIN US67066G1040',
    ];
    expect(stored.map(resolutionWords)).toEqual(stored);
    await act(() => setLanguage('ja'));
    expect(stored.map(resolutionWords)).toEqual([
      '口座の市場（XTKS）のティッカー 9984（JPY から判断）',
      '口座の市場（米国の取引所）のティッカー NVDA（USD から判断）',
      'USD の NVDA は、ティッカーでは NVDA ですが、ISIN US02376R1023 では AAL です。',
      'EUR の AAL は XLON:AAL または XNAS:AAL のどれかです。EUR からは取引所が分からず、行に ISIN もありません。',
      'ISIN US67066G1040',
    ]);
    const title = securityTitle({ key: 'XTKS:9984', canonicalKey: 'XTKS:9984', name: 'ソフトバンクグループ', isin: null, market: 'XTKS', method: 'ticker', detail: stored[0]!, linkReason: null });
    expect(title).toContain('口座の市場（XTKS）のティッカー 9984（JPY から判断）');
    expect(title).not.toMatch(/ticker|implied/);
  });
});

describe('words with more than one meaning', () => {
  it('are said in Japanese as each place means them', async () => {
    await act(() => setLanguage('ja'));
    // A share of the portfolio, and the Themes dialog's tab for sharing tag files.
    expect(i18n.t('Share')).toBe('構成比');
    expect(i18n.t('Share', { context: 'files' })).toBe('共有');
    // How a tag was set (手動, ルール…), in Top contributors, Tag history and the report: not a citation.
    expect(i18n.t('Source')).toBe('設定方法');
    expect(i18n.t('Source link')).toBe('出典リンク');
    // A fund's constituents, not the user's holdings.
    expect(i18n.t('Holdings', { context: 'count' })).toBe('組入銘柄数');
    expect(i18n.t('Holdings')).not.toBe('組入銘柄数');
    await act(() => setLanguage('en'));
    expect(i18n.t('Share', { context: 'files' })).toBe('Share');
  });
});

describe('why a row could not be read', () => {
  it('each has its Japanese, with the same figures', () => {
    expectJapaneseFor(ROW_TEXT);
    expectJapaneseFor(CELL_PROBLEM_TEXT);
    expectJapaneseFor(INVALID_ROWS_TEXT);
    expectJapaneseFor(TAG_FILE_TEXT);
  });

  it('reads as the command line has it in English, and in Japanese from its figures; rows refused as a whole are placed with their header', async () => {
    const qty = rowIssue(3, 3, 'Quantity', 'abc', rowReason(ROW_TEXT.quantityNotNumber, { cell: 'abc' }));
    const split = rowIssue(5, 5, null, '56', rowReason(ROW_TEXT.extraCells, { column: '5', shown: '1 234,56' }));
    const failure = (kept: typeof qty[], total: number, valid: number): ApiFailure => {
      const err = invalidRows('a.csv', kept, total, valid);
      return { code: err.code, message: err.message, details: err.details };
    };
    const many = failure([qty, split], 3, 7);
    const one = failure([split], 1, 2);
    expect(saidWords(i18n.t, qty)).toBe(qty.message);
    expect(importErrorWords(i18n.t, many)).toBe(many.message);
    expect(many.message).toBe('a.csv line 3, column 3 (Quantity): Quantity "abc" is not a number; fix the cell or map another column (and 2 more rows). Nothing was imported; fix the file, or import the 7 valid rows only.');
    expect(importErrorWords(i18n.t, one)).toBe(one.message);
    // A row kept before reasons had templates stays in its English.
    const old = { line: 2, column: null, header: null, cell: '', message: 'Something old' };
    expect(saidWords(i18n.t, old)).toBe('Something old');
    await act(() => setLanguage('ja'));
    expect(saidWords(i18n.t, qty)).toBe('数量「abc」は数値ではありません。セルを直すか、別の列を割り当ててください');
    expect(importErrorWords(i18n.t, many)).toBe(
      'a.csv の 3 行目、3 列目（Quantity）: 数量「abc」は数値ではありません。セルを直すか、別の列を割り当ててください（ほかに 2 行）。何もインポートしていません。ファイルを直すか、読み込める 7 行だけをインポートしてください。',
    );
    expect(importErrorWords(i18n.t, one)).toMatch(/^a\.csv の 5 行目、5 列目: この行には見出しの列数より多くのセルがあります（5 列目から、「1 234,56」）。.*。何もインポートしていません。ファイルを直すか、読み込める 2 行だけをインポートしてください。$/);
    expect(saidWords(i18n.t, old)).toBe('Something old');
  });
});

describe('every text of the app is translated', () => {
  const scan = scanRenderer(resolve(__dirname, '../../../renderer/src'));

  it('no text a user sees is left outside t()', () => {
    // Each line: file:line and the text. Wrap it in t() (or msg() in a table of labels) and add its Japanese.
    expect(scan.untranslated.map((u) => `${u.file}:${u.line} ${u.text}`)).toEqual([]);
    expect(scan.keys.length).toBeGreaterThan(500);
  });

  it('every key has its Japanese, with the same placeholders', () => {
    const missing = scan.keys.filter((k) => JAPANESE[k.text] === undefined).map((k) => `${k.file}:${k.line} ${k.text}`);
    expect(missing).toEqual([]);
    const differ = scan.keys.filter((k) => JAPANESE[k.text] !== undefined && placeholders(JAPANESE[k.text] as string).join() !== placeholders(k.text).join());
    expect(differ.map((k) => k.text)).toEqual([]);
    // Japanese that is still English would pass the checks above: none is.
    expect(Object.entries(JAPANESE).filter(([, ja]) => !/[\u3000-\u30ff\u4e00-\u9fff]/.test(ja)).map(([en]) => en)).toEqual([]);
  });

  it('no Japanese text is left behind for a key the code no longer uses', () => {
    // The templates of exposure warnings, of what stops an import and of why a row could not be read
    // are keys too, given to t() by warningWords, importErrorWords, saidWords and the mapping preview (its cells' reasons and notes).
    const templates = [WARNING_TEXT, WARNING_TEXT_ONE, WARNING_TEXT_PLAIN, WARNING_TEXT_PLAIN_ONE, CHECK_TEXT, FATAL_TEXT, ROW_TEXT, CELL_PROBLEM_TEXT, CELL_NOTE_TEXT, INVALID_ROWS_TEXT, TAG_FILE_TEXT, ERROR_TEXT, FILE_TEXT, FILE_KIND, RESOLVE_TEXT, { OR }].flatMap((set) => Object.values(set));
    const used = new Set([...scan.keys.map((k) => k.text), ...templates]);
    // A context's variant ("Positions_section") of a key used with that context through a table of labels.
    const variant = (k: string) => [...scan.contexts].some((c) => k.endsWith(`_${c}`) && used.has(k.slice(0, -c.length - 1)));
    expect(Object.keys(JAPANESE).filter((k) => !used.has(k) && !variant(k))).toEqual([]);
  });
});

describe("the program's projects", () => {
  it('are told in Japanese in the Japanese interface (the pack carries their Japanese), in English otherwise', async () => {
    const themes = DEFAULT_THEMES.map((t) => ({ id: t.id, name: t.name, color: t.color }));
    const { unmount } = render(<ProjectFacts themes={themes} />);
    expect(screen.getByTestId('project-data-centers').textContent).toContain('Portsmouth, Ohio natural-gas power plant');
    unmount();
    await act(() => setLanguage('ja'));
    render(<ProjectFacts themes={themes} />);
    const facts = screen.getByTestId('project-facts').textContent ?? '';
    for (const words of ['既定のテーマの由来', 'オハイオ州ポーツマスの天然ガス火力発電所', 'SBエナジー（ソフトバンクグループ）', 'テキサス・ガルフリンク深水原油輸出ターミナル', 'ジョージア州の工業用合成ダイヤモンド工場']) expect(facts).toContain(words);
    expect(facts).not.toContain('natural-gas power plant');
  });
});

describe('switching the language', () => {
  it('View › Language switches the whole app, the menu follows, and the choice is remembered', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    await screen.findByTestId('positions-table');
    expect(screen.getByTestId('import-button').textContent).toBe('Import holdings…');
    await waitFor(() => expect(bridge.setMenuLanguage).toHaveBeenLastCalledWith({ language: 'en' }));

    act(() => bridge.emit('menuCommand', 'language-ja'));
    await waitFor(() => expect(screen.getByTestId('import-button').textContent).toBe('保有銘柄をインポート…'));
    expect(document.documentElement.lang).toBe('ja');
    expect(screen.getByRole('banner').textContent).toContain('2026/11/24 時点');
    await waitFor(() => expect(bridge.setMenuLanguage).toHaveBeenLastCalledWith({ language: 'ja' }));
    expect(localStorage.getItem('themelens.language')).toBe('ja');
    expect(currentLanguage()).toBe('ja');

    act(() => bridge.emit('menuCommand', 'language-en'));
    await waitFor(() => expect(screen.getByTestId('import-button').textContent).toBe('Import holdings…'));
    expect(document.documentElement.lang).toBe('en');
    expect((screen.getByTestId('language-picker') as HTMLSelectElement).value).toBe('en');
  });
});

describe('the default themes in the interface language', () => {
  it('are named in Japanese in the Japanese interface while the user has not renamed them, asked for again on a switch', async () => {
    installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    await waitFor(() => expect(screen.getByTestId('exposure-row-data-centers').textContent).toContain('Data-center infrastructure'));

    act(() => void setLanguage('ja'));
    await waitFor(() => expect(screen.getByTestId('exposure-row-data-centers').textContent).toContain('データセンター・インフラ'));
    expect(screen.getByTestId('exposure-row-oil-logistics').textContent).toContain('原油物流');
    // The positions view's theme filter lists them in Japanese too (from listThemes).
    await waitFor(() => expect(screen.getByRole('option', { name: 'ダイヤモンド半導体' })).toBeTruthy());

    act(() => void setLanguage('en'));
    await waitFor(() => expect(screen.getByTestId('exposure-row-data-centers').textContent).toContain('Data-center infrastructure'));
  });

  it('keep a name the user wrote, in either language', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.listThemes.mockResolvedValue([{ ...DEFAULT_THEMES[0]!, name: 'AI data centers' }, ...DEFAULT_THEMES.slice(1)]);
    await act(() => setLanguage('ja'));
    render(<App />);
    await waitFor(() => expect(screen.getByRole('option', { name: 'AI data centers' })).toBeTruthy());
    expect(screen.getByRole('option', { name: '原油物流' })).toBeTruthy();
  });
});
