// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNTAGGED_COLOR } from '../../../shared/domain/default-themes';
import { ExposurePanel } from '../../../renderer/src/analytics/ExposurePanel';
import { installBridge, makeReport } from './fake-bridge';
import { exposureWarning } from '../../../shared/exposure/warnings';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const cells = (testId: string) => within(screen.getByTestId(testId)).getAllByRole('cell').map((c) => c.textContent);

describe('exposure panel', () => {
  it('acts on a warning where the window can: rates are set in Currencies, unsure holdings confirmed in Needs review', () => {
    installBridge();
    const warnings = [
      exposureWarning('MISSING_FX', { currency: 'EUR', base: 'USD' }),
      exposureWarning('UNRESOLVED_SECURITIES', { n: '2' }),
      exposureWarning('AMOUNT_LIMIT', { base: 'USD' }),
    ];
    const onAction = vi.fn();
    const { unmount } = render(<ExposurePanel exposure={makeReport({ warnings })} onAction={onAction} />);
    const said = screen.getByTestId('exposure-warnings').querySelectorAll('p');
    expect(within(said[0] as HTMLElement).getByRole('button').textContent).toBe('Set rates');
    expect(within(said[2] as HTMLElement).queryByRole('button')).toBeNull();
    fireEvent.click(screen.getByTestId('warning-action-rates'));
    fireEvent.click(screen.getByTestId('warning-action-review'));
    expect(onAction.mock.calls).toEqual([['rates'], ['review']]);
    unmount();
    // Without a place to go (a preview, a test), the warnings are said without buttons.
    render(<ExposurePanel exposure={makeReport({ warnings })} />);
    expect(screen.queryByTestId('warning-action-rates')).toBeNull();
  });

  it('tables every theme, Untagged, Cash and Total with values and shares to one decimal', () => {
    installBridge();
    render(<ExposurePanel exposure={makeReport()} />);
    expect(screen.getByRole('heading', { name: 'Theme exposure' })).toBeTruthy();
    expect(cells('exposure-row-data-centers')).toEqual(['Data-center infrastructure', '$12,978.00', '32.0%', '1']);
    expect(cells('exposure-row-oil-logistics')).toEqual(['Crude-oil logistics', '$0.00', '0.0%', '0']);
    expect(cells('exposure-row-untagged')).toEqual(['Untagged', '$27,575.36', '68.0%', '']);
    expect(cells('exposure-row-cash')).toEqual(['of which cash', '$1,234.56', '3.0%', '']);
    expect(cells('exposure-row-total')).toEqual(['Total', '$40,553.36', '100.0%', '']);
    // Shares are not forced to add up: the footnote says so.
    expect(screen.getByText(/Shares are rounded each on its own, so they may not add up to exactly 100%\./)).toBeTruthy();
    const swatch = screen.getByTestId('exposure-row-untagged').querySelector('.swatch') as HTMLElement;
    expect(swatch.style.background).toBe(UNTAGGED_COLOR);
  });

  it('switches the table to long, short and gross, and copies every column as rich text and tab-separated text', async () => {
    installBridge();
    const written: ClipboardItem[] = [];
    vi.stubGlobal('ClipboardItem', class {
      constructor(readonly items: Record<string, Blob>) {}
    });
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { write: vi.fn(async (items: ClipboardItem[]) => void written.push(...items)) } });
    const themes = makeReport().themes.map((t) => (t.id === 'data-centers' ? { ...t, value: 12978, longValue: 14000, shortValue: -1022, grossValue: 15022 } : t));
    render(<ExposurePanel exposure={makeReport({ themes })} />);
    fireEvent.click(screen.getByTestId('exposure-mode-long-short'));
    expect(screen.getByTestId('exposure-mode-long-short').getAttribute('aria-checked')).toBe('true');
    expect(cells('exposure-row-data-centers')).toEqual(['Data-center infrastructure', '$14,000.00', '-$1,022.00', '$15,022.00', '$12,978.00', '32.0%', '1']);
    expect(cells('exposure-row-total')).toEqual(['Total', '', '', '', '$40,553.36', '100.0%', '']);
    fireEvent.click(screen.getByTestId('exposure-copy'));
    await waitFor(() => expect(screen.getByTestId('exposure-copy-status').textContent).toBe('Copied'));
    const item = written[0] as unknown as { items: Record<string, Blob> };
    const tsv = await item.items['text/plain']!.text();
    expect(tsv.split('\r\n')[1]).toBe('Data-center infrastructure\t12978.00\t14000.00\t-1022.00\t15022.00\t32.0\t1');
    expect(await item.items['text/html']!.text()).toContain('<td>Data-center infrastructure</td>');
  });

  it('says so when the clipboard refuses', async () => {
    installBridge();
    vi.stubGlobal('ClipboardItem', undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) } });
    render(<ExposurePanel exposure={makeReport()} />);
    fireEvent.click(screen.getByTestId('exposure-copy'));
    await waitFor(() => expect(screen.getByTestId('exposure-copy-status').textContent).toBe('Could not copy'));
  });

  it('shows the report warnings above the chart as an alert', () => {
    installBridge();
    render(
      <ExposurePanel
        exposure={makeReport({
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
    render(<ExposurePanel exposure={makeReport()} />);
    expect(screen.queryByTestId('exposure-warnings')).toBeNull();
  });

  it('draws one bar per theme plus Untagged in their colors, an axis titled with the base currency, and value labels', () => {
    installBridge();
    // happy-dom lays nothing out, so its ResizeObserver reports 0x0; without one the chart keeps its initial size.
    vi.stubGlobal('ResizeObserver', undefined);
    const { container } = render(<ExposurePanel exposure={makeReport({ baseCurrency: 'EUR' })} />);
    const chart = screen.getByTestId('exposure-chart');
    const bars = [...container.querySelectorAll('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')].map((b) => b.getAttribute('fill'));
    // Zero-height bars (themes with no exposure) are not drawn; the tagged theme and Untagged are.
    expect(bars).toEqual(expect.arrayContaining(['#2563eb', UNTAGGED_COLOR]));
    expect(chart.textContent).toContain('Value (EUR)');
    expect(chart.textContent).toContain('Untagged');
    const labels = [...container.querySelectorAll('text.bar-label')].map((t) => t.textContent);
    expect(labels).toContain('€13K32.0%');
    expect(labels).toContain('€27.6K68.0%');
    expect(screen.queryByTestId('exposure-chart-empty')).toBeNull();
  });

  it('says there is nothing to chart when every bar would be zero (longs and shorts that cancel out), and keeps the table', () => {
    installBridge();
    vi.stubGlobal('ResizeObserver', undefined);
    const zero = makeReport();
    const themes = zero.themes.map((t) => ({ ...t, value: 0, share: 0 }));
    const { container } = render(<ExposurePanel exposure={{ ...zero, themes, untaggedValue: 0, totalValue: 0, cashValue: 0 }} />);
    expect(screen.getByTestId('exposure-chart-empty').textContent).toBe(
      'Nothing to chart: every theme and Untagged come to $0.00 in this snapshot. Long · short · gross, under the chart, shows what offsets what.',
    );
    expect(container.querySelector('.recharts-wrapper')).toBeNull();
    // Nothing is drawn, so nothing is announced as a bar chart.
    expect(screen.getByTestId('exposure-chart').getAttribute('aria-label')).toBeNull();
    expect(cells('exposure-row-total')).toEqual(['Total', '$0.00', '0.0%', '']);
  });
});
