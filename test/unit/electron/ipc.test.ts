import { describe, expect, it, vi } from 'vitest';
import { API_NAMES, channelOf } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { AllHandlers } from '../../../shared/api/invoke';
import { GrantedPaths, registerApi } from '../../../electron/main/ipc';
import { ipcEvent } from './fake-electron';

function setup() {
  const calls: [string, unknown][] = [];
  const handlers = new Proxy({} as AllHandlers, {
    get: (_t, name: string) => (input: unknown) => {
      calls.push([name, input]);
      if (name === 'listTags') throw new Error('disk on fire at /home/alice/secret.db');
      if (name === 'removeTag') throw new AppError('NOT_FOUND', 'NVDA has no tags.');
      return { called: name };
    },
  });
  const registered = new Map<string, (e: unknown, i: unknown) => Promise<unknown>>();
  const ipcMain = { handle: vi.fn((c: string, fn: (e: unknown, i: unknown) => Promise<unknown>) => registered.set(c, fn)) };
  const granted = new GrantedPaths();
  const log = vi.fn();
  registerApi(ipcMain as never, handlers, granted, log);
  const call = (name: string, input: unknown, event = ipcEvent()) => registered.get(channelOf(name))!(event, input);
  return { calls, registered, granted, log, call };
}

describe('registerApi: one wrapper for every IPC handler', () => {
  it('registers exactly one handler per API call', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual(API_NAMES.map(channelOf).sort());
  });

  it('answers with an ok envelope and validated input', async () => {
    const { call, calls } = setup();
    expect(await call('setTag', { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 5000 })).toEqual({ ok: true, value: { called: 'setTag' } });
    expect(calls).toEqual([['setTag', { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 5000 }]]);
  });

  it.each([
    ['another origin', ipcEvent('https://evil.example/')],
    ['a file:// page', ipcEvent('file:///tmp/x.html')],
    ['an iframe of the app', ipcEvent('app://themelens/index.html', { iframe: true })],
    ['no frame at all', ipcEvent('app://themelens/index.html', { noFrame: true })],
  ])('refuses a call from %s without running the handler', async (_name, event) => {
    const { call, calls } = setup();
    expect(await call('listPortfolios', {}, event)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['wrong types', 'setTag', { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: '5000' }],
    ['weight over 100%', 'setTag', { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 10001 }],
    ['unknown keys', 'listThemes', { extra: 1 }],
    ['__proto__ payload', 'listThemes', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['a 100 MB string', 'createPortfolio', { name: 'x'.repeat(100 * 1024 * 1024) }],
    ['a bad theme id', 'setTag', { symbolKey: 'NVDA', themeId: '../../etc', weightBp: 1 }],
  ])('refuses %s by validation', async (_name, api, input) => {
    const { call, calls } = setup();
    expect(await call(api, input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('only lets import, preview and export touch paths a dialog granted', async () => {
    const { call, calls, granted } = setup();
    expect(await call('importHoldings', { path: '/etc/passwd', portfolioName: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('exportReport', { portfolioId: 1, format: 'csv', path: '/home/alice/.bashrc' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    granted.grant('/home/alice/positions.csv');
    expect(await call('previewImport', { path: '/home/alice/positions.csv' })).toMatchObject({ ok: true });
    expect(calls.map((c) => c[0])).toEqual(['previewImport']);
  });

  it('passes user errors as data and hides internal ones', async () => {
    const { call, log } = setup();
    expect(await call('removeTag', { symbolKey: 'NVDA' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'NVDA has no tags.' } });
    const internal = (await call('listTags', {})) as { ok: false; error: { code: string; message: string } };
    expect(internal.error.code).toBe('INTERNAL');
    expect(internal.error.message).not.toContain('/home/alice');
    expect(log.mock.calls.flat().join(' ')).not.toContain('/home/alice');
  });
});
