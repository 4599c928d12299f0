import { existsSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { listBackups } from '../backup/backups';
import { openDatabase, type Db, type OpenOptions } from '../connection';

/** Whether SQLite itself finds the file sound (quick_check), without throwing. */
function quickCheck(db: Db): boolean {
  try {
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  }
}

/**
 * Opens the database and checks it; a damaged file (truncated, overwritten, zeroed header, not a
 * database at all) is moved aside as corrupt-<time>.db beside it, never deleted or replaced, and the
 * error names the newest verified backup to restore. The next start finds a fresh, empty database.
 */
export function openChecked(dbPath: string, options: OpenOptions, now = new Date()): Db {
  const existed = dbPath !== ':memory:' && existsSync(dbPath) && statSync(dbPath).size > 0;
  let db: Db | null = null;
  try {
    db = openDatabase(dbPath, options);
    if (!existed || quickCheck(db)) return db;
  } catch (err) {
    if (err instanceof AppError && err.code !== 'IO') throw err; // e.g. a newer schema: refused as it is
    if (!existed) throw err;
  }
  db?.close();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = join(dirname(dbPath), `corrupt-${stamp}.db`);
  renameSync(dbPath, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix);
  const newest = listBackups(dbPath)[0];
  throw new AppError(
    'CORRUPT',
    `The database ${basename(dbPath)} is damaged; it was moved aside as ${basename(aside)} (nothing was deleted). ` +
      (newest ? `Restore the newest verified backup, ${newest.file} (themelens backup restore ${newest.file}), or start afresh.` : 'There is no backup to restore; ThemeLens starts with an empty database.'),
    { movedTo: aside, newestBackup: newest?.file ?? null },
  );
}
