import type { Db } from '../connection';

/**
 * Rows left out of an import keep the template their reason was said from and its figures
 * (shared/import/row-text.ts), so the app says them in the user's language whenever they are
 * listed again. `message` stays the English the command line printed; rows kept before this
 * have no template and are listed in that English.
 */
export function migration018(db: Db): void {
  db.exec(`
    ALTER TABLE import_issues ADD COLUMN text TEXT;
    -- The figures, a JSON object of strings (NULL with no template).
    ALTER TABLE import_issues ADD COLUMN params TEXT;
  `);
}
