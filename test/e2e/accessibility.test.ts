import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { startHarness, type Harness } from './harness';
import { walkEveryView } from './view-ready';

const FIDELITY = resolve(__dirname, '../fixtures/journey/fidelity-two-accounts.csv');
const BAD = resolve(__dirname, '../fixtures/journey/bad-quantity.csv');

/**
 * axe-core on every screen and dialog of the app, in the light and the dark theme: any violation
 * fails the build. The walk: empty state, import dialog, import error, every view (with two
 * snapshots, so compare and history have something to say), the tag editor, the themes dialog's
 * tabs, backups, export and the portfolio dialogs.
 */
describe.each(['light', 'dark'] as const)('accessibility (axe-core), %s theme', (colorScheme) => {
  let h: Harness;
  const found: string[] = [];
  const check = async (where: string) => found.push(...(await axeViolations(h.page, `${colorScheme} ${where}`)));

  beforeAll(async () => {
    h = await startHarness({ colorScheme });
  });
  afterAll(async () => {
    await h?.close();
  });
  // Each part asserts on what it found itself, so a failure names where.
  const mine = () => found.splice(0);

  it('the empty state and the import dialogs', async () => {
    await h.page.getByTestId('empty-state').waitFor();
    await check('empty state');
    h.openDialogAnswers.push(FIDELITY);
    await h.page.getByTestId('import-button').first().click();
    await h.page.getByTestId('new-portfolio-dialog').waitFor();
    // With its preview, a table wider than the dialog (checked before it came, it was missed now and then).
    await h.page.getByTestId('import-preview').waitFor();
    await check('import dialog');
    await h.page.getByTestId('new-portfolio-name').fill('Smith family');
    await h.page.getByTestId('new-portfolio-confirm').click();
    await h.page.getByTestId('position-row-KMI').waitFor();
    h.openDialogAnswers.push(BAD);
    await h.page.getByTestId('import-button').first().click();
    await h.page.getByTestId('new-portfolio-dialog').waitFor();
    await h.page.getByTestId('new-portfolio-confirm').click();
    await h.page.getByTestId('import-error-dialog').waitFor();
    await check('import error dialog');
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('import-error-dialog').waitFor({ state: 'detached' });
    expect(mine().join('\n')).toBe('');
  });

  it('every view, with two snapshots', async () => {
    await h.backend.handlers.applyTagChanges({
      changes: [
        { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000 },
        { symbolKey: 'NVDA', themeId: 'diamond-semiconductors', weightBp: 1000 },
        { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 10000 },
      ],
    });
    const later = join(h.dataDir, 'fidelity-later.csv');
    writeFileSync(later, readFileSync(FIDELITY, 'utf8').replace(',100,$180.25,+$1.20,"$18,025.00"', ',150,$180.25,+$1.20,"$27,037.50"').replace('Nov-24-2026', 'Feb-24-2027'));
    await walkEveryView(h, later, async (view) => {
      await check(`${view} view`);
    });
    await h.screenshot(`a11y-${colorScheme}-portfolios`);
    expect(mine().join('\n')).toBe('');
  });

  it('the tag editor, the themes dialog with each tab, backups, export and the portfolio dialogs', async () => {
    await h.page.getByTestId('view-tab-positions').click();
    await h.page.getByTestId(`tag-button-EQIX`).first().click();
    await h.page.getByTestId('tag-theme-select').waitFor();
    await check('tag editor');
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('tag-theme-select').waitFor({ state: 'detached' });

    await h.page.getByTestId('themes-button').click();
    await h.page.getByTestId('themes-dialog').waitFor();
    await check('themes dialog');
    for (const tab of ['suggestions', 'rules', 'funds', 'share', 'review', 'history']) {
      await h.page.getByTestId(`${tab}-tab`).click();
      await h.page.waitForTimeout(150);
      await check(`themes dialog, ${tab} tab`);
    }
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('themes-dialog').waitFor({ state: 'detached' });

    await h.page.getByTestId('backups-button').click();
    await h.page.getByTestId('backups-dialog').waitFor();
    await check('backups dialog');
    await h.page.keyboard.press('Escape');

    await h.page.getByTestId('export-button').click();
    await h.page.getByTestId('export-dialog').waitFor();
    await h.page.getByTestId('report-preview-page').waitFor();
    await check('export dialog');
    await h.screenshot(`a11y-${colorScheme}-export`);
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('export-dialog').waitFor({ state: 'detached' });

    await h.page.getByTestId('view-tab-portfolios').click();
    const id = (await h.backend.handlers.listPortfolios({}))[0]!.id;
    await h.page.getByTestId(`rename-portfolio-${id}`).click();
    await h.page.getByTestId('rename-dialog').waitFor();
    await check('rename dialog');
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId(`delete-portfolio-${id}`).click();
    await h.page.getByTestId('delete-dialog').waitFor();
    await check('delete dialog');
    await h.page.keyboard.press('Escape');
    expect(mine().join('\n')).toBe('');
  });
});

describe('reduced motion', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stops the progress bar sliding and the spinner turning when the system asks for less motion', async () => {
    const motion = () =>
      h.page.evaluate(() => {
        const probe = document.createElement('div');
        probe.innerHTML = '<div class="progress-fill indeterminate"></div><span class="spinner"></span>';
        document.body.append(probe);
        const read = (sel: string) => {
          const s = getComputedStyle(probe.querySelector(sel)!);
          return { name: s.animationName, seconds: parseFloat(s.animationDuration), iterations: s.animationIterationCount };
        };
        const out = { bar: read('.progress-fill'), spinner: read('.spinner') };
        probe.remove();
        return out;
      });
    await h.page.getByTestId('empty-state').waitFor();
    const normal = await motion();
    expect(normal.bar).toMatchObject({ name: 'slide', seconds: 1.2, iterations: 'infinite' });
    await h.page.emulateMedia({ reducedMotion: 'reduce' });
    const reduced = await motion();
    expect(reduced.bar.seconds).toBeLessThan(0.001);
    expect(reduced.bar.iterations).toBe('1');
    expect(reduced.spinner.name === 'none' || reduced.spinner.seconds < 0.001).toBe(true);
  });
});
