/**
 * Deleting the last portfolio: the window shows its empty state, and the deletion's Undo stays
 * offered there (it was a toast, and the undo was lost), in the banner and as the window's Undo.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { importAsNewPortfolio, startHarness, type Harness } from './harness';

describe('undoing the deletion of the last portfolio', () => {
  const temp = makeTempDir('themelens-e2e-undo-');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const holdings = join(temp.dir, 'positions.csv');
    writeFileSync(holdings, 'Symbol,Description,Quantity,Market Value\nNVDA,NVIDIA CORP,10,"6,000.00"\nKMI,KINDER MORGAN,100,"4,000.00"\n');
    await importAsNewPortfolio(h, holdings, 'Only one', 'NVDA');
  });
  afterAll(async () => {
    await h?.close();
    temp.cleanup();
  });

  it('offers the undo on the empty state, and Ctrl+Z brings the portfolio and its positions back', async () => {
    await h.page.getByTestId('view-tab-portfolios').click();
    const [p] = await h.backend.handlers.listPortfolios({});
    await h.page.getByTestId(`delete-portfolio-${p!.id}`).click();
    await h.page.getByTestId('delete-confirm').click();
    await h.page.getByTestId('empty-state').waitFor();
    const banner = h.page.getByTestId('undo-delete');
    expect(await banner.innerText()).toContain('Deleted “Only one”.');
    expect(await h.page.getByTestId('undo-button').getAttribute('title')).toBe('Undo: Delete Only one (Ctrl+Z)');
    expect(h.backend.db.prepare('SELECT count(*) FROM portfolios').pluck().get()).toBe(0);
    await h.screenshot('empty-state-undo-delete');
    await h.page.keyboard.press('Control+z');
    // Back on the view it was deleted from, and its positions with it.
    await h.page.getByTestId('portfolios-table').getByText('Only one').waitFor();
    await h.page.getByTestId('view-tab-positions').click();
    await h.page.getByTestId('position-row-NVDA').waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(h.backend.db.prepare("SELECT count(*) FROM portfolios WHERE name = 'Only one'").pluck().get()).toBe(1);
    await h.page.getByTestId('toast').filter({ hasText: 'Restored Only one.' }).waitFor();
    expect(await h.page.getByTestId('undo-button').isDisabled()).toBe(true);
  });
});
