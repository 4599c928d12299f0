import { openDatabase, type Db } from '../connection';

/** How to open another connection to the database (an import writes through its own). */
export interface ConnectionSettings {
  dbPath: string;
  nativeBinding?: string | undefined;
  key?: string | undefined;
  cipherNativeBinding?: string | undefined;
}

/**
 * An import's own connection, here or on the import thread: its long transaction never swallows a
 * tag edit made meanwhile on the main one. Its page cache is small (2 MB, not better-sqlite3's 16):
 * an import appends rows at the end of its tables, so a larger cache only holds pages already
 * written. Measured on `themelens import` of a million rows: 32 MB and 2 MB took the same time (2.85-2.98
 * s and 2.82-2.89 s; a second million into the same file 3.66-3.74 s and 3.53-3.69 s), and peak
 * memory fell from 237-244 MB to 204-216 MB.
 */
export function openImportConnection(c: ConnectionSettings): Db {
  const db = openDatabase(c.dbPath, { nativeBinding: c.nativeBinding, key: c.key, cipherNativeBinding: c.cipherNativeBinding });
  db.pragma('cache_size = -2048');
  return db;
}
