import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const DEPOT = resolve(__dirname, '../fixtures/journey/depot-de.csv');

/**
 * The whole job with the keyboard alone: import a file whose value column must be mapped by hand,
 * tag a holding, import a second snapshot, compare the two and export a report. No mouse event
 * reaches the page (the test counts them), every Tab stop shows where focus is, and nothing is
 * clicked or filled through the test driver: only key presses.
 */
describe('keyboard-only journey: import, map, tag, compare, export', () => {
  let h: Harness;
  const noFocusRing: string[] = [];

  /** Presses Tab (or Shift+Tab) until the element with this test id has focus; every stop must show a focus ring. */
  async function tabTo(testId: string, backwards = false): Promise<void> {
    for (let i = 0; i < 80; i++) {
      const at = await h.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { id: null, ring: true, what: 'body' };
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        return { id: el.getAttribute('data-testid'), ring, what: `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"` };
      });
      if (!at.ring) noFocusRing.push(at.what);
      if (at.id === testId) return;
      await h.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached ${testId}`);
  }

  /** Moves a focused select (or radio group) with the arrow key until `done` says so. */
  async function arrowUntil(done: () => Promise<boolean>, key = 'ArrowDown'): Promise<void> {
    for (let i = 0; i < 40 && !(await done()); i++) await h.page.keyboard.press(key);
    expect(await done()).toBe(true);
  }
  const activeValue = () => h.page.evaluate(() => (document.activeElement as HTMLSelectElement | HTMLInputElement).value);
  const mouseEvents = () => h.page.evaluate(() => (window as unknown as { __mouseEvents: number }).__mouseEvents);

  beforeAll(async () => {
    h = await startHarness();
    await h.page.getByTestId('empty-state').waitFor();
    // Any pointer or mouse event, or a click that came from a pointer (detail > 0), is counted.
    await h.page.evaluate(() => {
      const w = window as unknown as { __mouseEvents: number };
      w.__mouseEvents = 0;
      for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'mousemove', 'wheel']) window.addEventListener(type, () => (w.__mouseEvents += 1), true);
      window.addEventListener('click', (e) => e.detail > 0 && (w.__mouseEvents += 1), true);
    });
    // The counter counts: one real mouse move is seen, then it starts from zero.
    await h.page.mouse.move(5, 5);
    expect(await mouseEvents()).toBeGreaterThan(0);
    await h.page.evaluate(() => ((window as unknown as { __mouseEvents: number }).__mouseEvents = 0));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('imports a German bank file, mapping its value column from the keyboard', async () => {
    h.openDialogAnswers.push(DEPOT);
    await tabTo('import-button');
    await h.page.keyboard.press('Enter');
    await h.page.getByTestId('import-preview').waitFor();
    await tabTo('map-value');
    await arrowUntil(async () => (await activeValue()) === 'Marktwert in Euro');
    await h.page.getByTestId('import-preview').locator('td.row-status.cell-bad').first().waitFor({ state: 'detached' });
    await tabTo('new-portfolio-name');
    await h.page.keyboard.press('ControlOrMeta+A');
    await h.page.keyboard.type('Depot Müller');
    await tabTo('new-portfolio-currency');
    await arrowUntil(async () => (await activeValue()) === 'EUR');
    await tabTo('new-portfolio-confirm');
    await h.page.keyboard.press('Enter');
    await h.page.getByTestId('exposure-row-total').filter({ hasText: '€26,624.25' }).waitFor();
  });

  it('tags NVIDIA at 60% from its row: arrows to the row, Enter, a theme, a weight, Enter', async () => {
    await tabTo('positions-search');
    // Rows are Tab stops; the first is the largest holding (NVIDIA, EUR 15,842.00).
    await h.page.keyboard.press('Tab');
    for (let i = 0; i < 40; i++) {
      const text = await h.page.evaluate(() => (document.activeElement as HTMLElement).innerText);
      if (text.includes('NVIDIA')) break;
      await h.page.keyboard.press(i < 20 ? 'Tab' : 'ArrowDown');
    }
    expect(await h.page.evaluate(() => (document.activeElement as HTMLElement).tagName)).toBe('TR');
    await h.page.keyboard.press('Enter');
    await h.page.getByTestId('tag-theme-select').waitFor();
    await arrowUntil(async () => (await activeValue()) === 'data-centers');
    await h.page.keyboard.press('Tab');
    await h.page.keyboard.press('ControlOrMeta+A');
    await h.page.keyboard.type('60');
    await h.page.keyboard.press('Enter');
    await h.page.getByTestId('tag-theme-select').waitFor({ state: 'detached' });
    // 15,842.00 x 60% = 9,505.20.
    await h.page.getByTestId('exposure-table').filter({ hasText: '€9,505.20' }).waitFor();
  });

  it('imports a second snapshot (the saved mapping applies) and compares the two on the Compare tab', async () => {
    const later = join(h.dataDir, 'depot-de-december.csv');
    writeFileSync(later, Buffer.from(readFileSync(DEPOT, 'latin1').replace('Stand: 24.11.2026', 'Stand: 01.12.2026').replace('US67066G1040;100;EUR;15.842,00', 'US67066G1040;120;EUR;19.010,40'), 'latin1'));
    h.openDialogAnswers.push(later);
    await tabTo('import-button', true);
    await h.page.keyboard.press('Enter');
    await h.page.getByTestId('file-format-summary').filter({ hasText: 'your saved column mapping' }).waitFor();
    await tabTo('new-portfolio-confirm');
    await h.page.keyboard.press('Enter');
    await h.page.getByTestId('exposure-row-total').filter({ hasText: '€29,792.65' }).waitFor();

    await tabTo('view-tab-positions');
    await arrowUntil(async () => (await h.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'view-tab-compare', 'ArrowRight');
    const compare = h.page.getByTestId('compare-themes');
    await compare.waitFor();
    // Data centers: 9,505.20 -> 19,010.40 x 60% = 11,406.24, all of it quantity: 20 more at 158.42, x 60% = 1,901.04.
    await compare.filter({ hasText: '€11,406.24' }).waitFor();
    expect(await compare.innerText()).toContain('€1,901.04');
    await h.screenshot('30-keyboard-compare');
  });

  it("reads a chart's figures from its data table, opened from the keyboard", async () => {
    await tabTo('view-tab-compare');
    await arrowUntil(async () => (await h.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'view-tab-themes', 'ArrowLeft');
    await h.page.getByTestId('donut-chart').waitFor();
    await tabTo('donut-chart-data-toggle');
    await h.page.keyboard.press('Enter');
    const table = h.page.getByTestId('donut-chart-data').locator('table');
    await table.waitFor({ state: 'visible' });
    expect(await table.innerText()).toMatch(/Data-center infrastructure\s+€11,406\.24\s+38\.3%/);
  });

  it('exports a CSV report: Ctrl+E, arrows to CSV, Tab to Save, Enter', async () => {
    const out = join(h.dataDir, 'keyboard-report.csv');
    h.saveDialogAnswers.push(out);
    await h.page.keyboard.press('ControlOrMeta+E');
    await h.page.getByTestId('export-dialog').waitFor();
    await tabTo('export-format-pdf');
    await arrowUntil(() => h.page.getByTestId('export-format-csv').isChecked());
    await tabTo('export-save');
    await h.page.keyboard.press('Enter');
    await h.page.getByTestId('export-saved').waitFor();
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('Depot Müller');
  });

  it('used no mouse at all, and every Tab stop showed where focus was', async () => {
    expect(await mouseEvents()).toBe(0);
    expect(noFocusRing).toEqual([]);
  });
});
