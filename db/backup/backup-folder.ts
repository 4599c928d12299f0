import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupInfo } from '../../shared/api/contract';
import { FILE_TEXT, fileRefusal } from '../../shared/api/file-text';
import { DB_FILE_NAME } from '../paths';

/**
 * Whose backups are where. Every database used to keep its backups in one `backups` folder beside
 * it, so two databases in one folder listed, rotated and restored each other's. Now each database
 * has a folder of its own: the app's and the command line's database (`themelens.db`, at most one
 * per folder) keeps `backups/`, where its backups always were; any other database file keeps
 * `backups/<its file name>/`, inside the same private folder.
 */
export function backupDir(dbPath: string): string {
  const shared = sharedBackupsFolder(dbPath);
  return basename(dbPath) === DB_FILE_NAME ? shared : join(shared, basename(dbPath));
}

/** The `backups` folder beside a database: themelens.db's own, and the other databases' folders. */
function sharedBackupsFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** A backup's file name: its time and why it was taken. */
export const BACKUP_NAME = /^themelens-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.db$/;

/**
 * The backups in a backups folder, newest first. Only files: `backups/` also holds the other
 * databases' folders, whose names are theirs to choose.
 */
export function listBackupsIn(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => ({ file: e.name, m: BACKUP_NAME.exec(e.name) }))
    .filter((x): x is { file: string; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => {
      const iso = (m[1] as string).replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
      return { file, path: join(dir, file), bytes: statSync(join(dir, file)).size, createdAt: iso, reason: m[2] as string };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/**
 * Backups of unknown origin, for a database other than `themelens.db`: those in the shared
 * `backups/` folder, taken before each database had its own (of this database, of another one in
 * the same folder, or of that folder's themelens.db). They are never listed, rotated or restored as
 * this database's; the user who knows one is this database's moves it into its folder.
 */
export function unclaimedBackups(dbPath: string): { folder: string; backups: BackupInfo[] } {
  const shared = sharedBackupsFolder(dbPath);
  return { folder: shared, backups: backupDir(dbPath) === shared ? [] : listBackupsIn(shared) };
}

/** What to tell the user about unclaimedBackups (null: there are none): where, and how to claim one. */
export function unclaimedNote(dbPath: string): string | null {
  const { folder, backups } = unclaimedBackups(dbPath);
  if (backups.length === 0) return null;
  const name = basename(dbPath);
  const some = backups.length === 1 ? 'an older backup' : `${backups.length} older backups`;
  return `${folder} holds ${some} from before each database had a folder of its own, which may be of another database: never listed or restored as ${name}'s. If one is ${name}'s, move it into ${backupDir(dbPath)} to restore it.`;
}

/**
 * The other database whose folder (`backups/<its file name>/`) holds a backup named `file`, or null.
 * A backup there was taken of that database, so it is demonstrably not this one's. (The files directly
 * in `backups/` are themelens.db's, or of unknown origin to any other database: see unclaimedBackups.)
 */
export function otherOwnerOf(dbPath: string, file: string): string | null {
  const shared = sharedBackupsFolder(dbPath);
  if (!existsSync(shared) || !BACKUP_NAME.test(file)) return null;
  const own = resolve(backupDir(dbPath));
  const other = readdirSync(shared, { withFileTypes: true }).find(
    (e) => e.isDirectory() && resolve(shared, e.name) !== own && listBackupsIn(join(shared, e.name)).some((b) => b.file === file),
  );
  return other?.name ?? null;
}

/**
 * Refuses a backup file that is not in this database's backups folder: one in another database's
 * folder is that database's; one in the shared folder (for a database other than themelens.db) is
 * of unknown origin; one anywhere else was never taken of it here. Restoring any of them would
 * silently replace this database's portfolios with another's.
 */
export function refuseUnlessOwnBackup(dbPath: string, backupPath: string): void {
  const own = resolve(backupDir(dbPath));
  const dir = resolve(dirname(backupPath));
  if (dir === own) return;
  const file = basename(backupPath);
  const database = basename(dbPath);
  const shared = resolve(sharedBackupsFolder(dbPath));
  if (dir === shared) throw fileRefusal('FORBIDDEN', FILE_TEXT.backupOriginUnknown, { file, folder: shared, database, own });
  if (dirname(dir) === shared) throw fileRefusal('FORBIDDEN', FILE_TEXT.backupOfAnother, { file, owner: basename(dir), database });
  throw fileRefusal('FORBIDDEN', FILE_TEXT.backupNotInFolder, { file, own, database });
}

/** What a restore by name says when the name is not among this database's backups but is elsewhere beside it. */
export function refuseBackupNamedElsewhere(dbPath: string, file: string): void {
  const owner = otherOwnerOf(dbPath, file);
  if (owner) refuseUnlessOwnBackup(dbPath, join(sharedBackupsFolder(dbPath), owner, file));
  const unclaimed = unclaimedBackups(dbPath).backups.find((b) => b.file === file);
  if (unclaimed) refuseUnlessOwnBackup(dbPath, unclaimed.path);
}
