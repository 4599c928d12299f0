// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountsView } from '../../../renderer/src/analytics/AccountsView';
import { CurrenciesView } from '../../../renderer/src/analytics/CurrenciesView';
import type { AccountBreakdown, CurrencyBreakdown } from '../../../shared/exposure/analytics';
import { centsSum } from '../../../renderer/src/analytics/column-total';
import { installBridge, makePortfolio } from './fake-bridge';

afterEach(cleanup);

const props = { portfolio: makePortfolio(), portfolioName: 'P', onMessage: () => {}, onChanged: () => {}, onPortfoliosChanged: () => {} };
const themes = [{ id: 'data-centers', name: 'Data-center infrastructure', color: '#2563eb' }];

/** What every breakdown of snapshot 1 starts with. */
const head = (totalValue: number, untaggedValue: number, missingCurrencies: string[] = []) => ({ portfolioId: 1, snapshotId: 1, asOf: '2026-11-24', baseCurrency: 'USD', totalValue, untaggedValue, missingCurrencies });

// Figures whose doubles do not add to the cent: 0.1 + 0.2 is 0.30000000000000004.
function breakdown(totalValue: number): AccountBreakdown {
  return {
    ...head(totalValue, 27575.36),
    themes,
    accounts: [
      { account: 'X12345678', totalValue: 27382.86, untaggedValue: 16567.86, positionCount: 3, themes: { 'data-centers': 10815 } },
      { account: 'Z87654321', totalValue: 13170.5, untaggedValue: 11007.5, positionCount: 3, themes: { 'data-centers': 2163 } },
    ],
  };
}

describe('the Accounts table', () => {
  it('ends in a row of all accounts that adds each column to the cent', () => {
    render(<AccountsView {...props} breakdown={breakdown(40553.36)} />);
    const total = screen.getByTestId('accounts-total');
    // By hand: 10,815.00 + 2,163.00; 16,567.86 + 11,007.50; 27,382.86 + 13,170.50; 3 + 3.
    expect(within(total).getAllByRole('cell').map((c) => c.textContent)).toEqual(['$12,978.00', '$27,575.36', '$40,553.36', '6']);
    expect(within(total).getByRole('rowheader').textContent).toBe('All accounts');
  });

  it('says in words that there is nothing to chart when every account comes to 0 (it drew bare axes and one "$0" tick)', () => {
    const zero = breakdown(0);
    const accounts = zero.accounts.map((a) => ({ ...a, totalValue: 0, untaggedValue: 0, themes: { 'data-centers': 0 } }));
    render(<AccountsView {...props} breakdown={{ ...zero, untaggedValue: 0, accounts }} />);
    expect(screen.getByTestId('accounts-chart-empty').textContent).toMatch(/^Nothing to chart: every account comes to \$0\.00/);
    // No chart to save: no Save buttons.
    expect((screen.getByTestId('accounts-chart-save-svg').parentElement as HTMLElement).hidden).toBe(true);
    cleanup();
    render(<AccountsView {...props} breakdown={breakdown(40553.36)} />);
    expect(screen.queryByTestId('accounts-chart-empty')).toBeNull();
  });

  it('sums in cents', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(centsSum([0.1, 0.2])).toBe(0.3);
    expect(centsSum([27382.86, 13170.5])).toBe(40553.36);
  });
});

function currencies(totalValue: number, withoutRate = true): CurrencyBreakdown {
  const row = { rateAsOf: '2026-11-24', missing: false, broker: null };
  return {
    ...head(totalValue, 0, withoutRate ? ['CHF'] : []),
    currencies: [
      { ...row, currency: 'USD', positionCount: 4, localValue: 30000.1, value: 30000.1, share: 30000.1 / 40553.36, rate: '' },
      { ...row, currency: 'EUR', positionCount: 2, localValue: 9732.23, value: 10553.26, share: 10553.26 / 40553.36, rate: '1 EUR = 1.0844 USD' },
      // No rate: left out of every figure, the total too.
      ...(withoutRate ? [{ ...row, currency: 'CHF', positionCount: 1, localValue: 500, value: null, share: null, rate: null, rateAsOf: null, missing: true }] : []),
    ],
  };
}

describe('the Currencies table', () => {
  it('ends in a row of all currencies: positions and the base-currency value, to the cent, not a sum of currencies', () => {
    Object.assign(installBridge({ portfolios: [makePortfolio()] }), { listFxRates: vi.fn(async () => []) });
    render(<CurrenciesView {...props} breakdown={currencies(40553.36)} />);
    const total = screen.getByTestId('fx-total');
    // By hand: 4 + 2 positions; 30,000.10 + 10,553.26. CHF has no rate: in no figure, and the row says so.
    expect(within(total).getByRole('rowheader').textContent).toBe('All currencies with a rate');
    expect(within(total).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6', '', '', '', '$40,553.36', '100.0%', '']);
    expect(screen.queryByTestId('fx-disagree')).toBeNull();
  });

  it('says nothing of a difference when a currency has no rate (the broker may have valued part of it, in the total only)', () => {
    Object.assign(installBridge({ portfolios: [makePortfolio()] }), { listFxRates: vi.fn(async () => []) });
    render(<CurrenciesView {...props} breakdown={currencies(41053.36)} />);
    expect(screen.queryByTestId('fx-disagree')).toBeNull();
  });

  it("says so when the currencies do not add up to the portfolio's total", () => {
    Object.assign(installBridge({ portfolios: [makePortfolio()] }), { listFxRates: vi.fn(async () => []) });
    render(<CurrenciesView {...props} breakdown={currencies(41053.36, false)} />);
    expect(within(screen.getByTestId('fx-total')).getByRole('rowheader').textContent).toBe('All currencies');
    expect(screen.getByTestId('fx-disagree').textContent).toBe('The currencies add up to $40,553.36, but the portfolio totals $41,053.36.');
  });
});
