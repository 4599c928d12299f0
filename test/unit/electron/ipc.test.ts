import { describe, expect, it, vi } from 'vitest';
import { API_NAMES, channelOf } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { AllHandlers } from '../../../shared/api/invoke';
import { emitToRenderer, GrantedPaths, PATH_ACCESS, registerApi, takesPath, type RegisterApiOptions } from '../../../electron/main/ipc';
import { FakeWebContents, ipcEvent } from './fake-electron';

function setup(options: Partial<RegisterApiOptions> = {}) {
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
  registerApi(ipcMain as never, handlers, { granted, log, ...options });
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
    granted.grant('/home/alice/positions.csv', 'read');
    expect(await call('previewImport', { path: '/home/alice/positions.csv' })).toMatchObject({ ok: true });
    expect(calls.map((c) => c[0])).toEqual(['previewImport']);
  });

  it('never lets a path opened for reading be written (the imported file cannot be overwritten)', async () => {
    const { call, calls, granted } = setup();
    granted.grant('/home/alice/positions.csv', 'read');
    for (const [api, input] of [
      ['exportReport', { portfolioId: 1, format: 'csv', path: '/home/alice/positions.csv' }],
      ['exportTags', { format: 'csv', path: '/home/alice/positions.csv' }],
      ['regenerateReport', { reportId: 1, path: '/home/alice/positions.csv' }],
    ] as const) {
      expect(await call(api, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    granted.grant('/home/alice/report.csv', 'write');
    expect(await call('importHoldings', { path: '/home/alice/report.csv', portfolioName: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('exportReport', { portfolioId: 1, format: 'csv', path: '/home/alice/report.csv' })).toMatchObject({ ok: true });
    expect(calls.map((c) => c[0])).toEqual(['exportReport']);
  });

  it.each([
    ['a relative twin', './positions.csv'],
    ['a traversal twin', '/home/alice/x/../positions.csv'],
    ['a trailing-slash twin', '/home/alice/positions.csv/'],
    ['a case twin', '/home/alice/Positions.csv'],
    ['a non-string path', 42],
    ['no path at all', undefined],
  ])('refuses %s of a granted path', async (_name, path) => {
    const { call, calls, granted } = setup();
    granted.grant('/home/alice/positions.csv', 'read');
    expect(await call('previewImport', { path })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toEqual([]);
  });

  it('classifies every call whose input has a path (a new one cannot skip the dialog check)', () => {
    const withPath = API_NAMES.filter(takesPath).sort();
    expect(withPath).toContain('regenerateReport');
    expect(Object.keys(PATH_ACCESS).sort()).toEqual(withPath);
  });

  it('uses the injected sender check, and never throws across IPC even when a check does', async () => {
    const denied = setup({ isTrustedSender: () => false });
    expect(await denied.call('listThemes', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const broken = setup({
      isTrustedSender: () => {
        throw new Error('odd event from /home/alice');
      },
    });
    const answer = await broken.call('listThemes', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('/home/alice');
    expect(broken.log.mock.calls.flat().join(' ')).not.toContain('/home/alice');
    expect(broken.calls).toEqual([]);
  });

  it('refuses an unknown channel payload shape (null input) by validation, not by crashing', async () => {
    const { call } = setup();
    expect(await call('setTag', null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
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

describe('emitToRenderer', () => {
  it('sends an event on its own channel', () => {
    const contents = new FakeWebContents();
    emitToRenderer(contents, 'importProgress', { rows: 10, bytes: 100, totalBytes: 1000, percent: 10 });
    emitToRenderer(contents, 'menuCommand', 'export');
    expect(contents.sent).toEqual([
      [channelOf('importProgress'), { rows: 10, bytes: 100, totalBytes: 1000, percent: 10 }],
      [channelOf('menuCommand'), 'export'],
    ]);
  });
  it('drops events when the window is gone or destroyed', () => {
    expect(() => emitToRenderer(null, 'menuCommand', 'import')).not.toThrow();
    const contents = new FakeWebContents();
    contents.isDestroyed = () => true;
    emitToRenderer(contents, 'menuCommand', 'import');
    expect(contents.sent).toEqual([]);
  });
});
