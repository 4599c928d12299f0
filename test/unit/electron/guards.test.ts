import { describe, expect, it, vi } from 'vitest';
import { guardSession, guardWebContents, isAppUrl, isSafeExternalUrl, safeExternalUrl } from '../../../electron/main/guards';
import { FakeSession, FakeWebContents } from './fake-electron';

describe('isSafeExternalUrl: only https to a known host, nothing else', () => {
  it.each(['https://github.com/themelens/themelens', 'https://github.com/', 'https://GITHUB.com/x?q=1#a'])('allows %s', (u) => expect(isSafeExternalUrl(u)).toBe(true));
  it.each([
    'http://github.com/',
    'https://github.com.evil.com/',
    'https://evilgithub.com/',
    'https://user:pass@github.com/',
    'https://github.com:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://themelens/index.html',
    'data:text/html,<script>alert(1)</script>',
    '//github.com/',
    'not a url',
    '',
    'https://github.com@evil.com/',
    'https://github.com%2eevil.com/',
    'https://github.com\\@evil.com/',
    'https://evil.com/#https://github.com/',
    'https://evil.com/?next=https://github.com/',
    'https://github.com./',
    'https://xn--gthub-n4a.com/',
    'https://gıthub.com/',
    'https://127.0.0.1/',
    'https://[::1]/',
    'https://:@github.com/',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'blob:https://github.com/uuid',
    'ftp://github.com/',
    'wss://github.com/',
    'https:github.com/',
    'https:///github.com/',
    'https://github.com/\nx',
    'https://git\thub.com/',
    'https://github.com/ x',
  ])('refuses %s', (u) => expect(isSafeExternalUrl(u)).toBe(false));
});

describe('safeExternalUrl', () => {
  it('hands shell.openExternal the normalized URL, not the raw string', () => {
    expect(safeExternalUrl('https://GitHub.com')).toBe('https://github.com/');
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://themelens/index.html', true],
    ['app://themelens.evil/index.html', false],
    ['app://x@themelens/', false],
    ['app://themelens:80/', false],
    ['app://themelens.evil/', false],
    ['app://evilthemelens/', false],
    ['app:themelens/index.html', false],
    ['file:///work/out/renderer/index.html', false],
    ['http://localhost:5173/', false],
    ['https://themelens/', false],
  ])('%s -> %s', (u, ok) => expect(isAppUrl(u)).toBe(ok));
});

function event() {
  return { preventDefault: vi.fn() };
}

describe('guards on every web contents', () => {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  guardWebContents(contents as never, openExternal);

  it('blocks navigation and redirects away from the app', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://themelens.evil/index.html', 'javascript:alert(1)', 'data:text/html,x']) {
        const away = event();
        contents.emit(name, away, url);
        expect(away.preventDefault).toHaveBeenCalled();
      }
      const inside = event();
      contents.emit(name, inside, 'app://themelens/index.html');
      expect(inside.preventDefault).not.toHaveBeenCalled();
    }
  });
  it('denies every new window, opening only safe https links outside', () => {
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'app://themelens/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://github.com/x' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://github.com/x');
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
  it('blocks webviews', () => {
    const e = event();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('guards on the session', () => {
  const session = new FakeSession();
  guardSession(session as never);
  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      session.permissionRequest!(null, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(session.permissionCheck!(null, permission)).toBe(false);
    }
  });
  it("grants only a sanitized clipboard write, and only to the app's own page in the main frame", () => {
    const request = (permission: string, details: unknown) => {
      const cb = vi.fn();
      (session.permissionRequest as (...a: unknown[]) => void)(null, permission, cb, details);
      return cb.mock.calls[0]?.[0] as boolean;
    };
    const app = { requestingUrl: 'app://themelens/index.html', isMainFrame: true };
    expect(request('clipboard-sanitized-write', app)).toBe(true);
    expect(session.permissionCheck!(null, 'clipboard-sanitized-write', 'app://themelens', { isMainFrame: true })).toBe(true);
    expect(request('clipboard-read', app)).toBe(false);
    expect(request('clipboard-sanitized-write', { requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(request('clipboard-sanitized-write', { requestingUrl: 'app://themelens/index.html', isMainFrame: false })).toBe(false);
    expect(request('clipboard-sanitized-write', { requestingUrl: 'file:///etc/passwd', isMainFrame: true })).toBe(false);
    expect(request('clipboard-sanitized-write', undefined)).toBe(false);
    expect(session.permissionCheck!(null, 'clipboard-sanitized-write', 'null', { isMainFrame: true })).toBe(false);
  });
  it('cancels downloads', () => {
    const e = event();
    session.emit('will-download', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });
  it('never downloads spellchecker dictionaries', () => {
    expect(session.spellcheck).toBe(false);
    expect(session.dictionaryUrl).toMatch(/^app:\/\/themelens\//);
  });
});
