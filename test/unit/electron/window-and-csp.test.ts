import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, enforceCsp, withCsp } from '../../../electron/main/csp';
import { FakeSession } from './fake-electron';
import { mainWindowOptions } from '../../../electron/main/window';

describe('main window preferences (Electron security checklist)', () => {
  const prefs = mainWindowOptions('/out/preload/index.cjs').webPreferences!;
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['disableBlinkFeatures', 'Auxclick'],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });
  it('loads the single CommonJS preload', () => {
    expect(prefs.preload).toBe('/out/preload/index.cjs');
  });
  it('has a title and is not shown before it is painted', () => {
    expect(mainWindowOptions('/p')).toMatchObject({ show: false, title: 'ThemeLens' });
  });
  it('waits for ready-to-show before showing', () => {
    expect(mainWindowOptions('/p').show).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name as string, values.join(' ')];
  }));
  it.each([
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['connect-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('%s %s', (name, value) => {
    expect(directives.get(name)).toBe(value);
  });
  it('allows no inline script, no eval and no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('CSP on every response the session receives (webRequest.onHeadersReceived)', () => {
  const session = new FakeSession();
  enforceCsp(session as never);
  const run = (responseHeaders?: Record<string, string[]>) => {
    let out: Record<string, string[]> | undefined;
    session.headersListener!({ url: 'https://example.com/', ...(responseHeaders ? { responseHeaders } : {}) }, (r) => (out = r.responseHeaders));
    return out!;
  };
  it('adds the policy to a response that has none', () => {
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    expect(run({ 'Content-Type': ['text/html'] })).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(run()).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
  it('replaces a looser policy in any casing, and drops report-only ones', () => {
    const out = run({ 'content-security-policy': ["default-src *; script-src 'unsafe-inline'"], 'CONTENT-SECURITY-POLICY-REPORT-ONLY': ['x'], 'X-Other': ['1'] });
    expect(out).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
  it('withCsp accepts single-string header values', () => {
    expect(withCsp({ 'X-A': 'b' })).toEqual({ 'X-A': ['b'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
