import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAsNewPortfolio, startHarness, type Harness } from './harness';

const FIDELITY = resolve(__dirname, '../fixtures/journey/fidelity-two-accounts.csv');

describe('first run: the seed pack speaks after the first import, and the Themes screen says where the themes come from', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('after the first import, a banner counts the holdings the pack knows and opens their suggestions', async () => {
    await importAsNewPortfolio(h, FIDELITY, 'Smith family', 'KMI');
    const banner = h.page.getByTestId('program-hint');
    await banner.waitFor();
    // NVDA, EQIX, KMI and COHR are in the pack, across the three themes.
    expect(await banner.innerText()).toContain("4 of your holdings fit the themes of Japan's first US investment projects (3 themes)");
    await h.screenshot('40-first-run-hint');
    await h.page.getByTestId('program-hint-review').click();
    const panel = h.page.getByTestId('suggestions-panel');
    await panel.waitFor();
    const text = await panel.innerText();
    for (const symbol of ['NVDA', 'EQIX', 'KMI', 'COHR']) expect(text).toContain(symbol);
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('themes-dialog').waitFor({ state: 'detached' });
    expect(await h.page.getByTestId('program-hint').count()).toBe(0);
  });

  it('the Themes screen shows each project behind a default theme, with its facts and sources', async () => {
    await h.page.getByTestId('view-tab-themes').click();
    const facts = h.page.getByTestId('project-facts');
    await facts.waitFor();
    const power = await h.page.getByTestId('project-data-centers').innerText();
    for (const s of ['Portsmouth, Ohio', 'SB Energy (SoftBank Group)', '9.2 GW', 'Feb 17, 2026', 'Reuters']) expect(power).toContain(s);
    expect(await h.page.getByTestId('project-oil-logistics').innerText()).toContain('Texas GulfLink');
    expect(await h.page.getByTestId('project-diamond-semiconductors').innerText()).toContain('Element Six');
    await facts.scrollIntoViewIfNeeded();
    await h.screenshot('41-themes-project-facts');
  });
});
