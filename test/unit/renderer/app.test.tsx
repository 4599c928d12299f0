// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { ImportErrorDialog } from '../../../renderer/src/import/ImportErrorDialog';
import { percentToBp } from '../../../renderer/src/tagging/TagEditor';
import { installBridge, makePortfolio, makeReport } from './fake-bridge';
import { ERROR_TEXT, saidError } from '../../../shared/api/error-text';
import { setLanguage } from '../../../renderer/src/i18n';
import type { ApiFailure } from '../../../renderer/src/api';

afterEach(cleanup);

describe('App', () => {
  it('shows the empty state, which says what to do first, when there are no portfolios', async () => {
    installBridge();
    render(<App />);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent).toMatch(/Import your first holdings file/);
    expect(empty.textContent).toMatch(/no network requests/);
  });

  it('a portfolio with no snapshot yet says to import a holdings file, asks for no exposure and shows no error', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio({ snapshotCount: 0, latestSnapshotId: null, latestAsOf: null })] });
    render(<App />);
    expect(await screen.findByText('This portfolio has no snapshots yet: import a holdings file.')).toBeTruthy();
    await act(async () => {
      await new Promise((done) => setTimeout(done, 50));
    });
    expect(bridge.getExposure).not.toHaveBeenCalled();
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('lists holdings with values formatted in the locale and currency, and the exposure table', async () => {
    installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    const nvda = await screen.findByTestId('position-row-NVDA');
    expect(nvda.textContent).toContain('$21,630.00');
    expect(nvda.textContent).toContain('Data-center infrastructure 60%');
    expect(screen.getByTestId('exposure-row-data-centers').textContent).toContain('$12,978.00');
    expect(screen.getByTestId('exposure-row-total').textContent).toContain('$40,553.36');
  });

  it('tag editor shows what stays untagged, refuses more than is left, and saves basis points', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    fireEvent.click(await screen.findByTestId('tag-button-NVDA'));
    const select = screen.getByTestId('tag-theme-select') as HTMLSelectElement;
    expect(select.value).toBe('oil-logistics'); // the first theme NVDA does not have yet
    const weight = screen.getByTestId('tag-weight-input') as HTMLInputElement;
    expect(weight.value).toBe('40');
    expect(screen.getByTestId('tag-remaining').textContent).toBe('Remaining: 0% untagged');
    fireEvent.change(weight, { target: { value: '45' } });
    expect(screen.getByTestId('tag-remaining').textContent).toBe('5% too much');
    fireEvent.keyDown(weight, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/At most 40% is left for NVDA/);
    expect(bridge.applyTagChanges).not.toHaveBeenCalled();
    fireEvent.change(weight, { target: { value: '12.5' } });
    fireEvent.keyDown(weight, { key: 'Enter' });
    await waitFor(() => expect(bridge.applyTagChanges).toHaveBeenCalledWith({ changes: [{ symbolKey: 'NVDA', themeId: 'oil-logistics', weightBp: 1250 }] }));
  });

  it('renders user text as text, never as markup', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    installBridge({
      portfolios: [makePortfolio({ name: payload })],
      report: makeReport({ portfolio: payload, sourceFile: payload, positions: [{ ...makeReport().positions[0]!, description: payload, account: payload }] }),
    });
    const { container } = render(<App />);
    await screen.findByTestId('position-row-NVDA');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('position-row-NVDA').textContent).toContain(payload);
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
  });
});

describe('ImportErrorDialog', () => {
  it('lists every rejected row with line, column, cell and reason, and offers to import the valid rows', () => {
    let retried: unknown = null;
    render(
      <ImportErrorDialog
        failure={{
          code: 'IMPORT_INVALID_ROWS',
          message: 'bad.csv line 3, column 4 (Quantity): not a number',
          details: { issues: [{ line: 3, column: 4, header: 'Quantity', cell: 'three hundred', message: 'Quantity "three hundred" is not a number' }] },
        }}
        onRetry={(x) => (retried = x)}
        onCancel={() => {}}
      />,
    );
    const row = within(screen.getByTestId('issues-table')).getAllByRole('row')[1]!;
    expect(row.textContent).toBe('3Quantitythree hundredQuantity "three hundred" is not a number');
    fireEvent.click(screen.getByTestId('import-valid-rows'));
    expect(retried).toEqual({ skipInvalid: true });
  });

  it("says a refusal that is not the file's (a name already taken) from its template, in Japanese too", async () => {
    const taken = saidError('CONFLICT', ERROR_TEXT.portfolioExistsImport, { name: 'NISA' });
    const failure = { code: taken.code, message: taken.message, details: taken.details } as ApiFailure;
    const { unmount } = render(<ImportErrorDialog failure={failure} onRetry={() => {}} onCancel={() => {}} />);
    expect(screen.getByTestId('import-error-dialog').textContent).toContain('A portfolio named "NISA" already exists. Choose another name or import into it.');
    unmount();
    await act(() => setLanguage('ja'));
    try {
      render(<ImportErrorDialog failure={failure} onRetry={() => {}} onCancel={() => {}} />);
      expect(screen.getByTestId('import-error-dialog').textContent).toContain('「NISA」という名前のポートフォリオはすでにあります。');
    } finally {
      await act(() => setLanguage('en'));
    }
  });
});

describe('percentToBp', () => {
  it.each([
    ['60', 6000],
    ['12.5', 1250],
    ['33,33', 3333],
    ['100%', 10000],
    ['0', 0],
    ['abc', null],
    ['1.234', null],
  ])('%s -> %s', (text, bp) => expect(percentToBp(text)).toBe(bp));
});
