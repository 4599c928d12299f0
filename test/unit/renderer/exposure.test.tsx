// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNTAGGED_COLOR } from '../../../shared/domain/default-themes';
import { ExposurePanel } from '../../../renderer/src/components/ExposurePanel';
import { installBridge, makeReport } from './fake-bridge';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const cells = (testId: string) => within(screen.getByTestId(testId)).getAllByRole('cell').map((c) => c.textContent);

describe('exposure panel', () => {
  it('tables every theme, Untagged, Cash and Total with values and shares to one decimal', () => {
    installBridge();
    render(<ExposurePanel report={makeReport()} />);
    expect(screen.getByRole('heading', { name: 'Theme exposure' })).toBeTruthy();
    expect(cells('exposure-row-data-centers')).toEqual(['Data-center infrastructure', '$12,978.00', '32.0%', '1']);
    expect(cells('exposure-row-oil-logistics')).toEqual(['Crude-oil logistics', '$0.00', '0.0%', '0']);
    expect(cells('exposure-row-untagged')).toEqual(['Untagged', '$27,575.36', '68.0%', '']);
    expect(cells('exposure-row-cash')).toEqual(['of which cash', '$1,234.56', '3.0%', '']);
    expect(cells('exposure-row-total')).toEqual(['Total', '$40,553.36', '100.0%', '']);
    const swatch = screen.getByTestId('exposure-row-untagged').querySelector('.swatch') as HTMLElement;
    expect(swatch.style.background).toBe(UNTAGGED_COLOR);
  });

  it('shows the report warnings above the chart as an alert', () => {
    installBridge();
    render(
      <ExposurePanel
        report={makeReport({
          warnings: [
            { code: 'MISSING_FX', message: 'No EUR to USD rate: 2 positions are left out of the totals.' },
            { code: 'TOTAL_MISMATCH', message: 'The file says its total is $40,000.00; the positions add up to $40,553.36.' },
          ],
        })}
      />,
    );
    const alert = screen.getByTestId('exposure-warnings');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(within(alert).getAllByRole('paragraph').map((p) => p.textContent?.trim())).toEqual([
      'No EUR to USD rate: 2 positions are left out of the totals.',
      'The file says its total is $40,000.00; the positions add up to $40,553.36.',
    ]);
  });

  it('shows no alert when the report has no warnings', () => {
    installBridge();
    render(<ExposurePanel report={makeReport()} />);
    expect(screen.queryByTestId('exposure-warnings')).toBeNull();
  });

  it('draws one bar per theme plus Untagged in their colors, an axis titled with the base currency, and value labels', () => {
    installBridge();
    // happy-dom lays nothing out, so its ResizeObserver reports 0x0; without one the chart keeps its initial size.
    vi.stubGlobal('ResizeObserver', undefined);
    const { container } = render(<ExposurePanel report={makeReport({ baseCurrency: 'EUR' })} />);
    const chart = screen.getByTestId('exposure-chart');
    const bars = [...container.querySelectorAll('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')].map((b) => b.getAttribute('fill'));
    // Zero-height bars (themes with no exposure) are not drawn; the tagged theme and Untagged are.
    expect(bars).toEqual(expect.arrayContaining(['#2563eb', UNTAGGED_COLOR]));
    expect(chart.textContent).toContain('Value (EUR)');
    expect(chart.textContent).toContain('Untagged');
    const labels = [...container.querySelectorAll('text.bar-label')].map((t) => t.textContent);
    expect(labels).toContain('€13K32.0%');
    expect(labels).toContain('€27.6K68.0%');
  });
});
