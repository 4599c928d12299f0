import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const FIXTURE = resolve(__dirname, '../fixtures/journey/fidelity-two-accounts.csv');

/** Text of the report preview (inside its shadow root; Playwright's CSS locators pierce open ones). */
const previewText = (h: Harness) => h.page.locator('[data-testid="report-preview-page"] section.cover, [data-testid="report-preview-page"] h2, [data-testid="report-preview-page"] table').allInnerTexts().then((t) => t.join('\n').replace(/\u00a0/g, ' '));
const previewHeadings = (h: Harness) => h.page.locator('[data-testid="report-preview-page"] h2').allInnerTexts();

describe('Export report…: format, paper, sections, live preview, save (real renderer, real backend)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // The portfolio and its tags go straight through the backend; the dialog is what is under test.
    const outcome = await h.backend.handlers.importHoldings({ path: FIXTURE, portfolioName: 'Smith family', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    await h.backend.handlers.renamePortfolio({ id: outcome.portfolio.id, name: 'Smith family', clientName: 'Ann Smith' });
    await h.backend.handlers.applyTagChanges({
      changes: [
        { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000, rationale: 'GPUs for AI data centers' },
        { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 10000 },
      ],
    });
    await h.page.reload();
    await h.page.getByTestId('position-row-KMI').waitFor();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens with Ctrl+E, focused on the format, and previews the report with its own styles', async () => {
    await h.page.getByTestId('positions-table').click({ position: { x: 5, y: 5 } });
    await h.page.keyboard.press('Control+e');
    const dialog = h.page.getByRole('dialog', { name: 'Export report' });
    await dialog.waitFor();
    expect(await h.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-format-pdf');
    await h.page.locator('[data-testid="report-preview-page"] h1').waitFor();
    const text = await previewText(h);
    for (const figure of ['Theme exposure: Smith family', 'Prepared for Ann Smith', 'USD 40,553.36', 'USD 12,978.00', 'USD 8,133.00', 'NVIDIA CORPORATION COM', 'GPUs for AI data centers']) expect(text).toContain(figure);
    expect(await previewHeadings(h)).toEqual(expect.arrayContaining(['Summary', 'Positions', 'Exchange rates', 'Methodology', 'Disclaimer']));
    // Charts: the bars on page 1 (the answer) and the Charts section's donut (its bars only with sub-themes: they would repeat page 1's).
    // The report's stylesheet applies inside the shadow root (adopted, so the app's CSP allows it),
    // and not outside it; the theme swatches are colored (SVG fills, no style attribute).
    const styles = await h.page.evaluate(() => {
      const root = document.querySelector('[data-testid="report-preview-page"]')!.shadowRoot!;
      const h1 = root.querySelector('h1')!;
      const th = root.querySelector('th')!;
      const rect = root.querySelector('svg.swatch rect')!;
      return { sheets: root.adoptedStyleSheets.length, h1: getComputedStyle(h1).fontSize, th: getComputedStyle(th).backgroundColor, collapse: getComputedStyle(root.querySelector('table')!).borderCollapse, swatch: getComputedStyle(rect).fill, appH1: [...document.querySelectorAll('#root h1')].filter((x) => x.textContent?.includes('Theme exposure')).length, charts: root.querySelectorAll('svg.chart').length };
    });
    expect(styles).toEqual({ sheets: 1, h1: '29.3333px', th: 'rgb(243, 244, 246)', collapse: 'collapse', swatch: 'rgb(37, 99, 235)', appH1: 0, charts: 2 });
    expect(await h.page.getByTestId('export-fingerprint').innerText()).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){2,}$/);
  });

  it('follows the sections ticked and the paper chosen', async () => {
    await h.page.getByTestId('export-section-positions').uncheck();
    await h.page.getByTestId('export-section-methodology').uncheck();
    // Each untick asks for a preview of its own: wait for the one with both gone (the first answer may come alone).
    await expect.poll(async () => (await previewHeadings(h)).filter((x) => x === 'Positions' || x === 'Methodology')).toEqual([]);
    const headings = await previewHeadings(h);
    expect(headings).not.toContain('Positions');
    expect(headings).not.toContain('Methodology');
    expect(headings).toContain('Summary');
    expect(headings).toContain('Themes and their positions');
    await h.page.getByTestId('export-paper-letter').check();
    expect(await h.page.getByTestId('report-preview-page').getAttribute('data-paper')).toBe('letter');
    await h.screenshot('60-export-dialog');
    await h.page.locator('[data-testid="report-preview-page"] h2', { hasText: 'Summary' }).scrollIntoViewIfNeeded();
    await h.screenshot('60b-export-preview-summary');
    await h.page.locator('[data-testid="report-preview-page"] h2', { hasText: 'Themes and their positions' }).scrollIntoViewIfNeeded();
    await h.screenshot('60c-export-preview-themes');
    await h.page.locator('[data-testid="report-preview-page"] h1').scrollIntoViewIfNeeded();
  });

  it('saves the PDF (Letter, without the unticked sections) and shows where and its fingerprint', async () => {
    const out = join(h.dataDir, 'Smith report.pdf');
    h.saveDialogAnswers.push(out);
    const fingerprint = await h.page.getByTestId('export-fingerprint').innerText();
    await h.page.getByTestId('export-save').click();
    await h.page.getByTestId('export-saved').waitFor({ timeout: 60_000 });
    expect(await h.page.getByTestId('export-saved-path').innerText()).toBe(out);
    expect(await h.page.getByTestId('export-saved-fingerprint').innerText()).toBe(fingerprint);
    await h.screenshot('61-export-saved');
    expect(existsSync(out)).toBe(true);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    for (const figure of ['Smith family', 'Ann Smith', 'USD 40,553.36', 'USD 12,978.00', 'USD 8,133.00', 'Summary', 'Disclaimer', fingerprint]) expect(text).toContain(figure);
    // Left out: the positions table (its header row) and the methodology.
    expect(text).not.toMatch(/Account\s+Symbol\s+Description\s+Quantity\s+Value \(USD\)/);
    expect(text).not.toMatch(/^\s*Methodology\s*$/m);
    expect(text).toMatch(/Page 1 of \d+/);
    // The export was recorded with its paper.
    const record = h.backend.db.prepare("SELECT format, paper, fingerprint FROM reports ORDER BY id DESC LIMIT 1").get();
    expect(record).toEqual({ format: 'pdf', paper: 'letter', fingerprint });
  });

  it('saves HTML and XLSX too; XLSX has no paper or sections, CSV previews as text', async () => {
    await h.page.getByTestId('export-format-html').check();
    expect(await h.page.getByTestId('export-paper').count()).toBe(0);
    const html = join(h.dataDir, 'report.html');
    h.saveDialogAnswers.push(html);
    await h.page.getByTestId('export-save').click();
    await expect.poll(() => h.page.getByTestId('export-saved-path').innerText().catch(() => '')).toBe(html);
    const page = readFileSync(html, 'utf8').replace(/\u00a0/g, ' ');
    expect(page).toContain('<h2>Summary</h2>');
    expect(page).not.toContain('<h2>Positions</h2>');
    expect(page).toContain('USD 12,978.00');

    await h.page.getByTestId('export-format-xlsx').check();
    expect(await h.page.getByTestId('export-sections').count()).toBe(0);
    expect(await h.page.getByTestId('export-all-data').innerText()).toContain('XLSX');
    const xlsx = join(h.dataDir, 'report.xlsx');
    h.saveDialogAnswers.push(xlsx);
    await h.page.getByTestId('export-save').click();
    await expect.poll(() => h.page.getByTestId('export-saved-path').innerText().catch(() => '')).toBe(xlsx);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Summary', 'Themes', 'Positions', 'Tags', 'FX']));
    const values: unknown[] = [];
    book.getWorksheet('Summary')!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(12978);

    await h.page.getByTestId('export-format-csv').check();
    await expect.poll(() => h.page.getByTestId('export-text-preview').innerText().catch(() => '')).toContain('Data-center infrastructure,data-centers,12978.00');
  });

  it('closes with Escape, remembers the choices last saved with, and looks right in the dark theme', async () => {
    await h.page.keyboard.press('Escape');
    await h.page.getByRole('dialog', { name: 'Export report' }).waitFor({ state: 'detached' });
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await h.page.getByTestId('export-button').click();
    await h.page.getByRole('dialog', { name: 'Export report' }).waitFor();
    expect(await h.page.getByTestId('export-format-xlsx').isChecked()).toBe(true);
    await h.page.getByTestId('export-format-pdf').check();
    expect(await h.page.getByTestId('export-paper-letter').isChecked()).toBe(true);
    expect(await h.page.getByTestId('export-section-positions').isChecked()).toBe(false);
    await h.page.getByTestId('export-section-positions').check();
    await expect.poll(() => previewHeadings(h)).toContain('Positions');
    // The page stays paper-white with dark text inside the dark dialog.
    const colors = await h.page.evaluate(() => {
      const page = document.querySelector('[data-testid="report-preview-page"]')!;
      const td = page.shadowRoot!.querySelector('td')!;
      return { page: getComputedStyle(page).backgroundColor, text: getComputedStyle(td).color, dialog: getComputedStyle(document.querySelector('[role="dialog"]')!).backgroundColor };
    });
    expect(colors).toEqual({ page: 'rgb(255, 255, 255)', text: 'rgb(17, 24, 39)', dialog: 'rgb(23, 26, 33)' });
    await h.screenshot('62-export-dialog-dark');
    await h.page.keyboard.press('Escape');
    await h.page.emulateMedia({ colorScheme: 'light' });
  });

  it('sets the adviser, firm, logo and disclaimer once, in the dialog; the preview and the database carry them', async () => {
    await h.page.getByTestId('export-button').click();
    const dialog = h.page.getByRole('dialog', { name: 'Export report' });
    await dialog.waitFor();
    await h.page.getByTestId('export-edit-prefs').click();
    await h.page.getByTestId('prefs-adviser').fill('Ana Ruiz');
    await h.page.getByTestId('prefs-firm').fill('Ruiz & Partners <b>LLP</b>');
    await h.page.getByTestId('prefs-disclaimer').fill('For Ann Smith only.\nNot advice.');
    // A real 1x1 PNG, read in the window as a data: URL (the report links to nothing).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await h.page.getByTestId('prefs-logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await h.page.getByTestId('prefs-logo-image').waitFor();
    await h.screenshot('63-report-preferences');
    await h.page.getByTestId('prefs-save').click();
    await h.page.getByTestId('report-prefs').waitFor({ state: 'detached' });
    await expect.poll(() => previewText(h)).toContain('Ruiz & Partners <b>LLP</b>');
    const cover = await h.page.evaluate(() => {
      const root = document.querySelector('[data-testid="report-preview-page"]')!.shadowRoot!;
      return { logo: root.querySelector('img.logo')?.getAttribute('src') ?? null, bold: root.querySelectorAll('b').length, disclaimer: root.textContent?.includes('Not advice.') };
    });
    expect(cover).toEqual({ logo: `data:image/png;base64,${png.toString('base64')}`, bold: 0, disclaimer: true });
    const saved = await h.backend.handlers.getReportPreferences({});
    expect(saved).toMatchObject({ adviserName: 'Ana Ruiz', adviserFirm: 'Ruiz & Partners <b>LLP</b>', disclaimer: 'For Ann Smith only.\nNot advice.' });
    await h.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('made no network request and logged no error (no CSP violation either)', () => {
    expect(h.requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('data:'))).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
