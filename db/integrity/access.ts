import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ERROR_TEXT } from '../../shared/api/error-text';
import { AppError } from '../../shared/api/errors';
import { said, type Said } from '../../shared/text/fill';

/** How the database can be opened: normally, or read-only with a message for the banner. */
export type DatabaseAccess = { readOnly: false } | { readOnly: true; message: string; said: Said };

/**
 * Whether this process may write a file or folder. access() alone is not enough: root passes it
 * for anything, yet a file whose owner write bit is cleared was made read-only on purpose.
 */
export function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return false;
  }
  return (statSync(path).mode & 0o200) !== 0;
}

/**
 * Decides how to open the database before anything is written. A read-only file opens read-only
 * (the UI shows a banner); a read-only folder is refused, naming it, because SQLite keeps its WAL
 * and shared-memory files beside the database and cannot reliably read a WAL database without them.
 */
export function databaseAccess(dbPath: string): DatabaseAccess {
  if (dbPath === ':memory:') return { readOnly: false };
  const dir = dirname(dbPath);
  if (existsSync(dir) && !writable(dir)) {
    throw new AppError(
      'IO',
      `The folder ${dir} is read-only, so ThemeLens cannot open ${basename(dbPath)} there (SQLite keeps its journal beside the database). Make the folder writable, or copy the database to a writable folder and open it from there.`,
      { path: dir },
    );
  }
  if (existsSync(dbPath) && !writable(dbPath)) {
    // Its template kept beside the English, so the window says it in its own language.
    const words = said(ERROR_TEXT.readOnlyFile, { path: dbPath });
    return { readOnly: true, message: words.message, said: words };
  }
  return { readOnly: false };
}
