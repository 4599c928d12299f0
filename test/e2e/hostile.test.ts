import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { startHarness, type Harness } from './harness';

// Every text field of a holdings file carries one of these; none may run or become an element.
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '</script><script>window.__xss=2</script>',
  'javascript:window.__xss=3',
  '=HYPERLINK("http://evil.example","x")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '\tTAB',
  '<svg onload="window.__xss=4">',
  '"><iframe src=javascript:window.__xss=5>',
];

function csvCell(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

describe('hostile content: a file whose every text field is an XSS or formula payload', () => {
  const temp = makeTempDir('themelens-hostile-');
  const file = join(temp.dir, 'hostile.csv');
  let h: Harness;
  beforeAll(async () => {
    const rows = PAYLOADS.map((p, i) => [csvCell(p), csvCell(`SYM${i}`), csvCell(p), String(i + 1), csvCell(`$${(i + 1) * 100}.00`)].join(','));
    writeFileSync(file, `Account,Symbol,Description,Quantity,Market Value\n${rows.join('\n')}\n`);
    h = await startHarness();
    await h.page.addInitScript(() => {
      (window as unknown as { __xss?: number | undefined }).__xss = undefined;
    });
  });
  afterAll(async () => {
    await h?.close();
    temp.cleanup();
  });

  const noScriptRan = async () => expect(await h.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const noForeignElements = async () =>
    expect(await h.page.evaluate(() => document.querySelectorAll('#root img, #root script, #root iframe, #root svg[onload], #root [onerror], #root [onload]').length)).toBe(0);
  // The report preview is markup in a shadow root: nothing in it may come from the data either.
  const previewIsInert = async () =>
    expect(
      await h.page.evaluate(() => {
        const root = document.querySelector('[data-testid="report-preview-page"]')?.shadowRoot;
        if (!root) return 'no preview';
        const bad = root.querySelectorAll('img, script, iframe, object, embed, link, style, meta, [style], [href], [src], [onerror], [onload], [onclick]');
        const handlers = [...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)));
        return bad.length + handlers.length;
      }),
    ).toBe(0);

  it('imports it, shows every screen, and nothing runs or becomes markup', async () => {
    h.openDialogAnswers.push(file);
    await h.page.getByTestId('import-button').first().click();
    await h.page.getByTestId('import-preview').waitFor();
    await noScriptRan();
    await noForeignElements();
    await h.page.getByTestId('new-portfolio-name').fill(PAYLOADS[0] as string);
    await h.page.getByTestId('new-portfolio-confirm').click();
    await h.page.getByTestId('position-row-SYM0').waitFor();
    expect(await h.page.getByTestId('position-row-SYM0').innerText()).toContain(PAYLOADS[0]);
    // Tag one, name a theme with a payload, open every dialog and tab, hover the chart.
    await h.page.getByTestId('tag-button-SYM1').click();
    await h.page.getByTestId('tag-weight-input').press('Enter');
    await h.page.getByTestId('themes-button').click();
    await h.page.getByTestId('new-theme-name').fill(PAYLOADS[1] as string);
    await h.page.getByTestId('add-theme').click();
    for (const tab of ['suggestions-tab', 'rules-tab', 'funds-tab', 'share-tab', 'history-tab']) {
      await h.page.getByTestId(tab).click();
      await noScriptRan();
      await noForeignElements();
    }
    await h.page.keyboard.press('Escape');
    const bar = h.page.getByTestId('exposure-chart').locator('.recharts-bar-rectangle').first();
    await bar.hover();
    await h.screenshot('50-hostile');
    await noScriptRan();
    await noForeignElements();
  });

  it('previews the report with every payload shown as text, and nothing runs or becomes markup', async () => {
    await h.page.keyboard.press('Control+e');
    await h.page.getByTestId('export-format-html').check();
    await h.page.locator('[data-testid="report-preview-page"] h1').waitFor();
    const text = await h.page.locator('[data-testid="report-preview-page"] section.cover, [data-testid="report-preview-page"] table').allInnerTexts();
    for (const p of [PAYLOADS[0], PAYLOADS[8], PAYLOADS[9]] as string[]) expect(text.join('\n')).toContain(p);
    await h.screenshot('51-hostile-preview');
    await noScriptRan();
    await noForeignElements();
    await previewIsInert();
    await h.page.getByTestId('export-format-pdf').check();
    await h.page.getByTestId('export-section-positions').uncheck();
    await h.page.getByTestId('export-section-positions').check();
    await noScriptRan();
    await previewIsInert();
  });

  it('exports CSV with formulas neutralised and HTML with everything escaped', async () => {
    for (const format of ['csv', 'html'] as const) {
      const out = join(temp.dir, `report.${format}`);
      h.saveDialogAnswers.push(out);
      await h.page.getByTestId(`export-format-${format}`).check();
      await h.page.getByTestId('export-save').click();
      // Its toast, or the dialog's own refusal, named in the failure (this wait once ran out in a
      // clean-clone run with neither explained; not reproduced since).
      await h.page.getByTestId('toast').filter({ hasText: `report.${format}` }).or(h.page.getByTestId('export-error')).first().waitFor();
      expect(await h.page.getByTestId('export-error').allInnerTexts()).toEqual([]);
      const text = readFileSync(out, 'utf8');
      if (format === 'csv') {
        expect(text).not.toMatch(/(^|,)"?[=+\-@\t]/m); // no cell starts with a formula character
        expect(text).toContain("'=HYPERLINK");
      } else {
        // The only SVG is the report's own charts (shared/report/charts-svg.ts) and theme swatches, their labels escaped.
        expect(text).not.toMatch(/<(img|script|iframe)\b|<svg(?! xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart"| class="swatch" viewBox="0 0 9 9" aria-hidden="true"><rect width="9" height="9" rx="2" fill="#[0-9a-f]{6}"\/><\/svg>)/i);
        expect(text).toContain('&lt;img src=x onerror=');
      }
    }
    await noScriptRan();
  });

  it('made no network request and no console error', () => {
    expect(h.requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('data:'))).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
