// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTagHistory } from '../../../renderer/src/tagging/useTagHistory';
import { bridgeError, installBridge } from './fake-bridge';

afterEach(cleanup);

describe('tag history', () => {
  it('a refused undo says why and keeps the step, so it can be tried again', async () => {
    const bridge = installBridge();
    const onError = vi.fn();
    const { result } = renderHook(() => useTagHistory(() => {}, onError));
    await act(() => result.current.apply([{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 5000 }], 'Tag NVDA'));
    expect(result.current.undoLabel).toBe('Tag NVDA');
    const refused = bridgeError('WEIGHT_OVER_100', 'NVDA is already 70% tagged to other themes; at most 30% is left for Data-center infrastructure.');
    bridge.applyTagChanges.mockRejectedValueOnce(refused);
    await act(() => result.current.undo());
    expect(onError).toHaveBeenCalledWith(refused);
    expect(result.current.undoLabel).toBe('Tag NVDA');
    expect(result.current.redoLabel).toBeNull();
  });
});
