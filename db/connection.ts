import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
// SQLite3 Multiple Ciphers: the same API; its native library loads on first use, so only when encryption is on.
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { AppError, fromSqliteError } from '../shared/api/errors';
import { checkSqliteVersion } from './integrity/durability';
import { ensurePrivateFile } from './paths';
import { storeOf } from './store';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another runtime (Electron). */
  nativeBinding?: string | undefined;
  readonly?: boolean | undefined;
  /** Refuse, before writing anything, a file whose schema is newer than this. */
  refuseNewerThan?: number | undefined;
  /**
   * Encryption at rest: the database key, 64 hex digits (256 bits). Set, the file is opened through
   * SQLite3 Multiple Ciphers (ChaCha20-Poly1305) and a plain file is encrypted in place first.
   */
  key?: string | undefined;
  /** The SQLite3 Multiple Ciphers binary built for another runtime (Electron). */
  cipherNativeBinding?: string | undefined;
  /**
   * A key for a plain file encrypts it in place only when asked: the desktop app after the user turned
   * encryption on, and `themelens encrypt`. Otherwise a key for a plain file is refused, so a stray
   * THEMELENS_DB_KEY can never encrypt a database the app could then not open.
   */
  encryptIfPlain?: boolean | undefined;
}

const KEY = /^[0-9a-f]{64}$/;

/** The key a connection was opened with (backups of an encrypted database are encrypted with it). */
export function keyOf(db: Db): { key: string; cipherNativeBinding?: string | undefined } | null {
  return storeOf(db).key;
}

/** Whether a file starts with SQLite's plain header (an encrypted file's first bytes are ciphertext). */
export function isPlainSqliteFile(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a file that plain SQLite cannot read looks like an encrypted database rather than a
 * damaged one: whole pages, and a first block of random bytes (the cipher's salt), neither
 * SQLite's header nor zeros nor text. Such a file is refused for want of its key, never moved aside.
 */
export function looksEncrypted(path: string): boolean {
  if (!existsSync(path)) return false;
  const size = statSync(path).size;
  if (size < 512 || size % 512 !== 0 || isPlainSqliteFile(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    const binary = [...head].filter((b) => !(b === 9 || b === 10 || b === 13 || (b >= 0x20 && b < 0x7f))).length;
    return head.some((b) => b !== 0) && binary >= 4;
  } finally {
    closeSync(fd);
  }
}

/** A connection through SQLite3 Multiple Ciphers with the key applied (nothing read or written yet). */
export function openKeyed(path: string, key: string, options: { readonly?: boolean; fileMustExist?: boolean; cipherNativeBinding?: string | undefined } = {}): Db {
  if (!KEY.test(key)) throw new AppError('VALIDATION', 'The database key must be 64 hexadecimal digits (256 bits).');
  const Cipher = CipherDatabase as unknown as typeof Database;
  const db = new Cipher(path, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false, ...(options.cipherNativeBinding ? { nativeBinding: options.cipherNativeBinding } : {}) });
  try {
    db.pragma(`hexkey = '${key}'`);
    // Sorts and temp tables stay in memory: SQLite's temp files are not encrypted and would hold plaintext.
    db.pragma('temp_store = MEMORY');
  } catch (err) {
    db.close();
    throw err;
  }
  storeOf(db).key = { key, cipherNativeBinding: options.cipherNativeBinding };
  return db;
}

/**
 * Decrypts an encrypted database in place (`themelens decrypt`): the same rewrite of every page as
 * encryption, to no key. The caller has made a backup first.
 */
export function decryptInPlace(path: string, key: string, cipherNativeBinding?: string): void {
  const db = openKeyed(path, key, { fileMustExist: true, cipherNativeBinding });
  try {
    if (!unlocks(db)) throw cannotUnlock(path);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.pragma("rekey = ''");
  } finally {
    db.close();
  }
}

/** Whether a keyed connection can read its file: SQLite reports a wrong key as "not a database". */
export function unlocks(db: Db): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'SQLITE_NOTADB') return false;
    throw err;
  }
}

/**
 * Encrypts a plain database file in place with the key (SQLite3 Multiple Ciphers rewrites every
 * page; it cannot rekey in WAL mode, so the file is switched to a rollback journal for it).
 * Used when encryption is turned on, and to finish a start-up that was interrupted midway.
 */
export function encryptInPlace(path: string, key: string, cipherNativeBinding?: string): void {
  const Cipher = CipherDatabase as unknown as typeof Database;
  const db = new Cipher(path, { fileMustExist: true, ...(cipherNativeBinding ? { nativeBinding: cipherNativeBinding } : {}) });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`hexrekey = '${key}'`);
  } finally {
    db.close();
  }
}

/** A plain file from a newer ThemeLens is refused before it is encrypted (its schema version is at byte 60 of the header). */
function refuseNewerPlain(path: string, newest: number | undefined): void {
  if (newest === undefined) return;
  const fd = openSync(path, 'r');
  let version: number;
  try {
    const head = Buffer.alloc(64);
    readSync(fd, head, 0, 64, 0);
    version = head.readInt32BE(60);
  } finally {
    closeSync(fd);
  }
  if (version > newest) throw newerSchema(version, newest);
}

function newerSchema(version: number, newest: number): AppError {
  return new AppError('DB_FROM_FUTURE', `This database was written by a newer version of ThemeLens (schema ${version}; this version knows ${newest}). Update ThemeLens to open it.`);
}

function cannotUnlock(path: string): AppError {
  return new AppError(
    'CANNOT_UNLOCK',
    `Cannot unlock ${path}: the key does not open it (a different key, or the file is not an encrypted ThemeLens database). The file was not changed.`,
    { path },
  );
}

/** The SQLite library's version, e.g. "3.50.2" (the shell logs it at start-up). */
export function sqliteVersion(db: Db): string {
  return db.prepare('SELECT sqlite_version()').pluck().get() as string;
}

/**
 * Opens a database file with the settings ThemeLens relies on: WAL for concurrent readers,
 * synchronous=FULL because better-sqlite3's WAL default (NORMAL) can lose the last commit on power
 * loss, and foreign keys on (SQLite leaves them off per connection).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && !options.readonly) ensurePrivateFile(path);
  let db: Db;
  try {
    if (options.key) {
      if (!KEY.test(options.key)) throw new AppError('VALIDATION', 'The database key must be 64 hexadecimal digits (256 bits).');
      // A plain file and a key: encryption was just turned on (or its first start was interrupted).
      if (isPlainSqliteFile(path)) {
        if (!options.encryptIfPlain || options.readonly) {
          throw new AppError('CANNOT_UNLOCK', `${path} is not encrypted, so it takes no key; nothing was changed. Unset THEMELENS_DB_KEY to open it, or encrypt it with "themelens encrypt".`, { path });
        }
        refuseNewerPlain(path, options.refuseNewerThan);
        encryptInPlace(path, options.key, options.cipherNativeBinding);
      }
      db = openKeyed(path, options.key, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false, cipherNativeBinding: options.cipherNativeBinding });
      // A wrong key: refused before anything is written (no journal mode, no pragma that writes).
      if (statSync(path).size > 0 && !unlocks(db)) {
        db.close();
        throw cannotUnlock(path);
      }
    } else {
      db = new Database(path, {
        readonly: options.readonly ?? false,
        fileMustExist: options.readonly ?? false,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('IO', `Cannot open the database ${path}: ${(err as Error).message}. Check that the file exists and you may read it.`);
  }
  try {
    // STRICT tables (used throughout) need SQLite 3.37; a binary built against an older one is refused.
    try {
      checkSqliteVersion(sqliteVersion(db));
    } catch (err) {
      db.close();
      throw err;
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (options.refuseNewerThan !== undefined && version > options.refuseNewerThan) {
      db.close();
      throw newerSchema(version, options.refuseNewerThan);
    }
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    if (err instanceof AppError) throw err;
    db.close();
    // A busy, read-only or failing disk says so; the SQLite code lets openChecked tell damage
    // (CORRUPT, NOTADB) from those.
    const known = fromSqliteError(err);
    if (known) throw known;
    const sqlite = (err as { code?: unknown }).code;
    throw new AppError('IO', `The file ${path} is not a ThemeLens database or is damaged (${(err as Error).message}).`, typeof sqlite === 'string' ? { sqlite } : undefined);
  }
  return db;
}
