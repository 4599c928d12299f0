import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { openImportAsNew, startHarness, type Harness } from './harness';
import { GRAND_TOTAL, SECTIONS, sjis } from '../fixtures/sbi/portfolio';
import { walkEveryView } from './view-ready';

/**
 * A Japanese investor's walk: the system is Japanese, so the app opens in Japanese; an SBI export
 * in Shift_JIS is their portfolio; Positions, Themes and the export preview are Japanese (screenshots),
 * yen are whole, the saved PDF reads back in Japanese, axe finds nothing, and View › Language turns
 * the app back to English.
 */
describe('ThemeLens in Japanese (real renderer, real backend, Japanese system)', () => {
  let h: Harness;
  const found: string[] = [];
  const check = async (where: string) => found.push(...(await axeViolations(h.page, `ja ${where}`)));

  beforeAll(async () => {
    h = await startHarness({ locale: 'ja-JP' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens in the system language: the empty state is Japanese and <html lang> says so', async () => {
    await h.page.getByTestId('empty-state').waitFor();
    expect(await h.page.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await h.page.getByTestId('import-button').first().innerText()).toContain('保有銘柄をインポート');
    await check('empty state');
    await h.screenshot('ja-00-empty-state');
  });

  it('Positions: the SBI portfolio in yen, whole yen, with Japanese names and headings', async () => {
    const file = join(h.dataDir, 'New_file.csv');
    writeFileSync(file, sjis([...SECTIONS, GRAND_TOTAL]));
    const outcome = await h.backend.handlers.importHoldings({ path: file, portfolioName: 'NISA', baseCurrency: 'JPY', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    const key = (symbol: string) => h.backend.db.prepare('SELECT symbol_key FROM positions WHERE snapshot_id = ? AND symbol = ?').pluck().get(outcome.snapshot.id, symbol) as string;
    await h.backend.handlers.applyTagChanges({
      changes: [
        { symbolKey: key('9984'), themeId: 'data-centers', weightBp: 3000 },
        { symbolKey: key('5802'), themeId: 'diamond-semiconductors', weightBp: 500 },
      ],
    });
    await h.page.reload();
    await h.page.getByTestId('positions-table').waitFor();
    const table = await h.page.getByTestId('positions-table').innerText();
    for (const words of ['ソフトバンクグループ', '株式（現物/特定預り）', '￥951,200', '￥2,895,800']) expect(table).toContain(words);
    // No amount in yen shows a decimal.
    expect(table).not.toMatch(/￥[\d,]+\.\d/);
    const shell = await h.page.locator('body').innerText();
    for (const english of ['Import holdings', 'Export report', 'Positions', 'Untagged', 'Data-center infrastructure', 'Diamond semiconductors']) expect(shell, english).not.toContain(english);
    // The default themes, left as shipped, are named in Japanese (shared/domain/theme-names.ts).
    for (const name of ['データセンター・インフラ', '原油物流', 'ダイヤモンド半導体']) expect(shell).toContain(name);
    expect(await h.page.getByTestId('view-tab-positions').innerText()).toBe('保有銘柄');
    // The table fits its half of the window in Japanese too: nothing of a tag's row is cut off at the edge.
    const fit = await h.page.locator('.positions .table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    // A code says nothing without its name, and the name column is the narrow one: a long name gets
    // two lines before its ellipsis (one line showed two characters of ソフトバンクグループ).
    // Its height in font sizes: one line (line-height normal) is about 1.2-1.5, two lines 2.4-3.
    const name = h.page.getByTestId(`position-row-${key('9984')}`).locator('.description-text');
    const ems = await name.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).fontSize));
    expect(ems).toBeGreaterThan(2.2);
    expect(ems).toBeLessThan(3.2);
    // Japanese lines break between phrases where a phrase fits (word-break: auto-phrase): the account
    // 株式（現物/特定預り） breaks before 特定預り, not inside it (株式（現物/特 | 定預り）).
    const lines = await h.page.getByTestId(`position-row-${key('9984')}`).locator('.account-text').evaluate((el) => {
      const text = el.firstChild as Text;
      const range = document.createRange();
      const rows = new Map<number, string>();
      for (let i = 0; i < text.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) ?? '') + text.data[i]);
      }
      return [...rows.values()];
    });
    expect(lines).toEqual(['株式（現物/', '特定預り）']);
    // How 9984 was identified, in its tooltip: by its ticker on the account's market, Tokyo, as the yen implies.
    await expect.poll(() => h.page.getByTestId(`symbol-${key('9984')}`).getAttribute('title')).toContain('口座の市場（XTKS）のティッカー 9984（JPY から判断） で特定');
    await check('positions');
    await h.screenshot('ja-01-positions');
  });

  it('Themes: the chart and its table in Japanese', async () => {
    await h.page.getByTestId('view-tab-themes').click();
    await h.page.getByTestId('donut-chart').waitFor();
    const text = await h.page.getByTestId('analytics').innerText();
    expect(text).toContain('未タグ');
    expect(text).toContain('￥285,360'); // 30% of 951,200
    // The program's projects behind the default themes, told in Japanese.
    expect(text).toContain('オハイオ州ポーツマスの天然ガス火力発電所');
    expect(text).toContain('スナップショット');
    await check('themes view');
    await h.screenshot('ja-02-themes');
    await h.page.getByTestId('themes-button').click();
    await h.page.getByTestId('themes-dialog').waitFor();
    await check('themes dialog');
    await h.screenshot('ja-03-themes-dialog');
    // The pack's suggestions: a sub-theme named under its theme, both in Japanese.
    await h.page.getByTestId('suggestions-tab').click();
    await h.page.getByTestId('suggestions-panel').getByRole('checkbox').uncheck();
    await expect.poll(() => h.page.getByTestId('suggestions-panel').innerText()).toMatch(/データセンター・インフラ ›\s+データセンター事業者・REIT/);
    await check('suggestions');
    await h.screenshot('ja-03b-suggestions');
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('themes-dialog').waitFor({ state: 'detached' });
  });

  it('Export report…: the preview is the Japanese report, and the saved PDF reads back in Japanese', async () => {
    await h.page.getByTestId('export-button').click();
    await h.page.getByRole('dialog').waitFor();
    await h.page.locator('[data-testid="report-preview-page"] h1').waitFor();
    const preview = (await h.page.locator('[data-testid="report-preview-page"] section.cover').innerText()).replace(/\u00a0/g, ' ');
    for (const words of ['テーマ・エクスポージャー: NISA', '評価額合計', 'JPY 4,813,350', '主な寄与銘柄', 'データセンター・インフラ']) expect(preview).toContain(words);
    await check('export dialog');
    await h.screenshot('ja-04-export-preview');
    const out = join(h.dataDir, 'NISA.pdf');
    h.saveDialogAnswers.push(out);
    await h.page.getByTestId('export-save').click();
    await h.page.getByTestId('export-saved').waitFor({ timeout: 60_000 });
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    for (const words of ['テーマ・エクスポージャー: NISA', '評価額合計', 'ソフトバンクグループ', '免責事項', 'データセンター・インフラ', 'ダイヤモンド半導体']) expect(text).toContain(words);
    expect(readFileSync(out).toString('latin1')).toMatch(/\/Lang \(ja\)/);
    await h.page.keyboard.press('Escape');
  });

  it('every view in Japanese, with two snapshots (screenshots of each; axe on each)', async () => {
    // A later SBI file: SoftBank bought, Tokyo Electron sold.
    const later = join(h.dataDir, 'New_file (1).csv');
    const lines = [...SECTIONS, '"総合計","","","","","","","+965,750","","5,764,550"']
      .map((l) => l.replace('2026/11/24 15:30現在', '2026/12/01 15:30現在').replace('"9984 ソフトバンクグループ","----/--/--","100"', '"9984 ソフトバンクグループ","----/--/--","200"').replace('"+151,200","+18.90","951,200"', '"+151,200","+18.90","1,902,400"'))
      .map((l) => l.replace('"合計","","","","","","","+267,700","","1,673,200"', '"合計","","","","","","","+267,700","","2,624,400"'));
    writeFileSync(later, sjis(lines));
    await walkEveryView(h, later, async (view) => {
      await check(`${view} view`);
      await h.screenshot(`ja-view-${view}`);
    });
    await h.page.getByTestId('view-tab-positions').click();
  });

  it("an import's checks are said in Japanese, with the file's figures", async () => {
    const file = join(h.dataDir, 'checks.csv');
    writeFileSync(file, 'Symbol,Description,Quantity,Price,Market Value\nAAPL,APPLE INC,10,150,-1500\nMSFT,MICROSOFT,5,300,1500\nTotal,,,,100\n');
    await openImportAsNew(h, file, '確認');
    await h.page.getByTestId('new-portfolio-confirm').click();
    const toast = h.page.getByTestId('toast').filter({ hasText: '数値を使う前に' });
    await toast.waitFor();
    expect(await toast.getByTestId('toast-details').locator('li').allTextContents()).toEqual([
      'ファイル自体の合計（100.00）が、インポートした行の合計（0.00）と 100.00 異なります。除かれた行や読み違えた行がないか、ファイルを確認してください。',
      '1 銘柄の評価額の符号が「数量 × 価格」と逆です（2 行目、AAPL: 10 × 150、評価額 -1,500.00）。ファイルのとおりに取り込みました。評価額の列が時価評価額でない（損益など）場合は、正しい列を割り当ててください。',
    ]);
    // The snapshot keeps both (its file total, its values' signs): said beside its figures, in Japanese too.
    expect((await h.page.getByTestId('exposure-warnings').locator('p').allInnerTexts()).map((p) => p.trim())).toEqual([
      'checks.csv に記載の合計は 100.00 ですが、インポートした保有銘柄の合計は 0.00 です（差額 100.00）。ここでの数値は保有銘柄の合計です。除外された行や読み違えた行がないか、ファイルを確認してください。',
      'checks.csv の 1 銘柄は、評価額の符号が「数量 × 価格」と逆です（2 行目、AAPL: 10 × 150、評価額 -1,500.00）。ファイルのとおりに取り込んでいます。評価額の列が時価評価額でない（損益など）場合は、正しい列を割り当ててもう一度インポートしてください。',
    ]);
    // Its positions cancel out (-1,500 + 1,500): no bars to draw, and the chart's place says so.
    expect(await h.page.getByTestId('exposure-chart-empty').innerText()).toMatch(/^グラフにする評価額がありません。.*\$0\.00 です。/);
    // A figure's header may take two lines in a narrow column, but never splits a word: 数量 stays whole.
    const quantity = await h.page.getByTestId('sort-quantity').evaluate((el) => ({ height: el.getBoundingClientRect().height, font: parseFloat(getComputedStyle(el).fontSize) }));
    expect(quantity.height).toBeLessThan(2 * quantity.font);
    await check('import checks');
    await h.screenshot('ja-05-import-checks');
    await toast.getByRole('button').click();
    await toast.waitFor({ state: 'detached' });
    // The same file again, into the same portfolio: why not, in Japanese, with a way to import it anyway.
    h.openDialogAnswers.push(file);
    await h.page.getByTestId('import-button').first().click();
    await h.page.getByTestId('new-portfolio-confirm').click();
    const refused = h.page.getByTestId('import-error-dialog');
    expect(await refused.locator('.error-message').innerText()).toMatch(/^checks\.csv は \d{4}\/\d{2}\/\d{2} に「確認」へインポート済みです（スナップショット \d+、\d{4}\/\d{2}\/\d{2} 時点）。インポートは行っていません。$/);
    expect(await refused.getByTestId('import-again').innerText()).toBe('それでも再度インポート');
    await check('already imported');
    await h.screenshot('ja-06-already-imported');
    await refused.getByRole('button', { name: 'キャンセル' }).click();
    await refused.waitFor({ state: 'detached' });
  });

  it('a file whose columns are not recognised, and a file with only a header, are explained in Japanese', async () => {
    // A bank's own columns: the mapping screen says what to map, in Japanese.
    const odd = join(h.dataDir, 'bank.csv');
    writeFileSync(odd, '口座,名称,残高\nA,トヨタ,100\n');
    h.openDialogAnswers.push(odd);
    await h.page.getByTestId('import-button').first().click();
    const dialog = h.page.getByTestId('new-portfolio-dialog');
    const problem = dialog.locator('p.field-error[role=alert]');
    await problem.waitFor();
    expect(await problem.innerText()).toBe(
      '銘柄コードまたは銘柄名と、数量または評価額の組み合わせになる列が見つかりませんでした。1 行目の見出し: "口座", "名称", "残高"。列を手動で割り当ててください。各銘柄を示す見出しと、その評価額または数量を示す見出しを選びます。',
    );
    // Side by side, a select under a Latin label (ISIN) and one under a Japanese label sit level.
    const top = (label: string) => dialog.getByLabel(label).evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs((await top('ISIN の列')) - (await top('銘柄コード の列')))).toBeLessThan(1);
    await h.screenshot('ja-07-mapping-problem');
    await h.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Only a header: refused, saying where and what to do.
    const headerOnly = join(h.dataDir, 'empty.csv');
    writeFileSync(headerOnly, 'Symbol,Description,Quantity,Market Value\n');
    h.openDialogAnswers.push(headerOnly);
    await h.page.getByTestId('import-button').first().click();
    await h.page.getByTestId('new-portfolio-confirm').click();
    const refused = h.page.getByTestId('import-error-dialog');
    expect(await refused.locator('.error-message').innerText()).toBe('empty.csv の 1 行目: 見出し行（1 行目）はありますが、その下に保有銘柄がありません。保有している口座を含めて、保有銘柄をもう一度エクスポートしてください。');
    // Nothing else to choose: the one button closes (閉じる), it cancels nothing.
    expect(await refused.locator('.actions button').allInnerTexts()).toEqual(['閉じる']);
    await h.screenshot('ja-08-header-only');
    await h.page.keyboard.press('Escape');
    await refused.waitFor({ state: 'detached' });
  });

  it('rows that cannot be read: why, in Japanese, in the preview, the refusal, and the rows kept with the snapshot', async () => {
    const file = join(h.dataDir, 'bad-rows.csv');
    writeFileSync(file, 'Symbol,Description,Quantity,Price,Market Value\nAAPL,APPLE INC,10,150,1500\nMSFT,MICROSOFT,三百,300,\nNVDA,NVIDIA,5,1.2.3,\n');
    await openImportAsNew(h, file, '一部');
    const reason = {
      quantity: '数量「三百」は数値ではありません。セルを直すか、別の列を割り当ててください',
      price: '価格「1.2.3」は数値ではありません（桁区切りの位置が正しくありません）。セルを直すか、別の列を割り当ててください',
    };
    // The preview says why beside each row, and the bad cell's own reason on hover.
    const preview = h.page.getByTestId('import-preview');
    expect(await preview.locator('tbody tr').nth(1).locator('.row-status').innerText()).toBe(reason.quantity);
    expect(await preview.locator('tbody tr').nth(2).locator('.row-status').innerText()).toBe(reason.price);
    expect(await preview.getByTestId('preview-bad-cell').nth(1).getAttribute('title')).toBe('桁区切りの位置が正しくありません');
    await h.page.getByTestId('new-portfolio-confirm').click();
    const refused = h.page.getByTestId('import-error-dialog');
    expect(await refused.locator('.error-message').innerText()).toBe(
      `bad-rows.csv の 3 行目、3 列目（Quantity）: ${reason.quantity}（ほかに 1 行）。何もインポートしていません。ファイルを直すか、読み込める 1 行だけをインポートしてください。`,
    );
    const rows = refused.getByTestId('issues-table').locator('tbody tr td:last-child');
    expect(await rows.allInnerTexts()).toEqual([reason.quantity, reason.price]);
    await check('rows that cannot be read');
    await h.screenshot('ja-09-rows-not-read');
    await h.page.getByTestId('import-valid-rows').click();
    await refused.waitFor({ state: 'detached' });
    await h.page.getByTestId('show-rejected-rows').click();
    const kept = h.page.getByTestId('rejected-rows-dialog');
    await kept.getByTestId('issues-table').locator('tbody tr').first().waitFor();
    expect(await kept.getByTestId('issues-table').locator('tbody tr td:last-child').allInnerTexts()).toEqual([reason.quantity, reason.price]);
    await h.page.keyboard.press('Escape');
    await kept.waitFor({ state: 'detached' });
  });

  it("a tag file's conflicts and unreadable rows are said in Japanese in its preview", async () => {
    const file = join(h.dataDir, 'tags-from-colleague.csv');
    writeFileSync(file, 'symbol,theme,weight\nNVDA,nope,0.5\n,data-centers,0.5\n');
    await h.page.getByTestId('themes-button').click();
    // Sharing with colleagues, not a share of the portfolio (構成比).
    expect(await h.page.getByTestId('share-tab').innerText()).toBe('共有');
    await h.page.getByTestId('share-tab').click();
    h.openDialogAnswers.push(file);
    await h.page.getByTestId('import-tags').click();
    await h.page.getByTestId('tag-import-summary').waitFor();
    const panel = h.page.getByTestId('share-panel');
    await panel.getByText('テーマ「nope」は、ここにもファイルにもありません。').waitFor();
    await panel.getByText('銘柄コードが空です。').waitFor();
    expect(await panel.innerText()).not.toMatch(/There is no theme|The symbol is empty/);
    // The row that cannot be read is counted beside the conflict (the counts said 1 of the 2 rows).
    expect(await h.page.getByTestId('tag-import-summary').innerText()).toMatch(/競合 1 件。インポートするまで何も書き込まれません。読み取れない行が 1 行あります。$/);
    await check('tag file preview');
    await h.screenshot('ja-10-tag-file-preview');
    await h.page.keyboard.press('Escape');
  });

  it('a weight that would take a holding over 100% is refused in Japanese, naming the theme as the app does', async () => {
    await h.page.getByTestId('positions-table').locator('tbody tr[data-row]').first().focus();
    await h.page.keyboard.press('Control+a');
    const bar = h.page.getByTestId('bulk-bar');
    await bar.waitFor();
    await h.page.getByTestId('bulk-theme').selectOption('oil-logistics');
    await h.page.getByTestId('bulk-weight').fill('80');
    await h.page.getByTestId('bulk-apply').click();
    await h.page.getByTestId('exposure-row-oil-logistics').filter({ hasText: '80.0%' }).waitFor();
    await h.page.getByTestId('bulk-theme').selectOption('data-centers');
    await h.page.getByTestId('bulk-weight').fill('50');
    await h.page.getByTestId('bulk-apply').click();
    expect(await bar.getByRole('alert').innerText()).toBe('AAPL は、ほかのテーマにすでに 80% タグ付けされています。「データセンター・インフラ」に割り当てられるのは最大 20% です。');
    await h.screenshot('ja-11-weight-over-100');
    // Escape in the bar clears the selection.
    await h.page.getByTestId('bulk-weight').press('Escape');
    await bar.waitFor({ state: 'detached' });
  });

  it('has no accessibility violation in Japanese, and View › Language turns it back to English', async () => {
    expect(found.join('\n')).toBe('');
    await h.emit('menuCommand', 'language-en');
    await expect.poll(() => h.page.getByTestId('import-button').first().innerText()).toContain('Import holdings');
    expect(await h.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await h.page.getByTestId('view-tab-positions').innerText()).toBe('Positions');
    // Remembered: a reload stays English although the system is Japanese.
    await h.page.reload();
    await h.page.getByTestId('positions-table').waitFor();
    expect(await h.page.getByTestId('view-tab-positions').innerText()).toBe('Positions');
  });
});
