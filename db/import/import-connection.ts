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
 * tag edit made meanwhile on the main one. A larger page cache keeps a big import's transaction from
 * spilling pages to the WAL early.
 */
export function openImportConnection(c: ConnectionSettings): Db {
  const db = openDatabase(c.dbPath, { nativeBinding: c.nativeBinding, key: c.key, cipherNativeBinding: c.cipherNativeBinding });
  db.pragma('cache_size = -32768');
  return db;
}
