// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { bridgeError, installBridge, makePortfolio } from './fake-bridge';

afterEach(cleanup);

describe('app shell', () => {
  it('shows the app name, and a portfolio picker listing each portfolio with its client and as-of date', async () => {
    const bridge = installBridge({
      portfolios: [makePortfolio(), makePortfolio({ id: 2, name: 'Jones trust', clientName: 'Ann Jones', latestAsOf: '2026-10-31' })],
    });
    render(<App />);
    expect(screen.getByRole('banner').textContent).toContain('ThemeLens');
    const picker = (await screen.findByTestId('portfolio-picker')) as HTMLSelectElement;
    expect(picker.getAttribute('aria-label')).toBe('Portfolio');
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Smith family', 'Jones trust (Ann Jones)']);
    expect(screen.getByRole('banner').textContent).toContain('as of Nov 24, 2026');
    await waitFor(() => expect(bridge.getExposure).toHaveBeenCalledWith(expect.objectContaining({ portfolioId: 1 })));
    fireEvent.change(picker, { target: { value: '2' } });
    await waitFor(() => expect(bridge.getExposure).toHaveBeenCalledWith(expect.objectContaining({ portfolioId: 2 })));
    expect(screen.getByRole('banner').textContent).toContain('as of Oct 31, 2026');
  });

  it('shows the empty state (what ThemeLens does, the brokers, nothing leaves the computer) when there are no portfolios', async () => {
    installBridge();
    render(<App />);
    const empty = await screen.findByTestId('empty-state');
    for (const broker of ['Fidelity', 'Schwab', 'Vanguard', 'Interactive Brokers', 'E*TRADE', 'DEGIRO', 'any CSV']) expect(empty.textContent).toContain(broker);
    expect(within(empty).getByRole('button', { name: /Import your first holdings file/ })).toBeTruthy();
    expect(screen.queryByTestId('positions-table')).toBeNull();
    expect(screen.queryByTestId('portfolio-picker')).toBeNull();
  });

  it('exports a report: Export report… opens the dialog, Save… asks where, writes it and says so', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.chooseExportPath.mockResolvedValue({ path: '/home/ann/Smith family - themes 2026-11-24.json' });
    render(<App />);
    await screen.findByTestId('positions-table');
    fireEvent.click(screen.getByTestId('export-button'));
    const dialog = await screen.findByRole('dialog', { name: 'Export report' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /JSON/ }));
    fireEvent.click(within(dialog).getByTestId('export-save'));
    await waitFor(() => expect(bridge.exportReport).toHaveBeenCalled());
    expect(bridge.chooseExportPath).toHaveBeenCalledWith({ format: 'json', suggestedName: 'Smith family - themes 2026-11-24.json' });
    expect(bridge.exportReport).toHaveBeenCalledWith({ portfolioId: 1, format: 'json', path: '/home/ann/Smith family - themes 2026-11-24.json', language: 'en' });
    expect((await screen.findByTestId('toast')).textContent).toMatch(/^Report saved/);
  });

  it('writes nothing when the save dialog is cancelled, and shows a failed export as an error in the dialog', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    await screen.findByTestId('positions-table');
    fireEvent.click(screen.getByTestId('export-button'));
    fireEvent.click(await screen.findByTestId('export-save'));
    await waitFor(() => expect(bridge.chooseExportPath).toHaveBeenCalledTimes(1));
    expect(bridge.exportReport).not.toHaveBeenCalled();
    bridge.chooseExportPath.mockResolvedValue({ path: '/read-only/report.html' });
    bridge.exportReport.mockRejectedValueOnce(bridgeError('IO', 'The report could not be written to /read-only/report.html: permission denied.'));
    fireEvent.click(screen.getByTestId('export-save'));
    const error = await screen.findByTestId('export-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('permission denied');
  });

  it('runs the File menu commands like the toolbar buttons', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    await screen.findByTestId('positions-table');
    act(() => bridge.emit('menuCommand', 'import'));
    await waitFor(() => expect(bridge.chooseImportFile).toHaveBeenCalledTimes(1));
    act(() => bridge.emit('menuCommand', 'export'));
    expect(await screen.findByRole('dialog', { name: 'Export report' })).toBeTruthy();
  });

  it('gives every toolbar control an accessible name', async () => {
    installBridge({ portfolios: [makePortfolio()] });
    render(<App />);
    await screen.findByTestId('positions-table');
    const banner = screen.getByRole('banner');
    for (const control of banner.querySelectorAll('button, select, input')) {
      const name = control.getAttribute('aria-label') ?? control.textContent?.trim();
      expect(name, control.outerHTML).toBeTruthy();
    }
  });
});
