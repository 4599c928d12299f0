/**
 * The Household view (a client's portfolios combined, its target mix set from the keyboard) and the
 * Themes view against a benchmark fund, in the real renderer, against the real backend.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateInput } from '../../shared/api/validate';
import { makeTempDir } from '../helpers/temp-dir';
import { startHarness, type Harness } from './harness';

const DCX = resolve(__dirname, '../fixtures/funds/ishares-dcx.csv');
const HEADER = 'Account,Symbol,Description,Quantity,Price,Market Value,Currency\n';

describe('household and benchmark views', () => {
  const temp = makeTempDir('themelens-e2e-household-');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const b = h.backend.handlers;
    const ira = join(temp.dir, 'ira.csv');
    const joint = join(temp.dir, 'joint.csv');
    writeFileSync(ira, `${HEADER}IRA-1,NVDA,NVIDIA CORP,50,200.00,10000.00,USD\nIRA-1,AAPL,APPLE INC,20,250.00,5000.00,USD\nIRA-1,CASH,Cash,,,1000.00,USD\n`);
    writeFileSync(joint, `${HEADER}J-7,NVDA,NVIDIA CORP,20,200.00,4000.00,USD\nJ-7,SAP,SAP SE,15,200.00,3000.00,EUR\nJ-7,XOM,EXXON MOBIL,10,120.00,1200.00,USD\n`);
    await b.importHoldings(validateInput('importHoldings', { path: ira, portfolioName: 'Ann IRA', clientName: 'Ann Lee', asOf: '2026-11-02' }));
    await b.importHoldings(validateInput('importHoldings', { path: joint, portfolioName: 'Ann Joint', clientName: 'Ann Lee', baseCurrency: 'EUR', asOf: '2026-11-02' }));
    await b.setFxRate({ currency: 'EUR', quote: 'USD', rate: '1.10', asOf: '2026-11-02' });
    await b.applyTagChanges({
      changes: [
        { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000 },
        { symbolKey: 'SAP', themeId: 'data-centers', weightBp: 5000 },
        { symbolKey: 'XOM', themeId: 'oil-logistics', weightBp: 10000 },
        { symbolKey: 'EQIX', themeId: 'data-centers', weightBp: 10000 },
      ],
    });
    await b.importFundHoldings({ fundSymbol: 'DCX', path: DCX });
    await h.page.reload();
    // The picker names each portfolio's client.
    await h.page.getByTestId('portfolio-picker').selectOption({ label: 'Ann IRA (Ann Lee)' });
  });
  afterAll(async () => {
    await h?.close();
    temp.cleanup();
  });

  it("the household: both portfolios in one currency, one line per security, a target set from the keyboard", async () => {
    await h.page.getByTestId('view-tab-household').click();
    const total = h.page.getByTestId('household-total');
    await total.waitFor();
    // 10,000 + 5,000 + 1,000 + 4,000 + 3,000 x 1.10 + 1,200 = 24,500.00 USD (the IRA's currency, chosen until changed).
    expect(await total.innerText()).toContain('2 portfolios, $24,500.00 in total');
    const expected = await h.backend.handlers.getClientExposure({ client: 'Ann Lee', baseCurrency: 'USD' });
    expect(expected.totalValue).toBe(24500);
    // Data centers: (10,000 + 4,000) x 0.6 + 3,300 x 0.5 = 10,050.00, 41.0%.
    expect(await h.page.getByTestId('household-theme-data-centers').innerText()).toMatch(/\$10,050\.00\s+41\.0%/);
    expect(await h.page.getByTestId('household-position-NVDA').innerText()).toMatch(/Ann IRA · IRA-1; Ann Joint · J-7\s+\$14,000\.00/);
    // Its tags name their themes, as everywhere else in the window (not by id).
    expect(await h.page.getByTestId('household-position-NVDA').innerText()).toMatch(/Data-center infrastructure 60%$/);
    // In EUR instead, each position converted and rounded to the cent: 9,090.91 + 4,545.45 + 909.09
    // + 3,636.36 + 3,000.00 + 1,090.91 = 22,272.72 (not 24,500 / 1.10 = 22,272.73).
    await h.page.getByTestId('household-currency').selectOption('EUR');
    await h.page.getByText('€22,272.72').first().waitFor();
    await h.page.getByTestId('household-currency').selectOption('USD');
    await h.page.getByText('$24,500.00').first().waitFor();

    // A 30% ± 5 target for data centers, typed and submitted with Enter: 41.0% is outside, +11.0 pts.
    await h.page.getByTestId('household-target-theme').selectOption('data-centers');
    await h.page.getByTestId('household-target-share').focus();
    await h.page.keyboard.type('30');
    await h.page.keyboard.press('Enter');
    const drift = h.page.getByTestId('household-target-data-centers');
    await h.page.waitForFunction(() => document.querySelector('[data-testid="household-target-data-centers"]')?.textContent?.includes('30.0%'));
    expect(await drift.innerText()).toMatch(/^30\.0%\s+\+11\.0 pts ⚠/);
    expect(await drift.getAttribute('class')).toContain('drift-outside');
    expect(await h.backend.handlers.listClientTargets({ client: 'ann lee' })).toEqual([{ client: 'Ann Lee', themeId: 'data-centers', shareBp: 3000, bandBp: 500 }]);
    const chart = h.page.getByTestId('household-chart');
    await chart.locator('svg.recharts-surface').first().waitFor();
    // Each theme's bar in its colour with its share written on it, Untagged too (54.1%), as the table
    // beside (Diamond semiconductors, 0.0%, has no bar to write it on), then the target's (30.0%).
    expect(await chart.locator('.recharts-label-list text').allTextContents()).toEqual(['41.0%', '4.9%', '54.1%', '30.0%']);
    expect(await chart.getByTestId('legend-untagged').innerText()).toContain('Untagged');
    expect(await chart.locator('.recharts-bar-rectangle path').first().getAttribute('fill')).toBe('#2563eb');
    await h.screenshot('analytics-household');
  });

  it('exports the household report from the view, with a benchmark chosen in the dialog', async () => {
    await h.page.getByTestId('household-export').click();
    await h.page.getByTestId('export-format-html').check();
    await h.page.getByTestId('export-benchmark').selectOption('DCX');
    await h.page.getByTestId('export-preview').getByText('Against the benchmark DCX').waitFor();
    await h.screenshot('export-household-preview');
    const out = join(temp.dir, 'household.html');
    h.saveDialogAnswers.push(out);
    await h.page.getByTestId('export-save').click();
    await expect.poll(() => h.page.getByTestId('export-saved-path').innerText().catch(() => '')).toBe(out);
    const page = readFileSync(out, 'utf8').replace(/\u00a0/g, ' ');
    expect(page).toContain('<h3>Portfolios of Ann Lee</h3>');
    expect(page).toContain('USD 24,500.00');
    expect(page).toContain('<h3>Against the benchmark DCX</h3>');
    await h.page.getByTestId('export-close').click();
  });

  it('exports a portfolio report with the scenario set on the sliders', async () => {
    await h.page.getByTestId('view-tab-scenarios').click();
    const slider = h.page.getByTestId('shock-data-centers');
    await slider.focus();
    // Four steps of 5 down: -20%. The IRA's NVDA, 10,000 x 0.6 x -20% = -1,200.00.
    for (let i = 0; i < 4; i++) await h.page.keyboard.press('ArrowLeft');
    await h.page.getByTestId('scenario-total').getByText('-$1,200.00').waitFor();
    await h.page.getByTestId('scenario-export').click();
    expect(await h.page.getByTestId('export-scenario').innerText()).toContain('Data-center infrastructure -20%');
    await h.page.getByTestId('export-format-json').check();
    const out = join(temp.dir, 'scenario.json');
    h.saveDialogAnswers.push(out);
    await h.page.getByTestId('export-save').click();
    await expect.poll(() => h.page.getByTestId('export-saved-path').innerText().catch(() => '')).toBe(out);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.scenario).toMatchObject({ impact: -1200, shocks: [{ themeId: 'data-centers', shockBp: -2000 }] });
    await h.page.getByTestId('export-close').click();
  });

  it('the Themes view against a benchmark: both bars and the active difference', async () => {
    await h.page.getByTestId('view-tab-themes').click();
    await h.page.getByTestId('benchmark-select').selectOption('DCX');
    // DCX: EQIX 25% + NVDA 15% x 60% = 34% data centers; XOM 24.5% oil. The IRA: 6,000 of 16,000 = 37.5%.
    const row = h.page.getByTestId('benchmark-row-data-centers');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/37\.5%\s+34\.0%\s+\+3\.5 pts/);
    expect(await h.page.getByTestId('benchmark-row-oil-logistics').innerText()).toMatch(/0\.0%\s+24\.5%\s+-24\.5 pts/);
    await h.page.getByTestId('benchmark-chart').locator('svg.recharts-surface').first().waitFor();
    // The portfolio and the benchmark in colours of their own, not a theme's (data centers are #2563eb).
    const fills = await h.page.getByTestId('benchmark-chart').locator('.recharts-bar').evaluateAll((bars) => bars.map((b) => b.querySelector('path')?.getAttribute('fill')));
    expect(fills).toEqual(['#0d9488', '#64748b']);
    // Each bar says its share (a bar of nothing has no label).
    expect(await h.page.getByTestId('benchmark-chart').locator('.recharts-label-list text').allTextContents()).toEqual(['37.5%', '34.0%', '24.5%']);
    await h.page.getByTestId('benchmark-panel').scrollIntoViewIfNeeded();
    await h.screenshot('analytics-benchmark');
  });

  it('a portfolio without a client says how to give it one', async () => {
    await h.backend.handlers.renamePortfolio(validateInput('renamePortfolio', { id: 1, name: 'Ann IRA', clientName: null }));
    await h.page.reload();
    await h.page.getByTestId('portfolio-picker').selectOption({ label: 'Ann IRA' });
    await h.page.getByTestId('view-tab-household').click();
    await h.page.getByText('No household yet').waitFor();
    expect(await h.page.getByTestId('household-view').innerText()).toContain('Ann IRA belongs to no client.');
    // One way said, the field under it: not a Rename in another view and a command as well.
    expect(await h.page.getByTestId('household-view').innerText()).toContain('Name its client below');
    expect(await h.page.getByTestId('household-view').innerText()).not.toContain('themelens client set');
    // Given one there, in a field, not a Rename in another view to find: the household shows.
    await h.page.getByTestId('set-client-name').fill('Ann Lee');
    await h.page.getByTestId('set-client-save').click();
    await h.page.getByText('No household yet').waitFor({ state: 'detached' });
    await h.page.getByTestId('toast').filter({ hasText: 'Ann IRA now belongs to Ann Lee.' }).waitFor();
    expect(h.backend.db.prepare("SELECT client_name FROM portfolios WHERE name = 'Ann IRA'").pluck().get()).toBe('Ann Lee');
    expect((await h.page.getByTestId('household-view').innerText())).not.toContain('belongs to no client');
  });
});
