// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_THEMES } from '../../../shared/domain/default-themes';
import { App } from '../../../renderer/src/App';
import { bridgeError, installBridge, makePortfolio, makePosition, makeReport } from './fake-bridge';

afterEach(cleanup);

const PAYLOAD = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>window.__xss = 1</script>';

/** No element the payloads could have created, anywhere in the document. */
function expectNoMarkup() {
  expect(document.querySelector('img, script, iframe, object, embed')).toBeNull();
  expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
}

describe('user text is rendered as text, never as markup', () => {
  it('in holdings, themes, warnings, the picker and the exposure table', async () => {
    const report = makeReport({
      portfolio: PAYLOAD,
      clientName: SCRIPT,
      sourceFile: `${PAYLOAD}.csv`,
      themes: [{ id: 'data-centers', name: PAYLOAD, color: '#2563eb', value: 100, grossValue: 100, longValue: 100, shortValue: 0, share: 0.1, positionCount: 1 }],
      positions: [makePosition({ account: SCRIPT, symbol: 'EVIL', symbolKey: 'EVIL', description: PAYLOAD, themes: [{ id: 'data-centers', weight: 0.5, value: 100 }] })],
      warnings: [{ code: 'UNPARSED_CELL', message: `Line 3: ${PAYLOAD} is not a number` }],
    });
    const bridge = installBridge({ portfolios: [makePortfolio({ name: PAYLOAD, clientName: SCRIPT })], report });
    bridge.listThemes.mockResolvedValue([{ ...DEFAULT_THEMES[0]!, name: PAYLOAD, description: SCRIPT }]);
    render(<App />);
    const row = await screen.findByTestId('position-row-EVIL');
    // The tag chip: the theme's name (its own element, so a long one can give way) and its weight.
    const chip = (await screen.findByText(PAYLOAD, { selector: '.chip-name' })).closest('.chip');
    expect(chip?.textContent).toContain(`${PAYLOAD} 50%`);
    expect(row.textContent).toContain(PAYLOAD);
    expect(row.textContent).toContain(SCRIPT);
    expect(screen.getByTestId('exposure-row-data-centers').textContent).toContain(PAYLOAD);
    expect(screen.getByTestId('exposure-warnings').textContent).toContain(PAYLOAD);
    expect(screen.getByTestId('portfolio-picker').textContent).toBe(`${PAYLOAD} (${SCRIPT})`);
    fireEvent.click(screen.getByTestId('tag-button-EVIL'));
    expect(screen.getByTestId('tag-theme-select').textContent).toContain(PAYLOAD);
    expectNoMarkup();
  });

  it('in the import error dialog (message, header and cell of each issue)', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue({ path: `/tmp/${PAYLOAD}.csv`, name: `${PAYLOAD}.csv` });
    bridge.importHoldings.mockRejectedValue(
      bridgeError('IMPORT_INVALID_ROWS', `${PAYLOAD}.csv line 2: bad`, { issues: [{ line: 2, column: 1, header: SCRIPT, cell: PAYLOAD, message: `${PAYLOAD} is not a symbol` }] }),
    );
    render(<App />);
    fireEvent.click((await screen.findAllByTestId('import-button'))[0]!);
    await screen.findByTestId('new-portfolio-dialog');
    await screen.findByText(`Import ${PAYLOAD}.csv`);
    const confirm = screen.getByTestId('new-portfolio-confirm') as HTMLButtonElement;
    await waitFor(() => expect(confirm.disabled).toBe(false)); // enabled once the file preview is in
    fireEvent.click(confirm);
    const dialog = await screen.findByTestId('import-error-dialog');
    expect(dialog.textContent).toContain(`${PAYLOAD}.csv line 2: bad`);
    expect(screen.getByTestId('issues-table').textContent).toContain(`${SCRIPT}${PAYLOAD}${PAYLOAD} is not a symbol`);
    expectNoMarkup();
  });
});
