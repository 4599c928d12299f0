/** Target drift on the exposure table: a column when the portfolio has targets, outside the band in colour and in words. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { importAsNewPortfolio, startHarness, type Harness } from './harness';

describe('target drift', () => {
  const temp = makeTempDir('themelens-e2e-targets-');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const holdings = join(temp.dir, 'positions.csv');
    writeFileSync(holdings, 'Symbol,Description,Quantity,Market Value\nNVDA,NVIDIA CORP,10,"6,000.00"\nKMI,KINDER MORGAN,100,"4,000.00"\n');
    await importAsNewPortfolio(h, holdings, 'Targets', 'NVDA');
  });
  afterAll(async () => {
    await h?.close();
    temp.cleanup();
  });

  it('shows each target with the drift, outside the band marked', async () => {
    const [p] = await h.backend.handlers.listPortfolios({});
    await h.backend.handlers.applyTagChanges({ changes: [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 10000 }, { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 10000 }] });
    // Data centers 60% against 40% ± 5: outside. Oil 40% against 35% ± 10: within.
    await h.backend.handlers.setThemeTarget({ portfolioId: p!.id, themeId: 'data-centers', shareBp: 4000, bandBp: 500 });
    await h.backend.handlers.setThemeTarget({ portfolioId: p!.id, themeId: 'oil-logistics', shareBp: 3500, bandBp: 1000 });
    await h.page.reload();
    const dc = h.page.getByTestId('target-data-centers');
    await dc.waitFor();
    expect(await dc.innerText()).toMatch(/^40\.0%\s+\+20\.0 pts ⚠/);
    expect(await dc.getAttribute('class')).toContain('drift-outside');
    expect(await dc.innerText()).toContain('outside the band');
    const oil = h.page.getByTestId('target-oil-logistics');
    expect(await oil.getAttribute('class')).not.toContain('drift-outside');
    await h.screenshot('exposure-target-drift');
  });
});
