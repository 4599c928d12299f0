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
