import { AppError } from '../../shared/api/errors';
import type { Db } from '../connection';

/** The oldest SQLite ThemeLens runs on: STRICT tables arrived in 3.37.0. */
export const MIN_SQLITE_VERSION = '3.37.0';

/** Whether a SQLite version string ("3.45.1") is at least MIN_SQLITE_VERSION. */
export function sqliteVersionSupported(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 37);
}

/** Refuses a SQLite library too old for the schema, with a message naming both versions. */
export function checkSqliteVersion(version: string): void {
  if (!sqliteVersionSupported(version)) {
    throw new AppError('IO', `ThemeLens needs SQLite ${MIN_SQLITE_VERSION} or newer (for STRICT tables); this build has ${version}. Reinstall ThemeLens.`);
  }
}

/** The settings a connection's commits depend on, as SQLite reports them. */
export function durability(db: Db): { synchronous: number; journalMode: string } {
  return {
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    journalMode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
  };
}

/**
 * Refuses to write through a connection that could lose a commit: synchronous must be FULL (2),
 * since better-sqlite3 builds WAL with NORMAL, and the journal WAL. An in-memory database (tests)
 * has nothing to lose. Called before every import, whichever thread opened the connection.
 */
export function assertDurable(db: Db): void {
  if (db.memory) return;
  const d = durability(db);
  if (d.synchronous !== 2 || d.journalMode !== 'wal') {
    throw new AppError('INTERNAL', `The database connection is not durable (synchronous=${d.synchronous}, journal_mode=${d.journalMode}); nothing was written. Restart ThemeLens.`);
  }
}
