import type { Db } from '../connection';

/**
 * The files ThemeLens wrote (reports, a client's reports, tag exports): where, and the SHA-256 of
 * what it wrote. The command line replaces an existing file only if it is one of these and still
 * holds exactly what was written (db/report/write-output.ts): it never changes a file it was not
 * made for, such as a holdings file or notes that happen to sit at the path given to --out.
 */
export function migration020(db: Db): void {
  db.exec(`
    CREATE TABLE written_files (
      -- The absolute path, as resolved when written.
      path TEXT PRIMARY KEY,
      sha256 TEXT NOT NULL,
      written_at TEXT NOT NULL
    ) STRICT;
  `);
}
