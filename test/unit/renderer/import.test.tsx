// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../shared/api/contract';
import { App } from '../../../renderer/src/App';
import { ImportErrorDialog } from '../../../renderer/src/import/ImportErrorDialog';
import { bridgeError, installBridge, makeOutcome, makePortfolio, makePreview } from './fake-bridge';
import { checkText } from '../../../shared/import/checks';
import { asFailure, type ApiFailure } from '../../../renderer/src/api';
import { setLanguage } from '../../../renderer/src/i18n';
import { FATAL_TEXT } from '../../../shared/import/fatal-text';

afterEach(cleanup);

const FILE = { path: '/home/ann/Downloads/Portfolio_Positions_Nov-24-2026.csv', name: 'Portfolio_Positions_Nov-24-2026.csv' };

/** Starts an import from the first import button and waits until the dialog can be confirmed. */
async function openImportDialog() {
  fireEvent.click((await screen.findAllByTestId('import-button'))[0]!);
  const dialog = await screen.findByTestId('new-portfolio-dialog');
  await waitFor(() => expect((screen.getByTestId('new-portfolio-confirm') as HTMLButtonElement).disabled).toBe(false));
  return dialog;
}

/** A suggestion of the pack for a holding the user has. */
const suggestion = (symbolKey: string, themeId: string) => ({ symbolKey, symbol: symbolKey, exchange: 'XNAS', isin: 'US67066G1040', name: symbolKey, themeId, themePath: [{ id: themeId, name: themeId }], parentThemeId: null, weightBp: 8000, rationale: 'why', source: 'https://example.org/a/b', asOf: '2026-11-25', held: true, previousWeightBp: null });

/** An empty window whose first import goes into a new portfolio (7): its dialog open, ready to confirm. */
async function firstImportDialog(suggestions: ReturnType<typeof suggestion>[] = []) {
  const bridge = installBridge({ suggestions });
  bridge.chooseImportFile.mockResolvedValue(FILE);
  const created = makePortfolio({ id: 7, name: 'Portfolio Positions' });
  bridge.importHoldings.mockImplementation(async () => {
    bridge.data.portfolios = [created];
    return makeOutcome(created);
  });
  render(<App />);
  await screen.findByTestId('empty-state');
  await openImportDialog();
  return bridge;
}

/** The window's first import, confirmed, with these suggestions open for the holdings. */
async function firstImportWith(suggestions: ReturnType<typeof suggestion>[]) {
  const bridge = await firstImportDialog(suggestions);
  fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
  return bridge;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('importing holdings', () => {
  it('asks a new portfolio its name (from the file name) and base currency (USD), then imports into it', async () => {
    const bridge = await firstImportDialog();
    expect((screen.getByTestId('new-portfolio-name') as HTMLInputElement).value).toBe('Portfolio Positions');
    expect((screen.getByTestId('new-portfolio-currency') as HTMLSelectElement).value).toBe('USD');
    fireEvent.change(screen.getByTestId('new-portfolio-name'), { target: { value: 'Ann retirement' } });
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    await waitFor(() => expect(bridge.importHoldings).toHaveBeenCalledTimes(1));
    expect(bridge.importHoldings.mock.calls[0]![0]).toMatchObject({ path: FILE.path, portfolioName: 'Ann retirement', baseCurrency: 'USD' });
    expect((await screen.findByTestId('toast')).textContent).toMatch(/Imported 2 positions into Portfolio Positions/);
    await screen.findByTestId('positions-table');
    expect(bridge.getExposure).toHaveBeenCalledWith(expect.objectContaining({ portfolioId: 7 }));
  });

  it('after the first import, says how many holdings the pack has suggestions for and opens them on request', async () => {
    const bridge = await firstImportWith([suggestion('NVDA', 'data-centers'), suggestion('NVDA', 'diamond-semiconductors'), suggestion('KMI', 'oil-logistics')]);
    const banner = await screen.findByTestId('program-hint');
    expect(banner.textContent).toContain("2 of your holdings fit the themes of Japan's first US investment projects (3 themes)");
    expect(bridge.listSuggestions).toHaveBeenCalledWith({ onlyHeld: true });
    fireEvent.click(screen.getByTestId('program-hint-review'));
    await screen.findByTestId('suggestions-panel');
    expect(screen.queryByTestId('program-hint')).toBeNull();
  });

  it('counts its holdings again as tags change, and goes when the pack has nothing left to suggest', async () => {
    const bridge = await firstImportWith([suggestion('NVDA', 'data-centers'), suggestion('KMI', 'oil-logistics')]);
    expect((await screen.findByTestId('program-hint')).textContent).toContain('2 of your holdings fit the themes');
    // NVDA tagged meanwhile: the pack suggests nothing more for it. The next change of figures (an import) counts again.
    bridge.data.suggestions = [suggestion('KMI', 'oil-logistics')];
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    await waitFor(() => expect(screen.getByTestId('program-hint').textContent).toContain('1 of your holdings fits the themes'));
    bridge.data.suggestions = [];
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    await waitFor(() => expect(screen.queryByTestId('program-hint')).toBeNull());
  });

  it('shows a progress bar fed by importProgress events while the import runs', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    const running = deferred<ImportOutcome>();
    bridge.importHoldings.mockReturnValue(running.promise);
    render(<App />);
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBeNull(); // indeterminate until the first report
    act(() => bridge.emit('importProgress', { rows: 5000, bytes: 424, totalBytes: 1000, percent: 42.4 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(bar.textContent).toMatch(/42%/);
    expect((screen.getAllByTestId('import-button')[0] as HTMLButtonElement).disabled).toBe(true);
    await act(async () => running.resolve(makeOutcome(makePortfolio())));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });

  it('lists rejected rows and retries with skipInvalid when asked to import the valid rows only', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    bridge.importHoldings.mockRejectedValueOnce(
      bridgeError('IMPORT_INVALID_ROWS', 'positions.csv line 3, column 4 (Quantity): not a number (and 2 more rows).', {
        issues: [
          { line: 3, column: 4, header: 'Quantity', cell: 'three hundred', message: 'Quantity "three hundred" is not a number' },
          { line: 5, column: null, header: null, cell: '', message: 'The row has no symbol, ISIN or description' },
        ],
        rejectedCount: 3,
        validCount: 9,
      }),
    );
    render(<App />);
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    const dialog = await screen.findByTestId('import-error-dialog');
    expect(dialog.textContent).toContain('positions.csv line 3, column 4 (Quantity): not a number');
    const rows = within(screen.getByTestId('issues-table')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'LineColumnCellProblem',
      '3Quantitythree hundredQuantity "three hundred" is not a number',
      '5The row has no symbol, ISIN or description',
    ]);
    expect(screen.getByTestId('issues-more').textContent).toBe('The first 2 of 3 rows that could not be read are listed.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import the 9 valid rows only' }));
    await waitFor(() => expect(bridge.importHoldings).toHaveBeenCalledTimes(2));
    expect(bridge.importHoldings.mock.calls[1]![0]).toMatchObject({ path: FILE.path, portfolioId: 1, skipInvalid: true });
    await waitFor(() => expect(screen.queryByTestId('import-error-dialog')).toBeNull());
  });

  it.each([
    [1, 0, 'Imported 1 position into Smith family.'],
    [2, 1, 'Imported 2 positions into Smith family, 1 row skipped.'],
    [1, 1234, 'Imported 1 position into Smith family, 1,234 rows skipped.'],
    [1234, 2, 'Imported 1,234 positions into Smith family, 2 rows skipped.'],
  ])('confirms %i position(s) imported and %i row(s) skipped as one or several, in the user\'s number format', async (imported, skipped, text) => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    const issue = { line: 3, column: null, header: null, cell: '', message: 'The row has no symbol, ISIN or description' };
    bridge.importHoldings.mockResolvedValueOnce({ ...makeOutcome(makePortfolio()), imported, rejected: new Array(skipped).fill(issue) });
    render(<App />);
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    expect((await screen.findByTestId('toast')).textContent).toContain(text);
  });

  it('offers "Import again anyway" for a file already imported, retrying with allowDuplicate', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    bridge.importHoldings.mockRejectedValueOnce(bridgeError('ALREADY_IMPORTED', 'positions.csv was already imported into Smith family on 2026-11-24.', { snapshotId: 1 }));
    render(<App />);
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    const dialog = await screen.findByTestId('import-error-dialog');
    expect(within(dialog).queryByTestId('import-valid-rows')).toBeNull();
    expect(within(dialog).queryByTestId('issues-table')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import again anyway' }));
    await waitFor(() => expect(bridge.importHoldings).toHaveBeenCalledTimes(2));
    expect(bridge.importHoldings.mock.calls[1]![0]).toMatchObject({ portfolioId: 1, allowDuplicate: true });
  });

  it("says why a file was not imported again from the backend's figures: dates in the user's locale, the window's button rather than the command's flag, Japanese too", async () => {
    const same = bridgeError('ALREADY_IMPORTED', 'positions.csv was already imported into Smith family on 2026-11-24 (snapshot 1, as of 2026-11-20). Nothing was imported.', {
      file: 'positions.csv', snapshotId: 1, same: 'file', portfolio: 'Smith family', importedAt: '2026-11-24T12:00:00.000Z', asOf: '2026-11-20',
    });
    const content = bridgeError('ALREADY_IMPORTED', 'again.csv holds the same positions ... import with --allow-duplicate.', {
      file: 'again.csv', snapshotId: 3, same: 'content', portfolio: 'Smith family', asOf: '2026-11-20', sourceFile: 'positions.csv',
    });
    const shown = (failure: ApiFailure) => {
      const { unmount } = render(<ImportErrorDialog failure={failure} onRetry={() => {}} onCancel={() => {}} />);
      const text = screen.getByTestId('import-error-dialog').querySelector('.error-message')!.textContent;
      unmount();
      return text;
    };
    expect(shown(asFailure(same))).toBe('positions.csv was already imported into Smith family on Nov 24, 2026 (snapshot 1, as of Nov 20, 2026). Nothing was imported.');
    expect(shown(asFailure(content))).toBe(
      'again.csv holds the same positions (quantities and values) as of Nov 20, 2026 as snapshot 3 of Smith family (positions.csv), already imported. Nothing was imported; to keep both, choose Import again anyway.',
    );
    // Without its figures (an older backend), the message as sent.
    expect(shown(asFailure(bridgeError('ALREADY_IMPORTED', 'Already there.', { snapshotId: 1 })))).toBe('Already there.');
    await act(() => setLanguage('ja'));
    try {
      expect(shown(asFailure(same))).toBe('positions.csv は 2026/11/24 に「Smith family」へインポート済みです（スナップショット 1、2026/11/20 時点）。インポートは行っていません。');
      expect(shown(asFailure(content))).toMatch(/両方を残すには「それでも再度インポート」を選んでください。$/);
    } finally {
      await act(() => setLanguage('en'));
    }
  });

  it("a preview's refusal already shown is said again in the language the user switches to, with the dialog open", async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    bridge.previewImport.mockRejectedValue(
      bridgeError('IMPORT_FATAL', 'positions.csv line 1: The file has a header row (line 1) but no holdings below it. Export the positions again, with the accounts that hold them.', {
        file: 'positions.csv', line: 1, column: null, text: FATAL_TEXT.headerOnly, params: { line: '1' },
      }),
    );
    render(<App />);
    fireEvent.click((await screen.findAllByTestId('import-button'))[0]!);
    const dialog = await screen.findByTestId('new-portfolio-dialog');
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/^positions\.csv line 1: The file has a header row/);
    try {
      await act(() => setLanguage('ja'));
      expect(within(dialog).getByRole('alert').textContent).toBe('positions.csv の 1 行目: 見出し行（1 行目）はありますが、その下に保有銘柄がありません。保有している口座を含めて、保有銘柄をもう一度エクスポートしてください。');
    } finally {
      await act(() => setLanguage('en'));
    }
  });

  it('keeps Import disabled while the preview cannot read the file as mapped (the import would refuse it too), until a choice reads it', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    const unread = makePreview({ format: { ...makePreview().format, mapping: {} }, problem: 'positions.csv line 1: No column holds the symbol or the value. Map the columns under File format.', problemFinal: true });
    bridge.previewImport.mockResolvedValueOnce(unread).mockResolvedValueOnce(makePreview());
    render(<App />);
    fireEvent.click((await screen.findAllByTestId('import-button'))[0]!);
    const dialog = await screen.findByTestId('new-portfolio-dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/No column holds the symbol/);
    const confirm = screen.getByTestId('new-portfolio-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    // Another delimiter reads the file again: this time it reads.
    fireEvent.change(screen.getByTestId('import-delimiter'), { target: { value: ';' } });
    await waitFor(() => expect(confirm.disabled).toBe(false));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(bridge.previewImport).toHaveBeenCalledTimes(2);
    expect(bridge.importHoldings).not.toHaveBeenCalled();
  });

  it('a choice the preview cannot read disables Import and takes away the rows read with the choice before (they stayed, with Import enabled)', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    bridge.previewImport
      // A problem of the first rows that the import may still read past (not final): Import stays.
      .mockResolvedValueOnce(makePreview({ problem: 'positions.csv line 9: an old problem.', problemFinal: false }))
      .mockRejectedValueOnce(bridgeError('IMPORT_FATAL', 'positions.csv line 1: The file cannot be read as UTF-16. Choose another encoding under File format.'))
      .mockResolvedValueOnce(makePreview());
    render(<App />);
    fireEvent.click((await screen.findAllByTestId('import-button'))[0]!);
    const dialog = await screen.findByTestId('new-portfolio-dialog');
    const confirm = screen.getByTestId('new-portfolio-confirm') as HTMLButtonElement;
    await waitFor(() => expect(confirm.disabled).toBe(false));
    expect(within(dialog).getByTestId('preview-summary')).toBeTruthy();
    fireEvent.change(screen.getByTestId('import-delimiter'), { target: { value: ';' } });
    // One alert: the old preview's problem goes with its rows (it stood beside the new error).
    await within(dialog).findByText(/cannot be read as UTF-16/);
    expect(within(dialog).getAllByRole('alert').map((a) => a.textContent)).toEqual([expect.stringMatching(/cannot be read as UTF-16/)]);
    expect(confirm.disabled).toBe(true);
    expect(within(dialog).queryByTestId('preview-summary')).toBeNull();
    // The mapping stays to change; another choice that reads brings the rows and Import back.
    fireEvent.change(screen.getByTestId('import-delimiter'), { target: { value: ',' } });
    await waitFor(() => expect(confirm.disabled).toBe(false));
    expect(within(dialog).getByTestId('preview-summary')).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();
    fireEvent.click(confirm);
    await waitFor(() => expect(bridge.importHoldings).toHaveBeenCalledTimes(1));
  });

  it("says beside the date that one after tomorrow would stay the portfolio's latest snapshot; today's, tomorrow's or the past's says nothing", async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    bridge.previewImport.mockResolvedValue(makePreview({ format: { ...makePreview().format, asOf: null } }));
    render(<App />);
    await openImportDialog();
    const date = screen.getByTestId('import-as-of');
    // The file states no date: what an empty field means is said beside it.
    expect(screen.getByTestId('as-of-today').textContent).toMatch(/^Left empty: today, [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    fireEvent.change(date, { target: { value: '2062-12-01' } });
    expect(screen.queryByTestId('as-of-today')).toBeNull();
    expect(screen.getByTestId('as-of-future').textContent).toBe("Dec 1, 2062 is after today: this snapshot would stay the portfolio's latest, whose figures it shows, until a snapshot of a later date comes. Check the date.");
    // Import stays possible: the user may mean it.
    expect((screen.getByTestId('new-portfolio-confirm') as HTMLButtonElement).disabled).toBe(false);
    const day = (offset: number) => {
      const now = new Date();
      const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    for (const offset of [0, 1, -30]) {
      fireEvent.change(date, { target: { value: day(offset) } });
      expect(screen.queryByTestId('as-of-future')).toBeNull();
    }
    fireEvent.change(date, { target: { value: day(2) } });
    expect(screen.getByTestId('as-of-future')).toBeTruthy();
  });

  it('leaves Import enabled beside a problem of a file larger than the preview read (the import reads it all, and answers for itself)', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    bridge.previewImport.mockResolvedValue(makePreview({ format: { ...makePreview().format, mapping: {} }, problem: 'positions.csv line 1: No column holds the symbol or the value.', problemFinal: false }));
    render(<App />);
    await openImportDialog();
    expect(screen.getByRole('alert').textContent).toMatch(/No column holds the symbol/);
  });

  it("writes each figure's reading under it in the interface's locale, money with its currency's cents, and nothing where it reads as written", async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    const cell = (text: string, field: string | null, parsed: string | null) => ({ text, field, parsed, ok: true, message: null });
    const row = (line: number, cells: ReturnType<typeof cell>[]) => ({ line, kind: 'position' as const, cells, issue: null, notice: null });
    bridge.previewImport.mockResolvedValue(
      makePreview({
        format: { ...makePreview().format, headers: ['Code', 'Quantity', 'Value', 'Currency'], mapping: { symbol: 'Code', quantity: 'Quantity', value: 'Value', currency: 'Currency' } },
        rows: [
          row(2, [cell('7203', 'symbol', '7203'), cell('100', 'quantity', '100'), cell('¥15,842', 'value', '15842'), cell('JPY', 'currency', 'JPY')]),
          row(3, [cell('NVDA', 'symbol', 'NVDA'), cell('1.5', 'quantity', '1.5'), cell('15.842,00', 'value', '15842'), cell('EUR', 'currency', 'EUR')]),
          row(4, [cell('MSFT', 'symbol', 'MSFT'), cell('2', 'quantity', '2'), cell('1,234.50', 'value', '1234.5'), cell('USD', 'currency', 'USD')]),
          row(5, [cell('AAPL', 'symbol', 'AAPL'), cell('10', 'quantity', '10'), cell('150', 'value', '150'), cell('USD', 'currency', 'USD')]),
        ] as never,
      }),
    );
    render(<App />);
    await openImportDialog();
    const readings = (line: number) => [...screen.getByTestId('import-preview').querySelectorAll('tbody tr')][line - 2]!.querySelectorAll('.parsed');
    // Yen have no cents; a Tokyo code is a symbol, not 7,203.
    expect([...readings(2)].map((e) => e.textContent)).toEqual(['15,842']);
    // 15.842,00 is 15,842.00: with its cents, no reader takes it for 15.842.
    expect([...readings(3)].map((e) => e.textContent)).toEqual(['15,842.00']);
    // Written as it reads: nothing under it, nor "150.00" under 150.
    expect(readings(4)).toHaveLength(0);
    expect(readings(5)).toHaveLength(0);
  });

  it('Close (the only way on: nothing else to choose) closes the error dialog without importing again', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    bridge.importHoldings.mockRejectedValueOnce(bridgeError('IMPORT_FATAL', 'positions.csv line 1: the file is empty.'));
    render(<App />);
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    const dialog = await screen.findByTestId('import-error-dialog');
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('import-error-dialog')).toBeNull();
    expect(bridge.importHoldings).toHaveBeenCalledTimes(1);
  });

  it("lists the import's checks (not its notes) in a warning that a later confirmation shows above, not in place of", async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    const sign = { kind: 'sign', count: 1, first: { line: 2, label: 'AAPL', quantity: '10', price: '150', valueCents: -150000 } } as const;
    // The window words the check from its figures, in the user's locale, as the command line does in English.
    const check = checkText(sign);
    expect(check).toMatch(/^1 position has a value whose sign is not that of quantity x price \(line 2, AAPL: 10 x 150, value -1,500\.00\)/);
    const note = 'Stopped reading at line 9: another table starts there; only the first table holds positions.';
    bridge.importHoldings.mockResolvedValueOnce({ ...makeOutcome(makePortfolio()), warnings: [note, check], checks: [sign] });
    render(<App />);
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    const toast = await screen.findByTestId('toast');
    expect(toast.className).toContain('warn');
    expect(toast.textContent).toContain('Before relying on its figures, check:');
    expect(within(toast).getAllByRole('listitem').map((li) => li.textContent)).toEqual([check]);
    // A second import's plain confirmation shows too, above the warning, which stays until dismissed.
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    await waitFor(() => expect(bridge.importHoldings).toHaveBeenCalledTimes(2));
    await act(async () => {});
    const toasts = screen.getAllByTestId('toast');
    const notice = toasts.find((el) => el.className.includes('ok'));
    const warning = toasts.find((el) => el.className.includes('warn'));
    expect(notice!.className).toContain('ok');
    expect(notice!.textContent).toMatch(/^Imported 2 positions into/);
    expect(warning!.textContent).toContain(check);
    // Escape, with focus on the warning (its Dismiss button, reached with Tab), closes it and only it.
    within(warning!).getByRole('button', { name: 'Dismiss' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.getAllByTestId('toast')).toEqual([notice]);
    fireEvent.click(within(notice!).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it("an import's warning goes when another portfolio is chosen, where it read as that one's figures", async () => {
    const smith = makePortfolio();
    const other = makePortfolio({ id: 2, name: 'Other', latestSnapshotId: 2 });
    const bridge = installBridge({ portfolios: [smith, other] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    const sign = { kind: 'sign', count: 1, first: { line: 2, label: 'AAPL', quantity: '10', price: '150', valueCents: -150000 } } as const;
    bridge.importHoldings.mockResolvedValueOnce({ ...makeOutcome(smith), warnings: [checkText(sign)], checks: [sign] });
    render(<App />);
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    expect((await screen.findByTestId('toast')).className).toContain('warn');
    await waitFor(() => expect((screen.getByTestId('portfolio-picker') as HTMLSelectElement).value).toBe('1'));
    // Choosing the portfolio it is about again keeps it; another one takes it away.
    fireEvent.change(screen.getByTestId('portfolio-picker'), { target: { value: '1' } });
    await act(async () => {});
    expect(screen.getByTestId('toast').className).toContain('warn');
    fireEvent.change(screen.getByTestId('portfolio-picker'), { target: { value: '2' } });
    await waitFor(() => expect(screen.queryByTestId('toast')).toBeNull());
  });

  it('says an identifier that fails its check digit, with its file, line and column, in English (as the command line) and Japanese', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    const bad = { kind: 'identifier', file: 'positions.csv', line: 3, column: 2, header: 'ISIN', value: 'US0000000001', scheme: 'ISIN' } as const;
    const inDescription = { kind: 'identifier', file: 'positions.csv', line: 4, column: null, header: null, value: 'B0YBKJ8', scheme: 'SEDOL' } as const;
    const more = { kind: 'moreIdentifiers', file: 'positions.csv', count: 1234 } as const;
    const checks = [bad, inDescription, more];
    bridge.importHoldings.mockResolvedValue({ ...makeOutcome(makePortfolio()), warnings: checks.map(checkText), checks: [...checks] });
    render(<App />);
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    const items = async () => within(await screen.findByTestId('toast')).getAllByRole('listitem').map((li) => li.textContent);
    // As the command line says them, the count in the user's locale.
    expect(await items()).toEqual([checkText(bad), checkText(inDescription), 'positions.csv: 1,234 more identifiers fail their check digit.']);
    expect((await items())[0]).toBe('positions.csv line 3, column 2 (ISIN): US0000000001 is not a valid ISIN (its check digit fails). The position is kept; the ISIN is not used to identify it. Check the cell.');
    fireEvent.click(within(screen.getByTestId('toast')).getByRole('button', { name: 'Dismiss' }));
    try {
      await act(() => setLanguage('ja'));
      await openImportDialog();
      fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
      expect(await items()).toEqual([
        'positions.csv の 3 行目、2 列目（ISIN）: US0000000001 は有効な ISIN ではありません（チェックディジットが合いません）。銘柄は取り込みましたが、識別にこの ISIN は使っていません。セルを確認してください。',
        'positions.csv の 4 行目: B0YBKJ8 は有効な SEDOL ではありません（チェックディジットが合いません）。銘柄は取り込みましたが、識別にこの SEDOL は使っていません。セルを確認してください。',
        'positions.csv: ほかに 1,234 件の識別子のチェックディジットが合いません。',
      ]);
    } finally {
      await act(() => setLanguage('en'));
    }
  });

  it("offers the decimal separator beside the delimiter: the choice re-reads the preview and goes with the import; Automatic sends 'auto' (the figures decide)", async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    render(<App />);
    await openImportDialog();
    const lastPreview = () => (bridge.previewImport.mock.calls.at(-1) as unknown[] | undefined)?.[0];
    const select = screen.getByTestId('import-decimal') as HTMLSelectElement;
    expect(select.value).toBe('');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Automatic', 'Point (1,234.56)', 'Comma (1.234,56)']);
    expect(lastPreview()).toEqual({ path: FILE.path, options: {} });
    fireEvent.change(select, { target: { value: ',' } });
    await waitFor(() => expect(lastPreview()).toEqual({ path: FILE.path, options: { decimal: ',' } }));
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(lastPreview()).toEqual({ path: FILE.path, options: { decimal: 'auto' } }));
    fireEvent.change(select, { target: { value: '.' } });
    await waitFor(() => expect(lastPreview()).toEqual({ path: FILE.path, options: { decimal: '.' } }));
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    await waitFor(() => expect(bridge.importHoldings).toHaveBeenCalledTimes(1));
    expect(bridge.importHoldings.mock.calls[0]![0]).toMatchObject({ options: { decimal: '.' } });
    try {
      await act(() => setLanguage('ja'));
      await openImportDialog();
      const ja = screen.getByTestId('import-decimal') as HTMLSelectElement;
      expect(ja.closest('label')!.textContent).toMatch(/^小数点/);
      expect([...ja.options].map((o) => o.textContent)).toEqual(['自動', 'ピリオド (1,234.56)', 'カンマ (1.234,56)']);
    } finally {
      await act(() => setLanguage('en'));
    }
  });

  it('says figures that read either way, how they were read and how to choose the other reading, in English (as the command line) and Japanese', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseImportFile.mockResolvedValue(FILE);
    const separator = { kind: 'separator', line: 2, column: 4, header: 'Value', cell: '2,053', decimal: ',', read: '2.053', other: '2053' } as const;
    bridge.importHoldings.mockResolvedValue({ ...makeOutcome(makePortfolio()), warnings: [checkText(separator)], checks: [separator] });
    render(<App />);
    await openImportDialog();
    fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
    const items = async () => within(await screen.findByTestId('toast')).getAllByRole('listitem').map((li) => li.textContent);
    expect(await items()).toEqual([checkText(separator)]);
    expect((await items())[0]).toMatch(/^No figure in the file shows whether its decimal separator is a point or a comma, .*2,053 as 2\.053, not 2053\. If the file writes 1,234\.56, import it again choosing Point as the decimal separator/);
    fireEvent.click(within(screen.getByTestId('toast')).getByRole('button', { name: 'Dismiss' }));
    try {
      await act(() => setLanguage('ja'));
      await openImportDialog();
      fireEvent.click(screen.getByTestId('new-portfolio-confirm'));
      expect(await items()).toEqual([
        'ファイル内のどの数値からも小数点がピリオドかカンマかが分からず、どちらとも読める数値があります（2 行目、Value: 2,053）。セミコロン区切りのファイルの慣例どおり、カンマを小数点として読みました。2,053 は 2053 ではなく 2.053 です。ファイルが 1,234.56 の書き方であれば、小数点に「ピリオド」を選んでもう一度インポートしてください（コマンドラインでは --decimal point）。',
      ]);
    } finally {
      await act(() => setLanguage('en'));
    }
  });

  it('does nothing when the file dialog is cancelled', async () => {
    const bridge = installBridge();
    render(<App />);
    fireEvent.click((await screen.findAllByTestId('import-button'))[0]!);
    await waitFor(() => expect(bridge.chooseImportFile).toHaveBeenCalled());
    expect(screen.queryByTestId('new-portfolio-dialog')).toBeNull();
    expect(bridge.importHoldings).not.toHaveBeenCalled();
  });
});

describe('ImportErrorDialog', () => {
  it('offers no "valid rows only" when no row of the file is valid', () => {
    render(
      <ImportErrorDialog
        failure={{ code: 'IMPORT_INVALID_ROWS', message: 'Nothing readable', details: { issues: [{ line: 2, column: 1, header: 'Symbol', cell: '', message: 'empty' }], rejectedCount: 1, validCount: 0 } }}
        onRetry={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.queryByTestId('import-valid-rows')).toBeNull();
    expect(screen.getByTestId('issues-table')).toBeTruthy();
  });

  it.each([
    [1, 'Import the 1 valid row only'],
    [1234, 'Import the 1,234 valid rows only'],
    [null, 'Import valid rows only'],
  ])('says how many rows "valid rows only" imports (%s), where it said no count', (validCount, label) => {
    render(
      <ImportErrorDialog
        failure={{ code: 'IMPORT_INVALID_ROWS', message: 'Some rows', details: { issues: [], rejectedCount: 2, ...(validCount === null ? {} : { validCount }) } }}
        onRetry={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByTestId('import-valid-rows').textContent).toBe(label);
  });
});
