import { existsSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DamagedAtStart } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { unclaimedNote } from '../backup/backup-folder';
import { listBackups, verifyDatabaseFile } from '../backup/backups';
import { looksEncrypted, openDatabase, type Db, type OpenOptions } from '../connection';

/** Whether an error opening a file means the file is damaged (not that it is busy, locked or unreadable). */
export function isDamage(err: unknown): boolean {
  const sqlite = err instanceof AppError ? err.details?.['sqlite'] : (err as { code?: unknown } | null)?.code;
  return typeof sqlite === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(sqlite);
}

/**
 * A damage check that leaves out tables the command will never read, so a quick command on a large
 * file does not read every page of it: `themelens exposure` reads position groups, never the
 * positions (a third of a second at a million). Everything it reads is still checked, and a later
 * command that reads the positions checks them. Only for a file at `latestVersion`: one that needs
 * migrating is checked whole, since a migration may read any table.
 */
export interface DamageCheckScope {
  leaveOut: readonly string[];
  latestVersion: number;
}

/** The tables (each with its indexes) a scoped check reads: the schema and every table not left out. */
function tablesToCheck(db: Db, scope: DamageCheckScope): string[] | null {
  if (db.pragma('user_version', { simple: true }) !== scope.latestVersion) return null;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  return ['sqlite_schema', ...tables.filter((t) => !scope.leaveOut.includes(t))];
}

/**
 * A command that reads a few tables of a file and exits (a scoped check) reads its pages through a
 * memory map rather than copying each into SQLite's page cache: at a million positions the check of
 * the position groups took 40 ms read page by page and 12 ms mapped (5,000 positions: 16 and 9 ms).
 * Reads only: SQLite writes through the file as before, and an encrypted file still reads decrypted.
 * Only for these short commands: the map lasts as long as the command, and no command that restores
 * or rewrites the file (the one way a mapped file could become shorter under it) opens this way.
 */
const MAP_BYTES = 256 * 1024 * 1024;
function readThroughMap(db: Db): void {
  db.pragma(`mmap_size = ${MAP_BYTES}`);
}

/** Whether SQLite itself finds the file sound (quick_check); a busy or unreadable file throws instead. */
function quickCheck(db: Db, scope: DamageCheckScope | null): boolean {
  try {
    const tables = scope ? tablesToCheck(db, scope) : null;
    if (!tables) return db.pragma('quick_check', { simple: true }) === 'ok';
    // The name is bound nowhere in a pragma: quoted as an identifier, doubled quotes and all.
    return tables.every((t) => db.pragma(`quick_check("${t.replace(/"/g, '""')}")`, { simple: true }) === 'ok');
  } catch (err) {
    if (isDamage(err)) return false;
    throw err;
  }
}

/**
 * Opens the database and checks it; a damaged file (truncated, overwritten, zeroed header, not a
 * database at all) is moved aside as corrupt-<time>.db beside it, never deleted or replaced, and the
 * error names the newest backup that passes its integrity check now, to restore. The next start finds a fresh, empty database.
 */
export function openChecked(dbPath: string, options: OpenOptions, now = new Date(), scope: DamageCheckScope | null = null): Db {
  const existed = dbPath !== ':memory:' && existsSync(dbPath) && statSync(dbPath).size > 0;
  let db: Db | null = null;
  try {
    db = openDatabase(dbPath, options);
    if (scope) readThroughMap(db);
    if (!existed || quickCheck(db, scope)) return db;
  } catch (err) {
    // Only damage moves a file aside: a newer schema, a busy or unreadable file is refused as it is.
    db?.close();
    if (!existed || !isDamage(err)) throw err;
    // An encrypted database opened without its key is not damaged: refused, left exactly as it is.
    if (!options.key && looksEncrypted(dbPath)) {
      throw new AppError(
        'CANNOT_UNLOCK',
        `Cannot unlock ${dbPath}: it is encrypted and no key was given (the desktop app keeps the key in the system key store; the command line reads it from THEMELENS_DB_KEY). The file was not changed.`,
        { path: dbPath },
      );
    }
  }
  db?.close();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = join(dirname(dbPath), `corrupt-${stamp}.db`);
  renameSync(dbPath, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix);
  const keyed = options.key ? { key: options.key, cipherNativeBinding: options.cipherNativeBinding } : null;
  const newest = listBackups(dbPath).find((b) => verifyDatabaseFile(b.path, options.nativeBinding, keyed));
  // Older backups in the shared folder may be this database's: named, never offered as its own.
  const unclaimed = newest ? null : unclaimedNote(dbPath);
  throw new AppError(
    'CORRUPT',
    `The database ${basename(dbPath)} is damaged; it was moved aside as ${basename(aside)} (nothing was deleted). ` +
      (newest ? `Restore the newest verified backup, ${newest.file} (themelens backup restore ${newest.file}), or start afresh.` : `There is no backup to restore; ThemeLens starts with an empty database.${unclaimed ? ` ${unclaimed}` : ''}`),
    { movedTo: aside, newestBackup: newest?.file ?? null },
  );
}

/** A database opened by openOrStartAfresh, and what start-up found. */
export interface OpenedAfterCheck {
  db: Db;
  /** Set when the file was damaged: moved aside, a fresh empty database opened in its place. */
  damaged: DamagedAtStart | null;
}

/**
 * What the desktop app does at start-up: openChecked, and when the file was damaged (and moved
 * aside), a fresh database in its place so the window can open and offer the newest verified
 * backup. Anything else (busy, unreadable, newer schema) is still refused.
 */
export function openOrStartAfresh(dbPath: string, options: OpenOptions, now = new Date()): OpenedAfterCheck {
  try {
    return { db: openChecked(dbPath, options, now), damaged: null };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'CORRUPT' || typeof err.details?.['movedTo'] !== 'string') throw err;
    const newest = err.details['newestBackup'];
    const backup = typeof newest === 'string' ? (listBackups(dbPath).find((b) => b.file === newest) ?? null) : null;
    return { db: openChecked(dbPath, options, now), damaged: { movedTo: err.details['movedTo'], backup } };
  }
}
