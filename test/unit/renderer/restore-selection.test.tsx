// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { bridgeError, installBridge, makePortfolio } from './fake-bridge';

afterEach(cleanup);

/**
 * A backup taken before the portfolio on screen was imported does not hold it. After restoring it,
 * the window asked for that portfolio's figures by its id and showed the backend's "There is no
 * portfolio with id 1." as an error, under "Restored.": it now asks once the list says what is shown.
 */
describe('restoring a backup that does not hold the portfolio on screen', () => {
  it('shows what the restored file holds, with no error about the portfolio that is gone', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio({ id: 1, name: 'Tagging' })] });
    bridge.listBackups.mockResolvedValue([{ file: 'themelens-2026-12-07T03-57-31-000Z-import.db', path: '/data/backups/x.db', bytes: 241_664, createdAt: '2026-12-07T03:57:31.000Z', reason: 'import' }]);
    bridge.restoreBackup.mockImplementation(async (input: { file: string }) => {
      bridge.data.portfolios = [];
      return { restored: input.file, safetyCopy: 'themelens-2026-12-07T03-57-45-761Z-before-restore.db', restartRequired: true as const };
    });
    bridge.getExposure.mockImplementation(async (input: { portfolioId: number }) => {
      if (!bridge.data.portfolios?.some((p) => p.id === input.portfolioId)) throw bridgeError('NOT_FOUND', `There is no portfolio with id ${input.portfolioId}.`);
      return (await import('./fake-bridge')).makeReport();
    });
    render(<App />);
    await screen.findByTestId('positions-table');
    fireEvent.click(screen.getByTestId('backups-button'));
    fireEvent.click(await screen.findByTestId('restore-import'));
    fireEvent.click(await screen.findByTestId('confirm-restore'));
    await screen.findByText(/^Restored\./);
    await waitFor(() => expect(bridge.listPortfolios.mock.calls.length).toBeGreaterThan(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryAllByTestId('toast').map((t) => t.textContent)).not.toContainEqual(expect.stringContaining('There is no portfolio'));
    expect(bridge.getExposure.mock.calls.filter(([input]) => input.portfolioId === 1)).toHaveLength(1); // the one before the restore
  });
});
