import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol, resolveAppUrl } from '../../../electron/main/protocol';

const ROOT = '/srv/renderer';

describe('resolveAppUrl refuses everything outside the renderer folder', () => {
  it.each([
    ['app://themelens/index.html', `${ROOT}/index.html`],
    ['app://themelens/', `${ROOT}/index.html`],
    ['app://themelens/assets/index-abc.js', `${ROOT}/assets/index-abc.js`],
    ['app://themelens/assets/a%20b.css', `${ROOT}/assets/a b.css`],
  ])('%s -> %s', (url, file) => {
    expect(resolveAppUrl(ROOT, url)).toBe(file);
  });
  it.each(['app://themelens/../etc/passwd', 'app://themelens/%2e%2e/%2e%2e/etc/passwd', 'app://themelens/assets/../../../x'])(
    '%s stays inside the folder (the URL parser folds the dot segments)',
    (url) => {
      const file = resolveAppUrl(ROOT, url);
      expect(file === null || file.startsWith(`${ROOT}/`)).toBe(true);
    },
  );
  it.each([
    'app://themelens/assets/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://themelens/..%2f..%2fetc/passwd',
    'app://themelens/..%5c..%5cwindows',
    'app://themelens/assets/..\\..\\secret',
    'app://themelens/%00index.html',
    'app://themelens/assets%2Fapp.js',
    'app://themelens/%2Fetc%2Fpasswd',
    'app://themelens/%5Cetc%5Cpasswd',
    'app://themelens/C:%5CWindows%5Cwin.ini',
    'app://themelens/%E0%A4%A',
    'app://THEMELENS.evil/index.html',
    'app:///etc/passwd',
    'app://./index.html',
    'app://localhost/index.html',
    'app://evil/index.html',
    'app://themelens.evil.com/index.html',
    'app://user:pass@themelens/index.html',
    'app://themelens:8080/index.html',
    'file:///etc/passwd',
    'https://themelens/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(ROOT, url)).toBeNull();
  });
  it.each([
    'app://themelens//etc/passwd',
    'app://themelens///etc/passwd',
    'app://themelens/./assets/./x.js',
    'app://themelens/C:/Windows/win.ini',
    // Double encoding decodes once, to a literal file name with percent signs, inside the folder.
    'app://themelens/%252e%252e%252fetc/passwd',
  ])('%s maps an absolute-looking or odd path inside the folder, never outside', (url) => {
    const file = resolveAppUrl(ROOT, url);
    expect(file === null || file.startsWith(`${ROOT}/`)).toBe(true);
  });
  it('registers app:// as a standard, secure scheme that fetch() may read', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});

describe('the app:// handler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'themelens-proto-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.js'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const protocol = { handle: vi.fn() };
  registerAppProtocol(protocol as never, root);
  const handler = protocol.handle.mock.calls[0]![1] as (r: { url: string }) => Promise<Response>;

  it('serves files with their type and the CSP header', async () => {
    const res = await handler({ url: 'app://themelens/assets/app.js' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('console.log(1)');
  });
  it.each([
    ['index.html', /^text\/html/],
    ['assets/app.js', /^text\/javascript/],
    ['assets/app.css', /^text\/css/],
    ['assets/logo.svg', /^image\/svg\+xml$/],
    ['assets/logo.png', /^image\/png$/],
    ['assets/font.woff2', /^font\/woff2$/],
    ['assets/blob.bin', /^application\/octet-stream$/],
  ])('serves %s as %s, never sniffed', async (file, type) => {
    writeFileSync(join(root, file), 'x', { flag: 'a' });
    const res = await handler({ url: `app://themelens/${file}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
  it('refuses another host even for a file that exists', async () => {
    for (const url of ['app://evil/index.html', 'app://themelens.evil/index.html']) {
      expect((await handler({ url })).status).toBe(404);
    }
  });
  it('answers a folder with 404', async () => {
    expect((await handler({ url: 'app://themelens/assets' })).status).toBe(404);
  });
  it('refuses a symlink that points outside the folder', async () => {
    const res = await handler({ url: 'app://themelens/assets/link.js' });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });
  it('answers traversal and missing files with 404, still under the CSP', async () => {
    for (const url of ['app://themelens/%2e%2e/secret.txt', 'app://themelens/nope.js']) {
      const res = await handler({ url });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
