/**
 * Securities in the window: each holding says which security it is and how that was decided; a tag
 * says how many positions it reaches; "Same security as…" links a holding; Needs review asks the user.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateInput } from '../../shared/api/validate';
import { makeTempDir } from '../helpers/temp-dir';
import { startHarness, type Harness } from './harness';

const HEADER = 'Account,Symbol,ISIN,Description,Quantity,Market Value,Currency\n';

describe('securities in the window', () => {
  const temp = makeTempDir('themelens-e2e-securities-');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const us = join(temp.dir, 'us.csv');
    const eu = join(temp.dir, 'eu.csv');
    writeFileSync(us, `${HEADER}X1,NVDA,,NVIDIA CORP,10,1800.00,USD\nX1,AAL,,AMERICAN AIRLS GROUP INC,100,1500.00,USD\n`);
    writeFileSync(eu, `${HEADER}E1,,US67066G1040,NVIDIA CORP,5,800.00,USD\nE1,ACME2,,ACME NVIDIA TRACKER,1,100.00,USD\nE1,NVDA,US02376R1023,ODD ROW,1,50.00,USD\n`);
    await h.backend.handlers.importHoldings(validateInput('importHoldings', { path: us, portfolioName: 'US', asOf: '2026-11-30' }));
    await h.backend.handlers.importHoldings(validateInput('importHoldings', { path: eu, portfolioName: 'EU', asOf: '2026-11-30' }));
    await h.page.reload();
    await h.page.getByTestId('portfolio-picker').selectOption({ label: 'US' });
    await h.page.getByTestId('position-row-NVDA').waitFor();
  });
  afterAll(async () => {
    await h?.close();
    temp.cleanup();
  });

  it("each symbol's tooltip names its security; a tag on NVDA says it reaches both portfolios", async () => {
    await expect.poll(() => h.page.getByTestId('symbol-NVDA').getAttribute('title')).toContain('NVIDIA Corporation · ISIN US67066G1040 · US listing · identified by ticker NVDA');
    expect(await h.page.getByTestId('symbol-AAL').getAttribute('title')).toContain('American Airlines Group Inc. · ISIN US02376R1023');
    await h.page.getByTestId('tag-button-NVDA').click();
    await h.page.getByTestId('tag-reach').waitFor();
    expect(await h.page.getByTestId('tag-reach').innerText()).toBe('Applies to 2 positions in 2 portfolios');
    await h.page.getByTestId('tag-weight-input').fill('60');
    // The weight's sign stays beside it, on its line (in a wide font it had wrapped alone to the next).
    const input = (await h.page.getByTestId('tag-weight-input').boundingBox())!;
    const sign = (await h.page.locator('.tag-editor .pct-sign').boundingBox())!;
    expect(Math.abs(sign.y + sign.height / 2 - (input.y + input.height / 2))).toBeLessThan(4);
    expect(sign.x).toBeGreaterThanOrEqual(input.x + input.width);
    await h.screenshot('securities-tag-reach');
    await h.page.getByTestId('tag-weight-input').press('Enter');
    await h.page.getByTestId('position-row-NVDA').getByText('60%').waitFor();
  });

  it('the same NVIDIA held by ISIN in the other portfolio carries the tag; a holding can be linked as the same security', async () => {
    await h.page.getByTestId('portfolio-picker').selectOption({ label: 'EU' });
    // Polled: the US portfolio's NVDA row also shows 60% until the EU portfolio's rows replace it.
    await expect.poll(() => h.page.getByTestId('symbol-NVDA').getAttribute('title')).toContain('identified by ISIN US67066G1040');
    await h.page.getByTestId('position-row-NVDA').getByText('60%').waitFor();
    expect(await h.page.getByTestId('symbol-REVIEW:NVDA').innerText()).toContain('Needs review');
    await h.page.getByTestId('tag-button-ACME2').click();
    await h.page.getByTestId('same-security-toggle').click();
    await h.page.getByTestId('same-security-input').fill('US67066G1040');
    await h.page.getByTestId('same-security-input').press('Enter');
    // ACME2 now takes NVIDIA's 60%, shown as a copy of the security's tag.
    await h.page.getByTestId('position-row-ACME2').getByText('same security').waitFor();
    // The chip that names its source and the + beside it share one line (the + had wrapped to a second).
    const chip = (await h.page.getByTestId('position-row-ACME2').locator('.chip').boundingBox())!;
    const plus = (await h.page.getByTestId('tag-button-ACME2').boundingBox())!;
    expect(Math.abs(plus.y + plus.height / 2 - (chip.y + chip.height / 2))).toBeLessThan(4);
    await expect.poll(() => h.page.getByTestId('symbol-ACME2').getAttribute('title')).toContain('takes the tags of NVDA (linked by you)');
  });

  it('Needs review: the row whose ticker and ISIN disagree waits until the user says which security it is', async () => {
    // The exposure's warning says it counts as untagged, and its button opens Needs review.
    const warning = h.page.getByTestId('exposure-warnings').locator('p', { hasText: 'Needs review' });
    expect(await warning.innerText()).toMatch(/^1 position could be more than one security and counts as untagged/);
    // The table fits its half of the window, a chip that says where its tag came from too ("same security").
    const fit = await h.page.locator('.positions .table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    // The badge under its symbol is one line ("Needs review", not "Needs / review").
    const badge = await h.page.locator('td.symbol .warn-badge').first().evaluate((el) => ({ height: el.getBoundingClientRect().height, font: parseFloat(getComputedStyle(el).fontSize) }));
    expect(badge.height).toBeLessThan(2 * badge.font);
    await h.screenshot('securities-unresolved-warning');
    await warning.getByTestId('warning-action-review').click();
    await expect.poll(() => h.page.getByTestId('review-tab').getAttribute('aria-selected')).toBe('true');
    const item = h.page.getByTestId('review-panel').locator('li').first();
    await item.waitFor();
    expect(await item.innerText()).toContain('NVDA in USD is NVDA by its ticker, but its ISIN US02376R1023 is AAL.');
    await h.screenshot('securities-needs-review');
    await item.getByRole('button', { name: 'It is AAL' }).click();
    await h.page.getByTestId('review-empty').waitFor();
    expect((await h.backend.handlers.listSecurities({ unresolved: true })).reviews).toEqual([]);
  });
});
