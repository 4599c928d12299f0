import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const FIXTURE = resolve(__dirname, '../fixtures/journey/fidelity-two-accounts.csv');

describe('first journey: empty app, import, tag, chart, export (real renderer, real backend, real SQLite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows an empty state that says what to do first', async () => {
    const empty = h.page.getByTestId('empty-state');
    await empty.waitFor();
    expect(await empty.innerText()).toMatch(/import/i);
    await h.screenshot('01-empty-state');
  });

  it('imports a holdings file through the open dialog into a new portfolio', async () => {
    h.openDialogAnswers.push(FIXTURE);
    await h.page.getByTestId('import-button').first().click();
    const dialog = h.page.getByTestId('new-portfolio-dialog');
    await dialog.waitFor();
    const name = h.page.getByTestId('new-portfolio-name');
    await name.fill('Smith family');
    await h.page.getByTestId('new-portfolio-confirm').click();
    await h.page.getByTestId('positions-table').waitFor();
    await h.page.getByTestId('position-row-KMI').waitFor();
    const rows = h.page.locator('[data-testid^="position-row-"]');
    expect(await rows.count()).toBe(6);
    expect(await h.page.getByTestId('exposure-row-total').innerText()).toContain('$40,553.36');
    await h.screenshot('02-imported');
  });

  it('tags two symbols with the keyboard-friendly tag editor', async () => {
    await tag(h, 'NVDA', 'data-centers', '60');
    await expectText(h, 'exposure-row-data-centers', '$12,978.00');
    await tag(h, 'KMI', 'oil-logistics', '100');
    await expectText(h, 'exposure-row-oil-logistics', '$8,133.00');
    await expectText(h, 'exposure-row-untagged', '$19,442.36');
    // The chart draws one bar per theme plus untagged.
    const chart = h.page.getByTestId('exposure-chart');
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(3);
    const chartText = await chart.innerText();
    expect(chartText).toMatch(/Untagged/);
    // Every theme's name is under its bar, whole, and no two run into each other.
    const labels = await chart.locator('.category-tick text').evaluateAll((els) =>
      els.map((el) => ({ text: (el.textContent ?? '').replace(/\s+/g, ' '), box: el.getBoundingClientRect().toJSON() as DOMRect })),
    );
    expect(labels.map((l) => l.text)).toEqual(['Data-centerinfrastructure', 'Crude-oillogistics', 'Diamondsemiconductors', 'Untagged']);
    for (let i = 1; i < labels.length; i++) expect(labels[i]!.box.left).toBeGreaterThan(labels[i - 1]!.box.right + 2);
    // The positions table fits its half of the window: a tag's × is never cut off at the edge (a
    // long theme name wraps inside its chip).
    const fit = await h.page.locator('.positions .table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    // A tagged row is one line: the sign beside its chip, the account number whole (never X123456 / 78).
    const nvda = h.page.getByTestId('position-row-NVDA').first();
    const chip = (await nvda.locator('.chip').first().boundingBox())!;
    const sign = (await nvda.locator('button.tag-sign').boundingBox())!;
    expect(sign.y).toBeLessThan(chip.y + chip.height);
    const account = await nvda.locator('.account-text').evaluate((el) => ({ height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) || 20 }));
    expect(account.height).toBeLessThan(1.5 * account.line);
    await h.screenshot('03-tagged-chart');
    // The backend really stored the tags in the SQLite file.
    const tags = h.backend.db.prepare('SELECT symbol_key, theme_id, weight_bp FROM tags ORDER BY symbol_key').raw().all();
    expect(tags).toEqual([['KMI', 'oil-logistics', 10000], ['NVDA', 'data-centers', 6000]]);
  });

  it('shows long, short and gross, and copies the whole exposure table for a spreadsheet', async () => {
    await h.page.getByTestId('exposure-mode-long-short').click();
    await expectText(h, 'exposure-row-data-centers', '$12,978.00');
    expect(await h.page.getByTestId('exposure-table').locator('thead').innerText()).toMatch(/Long\s+Short\s+Gross\s+Net\s+Share\s+Pos\./);
    await h.screenshot('03b-long-short');
    await h.page.getByTestId('exposure-copy').click();
    await expectText(h, 'exposure-copy-status', 'Copied');
    const copied = await h.page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\r\n').slice(0, 3)).toEqual([
      'Theme\tNet (USD)\tLong (USD)\tShort (USD)\tGross (USD)\tShare (%)\tPositions',
      'Data-center infrastructure\t12978.00\t12978.00\t0.00\t12978.00\t32.0\t2',
      'Crude-oil logistics\t8133.00\t8133.00\t0.00\t8133.00\t20.1\t1',
    ]);
    expect(copied).toContain('Total\t40553.36\t\t\t\t100.0\t');
    await h.page.getByTestId('exposure-mode-net').click();
  });

  it('exports a CSV report through the save dialog', async () => {
    const out = join(h.dataDir, 'smith-report.csv');
    h.saveDialogAnswers.push(out);
    await h.page.getByTestId('export-button').click();
    await h.page.getByTestId('export-format-csv').check();
    await h.page.getByTestId('export-save').click();
    await h.page.getByTestId('toast').waitFor();
    await h.page.getByTestId('export-saved').waitFor();
    await h.screenshot('04-exported');
    await h.page.keyboard.press('Escape');
    expect(existsSync(out)).toBe(true);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('Data-center infrastructure,data-centers,12978.00');
    expect(csv).toContain('Crude-oil logistics,oil-logistics,8133.00');
    expect(csv).toContain('Total,,40553.36');
  });

  it('reads well in the dark theme too', async () => {
    await h.page.emulateMedia({ colorScheme: 'dark' });
    const bg = await h.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(15, 17, 21)');
    await h.screenshot('05-dark');
    await h.page.emulateMedia({ colorScheme: 'light' });
  });

  it('made no network request beyond its own bundle and logged no errors', () => {
    const foreign = h.requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});

async function tag(h: Harness, symbol: string, themeId: string, percent: string) {
  await h.page.getByTestId(`tag-button-${symbol}`).first().click();
  await h.page.getByTestId('tag-theme-select').selectOption(themeId);
  const weight = h.page.getByTestId('tag-weight-input');
  await weight.fill(percent);
  await weight.press('Enter');
  await h.page.getByTestId('tag-theme-select').waitFor({ state: 'detached' });
}

async function expectText(h: Harness, testId: string, text: string) {
  await h.page.getByTestId(testId).filter({ hasText: text }).waitFor({ timeout: 5000 });
}
