// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CompareFigures } from '../../../renderer/src/analytics/CompareView';
import type { SnapshotComparison } from '../../../shared/exposure/analytics';

afterEach(cleanup);

/** test/unit/exposure/history-compare.test.ts's two snapshots, as the backend compares them. */
const comparison: SnapshotComparison = {
  portfolioId: 1,
  baseCurrency: 'USD',
  from: { snapshotId: 1, asOf: '2026-06-30', totalValue: 18500 },
  to: { snapshotId: 2, asOf: '2026-09-30', totalValue: 24500 },
  themes: [
    { id: 'data-centers', name: 'Data-center infrastructure', color: '#2563eb', fromValue: 10000, toValue: 16000, fromShare: 10000 / 18500, toShare: 16000 / 24500, quantityEffect: 5000, priceEffect: 0, tagEffect: 1000 },
    { id: 'oil-logistics', name: 'Crude-oil logistics', color: '#d97706', fromValue: 5000, toValue: 5500, fromShare: 5000 / 18500, toShare: 5500 / 24500, quantityEffect: 0, priceEffect: 500, tagEffect: 0 },
  ],
  untagged: { fromValue: 3500, toValue: 3000, fromShare: 3500 / 18500, toShare: 3000 / 24500, quantityEffect: 500, priceEffect: 0, tagEffect: -1000 },
  counts: { new: 1, gone: 1, grown: 2, shrunk: 0, unchanged: 2 },
  positions: [],
  // NVDA, KMI, AMD, TSLA and AAPL (its tags moved, its value did not); cash did not change.
  changedCount: 5,
  missingCurrencies: [],
};

const cells = (testId: string) => within(screen.getByTestId(testId)).getAllByRole('cell').map((c) => c.textContent);

describe('the Compare view per theme', () => {
  it('ends with Untagged and the total, so the rows add up (the themes alone left $3,500 out of $18,500)', () => {
    render(<CompareFigures c={comparison} currency="USD" />);
    expect(within(screen.getByTestId('compare-theme-untagged')).getByRole('rowheader').textContent).toBe('Untagged');
    expect(cells('compare-theme-untagged')).toEqual(['$3,500.00', '$3,000.00', '-$500.00', '18.9% → 12.2%', '+$500.00', '$0.00', '-$1,000.00']);
    // By hand: quantity 5,000 + 0 + 500; price the rest of the +6,000; tags move no value in or out.
    expect(cells('compare-total')).toEqual(['$18,500.00', '$24,500.00', '+$6,000.00', '100.0% → 100.0%', '+$5,500.00', '+$500.00', '$0.00']);
  });

  it('writes a residue of adding fractions of a cent as no change, never "+$0.00" or "-$0.00"', () => {
    const third = { ...comparison.untagged, fromValue: 0.1 + 0.2, toValue: 0.3, tagEffect: -1e-12, priceEffect: 1e-12 };
    render(<CompareFigures c={{ ...comparison, untagged: third }} currency="USD" />);
    const [, , change, , , price, tag] = cells('compare-theme-untagged');
    expect([change, price, tag]).toEqual(['$0.00', '$0.00', '$0.00']);
  });

  it("says a tag's part after the value's, as themed value: \"quantity +$1,500.00, tag +$1,050.00\" read as $2,550 of change", () => {
    const amd = { account: 'Z1', symbolKey: 'AMD', symbol: 'AMD', description: 'AMD', status: 'new' as const, fromQuantity: null, toQuantity: 10, fromValue: 0, toValue: 1500, quantityEffect: 1500, priceEffect: 0, tagEffect: 1050, reasons: ['quantity' as const, 'tag' as const] };
    const aapl = { ...amd, symbolKey: 'AAPL', symbol: 'AAPL', status: 'unchanged' as const, fromValue: 2000, toValue: 2000, quantityEffect: 0, tagEffect: 1000, reasons: ['tag' as const] };
    const kmi = { ...amd, symbolKey: 'KMI', symbol: 'KMI', status: 'grown' as const, fromValue: 5000, toValue: 5500, quantityEffect: 0, priceEffect: 500, tagEffect: 0, reasons: ['price' as const] };
    render(<CompareFigures c={{ ...comparison, positions: [amd, aapl, kmi] }} currency="USD" />);
    expect(screen.getByTestId('compare-why-AMD').textContent).toBe('quantity +$1,500.00; themed by tags +$1,050.00');
    expect(screen.getByTestId('compare-why-AAPL').textContent).toBe('themed by tags +$1,000.00');
    expect(screen.getByTestId('compare-why-KMI').textContent).toBe('price +$500.00');
    // KMI's quantity held (10 -> 10) while its price rose: its status says its value went up, not
    // that it grew (read as more bought); the filter says the same.
    expect(within(screen.getByTestId('compare-row-KMI')).getAllByRole('cell')[2]?.textContent).toBe('Value up');
    expect(screen.getByTestId('compare-filter-grown').textContent).toBe('Value up (2)');
    expect(screen.getByTestId('compare-filter-shrunk').textContent).toBe('Value down (0)');
    // Two count as unchanged, but AAPL's tags moved and it is listed: cash alone is not, and said.
    expect(screen.getByTestId('compare-unchanged').textContent).toBe('1 position did not change and is not listed.');
  });
});
