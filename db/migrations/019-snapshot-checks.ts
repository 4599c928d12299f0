import type { Db } from '../connection';

/**
 * A snapshot keeps the checks its import asked for that stay true of its figures: values whose sign
 * is not quantity x price's, values the file left empty and taken as quantity x price
 * (shared/import/checks.ts). The import said them once; the exposure says them whenever the
 * snapshot is shown or reported (SIGN_DIFFERS, VALUE_COMPUTED). The file's own total has its columns
 * since migration 7.
 */
export function migration019(db: Db): void {
  db.exec(`
    -- A JSON array of those checks, each with its count and its first row's figures; NULL for none,
    -- and for snapshots imported before they were kept.
    ALTER TABLE snapshots ADD COLUMN checks TEXT;
  `);
}
