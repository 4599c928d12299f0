import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, RestoreResult } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { FILE_TEXT, fileRefusal } from '../../shared/api/file-text';
import { encryptInPlace, isPlainSqliteFile, keyOf, openKeyed, unlocks, type Db } from '../connection';
import { ensurePrivateFile } from '../paths';
import { dropTrash } from '../repos/trash';
import { OUR_TABLES } from '../integrity/our-tables';
import { backupDir, listBackupsIn, refuseUnlessOwnBackup } from './backup-folder';


export { backupDir } from './backup-folder';

/** A copy being written (or left by a killed backup): `.<name>.tmp`, with SQLite's companions. */
const TEMP = /^\.themelens-.*\.db\.tmp(-wal|-shm|-journal)?$/;

/** Removes the -wal and -shm files a read-only look at a WAL-mode copy left behind (none existed before). */
function removeNewSidecars(path: string, existed: boolean[]): void {
  ['-wal', '-shm'].forEach((suffix, i) => {
    if (!existed[i]) rmSync(path + suffix, { force: true });
  });
}

/** The key of an encrypted database (and the cipher build to use), for its backups. */
export type Keyed = { key: string; cipherNativeBinding?: string | undefined } | null | undefined;

/** Opens a copy read-only (with the key, for an encrypted database) and runs SQLite's full integrity check on it. */
export function verifyDatabaseFile(path: string, nativeBinding?: string, keyed?: Keyed): boolean {
  let db: Db | null = null;
  const existed = ['-wal', '-shm'].map((suffix) => existsSync(path + suffix));
  try {
    if (keyed) {
      db = openKeyed(path, keyed.key, { readonly: true, fileMustExist: true, cipherNativeBinding: keyed.cipherNativeBinding });
      if (!unlocks(db)) return false;
    } else {
      db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    }
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
    removeNewSidecars(path, existed);
  }
}

/**
 * Makes a fresh copy a self-contained file: the online backup keeps the live database's WAL mode,
 * and a WAL file opened anywhere grows -wal and -shm companions; a rollback-journal copy does not.
 */
function makeStandalone(path: string, nativeBinding?: string, keyed?: Keyed): void {
  const copy = keyed ? openKeyed(path, keyed.key, { fileMustExist: true, cipherNativeBinding: keyed.cipherNativeBinding }) : new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * A verified backup: SQLite's online backup to a temporary name, integrity_check on the copy,
 * mode 0600, then renamed into place and the folder rotated. A copy that fails the check is
 * deleted and the caller is told; the live database is never touched.
 */
export async function createVerifiedBackup(db: Db, dbPath: string, reason: string, now = new Date(), nativeBinding?: string, options: { rotate?: boolean } = {}): Promise<BackupInfo> {
  const dir = backupDir(dbPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = `themelens-${stamp}-${reason}.db`;
  const tmp = join(dir, `.${file}.tmp`);
  // An encrypted database is copied with VACUUM INTO, which writes the copy encrypted with the same
  // key (SQLite3 Multiple Ciphers refuses the online backup into a file without it).
  const keyed = keyOf(db);
  try {
    ensurePrivateFile(tmp);
    if (keyed) db.prepare('VACUUM INTO ?').run(tmp);
    else await db.backup(tmp);
    makeStandalone(tmp, nativeBinding, keyed);
    chmodSync(tmp, 0o600);
    if (!verifyDatabaseFile(tmp, nativeBinding, keyed)) throw saidError('IO', ERROR_TEXT.backupCopyFailed, {});
    renameSync(tmp, join(dir, file));
  } catch (err) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError('IO', `Cannot write a backup in ${dir}: ${code === 'ENOSPC' ? 'the disk is full' : (err as Error).message}. Nothing was changed.`);
  }
  // An import's backup rotates only once the import has committed (a refused import removes its
  // backup instead), so refused imports can never push older backups out.
  if (options.rotate ?? true) rotateBackups(dir, now);
  return listBackups(dbPath).find((b) => b.file === file) as BackupInfo;
}

/** Backups of a database, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  return listBackupsIn(backupDir(dbPath));
}

/**
 * Keeps the 10 newest backups and the newest of each day for 30 days; deletes the rest. A manual
 * backup is the user's own and is never deleted by rotation.
 */
export function rotateBackups(dir: string, now = new Date()): string[] {
  const all = listBackupsIn(dir);
  const keep = new Set(all.slice(0, 10).map((b) => b.file));
  for (const b of all) if (b.reason === 'manual') keep.add(b.file);
  const days = new Set<string>();
  const cutoff = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  for (const b of all) {
    const day = b.createdAt.slice(0, 10);
    if (b.createdAt >= cutoff && !days.has(day)) {
      days.add(day);
      keep.add(b.file);
    }
  }
  const removed = all.filter((b) => !keep.has(b.file)).map((b) => b.file);
  for (const f of removed) rmSync(join(dir, f), { force: true });
  // A backup killed midway leaves its temporary file; one an hour old is no longer being written.
  // Files only: a folder of that name would be another database's backups folder.
  for (const f of readdirSync(dir, { withFileTypes: true }).filter((x) => x.isFile() && TEMP.test(x.name)).map((x) => x.name)) {
    if (now.getTime() - statSync(join(dir, f)).mtimeMs > 3_600_000) rmSync(join(dir, f), { force: true });
  }
  return removed;
}

/**
 * Restores a backup over the database: the backup is verified first, the current state is itself
 * backed up (so a restore can be undone), then SQLite's backup API copies the backup in. The
 * caller must hold the only connection to the database; the desktop app restarts afterwards
 * (restartRequired) so nothing keeps state read before the restore.
 */
export async function restoreBackup(db: Db, dbPath: string, backupPath: string, now = new Date(), nativeBinding?: string): Promise<RestoreResult> {
  const name = basename(backupPath);
  const keyed = keyOf(db);
  if (!existsSync(backupPath)) throw new AppError('NOT_FOUND', `There is no backup ${backupPath}. Run "themelens backup list" to see them.`);
  // Only this database's own backups: another's would replace its portfolios with someone else's.
  refuseUnlessOwnBackup(dbPath, backupPath);
  // A link in the backups folder could point anywhere: only a regular file of ours is restored.
  if (!lstatSync(backupPath).isFile()) throw fileRefusal('FORBIDDEN', FILE_TEXT.backupNotRegular, { file: name });
  if (!verifyDatabaseFile(backupPath, nativeBinding, keyed)) throw fileRefusal('IO', keyed ? FILE_TEXT.backupFailsCheckOrKey : FILE_TEXT.backupFailsCheck, { file: name });
  // A backup from a newer ThemeLens would restore and then make every command fail: refused first.
  // So would another program's SQLite file put in the backups folder (then not even a restore ran).
  const { version: backupVersion, ours } = backupSchemaVersion(backupPath, nativeBinding, keyed);
  if (!ours) throw fileRefusal('FORBIDDEN', FILE_TEXT.backupNotOurs, { file: name });
  const liveVersion = db.pragma('user_version', { simple: true }) as number;
  if (backupVersion > liveVersion) {
    throw fileRefusal('DB_FROM_FUTURE', FILE_TEXT.backupNewer, { file: name, schema: String(backupVersion), known: String(liveVersion) });
  }
  const safety = await createVerifiedBackup(db, dbPath, 'before-restore', now, nativeBinding);
  if (keyed) {
    // (It closes this connection, and its temp trash with it.)
    restoreEncrypted(db, dbPath, backupPath);
    return { restored: name, safetyCopy: safety.file, restartRequired: true };
  }
  const source = new Database(backupPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    // SQLite's backup API writes the pages into the live file through its own locking.
    await source.backup(dbPath);
  } finally {
    source.close();
  }
  chmodSync(dbPath, 0o600);
  // A deletion made before the restore is not undone into the restored rows (ids mean others now).
  dropTrash(db);
  return { restored: name, safetyCopy: safety.file, restartRequired: true };
}

/** A backup's schema version (user_version), and whether it holds ThemeLens's tables, read without changing the file. */
function backupSchemaVersion(path: string, nativeBinding?: string, keyed?: Keyed): { version: number; ours: boolean } {
  const existed = ['-wal', '-shm'].map((suffix) => existsSync(path + suffix));
  const copy = keyed ? openKeyed(path, keyed.key, { readonly: true, fileMustExist: true, cipherNativeBinding: keyed.cipherNativeBinding }) : new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const tables = new Set(copy.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    return { version: copy.pragma('user_version', { simple: true }) as number, ours: OUR_TABLES.every((t) => tables.has(t)) };
  } finally {
    copy.close();
    removeNewSidecars(path, existed);
  }
}

/**
 * An encrypted backup is already the whole database, encrypted with the same key: it is copied
 * beside the database, flushed, and renamed over it. The live connection is checkpointed and
 * closed first (no WAL of the old file may meet the new one); the app restarts, the CLI exits.
 */
function restoreEncrypted(db: Db, dbPath: string, backupPath: string): void {
  const tmp = join(dirname(dbPath), `.${basename(dbPath)}.restore.tmp`);
  try {
    copyFileSync(backupPath, tmp);
    chmodSync(tmp, 0o600);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new AppError('IO', `Cannot copy the backup beside the database: ${(err as Error).message}. Nothing was changed.`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  renameSync(tmp, dbPath);
}

/**
 * When encryption is turned on, backups taken before it are plain copies of the portfolios: each
 * is encrypted in place with the same key, so no readable copy stays in the backups folder.
 */
export function encryptPlainBackups(dbPath: string, keyed: NonNullable<Keyed>): string[] {
  const done: string[] = [];
  for (const b of listBackups(dbPath)) {
    if (!isPlainSqliteFile(b.path)) continue;
    encryptInPlace(b.path, keyed.key, keyed.cipherNativeBinding);
    chmodSync(b.path, 0o600);
    done.push(b.file);
  }
  return done;
}
