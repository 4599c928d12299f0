import { closeSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { unclaimedBackups } from '../backup/backup-folder';
import { listBackups } from '../backup/backups';
import { looksEncrypted } from '../connection';
import { OUR_TABLES } from './our-tables';

/**
 * SQLite's application_id for ThemeLens databases ("TLen"), written into the file header at
 * open. It lets `--db` tell our file from another program's SQLite database before touching it.
 */
export const APPLICATION_ID = 0x544c656e;

const SQLITE_HEADER = 'SQLite format 3\u0000';

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function readHead(path: string, size: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(size);
    const n = readSync(fd, head, 0, size, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Whether a readable SQLite file holds another program's data (read-only look; nothing written). */
function belongsToAnotherProgram(path: string): boolean {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    return false; // unreadable as SQLite: damage, judged by openChecked
  }
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    if (tables.size === 0) return false; // an empty database: nothing of anyone's to lose
    return !OUR_TABLES.every((t) => tables.has(t));
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * Refuses, before anything is created, renamed or chmod-ed, a database path that is not ours: not a
 * regular file (a folder, a link, a device), another program's SQLite database, or a file that is not
 * SQLite at all and was never ours (no ThemeLens backups of it). A damaged file of ours still goes on
 * to openChecked, which moves it aside. A missing path is fine: the database is created there.
 */
export function refuseIfNotOurs(dbPath: string): void {
  if (dbPath === ':memory:') return;
  let st: Stats;
  try {
    st = lstatSync(dbPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new AppError('IO', `Cannot open the database ${dbPath}: ${(err as Error).message}. Check the path and your permissions.`, { path: dbPath });
  }
  if (!st.isFile()) {
    throw new AppError('FORBIDDEN', `${dbPath} is ${kindOf(st)}, not a ThemeLens database file; nothing was changed. Give --db the path of a database file (a new path creates one).`, { path: dbPath });
  }
  if (st.size === 0) return;
  const head = readHead(dbPath, 100);
  if (head.length >= 100 && head.subarray(0, 16).toString('latin1') === SQLITE_HEADER) {
    const applicationId = head.readUInt32BE(68);
    if (applicationId === APPLICATION_ID) return;
    if (applicationId !== 0 || belongsToAnotherProgram(dbPath)) {
      throw new AppError('FORBIDDEN', `${dbPath} is another program's SQLite database, not a ThemeLens one; nothing was changed. Give --db a ThemeLens database, or a new path to create one.`, { path: dbPath });
    }
    return;
  }
  // Not a plain SQLite header: an encrypted database of ours, a damaged one (it has backups), or a stranger.
  // Backups of it, or older ones in the shared folder that may be (the rule before each database had its own).
  if (looksEncrypted(dbPath) || listBackups(dbPath).length > 0 || unclaimedBackups(dbPath).backups.length > 0) return;
  throw new AppError('FORBIDDEN', `${dbPath} is not a SQLite database (it was never a ThemeLens one); nothing was changed. Give --db a ThemeLens database, or a new path to create one.`, { path: dbPath });
}
