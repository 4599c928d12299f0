// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/App';
import { forgetAnswers } from '../../../renderer/src/analytics/kept-answers';
import { offerDeletionUndo } from '../../../renderer/src/analytics/deletion-undo';
import { ThemesView } from '../../../renderer/src/analytics/ThemesView';
import { bridgeError, installBridge, makePortfolio, makeReport } from './fake-bridge';

afterEach(() => {
  cleanup();
  // The window's latest deletion outlives a test's window, as it outlives a view.
  offerDeletionUndo(null);
});

describe('switching between analytics views', () => {
  it('keeps the last view, marked busy, while the next one loads, and says "Loading…" only after a quarter of a second', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    let answer: (v: unknown) => void = () => {};
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => []),
      getPortfoliosOverview: vi.fn(async () => ({ themes: [], portfolios: [] })),
      getThemeHistory: vi.fn(() => new Promise((ok) => (answer = ok))),
    });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    fireEvent.click(screen.getByTestId('view-tab-portfolios'));
    await screen.findByTestId('portfolios-view');
    fireEvent.click(screen.getByTestId('view-tab-history'));
    await waitFor(() => expect(bridge['getThemeHistory' as keyof typeof bridge]).toHaveBeenCalled());
    // The portfolios view is still there, the region busy, no "Loading…" yet.
    expect(screen.getByTestId('portfolios-view')).toBeTruthy();
    expect(screen.getByTestId('analytics').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByText('Loading…')).toBeNull();
    // A slow answer: after 250 ms the stale view gives way to "Loading…".
    expect(await screen.findByText('Loading…', undefined, { timeout: 1000 })).toBeTruthy();
    expect(screen.queryByTestId('portfolios-view')).toBeNull();
    answer({ portfolioId: 1, baseCurrency: 'USD', themes: [], points: [] });
    await screen.findByTestId('history-view');
    expect(screen.getByTestId('analytics').getAttribute('aria-busy')).toBeNull();
  });
});

describe('the history view', () => {
  it("says in the legend a theme at 0% on every date, whose line the chart draws under another's", async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    const point = (snapshotId: number, asOf: string, dc: number) => ({ snapshotId, asOf, totalValue: 100, untaggedValue: 100 - dc, shares: { dc: dc / 100, oil: 0 }, values: { dc, oil: 0 } });
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => []),
      getThemeHistory: vi.fn(async () => ({ portfolioId: 1, baseCurrency: 'USD', themes: [{ id: 'dc', name: 'Data centers', color: '#2563eb' }, { id: 'oil', name: 'Crude oil', color: '#d97706' }], points: [point(1, '2026-06-30', 0), point(2, '2026-09-30', 20)] })),
    });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    fireEvent.click(screen.getByTestId('view-tab-history'));
    await screen.findByTestId('history-view');
    expect(screen.getByTestId('legend-oil').textContent).toBe('Crude oil 0% on every date');
    // 0% once, 20% later: a line of its own, nothing said.
    expect(screen.getByTestId('legend-dc').textContent).toBe('Data centers');
  });
});

describe('deleting the portfolio on screen', () => {
  it('moves to another portfolio without asking for the deleted one\'s figures (it said "There is no portfolio with id 4" in red)', async () => {
    const trust = makePortfolio({ id: 4, name: 'Smith trust', latestSnapshotId: 4 });
    const bridge = installBridge({ portfolios: [makePortfolio(), trust] });
    const row = (p: { id: number; name: string }) => ({ id: p.id, name: p.name, clientName: null, baseCurrency: 'USD', snapshotId: p.id, asOf: '2026-11-24', totalValue: 100, untaggedShare: 1, shares: {} });
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => []),
      getPortfoliosOverview: vi.fn(async () => ({ themes: [], portfolios: (bridge.data.portfolios ?? []).map(row) })),
      deletePortfolio: vi.fn(async () => {
        bridge.data.portfolios = [makePortfolio()];
        return { undoToken: 1, name: 'Smith trust' };
      }),
    });
    // The list comes back over IPC, a moment later, as in the app (answered at once, it came in the same render as the rest).
    bridge.listPortfolios.mockImplementation(async () => {
      await new Promise((r) => setTimeout(r, 30));
      return bridge.data.portfolios ?? [];
    });
    // As the backend answers: the deleted portfolio is not there.
    bridge.getExposure.mockImplementation(async (input: { portfolioId: number }) => {
      if (!(bridge.data.portfolios ?? []).some((p) => p.id === input.portfolioId)) throw bridgeError('NOT_FOUND', `There is no portfolio with id ${input.portfolioId}.`);
      return makeReport();
    });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    fireEvent.change(screen.getByTestId('portfolio-picker'), { target: { value: '4' } });
    await waitFor(() => expect(bridge.getExposure).toHaveBeenCalledWith(expect.objectContaining({ portfolioId: 4 })));
    fireEvent.click(screen.getByTestId('view-tab-portfolios'));
    fireEvent.click(await screen.findByTestId('delete-portfolio-4'));
    const asked = bridge.getExposure.mock.calls.length;
    fireEvent.click(screen.getByTestId('delete-confirm'));
    await screen.findByTestId('undo-delete');
    await waitFor(() => expect((screen.getByTestId('portfolio-picker') as HTMLSelectElement).value).toBe('1'));
    await new Promise((r) => setTimeout(r, 100));
    const after = bridge.getExposure.mock.calls.slice(asked).map((c) => (c[0] as { portfolioId: number }).portfolioId);
    expect(after).not.toContain(4);
    expect(after).toContain(1); // the portfolio now on screen: its figures asked for
    expect(screen.queryAllByTestId('toast').map((t) => t.textContent)).not.toContainEqual(expect.stringContaining('There is no portfolio'));
  });
});

/** Two portfolios (or one), the Portfolios view's overview from the bridge's list, deletions and restores as the backend does them. */
function portfoliosBridge(portfolios = [makePortfolio(), makePortfolio({ id: 4, name: 'Smith trust', latestSnapshotId: 4 })]) {
  const bridge = installBridge({ portfolios });
  let gone: ReturnType<typeof makePortfolio> | null = null;
  // Object.assign's type has the calls it adds, for the tests to check.
  return Object.assign(bridge, {
    listSnapshots: vi.fn(async () => []),
    getPortfoliosOverview: vi.fn(async () => ({ themes: [], portfolios: (bridge.data.portfolios ?? []).map((p) => ({ id: p.id, name: p.name, clientName: null, baseCurrency: 'USD', snapshotId: p.id, asOf: '2026-11-24', totalValue: 100, untaggedShare: 1, shares: {} })) })),
    deletePortfolio: vi.fn(async ({ id }: { id: number }) => {
      gone = (bridge.data.portfolios ?? []).find((p) => p.id === id) ?? null;
      bridge.data.portfolios = (bridge.data.portfolios ?? []).filter((p) => p.id !== id);
      return { undoToken: 7, name: gone?.name ?? '' };
    }),
    restorePortfolio: vi.fn(async () => {
      bridge.data.portfolios = [...(bridge.data.portfolios ?? []), gone!];
      return gone;
    }),
  });
}

async function deletePortfolio(id: number) {
  fireEvent.click(screen.getByTestId('view-tab-portfolios'));
  fireEvent.click(await screen.findByTestId(`delete-portfolio-${id}`));
  fireEvent.click(screen.getByTestId('delete-confirm'));
}

describe('deleting the last portfolio', () => {
  it('keeps its undo on the empty state (it was a toast, and the undo was lost), and the undo brings the portfolio back', async () => {
    const bridge = portfoliosBridge([makePortfolio({ name: 'Smith family' })]);
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    await deletePortfolio(1);
    await screen.findByTestId('empty-state');
    expect(screen.getByTestId('undo-delete').textContent).toContain('Deleted “Smith family”.');
    expect(screen.queryAllByTestId('toast').map((t) => t.textContent)).not.toContainEqual(expect.stringContaining('Deleted'));
    fireEvent.click(screen.getByTestId('undo-delete-button'));
    await waitFor(() => expect(bridge.restorePortfolio).toHaveBeenCalledWith({ undoToken: 7 }));
    await screen.findByTestId('portfolio-picker');
    expect(screen.queryByTestId('empty-state')).toBeNull();
    expect(screen.getAllByTestId('toast').map((t) => t.textContent)).toContainEqual(expect.stringContaining('Restored Smith family.'));
  });
});

describe("the window's Undo after a deletion", () => {
  it('the toolbar names the deletion and undoes it, once, where it was greyed beside the banner', async () => {
    const bridge = portfoliosBridge();
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    expect((screen.getByTestId('undo-button') as HTMLButtonElement).disabled).toBe(true);
    await deletePortfolio(4);
    await screen.findByTestId('undo-delete');
    const undo = screen.getByTestId('undo-button') as HTMLButtonElement;
    expect(undo.disabled).toBe(false);
    expect(undo.title).toBe('Undo: Delete Smith trust (Ctrl+Z)');
    fireEvent.click(undo);
    await waitFor(() => expect(bridge.restorePortfolio).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByTestId('undo-delete')).toBeNull());
    // Restored and shown, and nothing left to undo: a second press restores nothing twice.
    await waitFor(() => expect((screen.getByTestId('portfolio-picker') as HTMLSelectElement).value).toBe('4'));
    expect((screen.getByTestId('undo-button') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(bridge.restorePortfolio).toHaveBeenCalledTimes(1);
  });

  it('Ctrl+Z undoes the latest action first: the deletion after a tag edit, then the tag edit', async () => {
    const bridge = portfoliosBridge();
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Data-center infrastructure from NVDA' }));
    await waitFor(() => expect(bridge.applyTagChanges).toHaveBeenCalledTimes(1));
    await deletePortfolio(4);
    await screen.findByTestId('undo-delete');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(bridge.restorePortfolio).toHaveBeenCalledTimes(1));
    expect(bridge.applyTagChanges).toHaveBeenCalledTimes(1);
    await waitFor(() => expect((screen.getByTestId('undo-button') as HTMLButtonElement).title).toBe('Undo: Untag NVDA (Ctrl+Z)'));
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(bridge.applyTagChanges).toHaveBeenCalledTimes(2));
    expect(bridge.restorePortfolio).toHaveBeenCalledTimes(1);
  });

  it('a tag edit after the deletion is undone first, and the deletion after it', async () => {
    const bridge = portfoliosBridge();
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    await deletePortfolio(4);
    await screen.findByTestId('undo-delete');
    fireEvent.click(screen.getByTestId('view-tab-positions'));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Data-center infrastructure from NVDA' }));
    await waitFor(() => expect(bridge.applyTagChanges).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((screen.getByTestId('undo-button') as HTMLButtonElement).title).toBe('Undo: Untag NVDA (Ctrl+Z)'));
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(bridge.applyTagChanges).toHaveBeenCalledTimes(2));
    expect(bridge.restorePortfolio).not.toHaveBeenCalled();
    await waitFor(() => expect((screen.getByTestId('undo-button') as HTMLButtonElement).title).toBe('Undo: Delete Smith trust (Ctrl+Z)'));
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(bridge.restorePortfolio).toHaveBeenCalledTimes(1));
  });

  it('takes away a confirmation still shown from before: "Renamed to Smith trust." stood beside "Deleted “Smith trust”."', async () => {
    const bridge = portfoliosBridge();
    Object.assign(bridge, { renamePortfolio: vi.fn(async () => makePortfolio({ id: 4, name: 'Smith trust' })) });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    fireEvent.click(screen.getByTestId('view-tab-portfolios'));
    fireEvent.click(await screen.findByTestId('rename-portfolio-4'));
    fireEvent.click(screen.getByTestId('rename-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('toast').map((x) => x.textContent)).toContainEqual(expect.stringContaining('Renamed to Smith trust.')));
    await deletePortfolio(4);
    await screen.findByTestId('undo-delete');
    await waitFor(() => expect(screen.queryAllByTestId('toast').map((x) => x.textContent)).not.toContainEqual(expect.stringContaining('Renamed')));
  });

  it("a snapshot's deletion: the toolbar restores it and shows its portfolio", async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    const snapshot = { id: 1, portfolioId: 1, asOf: '2026-11-24', sourceFile: 'a.csv', fileSha256: '', rowCount: 1, importedAt: '2026-11-24T00:00:00Z', preset: null };
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => [{ ...snapshot, id: 2, asOf: '2026-12-01', sourceFile: 'b.csv' }, snapshot]),
      getThemeHistory: vi.fn(async () => ({ portfolioId: 1, baseCurrency: 'USD', themes: [], points: [] })),
      deleteSnapshot: vi.fn(async () => ({ undoToken: 3, portfolioId: 1, asOf: '2026-11-24', sourceFile: 'a.csv' })),
      restoreSnapshot: vi.fn(async () => snapshot),
    });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    fireEvent.click(screen.getByTestId('view-tab-history'));
    fireEvent.click(await screen.findByTestId('snapshot-delete-1'));
    fireEvent.click(screen.getByTestId('snapshot-delete-confirm'));
    await screen.findByTestId('undo-snapshot-delete');
    expect((screen.getByTestId('undo-button') as HTMLButtonElement).title).toBe('Undo: Delete the snapshot of Nov 24, 2026 (Ctrl+Z)');
    fireEvent.click(screen.getByTestId('undo-button'));
    await waitFor(() => expect(bridge['restoreSnapshot' as keyof typeof bridge]).toHaveBeenCalledWith({ undoToken: 3 }));
    await waitFor(() => expect(screen.queryByTestId('undo-snapshot-delete')).toBeNull());
    expect(screen.getAllByTestId('toast').map((t) => t.textContent)).toContainEqual(expect.stringContaining('Restored the snapshot of Nov 24, 2026 (a.csv).'));
  });
});

describe('a portfolio with no snapshot left', () => {
  it('its last snapshot deleted on the History view: says so and offers the undo, where it waited for figures that could not come', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    let snapshots = [{ id: 1, portfolioId: 1, asOf: '2026-11-24', sourceFile: 'a.csv', fileSha256: '', rowCount: 1, importedAt: '2026-11-24T00:00:00Z', preset: null }];
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => snapshots),
      getThemeHistory: vi.fn(async () => ({ portfolioId: 1, baseCurrency: 'USD', themes: [], points: snapshots.map((p) => ({ snapshotId: p.id, asOf: p.asOf, totalValue: 1, untaggedValue: 1, shares: {}, values: {} })) })),
      deleteSnapshot: vi.fn(async () => {
        snapshots = [];
        bridge.data.portfolios = [makePortfolio({ snapshotCount: 0, latestSnapshotId: null, latestAsOf: null })];
        return { undoToken: 1, portfolioId: 1, asOf: '2026-11-24', sourceFile: 'a.csv' };
      }),
    });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    fireEvent.click(screen.getByTestId('view-tab-history'));
    fireEvent.click(await screen.findByTestId('snapshot-delete-1'));
    fireEvent.click(screen.getByTestId('snapshot-delete-confirm'));
    await waitFor(() => expect(screen.getByTestId('snapshots-panel').textContent).toContain('This portfolio has no snapshots yet: import a holdings file.'));
    expect(screen.getByTestId('undo-snapshot-delete')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByTestId('undo-snapshot-delete')).toBeTruthy();
  });
});

describe('the themes view', () => {
  it('names the sub-theme a contributor is tagged with, not its id', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    const contributor = { account: 'X1', symbol: 'EQIX', symbolKey: 'EQIX', description: 'EQUINIX', weight: 0.5, source: 'manual', viaThemeId: 'hyperscale', viaThemeName: 'Hyperscale operators', positionValue: 1000, value: 500 };
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => [{ id: 1, portfolioId: 1, asOf: '2026-11-24', sourceFile: 'a.csv', fileSha256: '', rowCount: 1, importedAt: '2026-11-24T00:00:00Z', preset: null }]),
      getThemeBreakdown: vi.fn(async () => ({
        portfolioId: 1, snapshotId: 1, asOf: '2026-11-24', baseCurrency: 'USD', totalValue: 1000, untaggedValue: 500, missingCurrencies: [],
        themes: [{ id: 'data-centers', name: 'Data-center infrastructure', color: '#2563eb', value: 500, share: 0.5, positionCount: 1, top: [contributor] }],
      })),
    });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    fireEvent.click(screen.getByTestId('view-tab-themes'));
    expect(await screen.findByText('Manual (via Hyperscale operators)', { exact: false })).toBeTruthy();
    expect(screen.queryByText(/via hyperscale\)/)).toBeNull();
  });

  it('draws the top contributors in the frame after it opens (out of view, under the charts), and keeps them when its figures change', async () => {
    installBridge({ portfolios: [makePortfolio()] });
    const breakdown = (value: number) => ({
      portfolioId: 1, snapshotId: 1, asOf: '2026-11-24', baseCurrency: 'USD', totalValue: 1000, untaggedValue: 1000 - value, missingCurrencies: [],
      themes: [{ id: 'data-centers', name: 'Data-center infrastructure', color: '#2563eb', value, share: value / 1000, positionCount: 1, top: [] }],
    });
    const props = { portfolio: makePortfolio(), portfolioName: 'P', onMessage: () => {}, onChanged: () => {}, onPortfoliosChanged: () => {} };
    const { rerender } = render(<ThemesView {...props} breakdown={breakdown(400)} version={0} />);
    expect(screen.getByTestId('donut-chart')).toBeTruthy();
    expect(screen.queryByTestId('contributors-data-centers')).toBeNull();
    expect((await screen.findByTestId('contributors-data-centers')).textContent).toContain('$400.00');
    // New figures (another snapshot, an edit): drawn in place, not taken away for a frame.
    rerender(<ThemesView {...props} breakdown={breakdown(700)} version={1} />);
    expect(screen.getByTestId('contributors-data-centers').textContent).toContain('$700.00');
    // The warm-up asks for everything in one go.
    cleanup();
    render(<ThemesView {...props} breakdown={breakdown(400)} version={0} allAtOnce />);
    expect(screen.getByTestId('contributors-data-centers')).toBeTruthy();
  });
});

describe('a view fetched ahead is drawn with the click (kept-answers.ts)', () => {
  const snapshot = { id: 1, portfolioId: 1, asOf: '2026-11-24', sourceFile: 'a.csv', fileSha256: '', rowCount: 1, importedAt: '2026-11-24T00:00:00Z', preset: null };
  const breakdown = (value: number) => ({
    portfolioId: 1, snapshotId: 1, asOf: '2026-11-24', baseCurrency: 'USD', totalValue: 1000, untaggedValue: 1000 - value, missingCurrencies: [],
    themes: [{ id: 'data-centers', name: 'Data-center infrastructure', color: '#2563eb', value, share: value / 1000, positionCount: 1, top: [] }],
  });
  // An answer held back until the test lets it go (a call left unanswered would keep the window's
  // count of calls in flight up, and hold back the next test's prefetching).
  let release = () => {};
  const heldBack = (answer: unknown) => () => new Promise((ok) => (release = () => ok(answer)));
  afterEach(() => {
    release();
    forgetAnswers();
  });

  /** The app on Positions, once the window has fetched the Themes view's figures ahead. */
  async function fetchedAhead(first: unknown) {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    const themes = vi.fn(async () => first);
    Object.assign(bridge, { listSnapshots: vi.fn(async () => [snapshot]), getThemeBreakdown: themes });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    await waitFor(() => expect(themes).toHaveBeenCalled(), { timeout: 3000 });
    await act(async () => {
      await themes.mock.results[0]!.value;
    });
    return { bridge, themes };
  }
  const shownValue = () => within(screen.getByTestId('themes-view')).getAllByText(/\$\d/).map((e) => e.textContent).join(' ');

  it('draws the Themes view in the render of the click, without waiting for the backend, and still asks it', async () => {
    const { themes } = await fetchedAhead(breakdown(400));
    const asked = themes.mock.calls.length;
    themes.mockImplementation(heldBack(breakdown(400))); // the backend does not answer yet
    fireEvent.click(screen.getByTestId('view-tab-themes'));
    expect(screen.getByTestId('themes-view')).toBeTruthy();
    expect(screen.getByTestId('analytics').getAttribute('aria-busy')).toBeNull();
    expect(screen.getByTestId('snapshot-picker')).toBeTruthy(); // the snapshots were kept too: no picker popping in
    expect(themes.mock.calls.length).toBe(asked + 1); // asked again, to confirm the figures
  });

  it('draws the figures again when the backend no longer gives the kept ones (a change made by the command line)', async () => {
    const { themes } = await fetchedAhead(breakdown(400));
    themes.mockImplementation(async () => breakdown(700));
    fireEvent.click(screen.getByTestId('view-tab-themes'));
    expect(shownValue()).toContain('$400');
    await waitFor(() => expect(shownValue()).toContain('$700'));
    expect(shownValue()).not.toContain('$400');
  });

  it('an undo while a view is on screen draws that view again with the figures after the undo', async () => {
    const { bridge, themes } = await fetchedAhead(breakdown(400));
    themes.mockImplementation(async () => breakdown(0));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Data-center infrastructure from NVDA' }));
    await waitFor(() => expect(screen.getByTestId('position-row-NVDA').textContent).not.toContain('Data-center infrastructure'));
    fireEvent.click(screen.getByTestId('view-tab-themes'));
    await waitFor(() => expect(shownValue()).toContain('$0'));
    const compared = bridge.listFunds as unknown as { mock: { calls: unknown[] } };
    const comparedBefore = compared.mock.calls.length;
    // The undo is made on the Themes view (the toolbar's button, or Ctrl+Z): its figures follow.
    themes.mockImplementation(async () => breakdown(400));
    fireEvent.click(screen.getByTestId('undo-button'));
    await waitFor(() => expect(bridge.applyTagChanges).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(shownValue()).toContain('$400'));
    // The benchmark comparison below it too.
    expect(compared.mock.calls.length).toBeGreaterThan(comparedBefore);
  });

  it('an undo made on the Compare view compares again', async () => {
    const { bridge } = await fetchedAhead(breakdown(400));
    const compare = vi.fn(async () => null);
    Object.assign(bridge, { listSnapshots: vi.fn(async () => [{ ...snapshot, id: 2, asOf: '2026-12-01' }, snapshot]), compareSnapshots: compare });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Data-center infrastructure from NVDA' }));
    await waitFor(() => expect(screen.getByTestId('position-row-NVDA').textContent).not.toContain('Data-center infrastructure'));
    fireEvent.click(screen.getByTestId('view-tab-compare'));
    await waitFor(() => expect(compare).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByTestId('undo-button'));
    await waitFor(() => expect(compare).toHaveBeenCalledTimes(2));
  });

  it("asks for the shown snapshot's figures and the first comparison to be computed ahead as soon as the figures come, not again after a tag edit", async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    const prepare = vi.fn(async () => ({ ahead: true }));
    Object.assign(bridge, { listSnapshots: vi.fn(async () => [{ ...snapshot, id: 2, asOf: '2026-12-01' }, snapshot]), prepareFigures: prepare });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    // At once, not after the idle queue's quarter of a second and the views before it. Of no client: no household.
    await waitFor(() => expect(prepare).toHaveBeenCalledWith({ portfolioId: 1, snapshotId: 1, comparison: { fromSnapshotId: 1, toSnapshotId: 2 } }), { timeout: 200 });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Data-center infrastructure from NVDA' }));
    await waitFor(() => expect(screen.getByTestId('position-row-NVDA').textContent).not.toContain('Data-center infrastructure'));
    await new Promise((wait) => setTimeout(wait, 100));
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it("asks for a client's household figures to be computed ahead with the comparison, as the Household view asks for them", async () => {
    const bridge = installBridge({ portfolios: [makePortfolio({ clientName: 'smith' })] });
    const prepare = vi.fn(async () => ({ ahead: true }));
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => [{ ...snapshot, id: 2, asOf: '2026-12-01' }, snapshot]),
      // Portfolios of two currencies: the view opens in the portfolio's own, the client's name as stored.
      listClients: vi.fn(async () => [{ name: 'Smith', baseCurrencies: ['EUR', 'USD'], portfolios: [{ id: 1, name: 'Smith family', baseCurrency: 'USD', snapshotCount: 2 }] }]),
      prepareFigures: prepare,
    });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    await waitFor(() => expect(prepare).toHaveBeenCalled(), { timeout: 200 });
    expect(prepare).toHaveBeenCalledWith({ portfolioId: 1, snapshotId: 1, comparison: { fromSnapshotId: 1, toSnapshotId: 2 }, household: { client: 'Smith', baseCurrency: 'USD', positionLimit: 15 } });
  });

  it('draws the Household view with the click from the clients and figures fetched ahead, and still asks for them', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio({ clientName: 'Smith' })] });
    const position = { account: 'P · X1', symbol: 'NVDA', symbolKey: 'NVDA', description: 'NVIDIA', quantity: 1, value: 300, localValue: 300, currency: 'USD', isCash: false, themes: [] };
    const household = {
      schemaVersion: 1, portfolio: 'Smith', clientName: 'Smith', snapshotId: null, asOf: '2026-11-24', sourceFile: 'a.csv', baseCurrency: 'USD', totalValue: 1234.5, cashValue: 0, untaggedValue: 1234.5,
      themes: [], positionCount: 1, positions: [position], fxRates: [], tagChanges: [], warnings: [], generatedAt: '',
      portfolios: [{ name: 'Smith family', snapshotId: 1, asOf: '2026-11-24', sourceFile: 'a.csv', baseCurrency: 'USD', totalValue: 1234.5, positionCount: 1 }],
    };
    const figures = vi.fn(async (_input: unknown) => household);
    const clients = vi.fn(async () => [{ name: 'Smith', baseCurrencies: ['USD'], portfolios: [{ id: 1, name: 'Smith family', baseCurrency: 'USD', snapshotCount: 1 }] }]);
    // Every call the queue makes before the household's answers at once.
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => [snapshot]),
      getThemeBreakdown: vi.fn(async () => breakdown(400)),
      getAccountBreakdown: vi.fn(async () => ({ ...breakdown(0), themes: [], accounts: [] })),
      getCurrencyBreakdown: vi.fn(async () => ({ ...breakdown(0), currencies: [] })),
      getThemeOverlap: vi.fn(async () => ({ ...breakdown(0), themes: [], cells: [] })),
      getThemeHistory: vi.fn(async () => ({ portfolioId: 1, baseCurrency: 'USD', themes: [], points: [] })),
      getPortfoliosOverview: vi.fn(async () => ({ themes: [], portfolios: [] })),
      listClients: clients,
      getClientExposure: figures,
    });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    await waitFor(() => expect(figures).toHaveBeenCalled(), { timeout: 5000 });
    expect(figures.mock.calls[0]![0]).toEqual({ client: 'Smith', baseCurrency: 'USD', positionLimit: 15 });
    await act(async () => {
      await figures.mock.results[0]!.value;
    });
    const asked = figures.mock.calls.length;
    figures.mockImplementation(heldBack(household) as never); // the backend does not answer yet
    fireEvent.click(screen.getByTestId('view-tab-household'));
    expect(screen.getByTestId('household-total').textContent).toContain('$1,234.50');
    await waitFor(() => expect(figures.mock.calls.length).toBe(asked + 1)); // asked again, to confirm the figures
  }, 10_000);

  it("on a view, asks for the household's figures ahead before the view's older snapshots", async () => {
    const bridge = installBridge({ portfolios: [makePortfolio({ clientName: 'Smith' })] });
    const asked: string[] = [];
    const snapshots = [3, 2, 1].map((id) => ({ ...snapshot, id, asOf: `2026-11-2${id}` }));
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => snapshots),
      getThemeBreakdown: vi.fn(async (input: { snapshotId?: number }) => {
        asked.push(`themes ${input.snapshotId ?? 'latest'}`);
        return { ...breakdown(400), snapshotId: input.snapshotId ?? 3 };
      }),
      // The other views answer at once, so the queue goes on past them.
      getAccountBreakdown: vi.fn(async () => ({ ...breakdown(0), themes: [], accounts: [] })),
      getCurrencyBreakdown: vi.fn(async () => ({ ...breakdown(0), currencies: [] })),
      getThemeOverlap: vi.fn(async () => ({ ...breakdown(0), themes: [], cells: [] })),
      getThemeHistory: vi.fn(async () => ({ portfolioId: 1, baseCurrency: 'USD', themes: [], points: [] })),
      getPortfoliosOverview: vi.fn(async () => ({ themes: [], portfolios: [] })),
      listClients: vi.fn(async () => [{ name: 'Smith', baseCurrencies: ['USD'], portfolios: [{ id: 1, name: 'Smith family', baseCurrency: 'USD', snapshotCount: 3 }] }]),
      getClientExposure: vi.fn(async () => {
        asked.push('household');
        return null;
      }),
    });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    // Straight to Themes, before the Positions view's queue starts: the Themes view's queue alone.
    fireEvent.click(screen.getByTestId('view-tab-themes'));
    await waitFor(() => expect(asked).toContain('themes 1'), { timeout: 5000 });
    const household = asked.indexOf('household');
    expect(household).toBeGreaterThanOrEqual(0);
    expect(household).toBeLessThan(asked.indexOf('themes 2'));
    expect(household).toBeLessThan(asked.indexOf('themes 1'));
  }, 10_000);

  it('never draws an answer kept before a tag edit: the view waits for the backend', async () => {
    const { bridge, themes } = await fetchedAhead(breakdown(400));
    themes.mockImplementation(heldBack(breakdown(0)));
    const fetches = bridge.getExposure.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Remove Data-center infrastructure from NVDA' }));
    await waitFor(() => expect(bridge.getExposure.mock.calls.length).toBeGreaterThan(fetches));
    await waitFor(() => expect(screen.getByTestId('position-row-NVDA').textContent).not.toContain('Data-center infrastructure'));
    fireEvent.click(screen.getByTestId('view-tab-themes'));
    expect(screen.queryByTestId('themes-view')).toBeNull();
    expect(screen.getByTestId('analytics').getAttribute('aria-busy')).toBe('true');
  });
});

describe('the compare view', () => {
  it('draws the first 40 position rows with the view and the rest once that frame is painted; says when the list is cut', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    const snapshot = { id: 1, portfolioId: 1, asOf: '2026-11-24', sourceFile: 'a.csv', fileSha256: '', rowCount: 100, importedAt: '2026-11-24T00:00:00Z', preset: null };
    const positions = Array.from({ length: 100 }, (_, i) => ({
      account: 'X1', symbolKey: `S${i}`, symbol: `S${i}`, description: '', status: 'grown', fromQuantity: 1, toQuantity: 2,
      fromValue: 100 - i, toValue: 2 * (100 - i), quantityEffect: 100 - i, priceEffect: 0, tagEffect: 0, reasons: ['quantity'],
    }));
    Object.assign(bridge, {
      listSnapshots: vi.fn(async () => [{ ...snapshot, id: 2, asOf: '2026-12-01' }, snapshot]),
      compareSnapshots: vi.fn(async () => ({
        portfolioId: 1, baseCurrency: 'USD', from: { snapshotId: 1, asOf: '2026-11-24', totalValue: 5050 }, to: { snapshotId: 2, asOf: '2026-12-01', totalValue: 10100 },
        themes: [], untagged: { fromValue: 5050, toValue: 10100, fromShare: 1, toShare: 1, quantityEffect: 5050, priceEffect: 0, tagEffect: 0 },
        counts: { new: 0, gone: 0, grown: 250, shrunk: 0, unchanged: 0 }, positions, changedCount: 250, missingCurrencies: [],
      })),
    });
    render(<App />);
    await screen.findByTestId('position-row-NVDA');
    // Frames held back: the rest of the rows waits for the frame that paints the first ones.
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((f) => frames.push(f));
    try {
      fireEvent.click(screen.getByTestId('view-tab-compare'));
      await screen.findByTestId('compare-row-S0');
      expect(screen.getAllByTestId(/^compare-row-/)).toHaveLength(40);
      expect(screen.queryByTestId('compare-row-S40')).toBeNull();
      // Each frame painted as it is asked for: a comparison answered again (its call made twice, a
      // new generation) asks for a frame of its own, which one flush before the wait would miss
      // (seen once in a clean-clone run, with every test file running beside this one).
      await waitFor(() => {
        act(() => frames.splice(0).forEach((f) => f(0)));
        expect(screen.getAllByTestId(/^compare-row-/)).toHaveLength(100);
      });
      // Largest change first, in the backend's order.
      expect(screen.getAllByTestId(/^compare-row-/)[99]!.getAttribute('data-testid')).toBe('compare-row-S99');
      // 250 changed, 100 listed: said above the list, so "Value up (250)" is not taken for the rows under it.
      expect(screen.getByTestId('compare-cut').textContent).toBe('The 100 largest changes of 250 are listed; the filters choose among them.');
    } finally {
      raf.mockRestore();
    }
  });
});
