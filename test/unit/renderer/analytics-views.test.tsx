// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/App';
import { installBridge, makePortfolio } from './fake-bridge';

afterEach(cleanup);

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
});
