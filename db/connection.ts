import Database from 'better-sqlite3';
import { AppError, fromSqliteError } from '../shared/api/errors';
import { checkSqliteVersion } from './integrity/durability';
import { ensurePrivateFile } from './paths';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another runtime (Electron). */
  nativeBinding?: string | undefined;
  readonly?: boolean | undefined;
  /** Refuse, before writing anything, a file whose schema is newer than this. */
  refuseNewerThan?: number | undefined;
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
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (err) {
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
      throw new AppError(
        'DB_FROM_FUTURE',
        `This database was written by a newer version of ThemeLens (schema ${version}; this version knows ${options.refuseNewerThan}). Update ThemeLens to open it.`,
      );
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
