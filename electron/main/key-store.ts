import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { AppError } from '../../shared/api/errors';

/** The parts of Electron's safeStorage the key store uses (a fake in tests). */
export type KeySafeStorage = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

/** Beside the database: the database key, encrypted by the system key store. */
export const KEY_FILE = 'themelens.key';

export type KeyStoreStatus = { available: true } | { available: false; reason: string };

/**
 * Whether this system offers a real key store for the database key. On Linux, Electron falls back
 * to "basic_text" when no secret service (GNOME Keyring, KWallet) runs: the key would then be
 * protected by a fixed password anyone can read in Chromium's source, which is no protection.
 */
export async function keyStoreStatus(safeStorage: KeySafeStorage, platform: NodeJS.Platform = process.platform): Promise<KeyStoreStatus> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    return { available: false, reason: 'This system offers no key store to keep the database key in (Electron’s safeStorage is unavailable), so ThemeLens cannot encrypt the database here.' };
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') {
      return {
        available: false,
        reason: `No secret service (GNOME Keyring or KWallet) is running, so the key could only be protected by a fixed password built into Electron (“${backend}”), which is no protection. Start or unlock your keyring, restart ThemeLens and try again.`,
      };
    }
  }
  return { available: true };
}

/**
 * The database key: 256 random bits, stored only encrypted by the system key store (safeStorage)
 * in a file readable by the user alone (0600). Its presence is what turns encryption on.
 */
export class KeyStore {
  readonly path: string;
  constructor(
    private readonly safeStorage: KeySafeStorage,
    dir: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.path = join(dir, KEY_FILE);
  }

  /** Whether encryption is on (a key was created). */
  exists(): boolean {
    return existsSync(this.path);
  }

  /** The key, decrypted by the key store; refused as "cannot unlock" when the store will not give it back. */
  async load(): Promise<string> {
    const status = await keyStoreStatus(this.safeStorage, this.platform);
    if (!status.available) throw new AppError('CANNOT_UNLOCK', `Cannot unlock the database: it is encrypted and its key is kept in the system key store. ${status.reason}`);
    let key: string;
    try {
      key = (await this.safeStorage.decryptStringAsync(readFileSync(this.path))).result;
    } catch {
      throw new AppError('CANNOT_UNLOCK', `Cannot unlock the database: the system key store cannot decrypt its key (${this.path}). It may belong to another user account or computer. Nothing was changed.`);
    }
    if (!/^[0-9a-f]{64}$/.test(key)) throw new AppError('CANNOT_UNLOCK', `Cannot unlock the database: ${this.path} does not hold a ThemeLens key. Nothing was changed.`);
    return key;
  }

  /**
   * Creates the key: refused, with the reason, where the platform has no real key store. Written
   * to a temporary file (0600), flushed, then renamed into place, so a crash leaves no half key.
   */
  async create(): Promise<string> {
    const status = await keyStoreStatus(this.safeStorage, this.platform);
    if (!status.available) throw new AppError('UNSUPPORTED', status.reason);
    if (this.exists()) throw new AppError('CONFLICT', 'The database is already encrypted.');
    const key = randomBytes(32).toString('hex');
    const sealed = await this.safeStorage.encryptStringAsync(key);
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, sealed);
      fsyncSync(fd);
    } catch (err) {
      closeSync(fd);
      rmSync(tmp, { force: true });
      throw err;
    }
    closeSync(fd);
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.path);
    return key;
  }
}
