import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { importAsNewPortfolio, startHarness, type Harness } from './harness';

const DCX = resolve(__dirname, '../fixtures/funds/ishares-dcx.csv');

describe('fund look-through in the app', () => {
  const temp = makeTempDir('themelens-e2e-lt-');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const holdings = join(temp.dir, 'positions.csv');
    writeFileSync(holdings, 'Symbol,Description,Quantity,Market Value\nDCX,ISHARES DATA CENTER ETF,100,"10,000.00"\nKMI,KINDER MORGAN,10,"1,000.00"\n');
    await importAsNewPortfolio(h, holdings, 'Funds', 'DCX');
    // Constituents tagged beforehand (they are not held directly).
    await h.backend.handlers.applyTagChanges({ changes: [{ symbolKey: 'EQIX', themeId: 'data-centers', weightBp: 10000 }, { symbolKey: 'DLR', themeId: 'data-centers', weightBp: 10000 }] });
  });
  afterAll(async () => {
    await h?.close();
    temp.cleanup();
  });

  it('imports a fund holdings file and shows the fund counted "via holdings" in the themes', async () => {
    await h.page.getByTestId('themes-button').click();
    await h.page.getByTestId('funds-tab').click();
    await h.page.getByTestId('fund-symbol').fill('dcx');
    // A form's button lines up with the field beside it (its bottom edge), not a field's margin lower.
    const field = (await h.page.getByTestId('fund-symbol').boundingBox())!;
    const button = (await h.page.getByTestId('fund-import').boundingBox())!;
    expect(Math.abs(field.y + field.height - (button.y + button.height))).toBeLessThan(2);
    h.openDialogAnswers.push(DCX);
    await h.page.getByTestId('fund-import').click();
    await h.page.getByTestId('funds-panel').getByText('DCX: 6 holdings as of Nov 21, 2026').waitFor();
    await h.screenshot('46-fund-look-through');
    await h.page.keyboard.press('Escape');
    const row = h.page.getByTestId('position-row-DCX');
    await row.filter({ hasText: 'via holdings' }).waitFor();
    expect(await row.innerText()).toContain('Data-center infrastructure 45%');
    // 45% of $10,000.00
    await h.page.getByTestId('exposure-row-data-centers').filter({ hasText: '$4,500.00' }).waitFor();
  });
});
