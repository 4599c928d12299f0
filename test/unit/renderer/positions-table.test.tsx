// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/App';
import { FIRST_PAGE, forgetPositions } from '../../../renderer/src/positions/usePositions';
import { typicalRowHeight } from '../../../renderer/src/positions/PositionsTable';
import type { PositionLine } from '../../../renderer/src/positions/position-lines';
import { availableFor, defaultWeightBp } from '../../../renderer/src/tagging/TagEditor';
import { bridgeError, installBridge, makePortfolio, makePosition, makeReport } from './fake-bridge';

afterEach(cleanup);

const CASH = makePosition({ symbol: 'USD', symbolKey: 'CASH-USD', description: 'Cash and sweep', quantity: null, value: 1234.56, localValue: 1234.56, isCash: true });

describe('positions table', () => {
  it('has the columns of the brief, values in the base currency, and theme chips with weights', async () => {
    installBridge({ portfolios: [makePortfolio({ baseCurrency: 'EUR' })], report: makeReport({ baseCurrency: 'EUR' }) });
    render(<App />);
    const table = await screen.findByTestId('positions-table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Account', 'Symbol', 'Description', 'Quantity', 'Value (EUR)', 'Themes']);
    const nvda = await screen.findByTestId('position-row-NVDA');
    expect(within(nvda).getAllByRole('cell').map((c) => c.textContent)).toEqual(
      expect.arrayContaining(['X1', 'NVDA', 'NVIDIA CORPORATION COM', '120', '€21,630.00']),
    );
    expect(nvda.textContent).toContain('Data-center infrastructure 60%');
  });

  it('shows each quantity as stored, every decimal kept (0.12345678 read 0.123457)', async () => {
    const btc = makePosition({ symbol: 'GBTC', symbolKey: 'GBTC', quantity: 0.12345678, quantityText: '0.12345678', value: 9000, localValue: 9000 });
    installBridge({ portfolios: [makePortfolio()], report: makeReport({ positions: [btc] }) });
    render(<App />);
    const row = await screen.findByTestId('position-row-GBTC');
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toContain('0.12345678');
  });

  it('says before the bulk tag that positions not selected hold the symbol and are tagged too, those a search hides included', async () => {
    const positions = [
      makePosition({ account: 'X1', symbol: 'NVDA', symbolKey: 'NVDA', value: 500, localValue: 500 }),
      makePosition({ account: 'Z9', symbol: 'NVDA', symbolKey: 'NVDA', value: 400, localValue: 400 }),
      makePosition({ account: 'X1', symbol: 'KMI', symbolKey: 'KMI', value: 300, localValue: 300 }),
    ];
    installBridge({ portfolios: [makePortfolio()], report: makeReport({ positions, positionCount: 3 }) });
    render(<App />);
    await screen.findAllByTestId('position-row-NVDA');
    // Only account X1 in view: NVDA in Z9 is hidden, and would be tagged with NVDA in X1.
    fireEvent.change(screen.getByTestId('positions-search'), { target: { value: 'X1' } });
    await waitFor(() => expect(screen.getAllByTestId(/^position-row-/)).toHaveLength(2));
    fireEvent.click(screen.getByTestId('position-row-NVDA'));
    expect(screen.getByTestId('bulk-also-tagged').textContent).toBe('1 more position holds one of these symbols and is tagged too (a tag is of the symbol).');
    // The button counts what it tags: the one selected and the one holding the same symbol.
    expect(screen.getByTestId('bulk-apply').textContent).toBe('Tag 2');
    // KMI alone: no other position holds it.
    fireEvent.click(screen.getByTestId('position-row-KMI'));
    await waitFor(() => expect(screen.getByTestId('bulk-bar').textContent).toMatch(/^1 selected/));
    expect(screen.queryByTestId('bulk-also-tagged')).toBeNull();
    expect(screen.getByTestId('bulk-apply').textContent).toBe('Tag 1');
  });

  it('searches, filters by theme and sorts by a column header, saying how many rows match', async () => {
    installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    const order = () => screen.getAllByTestId(/^position-row-/).map((r) => r.dataset['testid']);
    fireEvent.click(screen.getByTestId('sort-symbol'));
    expect(order()).toEqual(['position-row-KMI', 'position-row-NVDA']);
    expect(screen.getByTestId('sort-symbol').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByTestId('sort-symbol'));
    expect(order()).toEqual(['position-row-NVDA', 'position-row-KMI']);
    fireEvent.change(screen.getByTestId('positions-search'), { target: { value: 'kinder' } });
    await waitFor(() => expect(order()).toEqual(['position-row-KMI']));
    expect(screen.getByTestId('positions-count').textContent).toMatch(/^1 of 2 positions/);
    fireEvent.change(screen.getByTestId('positions-search'), { target: { value: 'zzz' } });
    expect((await screen.findByTestId('positions-none')).textContent).toBe('No position matches "zzz".');
    fireEvent.change(screen.getByTestId('positions-search'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('filter-theme'), { target: { value: 'data-centers' } });
    await waitFor(() => expect(order()).toEqual(['position-row-NVDA']));
  });

  it('shows cash muted with a Cash badge and no Tag button', async () => {
    installBridge({ portfolios: [makePortfolio()], report: makeReport({ positions: [...makeReport().positions, CASH] }) });
    render(<App />);
    const cash = await screen.findByTestId('position-row-CASH-USD');
    expect(cash.className).toContain('cash');
    expect(within(cash).getByText('Cash').className).toBe('badge');
    expect(screen.queryByTestId('tag-button-CASH-USD')).toBeNull();
    expect(screen.getByTestId('tag-button-KMI')).toBeTruthy();
  });

  it('gives a Japanese account name a width of its own (it breaks after any character); a Latin one keeps only its words', async () => {
    const nisa = makePosition({ symbol: '9984', symbolKey: 'XTKS:9984', account: '株式（現物/NISA預り（成長投資枠））' });
    installBridge({ portfolios: [makePortfolio()], report: makeReport({ positions: [...makeReport().positions, nisa] }) });
    render(<App />);
    const account = (key: string) => within(screen.getByTestId(`position-row-${key}`)).getAllByRole('cell')[0]!;
    await screen.findByTestId('position-row-XTKS:9984');
    expect(account('XTKS:9984').className).toBe('account wide-text');
    expect(account('NVDA').className).toBe('account');
  });

  it('removes a tag with the × on its chip, then refreshes the exposure totals', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    const fetches = bridge.getExposure.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Remove Data-center infrastructure from NVDA' }));
    await waitFor(() => expect(bridge.applyTagChanges).toHaveBeenCalledWith({ changes: [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: null }] }));
    await waitFor(() => expect(bridge.getExposure.mock.calls.length).toBeGreaterThan(fetches));
    await waitFor(() => expect(screen.getByTestId('position-row-NVDA').textContent).not.toContain('Data-center infrastructure'));
  });
});

describe('tag editor', () => {
  it('proposes the remaining percent, says what stays untagged as you type, and saves basis points', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    fireEvent.click(await screen.findByTestId('tag-button-KMI'));
    const weight = screen.getByTestId('tag-weight-input') as HTMLInputElement;
    expect(weight.value).toBe('100'); // nothing tagged yet
    fireEvent.change(weight, { target: { value: '60' } });
    expect(screen.getByTestId('tag-remaining').textContent).toBe('Remaining: 40% untagged');
    fireEvent.change(weight, { target: { value: '33.33' } });
    expect(screen.getByTestId('tag-remaining').textContent).toBe('Remaining: 66.67% untagged');
    fireEvent.click(screen.getByTestId('tag-save'));
    await waitFor(() => expect(bridge.applyTagChanges).toHaveBeenCalledWith({ changes: [{ symbolKey: 'KMI', themeId: 'data-centers', weightBp: 3333 }] }));
    await waitFor(() => expect(screen.queryByTestId('tag-theme-select')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('position-row-KMI').textContent).toContain('Data-center infrastructure 33.33%'));
  });

  it('refuses a weight that is not a percent before calling the backend', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    fireEvent.click(await screen.findByTestId('tag-button-KMI'));
    fireEvent.change(screen.getByTestId('tag-weight-input'), { target: { value: 'lots' } });
    fireEvent.click(screen.getByTestId('tag-save'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Enter a weight in percent/);
    expect(bridge.applyTagChanges).not.toHaveBeenCalled();
  });

  it("proposes the picked theme's own weight until the user types one", async () => {
    installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    fireEvent.click(await screen.findByTestId('tag-button-NVDA'));
    const select = screen.getByTestId('tag-theme-select') as HTMLSelectElement;
    const weight = screen.getByTestId('tag-weight-input') as HTMLInputElement;
    expect([select.value, weight.value]).toEqual(['oil-logistics', '40']);
    fireEvent.change(select, { target: { value: 'data-centers' } }); // NVDA's existing tag: reweight it
    expect(weight.value).toBe('60');
    expect(screen.getByTestId('tag-remaining').textContent).toBe('Remaining: 40% untagged');
    fireEvent.change(weight, { target: { value: '25' } });
    fireEvent.change(select, { target: { value: 'diamond-semiconductors' } });
    expect(weight.value).toBe('25'); // typed by the user: kept
  });

  it('opens a fully tagged holding on its own theme so its weight can be changed', async () => {
    const full = makePosition({ symbol: 'EQIX', symbolKey: 'EQIX', themes: [{ id: 'data-centers', weight: 1, value: 2000 }] });
    installBridge({ portfolios: [makePortfolio()], report: makeReport({ positions: [full] }) });
    render(<App />);
    const button = await screen.findByTestId('tag-button-EQIX');
    // Beside its tag, a sign; its name says what it does.
    expect(button.textContent).toBe('✎');
    expect(button.getAttribute('aria-label')).toBe('Edit the tags of EQIX');
    fireEvent.click(button);
    expect((screen.getByTestId('tag-theme-select') as HTMLSelectElement).value).toBe('data-centers');
    expect((screen.getByTestId('tag-weight-input') as HTMLInputElement).value).toBe('100');
  });

  it('shows the message of a rejected call and stays open', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.applyTagChanges.mockRejectedValueOnce(bridgeError('WEIGHT_OVER_100', 'The weights of KMI would add up to 110%; at most 100% can be tagged.'));
    render(<App />);
    fireEvent.click(await screen.findByTestId('tag-button-KMI'));
    fireEvent.keyDown(screen.getByTestId('tag-weight-input'), { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe('The weights of KMI would add up to 110%; at most 100% can be tagged.');
    expect(screen.getByTestId('tag-theme-select')).toBeTruthy();
  });

  it('is driven by the keyboard: arrows move between rows, Enter opens the editor, Escape closes it', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    const nvda = await screen.findByTestId('position-row-NVDA');
    const kmi = screen.getByTestId('position-row-KMI');
    expect(nvda.tabIndex).toBe(0);
    nvda.focus();
    fireEvent.keyDown(nvda, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(kmi);
    fireEvent.keyDown(kmi, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(nvda);
    fireEvent.keyDown(nvda, { key: 'ArrowDown' });
    fireEvent.keyDown(kmi, { key: 'Enter' });
    const select = within(kmi).getByTestId('tag-theme-select');
    fireEvent.keyDown(select, { key: 'Escape' });
    expect(screen.queryByTestId('tag-theme-select')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('position-row-KMI'));
    expect(bridge.applyTagChanges).not.toHaveBeenCalled();
  });
});

describe('availableFor / defaultWeightBp', () => {
  const current = [
    { id: 'data-centers', weight: 0.6, value: 0 },
    { id: 'oil-logistics', weight: 0.15, value: 0 },
  ];
  it.each([
    ['diamond-semiconductors', 2500, 2500],
    ['data-centers', 8500, 6000],
    ['oil-logistics', 4000, 1500],
  ])('%s: %i available, %i proposed', (themeId, available, proposed) => {
    expect(availableFor(current, themeId)).toBe(available);
    expect(defaultWeightBp(current, themeId)).toBe(proposed);
  });
  it('proposes 100% on an untagged holding', () => expect(defaultWeightBp([], 'data-centers')).toBe(10000));
});

describe('going back to the Positions view', () => {
  /** The bridge plus the two calls the Portfolios view makes. */
  const withPortfoliosView = () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => []),
      getPortfoliosOverview: vi.fn(async () => ({ themes: [], portfolios: [] })),
    });
    return bridge;
  };

  it('shows the positions at once, without loading them again, while nothing changed', async () => {
    const bridge = withPortfoliosView();
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    expect(bridge.listPositions).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('view-tab-portfolios'));
    await screen.findByTestId('analytics');
    fireEvent.click(screen.getByTestId('view-tab-positions'));
    // Drawn in the same pass as the tab change: no wait for the backend.
    expect(screen.getByTestId('position-row-NVDA')).toBeTruthy();
    expect(bridge.listPositions).toHaveBeenCalledTimes(1);
    expect(bridge.listTags).toHaveBeenCalledTimes(1);
  });

  it('loads them again once portfolios or snapshots changed (a deleted snapshot\'s id can come back)', async () => {
    const bridge = withPortfoliosView();
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    fireEvent.click(screen.getByTestId('view-tab-portfolios'));
    await screen.findByTestId('analytics');
    forgetPositions(); // what App does whenever it reloads the portfolio list
    fireEvent.click(screen.getByTestId('view-tab-positions'));
    await screen.findByTestId('position-row-NVDA');
    expect(bridge.listPositions).toHaveBeenCalledTimes(2);
  });
});

describe('a large snapshot in pages', () => {
  it('draws the first page at once, then the rest; searching, sorting and selecting all wait for the whole list', async () => {
    forgetPositions();
    const many = Array.from({ length: 450 }, (_, i) => makePosition({ symbol: `S${i}`, symbolKey: `S${i}`, description: `Stock ${i}`, value: 10_000 - i, localValue: 10_000 - i }));
    const report = makeReport({ positions: many, positionCount: many.length });
    const bridge = installBridge({ portfolios: [makePortfolio()], report });
    // The second page waits until the test lets it through.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const pages = bridge.listPositions.getMockImplementation()!;
    bridge.listPositions.mockImplementation(async (input: { snapshotId: number; offset?: number; limit?: number }) => {
      if ((input.offset ?? 0) > 0) await gate;
      return pages(input);
    });
    render(<App />);
    await screen.findByTestId('position-row-S0');
    expect(bridge.listPositions).toHaveBeenNthCalledWith(1, { snapshotId: report.snapshotId, limit: FIRST_PAGE });
    expect(bridge.listPositions).toHaveBeenNthCalledWith(2, { snapshotId: report.snapshotId, offset: FIRST_PAGE, limit: 450 - FIRST_PAGE });
    expect(screen.getByTestId('positions-loading').textContent).toBe(`Loading positions: ${FIRST_PAGE} of 450…`);
    expect((screen.getByTestId('positions-search') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('sort-symbol') as HTMLButtonElement).disabled).toBe(true);
    // Select all does nothing yet: it would select part of the snapshot.
    fireEvent.keyDown(screen.getByTestId('position-row-S0'), { key: 'a', ctrlKey: true });
    expect(screen.queryByTestId('bulk-bar')).toBeNull();
    release();
    await waitFor(() => expect(screen.queryByTestId('positions-loading')).toBeNull());
    expect((screen.getByTestId('positions-search') as HTMLInputElement).disabled).toBe(false);
    fireEvent.change(screen.getByTestId('positions-search'), { target: { value: 'Stock 449' } });
    await waitFor(() => expect(screen.getByTestId('positions-count').textContent).toMatch(/^1 of 450 positions/));
    expect(bridge.listPositions).toHaveBeenCalledTimes(2);
  });
});

describe("a row's height before it is measured", () => {
  const line = (themes: number, isCash = false) => ({ isCash, themes: Array.from({ length: themes }, (_, i) => ({ id: `t${i}`, weight: 0.5 })) }) as unknown as PositionLine;
  it("is the list's typical row: most tagged once, 43 px; untagged, the \"+ Tag\" line; cash, one line", () => {
    expect(typicalRowHeight([line(1), line(1), line(0), line(2), line(1)])).toBe(43);
    expect(typicalRowHeight([line(0), line(0), line(1)])).toBe(37);
    expect(typicalRowHeight([line(0, true)])).toBe(28);
    expect(typicalRowHeight([])).toBe(37);
  });
});
