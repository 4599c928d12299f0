import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelOf, type EncryptionStatus } from '../../../shared/api/contract';
import { startApp } from '../../../electron/main/app';
import { KEY_FILE, KeyStore, keyStoreStatus } from '../../../electron/main/key-store';
import { listBackups } from '../../../db/backup/backups';
import { isPlainSqliteFile, openKeyed, unlocks } from '../../../db/connection';
import { makeTempDir } from '../../helpers/temp-dir';
import { FakeSafeStorage, ipcEvent, makeFakeElectron } from './fake-electron';

const flush = () => new Promise((r) => setTimeout(r, 80));
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());
const temp = () => {
  const t = makeTempDir('themelens-keys-');
  cleanup = t.cleanup;
  return t.dir;
};
type Fake = ReturnType<typeof makeFakeElectron>;
const call = (e: Fake, name: string, input: unknown = {}) => e.handlers.get(channelOf(name))!(ipcEvent(), input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

describe('the key store: safeStorage, refused where the platform has no real one', () => {
  it.each([
    [{ available: false }, 'linux', /offers no key store/],
    [{ available: false }, 'darwin', /offers no key store/],
    [{ available: true, backend: 'basic_text' as const }, 'linux', /No secret service \(GNOME Keyring or KWallet\) is running, so the key could only be protected by a fixed password built into Electron \(“basic_text”\), which is no protection/],
    [{ available: true, backend: 'unknown' as const }, 'linux', /No secret service/],
  ])('%o on %s: refused', async (options, platform, reason) => {
    const status = await keyStoreStatus(new FakeSafeStorage(options), platform as NodeJS.Platform);
    expect(status.available).toBe(false);
    expect(status.available ? '' : status.reason).toMatch(reason);
  });

  it.each([
    ['gnome_libsecret', 'linux'],
    ['kwallet6', 'linux'],
    ['basic_text', 'darwin'], // the Linux backend means nothing elsewhere
    ['basic_text', 'win32'],
  ] as const)('%s on %s: available', async (backend, platform) => {
    expect(await keyStoreStatus(new FakeSafeStorage({ backend }), platform)).toEqual({ available: true });
  });

  it('creates 256 random bits, stored only encrypted, in a 0600 file; loads them back', async () => {
    const dir = temp();
    const safe = new FakeSafeStorage();
    const store = new KeyStore(safe, dir, 'linux');
    expect(store.exists()).toBe(false);
    const key = await store.create();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(store.path).toBe(join(dir, KEY_FILE));
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(store.path);
    expect(bytes.includes(key)).toBe(false);
    expect(safe.encryptStringAsync).toHaveBeenCalledWith(key);
    expect(await store.load()).toBe(key);
    expect(await new KeyStore(safe, temp(), 'linux').create()).not.toBe(key);
    await expect(store.create()).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses to create a key without a real key store, and writes nothing', async () => {
    const dir = temp();
    const store = new KeyStore(new FakeSafeStorage({ backend: 'basic_text' }), dir, 'linux');
    await expect(store.create()).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/^No secret service/) });
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
    expect(existsSync(join(dir, `${KEY_FILE}.tmp`))).toBe(false);
  });

  it('a key file the key store cannot decrypt: cannot unlock', async () => {
    const dir = temp();
    writeFileSync(join(dir, KEY_FILE), 'v11 not ours', { mode: 0o600 });
    await expect(new KeyStore(new FakeSafeStorage(), dir, 'linux').load()).rejects.toMatchObject({ code: 'CANNOT_UNLOCK', message: expect.stringMatching(/^Cannot unlock the database: the system key store cannot decrypt its key/) });
  });
});

/** The desktop shell started on a data folder with a key store, once its start-up has run. */
async function started(data: string, safe: FakeSafeStorage): Promise<Fake> {
  const e = makeFakeElectron({ safeStorage: safe });
  startApp(e as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: data }, () => {});
  await flush();
  return e;
}

describe('turning encryption on in the desktop shell (fake electron)', () => {
  it('off by default; enableEncryption creates the key and relaunches; the next start encrypts the database and its backups', async () => {
    const dir = temp();
    const data = join(dir, 'data');
    const dbPath = join(data, 'themelens.db');
    const safe = new FakeSafeStorage();
    const first = makeFakeElectron({ safeStorage: safe });
    startApp(first as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: data }, () => {});
    await flush();
    expect(await call(first, 'encryptionStatus')).toEqual({ ok: true, value: { enabled: false, available: true, reason: null } });
    expect((await call(first, 'createPortfolio', { name: 'ZQXCANARY holdings', baseCurrency: 'USD' })).ok).toBe(true);
    await call(first, 'createBackup');
    expect(isPlainSqliteFile(dbPath)).toBe(true); // the plain better-sqlite3 path is the default
    expect(await call(first, 'enableEncryption')).toEqual({ ok: true, value: { relaunching: true } });
    await flush();
    expect(first.app.relaunch).toHaveBeenCalledTimes(1);
    expect(first.app.exit).toHaveBeenCalledWith(0);
    expect(statSync(join(data, KEY_FILE)).mode & 0o777).toBe(0o600);

    const logs: string[] = [];
    const second = makeFakeElectron({ safeStorage: safe });
    startApp(second as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: data }, (m) => logs.push(m));
    await flush();
    expect(second.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(logs).toContain('ThemeLens: the database is encrypted at rest');
    expect(await call(second, 'encryptionStatus')).toEqual({ ok: true, value: { enabled: true, available: true, reason: null } });
    // The key for the command line: the same one that opens the file.
    const shown = (await call(second, 'showDatabaseKey')) as { ok: true; value: { key: string } };
    expect(shown.value.key).toMatch(/^[0-9a-f]{64}$/);
    const withShownKey = openKeyed(dbPath, shown.value.key, { readonly: true, fileMustExist: true });
    expect(unlocks(withShownKey)).toBe(true);
    withShownKey.close();
    expect(((await call(second, 'listPortfolios')).value as { name: string }[]).map((p) => p.name)).toEqual(['ZQXCANARY holdings']);
    expect((await call(second, 'createBackup')).ok).toBe(true);
    second.app.emit('will-quit');
    expect(isPlainSqliteFile(dbPath)).toBe(false);
    expect(readFileSync(dbPath).includes('ZQXCANARY')).toBe(false);
    const backups = listBackups(dbPath);
    expect(backups.length).toBeGreaterThanOrEqual(2);
    for (const b of backups) expect(isPlainSqliteFile(b.path), b.file).toBe(false);
  });

  it('without a real key store, enableEncryption says why and changes nothing', async () => {
    const dir = temp();
    const data = join(dir, 'data');
    const e = makeFakeElectron({ safeStorage: new FakeSafeStorage({ backend: 'basic_text' }) });
    startApp(e as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: data }, () => {});
    await flush();
    const status = (await call(e, 'encryptionStatus')).value as EncryptionStatus;
    if (process.platform === 'linux') {
      expect(status).toMatchObject({ enabled: false, available: false, reason: expect.stringMatching(/^No secret service/) });
      expect(await call(e, 'enableEncryption')).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringMatching(/no protection/) } });
      expect(existsSync(join(data, KEY_FILE))).toBe(false);
      expect(e.app.relaunch).not.toHaveBeenCalled();
    }
    e.app.emit('will-quit');
  });

  it('a read-only database: enableEncryption is refused saying why, no key is made and nothing restarts (the next start could not have encrypted the file, and would have refused to open it)', async () => {
    const data = join(temp(), 'data');
    const dbPath = join(data, 'themelens.db');
    const safe = new FakeSafeStorage();
    const first = await started(data, safe);
    expect((await call(first, 'createPortfolio', { name: 'Kept', baseCurrency: 'USD' })).ok).toBe(true);
    first.app.emit('will-quit');
    chmodSync(dbPath, 0o400);
    const bytes = readFileSync(dbPath);
    const second = await started(data, safe);
    expect(await call(second, 'enableEncryption')).toEqual({ ok: false, error: { code: 'IO', message: expect.stringMatching(/^Encryption was not turned on: .*themelens\.db is read-only/) } });
    expect(existsSync(join(data, KEY_FILE))).toBe(false);
    expect(second.app.relaunch).not.toHaveBeenCalled();
    second.app.emit('will-quit');
    chmodSync(dbPath, 0o600);
    expect(readFileSync(dbPath).equals(bytes)).toBe(true);
  });

  it('an encrypted database whose key the key store will not give back: "cannot unlock", the file untouched', async () => {
    const dir = temp();
    const data = join(dir, 'data');
    const dbPath = join(data, 'themelens.db');
    const safe = new FakeSafeStorage();
    const first = makeFakeElectron({ safeStorage: safe });
    startApp(first as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: data }, () => {});
    await flush();
    await call(first, 'enableEncryption');
    await flush();
    const second = makeFakeElectron({ safeStorage: safe });
    startApp(second as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: data }, () => {});
    await flush();
    second.app.emit('will-quit');
    const sha = () => createHash('sha256').update(readFileSync(dbPath)).digest('hex');
    const before = sha();
    safe.available = false; // the keyring is locked or gone
    const third = makeFakeElectron({ safeStorage: safe });
    startApp(third as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: data }, () => {});
    await flush();
    expect(third.dialog.showErrorBox).toHaveBeenCalledWith('ThemeLens cannot open its database', expect.stringMatching(/^Cannot unlock the database: it is encrypted and its key is kept in the system key store/));
    expect(third.app.quit).toHaveBeenCalled();
    expect(third.windows).toHaveLength(0);
    expect(sha()).toBe(before);
  });
});
