// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PortfolioSummary, Snapshot } from '../../../shared/domain/types';
import { SnapshotsPanel } from '../../../renderer/src/analytics/SnapshotsPanel';
import { offerDeletionUndo } from '../../../renderer/src/analytics/deletion-undo';

afterEach(() => {
  cleanup();
  offerDeletionUndo(null);
});

const PORTFOLIO: PortfolioSummary = { id: 1, name: 'Smith family', clientName: null, notes: null, baseCurrency: 'USD', createdAt: '2026-01-01T00:00:00Z', snapshotCount: 2, latestSnapshotId: 2, latestAsOf: '2026-12-01' };
const snapshot = (id: number, asOf: string, sourceFile: string): Snapshot => ({ id, portfolioId: 1, asOf, sourceFile, fileSha256: 'x', preset: null, rowCount: 1234, importedAt: '2026-12-07T05:12:35Z' });

describe("the History view's snapshots", () => {
  it('deletes one after saying what changes, then offers to undo it, and undoes it', async () => {
    const deleteSnapshot = vi.fn(async () => ({ undoToken: 7, portfolioId: 1, asOf: '2026-12-01', sourceFile: 'other-account.csv' }));
    const restoreSnapshot = vi.fn(async () => snapshot(9, '2026-12-01', 'other-account.csv'));
    (window as unknown as { themelens: unknown }).themelens = Object.freeze({ deleteSnapshot, restoreSnapshot, on: () => () => {} });
    const messages: string[] = [];
    const changed = vi.fn();
    const snapshots = [snapshot(2, '2026-12-01', 'other-account.csv'), snapshot(1, '2026-11-01', 'fidelity.csv')];
    render(<SnapshotsPanel portfolio={PORTFOLIO} snapshots={snapshots} onMessage={(text) => messages.push(text)} onPortfoliosChanged={changed} />);
    expect(within(screen.getByTestId('snapshot-row-2')).getByText('Dec 1, 2026 (latest)')).toBeTruthy();
    expect(screen.getByTestId('snapshot-row-2').textContent).toContain('1,234');
    fireEvent.click(screen.getByTestId('snapshot-delete-2'));
    // The latest: the figures become the one before's, and the dialog says so before anything is deleted.
    expect(screen.getByTestId('snapshot-delete-dialog').textContent).toContain("Its positions from other-account.csv will be deleted, and the portfolio's figures will become those of its snapshot of Nov 1, 2026.");
    expect(deleteSnapshot).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('snapshot-delete-confirm'));
    await waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(deleteSnapshot).toHaveBeenCalledWith({ id: 2 });
    // Said once, by the undo banner (a status, read out), not again by a toast.
    expect(screen.getByTestId('undo-snapshot-delete').textContent).toContain('Deleted the snapshot of Dec 1, 2026 (other-account.csv).');
    expect(messages).toEqual([]);
    fireEvent.click(await screen.findByTestId('undo-snapshot-delete-button'));
    await waitFor(() => expect(changed).toHaveBeenCalledTimes(2));
    expect(restoreSnapshot).toHaveBeenCalledWith({ undoToken: 7 });
    expect(messages.at(-1)).toBe('Restored the snapshot of Dec 1, 2026 (other-account.csv).');
    expect(screen.queryByTestId('undo-snapshot-delete')).toBeNull();
  });

  it('cancelling deletes nothing; a refusal is said and changes nothing on screen', async () => {
    const deleteSnapshot = vi.fn(async () => {
      throw Object.assign(new Error('There is no snapshot with id 2.'), { code: 'NOT_FOUND' });
    });
    (window as unknown as { themelens: unknown }).themelens = Object.freeze({ deleteSnapshot, on: () => () => {} });
    const messages: string[] = [];
    const changed = vi.fn();
    render(<SnapshotsPanel portfolio={PORTFOLIO} snapshots={[snapshot(2, '2026-12-01', 'only.csv')]} onMessage={(text) => messages.push(text)} onPortfoliosChanged={changed} />);
    fireEvent.click(screen.getByTestId('snapshot-delete-2'));
    expect(screen.getByTestId('snapshot-delete-dialog').textContent).toContain('the portfolio will have no holdings until the next import');
    fireEvent.click(screen.getByText('Cancel'));
    expect(screen.queryByTestId('snapshot-delete-dialog')).toBeNull();
    expect(deleteSnapshot).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('snapshot-delete-2'));
    fireEvent.click(screen.getByTestId('snapshot-delete-confirm'));
    await waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toContain('There is no snapshot with id 2.');
    expect(changed).not.toHaveBeenCalled();
    expect(screen.queryByTestId('undo-snapshot-delete')).toBeNull();
  });

  it("keeps the undo while the view goes and comes back (no snapshot left, another tab), in its own portfolio's view only", async () => {
    const deleteSnapshot = vi.fn(async () => ({ undoToken: 3, portfolioId: 1, asOf: '2026-12-01', sourceFile: 'only.csv' }));
    (window as unknown as { themelens: unknown }).themelens = Object.freeze({ deleteSnapshot, on: () => () => {} });
    const props = { onMessage: () => {}, onPortfoliosChanged: () => {} };
    const first = render(<SnapshotsPanel portfolio={PORTFOLIO} snapshots={[snapshot(2, '2026-12-01', 'only.csv')]} {...props} />);
    fireEvent.click(screen.getByTestId('snapshot-delete-2'));
    fireEvent.click(screen.getByTestId('snapshot-delete-confirm'));
    await screen.findByTestId('undo-snapshot-delete');
    first.unmount();
    // Drawn again with no snapshot left: it says so, and the undo is still offered.
    render(<SnapshotsPanel portfolio={PORTFOLIO} snapshots={[]} {...props} />);
    expect(screen.getByTestId('snapshots-panel').textContent).toContain('This portfolio has no snapshots yet: import a holdings file.');
    expect(screen.getByTestId('undo-snapshot-delete')).toBeTruthy();
    cleanup();
    // Another portfolio's History view does not offer to undo this one's deletion.
    render(<SnapshotsPanel portfolio={{ ...PORTFOLIO, id: 5, name: 'Other' }} snapshots={[snapshot(9, '2026-12-01', 'x.csv')]} {...props} />);
    expect(screen.queryByTestId('undo-snapshot-delete')).toBeNull();
  });
});
