import type { HostHandlers } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { keyStoreStatus, type KeySafeStorage, type KeyStore } from './key-store';

/**
 * Encryption at rest, opt-in: encryptionStatus says whether it is on and whether this system has a
 * real key store (and why not); enableEncryption creates the key in the key store (refused, with
 * the reason, where there is none) and restarts: the next start encrypts the database and its
 * backups in place with it.
 */
export function encryptionHandlers(
  safeStorage: KeySafeStorage,
  keys: KeyStore,
  relaunch: () => void,
  { platform = process.platform, readOnlyMessage = null }: { platform?: NodeJS.Platform; readOnlyMessage?: string | null } = {},
): Pick<HostHandlers, 'encryptionStatus' | 'enableEncryption' | 'showDatabaseKey'> {
  return {
    encryptionStatus: async () => {
      const status = await keyStoreStatus(safeStorage, platform);
      return { enabled: keys.exists(), available: status.available, reason: status.available ? null : status.reason };
    },
    enableEncryption: async () => {
      // The next start encrypts the file in place: a read-only file cannot be, and a key beside a
      // plain file it cannot encrypt would stop ThemeLens opening it at all. Refused before any key exists.
      if (readOnlyMessage) throw new AppError('IO', `Encryption was not turned on: ${readOnlyMessage}`);
      await keys.create();
      relaunch();
      return { relaunching: true };
    },
    // The same key the command line needs (THEMELENS_DB_KEY), so the app and the CLI share one database.
    // load() goes through the system key store, which asks the user where it is set to.
    showDatabaseKey: async () => {
      if (!keys.exists()) throw new AppError('NOT_FOUND', 'The database is not encrypted, so it has no key.');
      return { key: await keys.load() };
    },
  };
}
