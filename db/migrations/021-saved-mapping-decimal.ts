import type { Db } from '../connection';

/**
 * A saved column mapping keeps the decimal separator chosen with it ('.' or ','), applied to the
 * next file with the same header row as its encoding and delimiter are; NULL (every mapping saved
 * before) leaves it to the figures, as before.
 */
export function migration021(db: Db): void {
  db.exec(`ALTER TABLE presets ADD COLUMN decimal TEXT CHECK (decimal IN ('.', ','))`);
}
