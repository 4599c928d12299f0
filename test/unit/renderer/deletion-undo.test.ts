// @vitest-environment happy-dom
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { offerDeletionUndo, undoDeletion, useDeletionUndo } from '../../../renderer/src/analytics/deletion-undo';
import { installBridge, makePortfolio } from './fake-bridge';

afterEach(() => offerDeletionUndo(null));

describe('undoing a deletion', () => {
  it('restores once: a second press with the same offer, before the window drew the first, restores nothing', async () => {
    const bridge = installBridge({ portfolios: [] });
    const restore = vi.fn(async () => makePortfolio({ id: 4, name: 'Smith trust' }));
    Object.assign(bridge, { restorePortfolio: restore });
    offerDeletionUndo({ kind: 'portfolio', token: 7, name: 'Smith trust' });
    const offer = renderHook(() => useDeletionUndo()).result.current!;
    const [first, second] = await Promise.all([undoDeletion(offer), undoDeletion(offer)]);
    expect(first).toEqual({ said: 'Restored Smith trust.', select: 4 });
    expect(second).toBeNull();
    expect(restore).toHaveBeenCalledTimes(1);
    expect(restore).toHaveBeenCalledWith({ undoToken: 7 });
  });

  it('offers a refused restore again, so it can be tried again', async () => {
    const bridge = installBridge({ portfolios: [] });
    const refused = Object.assign(new Error('The database is busy.'), { code: 'BUSY' });
    Object.assign(bridge, { restorePortfolio: vi.fn(async () => Promise.reject(refused)) });
    offerDeletionUndo({ kind: 'portfolio', token: 7, name: 'Smith trust' });
    const hook = renderHook(() => useDeletionUndo());
    const offer = hook.result.current!;
    await expect(undoDeletion(offer)).rejects.toBe(refused);
    hook.rerender();
    expect(hook.result.current).toBe(offer);
  });
});
