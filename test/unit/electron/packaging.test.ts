import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const require = createRequire(__filename);

describe('Electron fuses flipped at packaging (afterPack)', () => {
  const hook = require(join(ROOT, 'scripts/after-pack-fuses.cjs'));
  const FuseVersion = { V1: '1' };
  const FuseV1Options = {
    RunAsNode: 0,
    EnableCookieEncryption: 1,
    EnableNodeOptionsEnvironmentVariable: 2,
    EnableNodeCliInspectArguments: 3,
    EnableEmbeddedAsarIntegrityValidation: 4,
    OnlyLoadAppFromAsar: 5,
    LoadBrowserProcessSpecificV8Snapshot: 6,
    GrantFileProtocolExtraPrivileges: 7,
  };
  it('turns off RunAsNode, NODE_OPTIONS, --inspect and file:// privileges; turns on asar integrity and asar-only', async () => {
    const flipFuses = vi.fn();
    await hook({ electronPlatformName: 'linux', appOutDir: '/out/linux-unpacked', packager: { appInfo: { productFilename: 'ThemeLens' }, executableName: 'themelens' } }, { flipFuses, FuseVersion, FuseV1Options });
    expect(flipFuses).toHaveBeenCalledWith('/out/linux-unpacked/themelens', {
      version: '1',
      resetAdHocDarwinSignature: true,
      0: false,
      1: true,
      2: false,
      3: false,
      4: true,
      5: true,
      7: false,
    });
  });
  it('finds the executable on each platform', () => {
    const ctx = (p: string) => ({ electronPlatformName: p, appOutDir: '/o', packager: { appInfo: { productFilename: 'ThemeLens' }, executableName: 'themelens' } });
    expect(hook.executablePath(ctx('darwin'))).toBe('/o/ThemeLens.app/Contents/MacOS/ThemeLens');
    expect(hook.executablePath(ctx('win32'))).toBe('/o/ThemeLens.exe');
  });
  it('electron-builder.yml unpacks native modules, skips npm rebuild and ships the Electron build of better-sqlite3', () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^asar: true$/m);
    expect(yml).toMatch(/asarUnpack:\n\s+- "\*\*\/\*\.node"/);
    expect(yml).toMatch(/^npmRebuild: false$/m);
    expect(yml).toMatch(/from: native\/electron\/better_sqlite3\.node/);
    // The encryption-at-rest build too, and neither module's Node-ABI binary or sources.
    expect(yml).toMatch(/from: native\/electron\/better_sqlite3_mc\.node\n\s+to: native\/better_sqlite3_mc\.node/);
    expect(yml).toContain('"!**/node_modules/better-sqlite3-multiple-ciphers/build/**"');
    expect(yml).toMatch(/afterPack: scripts\/after-pack-fuses\.cjs/);
    expect(yml).toMatch(/^appId: \S+$/m);
    expect(yml).toMatch(/^productName: ThemeLens$/m);
    expect(yml).toMatch(/files:\n\s+- out\/\*\*\n\s+- package\.json/);
    // The Node-ABI binary in node_modules must not ship next to the Electron one.
    expect(yml).toContain('"!**/node_modules/better-sqlite3/build/**"');
    for (const target of ['AppImage', 'deb', 'dmg', 'nsis']) expect(yml).toContain(target);
  });
});

describe('the Electron build of better-sqlite3 goes to native/electron, never node_modules', () => {
  const nodeBinary = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  const hash = () => createHash('sha256').update(readFileSync(nodeBinary)).digest('hex');

  it('a failed build (offline) exits non-zero with a clear message and leaves node_modules loadable by Node', () => {
    const before = hash();
    const r = spawnSync(process.execPath, ['scripts/electron-native.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      // An address that refuses at once: the header download fails the way it does offline.
      env: { ...process.env, THEMELENS_ELECTRON_HEADERS_URL: 'http://127.0.0.1:9/' },
      timeout: 120_000,
    });
    if (r.stdout.includes('is built for Electron')) return; // already built on this machine: nothing to try
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Could not build better-sqlite3 for Electron .*\n.*\n.*node_modules is unchanged/);
    expect(hash()).toBe(before);
    const check = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], { cwd: ROOT, encoding: 'utf8' });
    expect(check.status).toBe(0);
  });

  it('is skipped only when its stamp matches the Electron, better-sqlite3 and multiple-ciphers versions, with both binaries there', async () => {
    const { upToDate, wanted } = await import(join(ROOT, 'scripts/electron-native.mjs'));
    const dir = mkdtempSync(join(tmpdir(), 'themelens-native-'));
    try {
      const want = wanted();
      expect(upToDate(want, dir)).toBe(false);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'better_sqlite3.node'), 'x');
      writeFileSync(join(dir, 'stamp.json'), JSON.stringify(want));
      expect(upToDate(want, dir)).toBe(false); // the cipher build is missing
      writeFileSync(join(dir, 'better_sqlite3_mc.node'), 'x');
      expect(upToDate(want, dir)).toBe(true);
      expect(want.betterSqlite3MultipleCiphers).toMatch(/^\d+\.\d+\.\d+$/);
      expect(upToDate({ ...want, betterSqlite3MultipleCiphers: '0.0.1' }, dir)).toBe(false);
      expect(upToDate({ ...want, electron: '0.0.1' }, dir)).toBe(false);
      writeFileSync(join(dir, 'stamp.json'), 'not json');
      expect(upToDate(want, dir)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
