// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { setLanguage } from '../../../renderer/src/i18n';
import { installBridge, makePortfolio, makePreview } from './fake-bridge';

afterEach(cleanup);

const FILE = { path: '/home/ann/Downloads/depot.csv', name: 'depot.csv' };

async function openImportDialog() {
  fireEvent.click((await screen.findAllByTestId('import-button'))[0]!);
  await screen.findByTestId('new-portfolio-dialog');
  await waitFor(() => expect((screen.getByTestId('new-portfolio-confirm') as HTMLButtonElement).disabled).toBe(false));
}

describe("the import dialog's preview and the decimal separator", () => {
  it('says, before importing, figures that read either way: how they are read and the choice that reads them otherwise (English and Japanese)', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    bridge.previewImport.mockResolvedValue(makePreview({ separator: { kind: 'separator', line: 2, column: 2, header: 'Value', cell: '2,053', decimal: ',', read: '2.053', other: '2053' } }));
    render(<App />);
    await openImportDialog();
    expect((await screen.findByTestId('preview-separator')).textContent).toBe(
      '2,053 (line 2, Value) could be 2.053 or 2053: it is read as 2.053, with a decimal comma as usual in a file delimited by semicolons. If the file writes 1,234.56, choose Point under Decimal separator.',
    );
    fireEvent.click(screen.getByText('Cancel'));
    try {
      await act(() => setLanguage('ja'));
      await openImportDialog();
      expect((await screen.findByTestId('preview-separator')).textContent).toBe(
        '2,053（2 行目、Value）は 2.053 とも 2053 とも読めます。セミコロン区切りのファイルの慣例どおり、カンマを小数点として 2.053 と読みます。ファイルが 1,234.56 の書き方であれば、「小数点」で「ピリオド」を選んでください。',
      );
    } finally {
      await act(() => setLanguage('en'));
    }
  });

  it('Automatic says the separator it read the figures with, only while it is the choice (English and Japanese)', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    // As the backend answers: the chosen separator, or the figures' (a comma here).
    const answer = (input: unknown) => {
      const chosen = (input as { options: { decimal?: string } }).options.decimal;
      return makePreview({ decimalRead: chosen === '.' || chosen === ',' ? chosen : ',' });
    };
    (bridge.previewImport as unknown as { mockImplementation: (f: (input: unknown) => Promise<unknown>) => void }).mockImplementation(async (input) => answer(input));
    render(<App />);
    await openImportDialog();
    const select = screen.getByTestId('import-decimal') as HTMLSelectElement;
    const automatic = () => select.querySelector('option[value=""]')!.textContent;
    await waitFor(() => expect(automatic()).toBe('Automatic: comma (1.234,56)'));
    // Point chosen: Automatic no longer says what the preview was read with (the choice's reading).
    fireEvent.change(select, { target: { value: '.' } });
    await waitFor(() => expect((bridge.previewImport.mock.calls.at(-1) as unknown[] | undefined)?.[0]).toMatchObject({ options: { decimal: '.' } }));
    await waitFor(() => expect(automatic()).toBe('Automatic'));
    fireEvent.change(select, { target: { value: '' } });
    // Until the preview read automatically comes, the one on screen (read with the point) says nothing of it.
    expect(automatic()).toBe('Automatic');
    await waitFor(() => expect(automatic()).toBe('Automatic: comma (1.234,56)'));
    fireEvent.click(screen.getByText('Cancel'));
    try {
      await act(() => setLanguage('ja'));
      await openImportDialog();
      await waitFor(() => expect((screen.getByTestId('import-decimal') as HTMLSelectElement).querySelector('option[value=""]')!.textContent).toBe('自動: カンマ (1.234,56)'));
    } finally {
      await act(() => setLanguage('en'));
    }
  });

  it('says nothing when the import would say nothing', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    render(<App />);
    await openImportDialog();
    await screen.findByTestId('preview-summary');
    expect(screen.queryByTestId('preview-separator')).toBeNull();
  });

  it('says the separator saved with the column mapping, and keeps it when the user maps a column of their own', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    bridge.previewImport.mockResolvedValue(makePreview({ savedMapping: true, savedDecimal: ',' }));
    render(<App />);
    await openImportDialog();
    expect((await screen.findByTestId('preview-separator')).textContent).toBe(
      'Figures are read with a decimal comma, as saved with your column mapping for this header row. To read them otherwise, choose under Decimal separator.',
    );
    // The saved separator shows as the one chosen.
    expect((screen.getByTestId('import-decimal') as HTMLSelectElement).value).toBe(',');
    // The user's own mapping replaces the saved one: the separator saved with it becomes the choice.
    fireEvent.change(screen.getByTestId('map-description'), { target: { value: 'Symbol' } });
    await waitFor(() => expect((screen.getByTestId('import-decimal') as HTMLSelectElement).value).toBe(','));
    await waitFor(() => expect((bridge.previewImport.mock.calls.at(-1) as unknown[] | undefined)?.[0]).toMatchObject({ options: { decimal: ',' } }));
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    await waitFor(() => expect(bridge.importHoldings).toHaveBeenCalledTimes(1));
    expect(bridge.importHoldings.mock.calls[0]![0]).toMatchObject({ options: { decimal: ',' }, rememberMapping: true });
  });

  it('choosing Automatic sets the saved separator aside: the figures decide, in the preview and the import', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    // As the backend answers: the saved separator applies unless one (or Automatic) is chosen.
    const answer = (input: unknown) => makePreview({ savedMapping: true, savedDecimal: (input as { options: { decimal?: string } }).options.decimal === undefined ? ',' : null });
    (bridge.previewImport as unknown as { mockImplementation: (f: (input: unknown) => Promise<unknown>) => void }).mockImplementation(async (input) => answer(input));
    render(<App />);
    await openImportDialog();
    await screen.findByTestId('preview-separator');
    const select = screen.getByTestId('import-decimal') as HTMLSelectElement;
    expect(select.value).toBe(',');
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect((bridge.previewImport.mock.calls.at(-1) as unknown[] | undefined)?.[0]).toMatchObject({ options: { decimal: 'auto' } }));
    await waitFor(() => expect(screen.queryByTestId('preview-separator')).toBeNull());
    expect(select.value).toBe('');
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    await waitFor(() => expect(bridge.importHoldings).toHaveBeenCalledTimes(1));
    expect(bridge.importHoldings.mock.calls[0]![0]).toMatchObject({ options: { decimal: 'auto' } });
  });
});
