import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImportAsNew, startHarness, type Harness } from './harness';

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
    expect(await h.page.getByTestId('import-valid-rows').innerText()).toBe('Import the 1 valid row only');
    await h.page.getByTestId('import-valid-rows').click();
    await h.page.getByTestId('exposure-row-total').filter({ hasText: '$18,025.00' }).waitFor();
    // One position is "1 position", in the panel's head as in the confirmation.
    expect(await h.page.getByTestId('positions-count').innerText()).toBe('1 position · bad-quantity.csv');
    await h.page.getByTestId('toast').filter({ hasText: 'Imported 1 position into Partial, 1 row skipped.' }).waitFor();
    await h.page.getByTestId('show-rejected-rows').click();
    const shown = h.page.getByTestId('rejected-rows-dialog');
    await shown.waitFor();
    expect(await shown.getByTestId('issues-table').locator('tbody tr').innerText()).toContain('three hundred');
    await h.screenshot('31-rejected-rows-kept');
  });

  it('an import whose figures need checking says what, and the message stays until dismissed', async () => {
    await h.page.keyboard.press('Escape');
    // A long holding worth less than nothing, a file total the rows do not add up to, and an ISIN
    // with a typo (Microsoft's ends in 5).
    const file = join(h.dataDir, 'needs-checking.csv');
    writeFileSync(file, 'Symbol,ISIN,Description,Quantity,Price,Market Value\nAAPL,US0378331005,APPLE INC,10,150,-1500\nMSFT,US5949181046,MICROSOFT,5,300,1500\nKMI,,KINDER MORGAN,10,20,200\nTotal,,,,,100\n');
    await openImportAsNew(h, file, 'Checks');
    // The preview already points at the row, before anything is imported.
    const previewRow = h.page.getByTestId('import-preview').locator('tbody tr').first();
    expect(await previewRow.getByTestId('preview-note').innerText()).toBe("Its value's sign is not that of quantity x price: check that the value column is the market value, not a gain or loss.");
    // The ISIN with a typo too, before the import (only the import said it): its cell amber, its reason on the row.
    const notes = h.page.getByTestId('import-preview').getByTestId('preview-note');
    expect(await notes.count()).toBe(2);
    expect(await notes.nth(1).innerText()).toBe('US5949181046: not a valid ISIN (its check digit fails): the position is kept, identified without it. Check the cell.');
    expect(await h.page.getByTestId('import-preview').getByTestId('preview-warn-cell').innerText()).toBe('US5949181046');
    await h.screenshot('32-import-preview-note');
    await h.page.getByTestId('new-portfolio-confirm').click();
    const toast = h.page.getByTestId('toast').filter({ hasText: 'Imported 3 positions into Checks.' });
    await toast.waitFor();
    expect(await toast.getAttribute('class')).toContain('warn');
    expect(await toast.getAttribute('role')).toBe('alert');
    const details = await toast.getByTestId('toast-details').locator('li').allTextContents();
    expect(details).toHaveLength(3);
    expect(details[0]).toMatch(/^The file's own total \(100\.00\) differs from the sum of the imported rows \(200\.00\)/);
    expect(details[1]).toMatch(/^1 position has a value whose sign is not that of quantity x price \(line 2, AAPL: 10 x 150, value -1,500\.00\)/);
    expect(details[2]).toBe('needs-checking.csv line 3, column 2 (ISIN): US5949181046 is not a valid ISIN (its check digit fails). The position is kept; the ISIN is not used to identify it. Check the cell.');
    await h.screenshot('32-import-warnings');
    // An ordinary confirmation goes after 5 s; this one is still there after 6.
    await h.page.waitForTimeout(6000);
    expect(await toast.isVisible()).toBe(true);
    // A later confirmation about the same portfolio (a chart saved) shows above the warning, not in its place.
    await h.page.getByTestId('view-tab-accounts').click();
    h.saveDialogAnswers.push(join(h.dataDir, 'checks-accounts.svg'));
    await h.page.getByTestId('accounts-chart-save-svg').click();
    const notice = h.page.getByTestId('toast').filter({ hasText: 'checks-accounts.svg' });
    await notice.waitFor();
    const [above, below] = [await notice.boundingBox(), await toast.boundingBox()];
    expect(above!.y + above!.height).toBeLessThanOrEqual(below!.y);
    await h.screenshot('32-import-warning-and-confirmation');
    // Escape on the warning (its Dismiss button reached by keyboard) closes it, and only it, and
    // focus goes back where it came from.
    await h.page.getByTestId('import-button').first().focus();
    await toast.getByRole('button', { name: 'Dismiss' }).focus();
    await h.page.keyboard.press('Escape');
    await toast.waitFor({ state: 'detached' });
    expect(await notice.isVisible()).toBe(true);
    expect(await h.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-button');
    // The warning again, then an import into another portfolio: it goes with the portfolio it is about
    // (under Clean's figures it read as theirs), the new import's confirmation shown alone.
    await h.page.getByTestId('view-tab-positions').click();
    await openImportAsNew(h, file, 'Checks again');
    await h.page.getByTestId('new-portfolio-confirm').click();
    await h.page.getByTestId('toast').filter({ hasText: 'Imported 3 positions into Checks again.' }).waitFor();
    const clean = join(h.dataDir, 'clean.csv');
    writeFileSync(clean, 'Symbol,Description,Quantity,Price,Market Value\nMSFT,MICROSOFT,5,300,1500\n');
    await openImportAsNew(h, clean, 'Clean');
    await h.page.getByTestId('new-portfolio-confirm').click();
    await h.page.getByTestId('toast').filter({ hasText: 'Imported 1 position into Clean.' }).waitFor();
    await h.page.getByTestId('toast').filter({ hasText: 'Checks again' }).waitFor({ state: 'detached' });
    expect(await h.page.getByTestId('toast').count()).toBe(1);
  });
});
