import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { startHarness, type Harness } from './harness';

describe('try a sample household (real renderer, real backend, the real import of its files)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('loads from the empty state, is marked as a sample, adds up on the Household tab, and goes in one click', async () => {
    await h.page.getByTestId('empty-state').waitFor();
    await h.page.getByTestId('try-sample').click();
    await h.page.getByTestId('sample-banner').waitFor();
    expect(await h.page.getByTestId('portfolio-picker').locator('option').allInnerTexts()).toEqual([
      'Sample: DEGIRO (EUR) (Sample household)',
      'Sample: SBI NISA (JPY) (Sample household)',
      'Sample: US brokerage (Sample household)',
    ]);
    await h.page.getByTestId('view-tab-household').click();
    const view = h.page.getByTestId('household-view');
    await view.filter({ hasText: 'Sample household' }).waitFor();
    // A portfolio whose name says its currency is not given it a second time.
    const portfolios = await h.page.getByTestId('household-portfolios').innerText();
    expect(portfolios).toContain('Sample: SBI NISA (JPY)');
    expect(portfolios).not.toContain('(JPY) (JPY)');
    await h.screenshot('42-sample-household');
    // The app bar fits the window with a long portfolio name: the picker gives way, every button is whole.
    const bar = await h.page.locator('header.toolbar').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, window: window.innerWidth }));
    expect(bar.scroll).toBeLessThanOrEqual(bar.client);
    const exportButton = (await h.page.getByTestId('export-button').boundingBox())!;
    expect(exportButton.x + exportButton.width).toBeLessThanOrEqual(bar.window);
    expect(await axeViolations(h.page, 'sample household')).toEqual([]);
    await h.page.getByTestId('remove-sample').click();
    await h.page.getByTestId('empty-state').waitFor();
    expect(await h.page.getByTestId('sample-banner').count()).toBe(0);
    expect(h.backend.db.prepare('SELECT (SELECT count(*) FROM portfolios) + (SELECT count(*) FROM tags) + (SELECT count(*) FROM fx_rates) + (SELECT count(*) FROM funds)').pluck().get()).toBe(0);
  });
});
