import { existsSync } from 'node:fs';
import { AppError } from '../shared/api/errors';
import { unclaimedNote } from '../db/backup/backup-folder';
import { decryptInPlace, isPlainSqliteFile } from '../db/connection';
import { openBackend } from '../db/service/backend';
import type { Io } from './commands';
import { UsageError } from './errors';

const KEY_HELP = 'Put the 64-hex-digit key in THEMELENS_DB_KEY (make one with: openssl rand -hex 32, and keep it safe: without it the database cannot be opened).';

/**
 * `themelens encrypt`: encrypts a plain database in place with THEMELENS_DB_KEY, after a verified
 * backup; the backups already there are encrypted too. The only way a key turns a plain file into an
 * encrypted one from the command line.
 */
export async function encryptCommand(dbPath: string, key: string | undefined, io: Io): Promise<void> {
  if (!key) throw new UsageError(`encrypt needs a key. ${KEY_HELP}`);
  if (!existsSync(dbPath)) throw new AppError('NOT_FOUND', `There is no database at ${dbPath} to encrypt.`);
  if (!isPlainSqliteFile(dbPath)) throw new AppError('CONFLICT', `${dbPath} is already encrypted; nothing was changed.`);
  const plain = await openBackend({ dbPath });
  let backupFile: string;
  try {
    backupFile = (await plain.handlers.createBackup({})).file;
  } finally {
    plain.close();
  }
  const keyed = await openBackend({ dbPath, key, encryptIfPlain: true });
  keyed.close();
  io.out(`Encrypted ${dbPath} and its backups (the copy taken first: ${backupFile}). Open it with THEMELENS_DB_KEY set to the same key.\n`);
  // Older backups that may be another database's keep their state: this key would lock their owner out.
  const unclaimed = unclaimedNote(dbPath);
  if (unclaimed) io.err(`Note: older backups of unknown origin were not encrypted. ${unclaimed} (With the key set, the next command encrypts it there.)\n`);
}

/** `themelens decrypt`: the reverse, after a verified (encrypted) backup. Existing backups stay encrypted. */
export async function decryptCommand(dbPath: string, key: string | undefined, io: Io): Promise<void> {
  if (!key) throw new UsageError(`decrypt needs the database's key in THEMELENS_DB_KEY.`);
  if (!existsSync(dbPath)) throw new AppError('NOT_FOUND', `There is no database at ${dbPath} to decrypt.`);
  if (isPlainSqliteFile(dbPath)) throw new AppError('CONFLICT', `${dbPath} is not encrypted; nothing was changed.`);
  const keyed = await openBackend({ dbPath, key });
  let backupFile: string;
  try {
    backupFile = (await keyed.handlers.createBackup({})).file;
  } finally {
    keyed.close();
  }
  decryptInPlace(dbPath, key);
  io.out(`Decrypted ${dbPath}. Its backups stay encrypted with the key (${backupFile} was taken first); restore one with THEMELENS_DB_KEY set.\n`);
}
