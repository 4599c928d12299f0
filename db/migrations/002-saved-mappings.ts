import type { Db } from '../connection';

/** Column mappings a user chose, keyed by the header row's fingerprint, applied to the next file like it. */
export function migration002(db: Db): void {
  db.exec(`
    CREATE TABLE presets (
      fingerprint TEXT PRIMARY KEY,
      headers TEXT NOT NULL,
      mapping TEXT NOT NULL,
      encoding TEXT,
      delimiter TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `);
}
