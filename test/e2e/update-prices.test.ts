/**
 * Update prices… in the real renderer: the latest holdings revalued at a prices file's prices as a new
 * snapshot, the stale ones named in the message, the positions table showing the new values.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../db/repos/clock';
import { makeTempDir } from '../helpers/temp-dir';
import { startHarness, type Harness } from './harness';

/** A day as the window writes it ("Dec 7, 2026"). */
const shownDate = (iso: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(`${iso}T00:00:00`));
const weekAgo = localDate(new Date(Date.now() - 7 * 86_400_000));

describe('Update prices…', () => {
  const temp = makeTempDir('themelens-e2e-prices-');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const holdings = join(temp.dir, 'positions.csv');
    writeFileSync(holdings, 'Symbol,Description,Quantity,Price,Market Value\nNVDA,NVIDIA CORP,10,150.00,"1,500.00"\nKMI,KINDER MORGAN,100,27.00,"2,700.00"\n');
    // Holdings of a week ago, so a value kept at today's prices is of another day.
    await h.backend.handlers.importHoldings({ path: holdings, portfolioName: 'Prices', asOf: weekAgo, options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    await h.page.reload();
    await h.page.getByTestId('position-row-NVDA').waitFor();
  });
  afterAll(async () => {
    await h?.close();
    temp.cleanup();
  });

  it('revalues what has a price, names what keeps its last value, and shows the new figures', async () => {
    const prices = join(temp.dir, 'prices.csv');
    // Dated today: the holdings were imported as of today, and prices may not be older than them.
    writeFileSync(prices, `symbol,price,currency,date\nNVDA,183.60,USD,${localDate()}\n`);
    h.openDialogAnswers.push(prices);
    await h.page.getByTestId('update-prices-button').click();
    const toast = h.page.getByTestId('toast').filter({ hasText: 'Repriced' });
    await toast.waitFor();
    expect(await toast.innerText()).toMatch(/Repriced 1 of 2 positions from prices\.csv, as of .*1 kept their last value: KMI \(no price in the file\)/);
    // A value left as it was is something to check: the message stays until dismissed.
    expect(await toast.getAttribute('class')).toContain('warn');
    // 10 x 183.60 = $1,836.00 (was $1,500.00).
    await h.page.getByTestId('position-row-NVDA').filter({ hasText: '$1,836.00' }).waitFor();
    expect(await h.page.getByTestId('position-row-KMI').innerText()).toContain('$2,700.00');
    // The snapshot says so for as long as it is shown, with the way to give the missing price.
    const today = localDate();
    const kept = h.page.getByTestId('exposure-warnings').locator('p', { hasText: 'kept an earlier value' });
    expect(await kept.innerText()).toBe(
      `KMI kept an earlier value (as far back as ${shownDate(weekAgo)}): prices.csv has no usable price for it. The total mixes that value with prices of ${shownDate(today)}. Add its price to the file and update prices again; a value that is not quantity x price (a bond quoted per 100, a contract with a multiplier) is never revalued. Update prices…`,
    );
    await h.screenshot('update-prices');
    // Its button updates prices again: a file with KMI's price revalues it, and the warning goes.
    const again = join(temp.dir, 'prices-again.csv');
    writeFileSync(again, `symbol,price,currency,date\nNVDA,183.60,USD,${today}\nKMI,28.00,USD,${today}\n`);
    h.openDialogAnswers.push(again);
    await kept.getByTestId('warning-action-prices').click();
    await h.page.getByTestId('position-row-KMI').filter({ hasText: '$2,800.00' }).waitFor();
    await kept.waitFor({ state: 'detached' });
  });

  it('a bad prices file: the message names line and column, and nothing changes', async () => {
    const bad = join(temp.dir, 'bad.csv');
    writeFileSync(bad, `symbol,price,currency,date\nNVDA,-5,USD,${localDate()}\n`);
    h.openDialogAnswers.push(bad);
    await h.page.getByTestId('update-prices-button').click();
    await h.page.getByTestId('toast').filter({ hasText: 'bad.csv, line 2, column 2' }).waitFor();
    expect(await h.page.getByTestId('position-row-NVDA').innerText()).toContain('$1,836.00');
  });
});
