import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, channelOf, EVENT_NAMES } from '../../../shared/api/names';

const exposed: Record<string, unknown> = {};
const listeners = new Map<string, (...a: unknown[]) => void>();
const invoke = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => (exposed[key] = value)) },
  ipcRenderer: {
    invoke: (...a: unknown[]) => invoke(...a),
    on: vi.fn((c: string, l: (...a: unknown[]) => void) => listeners.set(c, l)),
    removeListener: vi.fn((c: string) => listeners.delete(c)),
  },
}));

describe('preload: one function per API call, nothing else', () => {
  beforeEach(async () => {
    await import('../../../electron/preload/index');
  });

  it('exposes window.themelens with exactly the calls and `on`', () => {
    const bridge = exposed['themelens'] as Record<string, unknown>;
    expect(Object.keys(exposed)).toEqual(['themelens']);
    expect(Object.keys(bridge).sort()).toEqual([...CALL_NAMES, 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipcRenderer|send|invoke/);
  });

  it('unwraps ok envelopes and rethrows errors with code and details', async () => {
    const bridge = exposed['themelens'] as Record<string, (i?: unknown) => Promise<unknown>>;
    invoke.mockResolvedValueOnce({ ok: true, value: [1, 2] });
    expect(await bridge['listThemes']!({})).toEqual([1, 2]);
    expect(invoke).toHaveBeenLastCalledWith(channelOf('listThemes'), {});
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'IMPORT_INVALID_ROWS', message: 'bad', details: { line: 3 } } });
    await expect(bridge['importHoldings']!({ path: 'x' })).rejects.toMatchObject({ message: 'bad', code: 'IMPORT_INVALID_ROWS', details: { line: 3 } });
  });

  it('subscribes to known events only, never handing the IPC event to the page', () => {
    const bridge = exposed['themelens'] as { on: (e: string, l: (p: unknown) => void) => () => void };
    const got: unknown[][] = [];
    const off = bridge.on(EVENT_NAMES[0], (...args) => got.push(args));
    listeners.get(channelOf(EVENT_NAMES[0]))!({ sender: 'ipc-event' }, { rows: 5 });
    expect(got).toEqual([[{ rows: 5 }]]);
    off();
    expect(listeners.has(channelOf(EVENT_NAMES[0]))).toBe(false);
    expect(() => bridge.on('anything-else', () => {})).toThrow(/Unknown event/);
  });
});
