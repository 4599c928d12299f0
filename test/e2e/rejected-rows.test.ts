import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const BAD = resolve(__dirname, '../fixtures/journey/bad-quantity.csv');
const MALFORMED = resolve(__dirname, '../fixtures/journey/malformed-quote.csv');

describe('errors a person can act on', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a fatal problem is one clear message and nothing is written', async () => {
    h.openDialogAnswers.push(MALFORMED);
    await h.page.getByTestId('import-button').first().click();
    // The preview already tells: the file cannot be read.
    const dialog = h.page.getByTestId('new-portfolio-dialog');
    await dialog.getByRole('alert').filter({ hasText: /line 2/ }).waitFor();
    await h.page.keyboard.press('Escape');
    expect(h.backend.db.prepare('SELECT count(*) FROM portfolios').pluck().get()).toBe(0);
  });

  it('lists every rejected row, then imports the valid rows only and keeps the rejected ones visible', async () => {
    h.openDialogAnswers.push(BAD);
    await h.page.getByTestId('import-button').first().click();
    await h.page.getByTestId('new-portfolio-name').fill('Partial');
    await h.page.getByTestId('new-portfolio-confirm').click();
    const dialog = h.page.getByTestId('import-error-dialog');
    await dialog.waitFor();
    const row = dialog.getByTestId('issues-table').locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/^3\s+Quantity\s+three hundred\s+.*not a number/);
    await h.screenshot('30-rejected-rows');
    expect(h.backend.db.prepare('SELECT count(*) FROM portfolios').pluck().get()).toBe(0);
    await h.page.getByTestId('import-valid-rows').click();
    await h.page.getByTestId('exposure-row-total').filter({ hasText: '$18,025.00' }).waitFor();
    await h.page.getByTestId('show-rejected-rows').click();
    const shown = h.page.getByTestId('rejected-rows-dialog');
    await shown.waitFor();
    expect(await shown.getByTestId('issues-table').locator('tbody tr').innerText()).toContain('three hundred');
    await h.screenshot('31-rejected-rows-kept');
  });
});
