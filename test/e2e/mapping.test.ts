import { appendFileSync, copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { startHarness, type Harness } from './harness';

const DEPOT = resolve(__dirname, '../fixtures/journey/depot-de.csv');

describe('mapping screen: a German bank export (windows-1252, ";", decimal commas, title lines)', () => {
  const temp = makeTempDir('themelens-map-');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    temp.cleanup();
  });

  it('shows how the file was read and the first rows, flagged where they cannot be read yet', async () => {
    h.openDialogAnswers.push(DEPOT);
    await h.page.getByTestId('import-button').first().click();
    const summary = h.page.getByTestId('file-format-summary');
    await summary.filter({ hasText: 'windows-1252' }).waitFor();
    expect(await summary.innerText()).toBe('Generic CSV · windows-1252 · header on line 5');
    const preview = h.page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.locator('thead').innerText()).toContain('Stück');
    expect(await preview.locator('tbody tr').count()).toBe(4);
    expect(await preview.locator('td.row-status.cell-bad').count()).toBe(4);
    expect(await h.page.getByTestId('map-description').inputValue()).toBe('Wertpapier');
    expect(await h.page.getByTestId('map-isin').inputValue()).toBe('ISIN');
    expect(await h.page.getByTestId('map-value').inputValue()).toBe('');
  });

  it('re-decodes from the original bytes when the user picks another encoding', async () => {
    await h.page.getByTestId('import-encoding').selectOption('utf-8');
    await h.page.getByTestId('import-preview').locator('thead').filter({ hasText: '\uFFFD' }).waitFor();
    await h.page.getByTestId('import-encoding').selectOption('windows-1252');
    await h.page.getByTestId('import-preview').locator('thead').filter({ hasText: 'Stück' }).waitFor();
  });

  it('maps the market value column by hand; the preview reads every row; the import is exact', async () => {
    await h.page.getByTestId('map-value').selectOption('Marktwert in Euro');
    const preview = h.page.getByTestId('import-preview');
    await preview.locator('td.row-status.cell-bad').first().waitFor({ state: 'detached' });
    // 15.842,00 as read, in the interface's locale (en-US), with its cents: no reader takes it for 15.842.
    expect(await preview.locator('tbody tr').first().innerText()).toContain('15,842.00');
    await h.page.getByTestId('new-portfolio-name').fill('Depot Müller');
    await h.page.getByTestId('new-portfolio-currency').selectOption('EUR');
    await h.screenshot('20-mapping-screen');
    await h.page.getByTestId('new-portfolio-confirm').click();
    await h.page.getByTestId('exposure-row-total').filter({ hasText: '€26,624.25' }).waitFor();
    await h.screenshot('21-german-import');
    const positions = h.backend.db.prepare('SELECT description, value_cents, currency FROM positions ORDER BY line').raw().all();
    expect(positions).toEqual([
      ['NVIDIA Corp.', 1584200, 'EUR'],
      ['Kinder Morgan Inc.', 705000, 'EUR'],
      ['Coherent Corp.', 123150, 'EUR'],
      ['Liquidität', 250075, 'EUR'],
    ]);
  });

  it('applies the saved mapping to the next file with the same header row', async () => {
    const next = join(temp.dir, 'depot-de-december.csv');
    copyFileSync(DEPOT, next);
    appendFileSync(next, Buffer.from('Vertiv Holdings;US92537N1081;40;EUR;4.100,00\n', 'latin1'));
    h.openDialogAnswers.push(next);
    await h.page.getByTestId('import-button').first().click();
    await h.page.getByTestId('file-format-summary').filter({ hasText: 'your saved column mapping' }).waitFor();
    expect(await h.page.getByTestId('import-preview').locator('td.row-status.cell-bad').count()).toBe(0);
    expect(await h.page.getByTestId('import-target').inputValue()).not.toBe('new');
    await h.page.getByTestId('new-portfolio-confirm').click();
    await h.page.getByTestId('exposure-row-total').filter({ hasText: '€30,724.25' }).waitFor();
    expect(h.backend.db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(2);
  });

  it('says, before importing, how a figure that reads either way is read and how to read it the other way', async () => {
    const file = join(temp.dir, 'ambiguous.csv');
    writeFileSync(file, 'Symbol;Description;Quantity;Value\nNVDA;NVIDIA CORP;10;2,053\n');
    h.openDialogAnswers.push(file);
    await h.page.getByTestId('import-button').first().click();
    const line = h.page.getByTestId('preview-separator');
    await line.waitFor();
    expect(await line.innerText()).toBe(
      '2,053 (line 2, Value) could be 2.053 or 2053: it is read as 2.053, with a decimal comma as usual in a file delimited by semicolons. If the file writes 1,234.56, choose Point under Decimal separator.',
    );
    // The Decimal separator the line names is in view, not folded away with the file's format.
    await h.screenshot('22-preview-separator');
    await h.page.getByTestId('import-decimal').selectOption('.');
    await line.waitFor({ state: 'detached' });
    // Read now as two thousand and fifty-three, written in the interface's locale under the cell.
    await h.page.getByTestId('import-preview').locator('tbody tr').first().locator('.parsed').filter({ hasText: /^2,053\.00$/ }).waitFor();
    await h.page.getByRole('button', { name: 'Cancel' }).click();
  });
});
