import Database from 'better-sqlite3';
import { LATEST_VERSION } from '../../db/migrations';

/**
 * What each migration from 18 on added, taken away again: a database made by this version turned
 * into one of an older schema, for the tests that migrate it forward. A new migration adds its undo
 * here, once, and every such test keeps working (asSchema refuses a gap).
 */
const UNDO: Readonly<Record<number, string>> = {
  18: 'ALTER TABLE import_issues DROP COLUMN text; ALTER TABLE import_issues DROP COLUMN params;',
  19: 'ALTER TABLE snapshots DROP COLUMN checks;',
  20: 'DROP TABLE written_files;',
  21: 'ALTER TABLE presets DROP COLUMN decimal;',
  // No table changed: the version alone says the checks may hold the kept kind.
  22: '',
};

/** The first migration UNDO knows; a test going further back undoes the ones before it itself (`earlier`). */
const FIRST_UNDONE = 18;

/**
 * Turns the (closed) database at `path` into one of schema `version`, as an older ThemeLens left it:
 * every migration after it undone, `earlier` SQL undoing those before FIRST_UNDONE.
 */
export function asSchema(path: string, version: number, earlier = ''): void {
  const raw = new Database(path);
  try {
    for (let v = LATEST_VERSION; v > Math.max(version, FIRST_UNDONE - 1); v--) {
      const undo = UNDO[v];
      if (undo === undefined) throw new Error(`asSchema: no undo for migration ${v} (test/helpers/older-schema.ts)`);
      raw.exec(undo);
    }
    if (version < FIRST_UNDONE - 1 && !earlier) throw new Error(`asSchema: undo migrations ${version + 1} to ${FIRST_UNDONE - 1} in \`earlier\``);
    if (earlier) raw.exec(earlier);
    raw.pragma(`user_version = ${version}`);
  } finally {
    raw.close();
  }
}
