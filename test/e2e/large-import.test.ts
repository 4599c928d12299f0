import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHoldingsCsv } from '../bench/generate';
import { makeTempDir } from '../helpers/temp-dir';
import { startHarness, type Harness } from './harness';

describe('large imports: progress, a responsive window, cancel, and a 10,000-row file shown fast', () => {
  const temp = makeTempDir('themelens-large-');
  const million = join(temp.dir, 'Portfolio_Positions_million.csv');
  const tenThousand = join(temp.dir, 'Portfolio_Positions_10k.csv');
  const thousand = join(temp.dir, 'Portfolio_Positions_1k.csv');
  let h: Harness;
  beforeAll(async () => {
    await writeHoldingsCsv(million, 1_000_000);
    await writeHoldingsCsv(tenThousand, 10_000);
    await writeHoldingsCsv(thousand, 1_000, 100_000);
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    temp.cleanup();
  });

  it('shows progress while a 1,000,000-row import runs, stays responsive, and cancels leaving nothing', async () => {
    await h.page.getByTestId('empty-state').waitFor();
    h.openDialogAnswers.push(million);
    await h.page.getByTestId('import-button').first().click();
    await h.page.getByTestId('new-portfolio-name').fill('Million');
    await h.page.getByTestId('new-portfolio-confirm').click();
    const bar = h.page.getByRole('progressbar');
    await bar.waitFor();
    // Progress arrives. The import of 1,000,000 rows takes about two seconds, so everything up to the
    // cancel click is kept short: the screenshot is taken while the round trip is measured.
    await h.page.waitForFunction(() => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 1, undefined, { timeout: 30_000 });
    // The window keeps answering: a backend round trip and a frame during the import.
    const [latency] = await Promise.all([
      h.page.evaluate(async () => {
        const t0 = performance.now();
        await window.themelens.listThemes({});
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      }),
      h.screenshot('10-large-import-progress'),
    ]);
    console.log(`round trip + frame during a 1,000,000-row import: ${latency.toFixed(1)} ms`);
    // A blocked backend would take seconds here (the import runs for several); a free one, milliseconds.
    expect(latency).toBeLessThan(500);
    await h.page.getByTestId('import-cancel').click();
    await h.page.getByTestId('import-error-dialog').waitFor({ timeout: 30_000 });
    expect(await h.page.getByTestId('import-error-dialog').innerText()).toMatch(/cancelled; nothing was written/);
    await h.page.keyboard.press('Escape');
    expect(h.backend.db.prepare('SELECT count(*) FROM positions').pluck().get()).toBe(0);
    expect(h.backend.db.prepare('SELECT count(*) FROM portfolios').pluck().get()).toBe(0);
  });

  it('imports and shows a 10,000-row file (time printed for the note)', async () => {
    h.openDialogAnswers.push(tenThousand);
    await h.page.getByTestId('import-button').first().click();
    await h.page.getByTestId('new-portfolio-name').fill('Ten thousand');
    const t0 = Date.now();
    await h.page.getByTestId('new-portfolio-confirm').click();
    await h.page.getByTestId('exposure-row-total').waitFor();
    await h.page.locator('[data-testid^="position-row-"]').first().waitFor();
    const ms = Date.now() - t0;
    // The first page is drawn at once; the other 9,800 positions follow, and the tools wait for them.
    await h.page.getByTestId('positions-loading').waitFor({ state: 'detached' });
    const whole = Date.now() - t0;
    // Where the time went: each backend call the page made, from the click (the rest is the window's own work).
    const calls = h.calls.filter((c) => c.end >= t0).map((c) => `${c.name} ${c.start - t0}-${c.end - t0}`);
    console.log(`10,000-row file imported and its first rows shown in ${ms} ms, all rows loaded in ${whole} ms (calls, ms from the click: ${calls.join(', ')})`);
    // Only the rows in view are in the DOM; the note says how many the screen holds.
    expect(await h.page.getByTestId('positions-table').locator('tbody tr[data-row]').count()).toBeLessThan(80);
    expect(await h.page.locator('.positions .section-head').innerText()).toContain('10,000 positions');
    // Every position is in the table (virtualized), not only the largest ones.
    expect(await h.page.getByTestId('more-rows').count()).toBe(0);
    await h.screenshot('11-ten-thousand');
  });

  it('searches and sorts all 10,000 positions (times printed for the note)', async () => {
    const db = h.backend.db;
    const sid = db.prepare("SELECT s.id FROM snapshots s JOIN portfolios p ON p.id = s.portfolio_id WHERE p.name = 'Ten thousand'").pluck().get() as number;
    const expected = db
      .prepare("SELECT count(*) FROM positions WHERE snapshot_id = ? AND (coalesce(symbol, symbol_key) LIKE '%s1a%' OR description LIKE '%s1a%' OR account LIKE '%s1a%')")
      .pluck()
      .get(sid) as number;
    expect(expected).toBeGreaterThan(0);
    const typed = await h.page.evaluate(async () => {
      const input = document.querySelector('[data-testid="positions-search"]') as HTMLInputElement;
      const count = document.querySelector('[data-testid="positions-count"]') as HTMLElement;
      const t0 = performance.now();
      input.focus();
      // React listens for input events; set the value the way typing does.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 's1a');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise<void>((done) => {
        const check = () => (/ of 10,000/.test(count.innerText) ? done() : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    });
    console.log(`search over 10,000 positions, table updated: ${typed.toFixed(0)} ms`);
    expect(await h.page.getByTestId('positions-count').innerText()).toContain(`${expected.toLocaleString('en-US')} of 10,000 positions`);
    await h.screenshot('13-search');
    await h.page.getByTestId('positions-search').fill('');
    // The filter runs on the deferred search text: wait until the table shows all rows again,
    // or the sort below can land on the still-filtered rows.
    await h.page.getByTestId('positions-count').filter({ hasText: /^10,000 positions/ }).waitFor();
    const firstSymbol = db.prepare('SELECT coalesce(symbol, symbol_key) FROM positions WHERE snapshot_id = ? ORDER BY upper(coalesce(symbol, symbol_key)), id LIMIT 1').pluck().get(sid) as string;
    const sorted = await h.page.evaluate(async () => {
      const t0 = performance.now();
      (document.querySelector('[data-testid="sort-symbol"]') as HTMLButtonElement).click();
      await new Promise<void>((done) => {
        const check = () => (document.querySelector('th[aria-sort="ascending"]') ? done() : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    });
    console.log(`sort 10,000 positions by symbol, table updated: ${sorted.toFixed(0)} ms`);
    expect(await h.page.locator('[data-testid^="position-row-"]').first().locator('td.symbol').innerText()).toBe(firstSymbol);
    await h.page.getByTestId('sort-symbol').click();
    await h.page.getByTestId('sort-symbol').click(); // back to the file's order
  });

  it('keeps the Positions view as it was while another view is shown: search, scroll and all', async () => {
    const search = h.page.getByTestId('positions-search');
    const count = h.page.getByTestId('positions-count');
    await search.fill('s1');
    await count.filter({ hasText: / of 10,000 positions/ }).waitFor();
    const shown = await count.innerText();
    const scroller = h.page.locator('.positions .table-scroll');
    await scroller.evaluate((el) => el.scrollTo({ top: 2000 }));
    await h.page.waitForFunction(() => (document.querySelector('.positions .table-scroll')?.scrollTop ?? 0) >= 2000);
    const firstRow = async () => {
      // Just under the sticky header, whatever its height (a figure's header may take two lines).
      const top = await scroller.evaluate((el) => (el.querySelector('thead th')?.getBoundingClientRect().bottom ?? el.getBoundingClientRect().top + 40) + 10);
      return h.page.evaluate((y) => document.elementFromPoint(400, y)?.closest('tr')?.getAttribute('data-index') ?? null, top);
    };
    // The virtualized table draws the rows at the new scroll position in a frame after the scroll:
    // read too soon, the point under the header is empty (seen once in a clean-clone run).
    await expect.poll(async () => Number(await firstRow())).toBeGreaterThan(10);
    const rowBefore = await firstRow();
    await h.page.getByTestId('view-tab-themes').click();
    await h.page.getByTestId('donut-chart').waitFor();
    // Hidden meanwhile: one main element in view.
    expect(await h.page.locator('main:visible').count()).toBe(1);
    await h.page.getByTestId('view-tab-positions').click();
    await expect.poll(() => search.inputValue()).toBe('s1');
    expect(await count.innerText()).toBe(shown);
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThanOrEqual(2000);
    expect(await firstRow()).toBe(rowBefore);
    await h.screenshot('13b-positions-kept');
    // A new search starts at the top again.
    await search.fill('s12');
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(0);
    await search.fill('');
    await count.filter({ hasText: /^10,000 positions/ }).waitFor();
  });

  it('tags 1,000 selected rows at once and shows the result (time printed for the note)', async () => {
    h.openDialogAnswers.push(thousand);
    await h.page.getByTestId('import-button').first().click();
    await h.page.getByTestId('import-target').selectOption('new');
    await h.page.getByTestId('new-portfolio-name').fill('One thousand');
    await h.page.getByTestId('new-portfolio-confirm').click();
    await h.page.locator('.positions .section-head').filter({ hasText: '1,000 positions' }).waitFor();
    // Select all waits for every page of the list (the first holds 200).
    await h.page.getByTestId('positions-loading').waitFor({ state: 'detached' });
    await h.page.getByTestId('positions-table').locator('tbody tr[data-row]').first().focus();
    await h.page.keyboard.press('Control+a');
    await h.page.getByTestId('bulk-bar').filter({ hasText: '999 selected' }).waitFor(); // 1,000 rows, one of them cash
    await h.page.getByTestId('bulk-theme').selectOption('data-centers');
    await h.page.getByTestId('bulk-weight').fill('25');
    const ms = await h.page.evaluate(async () => {
      const row = document.querySelector('[data-testid="exposure-row-data-centers"]') as HTMLElement;
      const before = row.innerText;
      const t0 = performance.now();
      (document.querySelector('[data-testid="bulk-apply"]') as HTMLButtonElement).click();
      await new Promise<void>((done) => {
        const check = () => (row.innerText !== before ? done() : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    });
    console.log(`tagging 1,000 selected rows, table and chart updated: ${ms.toFixed(0)} ms`);
    const tagged = h.backend.db.prepare("SELECT count(DISTINCT symbol_key) FROM tags WHERE theme_id = 'data-centers' AND weight_bp = 2500").pluck().get() as number;
    expect(tagged).toBeGreaterThan(0);
    await h.screenshot('12-thousand-tagged');
  });
});
