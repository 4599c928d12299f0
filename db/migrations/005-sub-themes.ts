import type { Db } from '../connection';

/** Sub-themes, one level deep: a theme may name a parent, whose exposure includes its own. */
export function migration005(db: Db): void {
  db.exec(`ALTER TABLE themes ADD COLUMN parent_id TEXT REFERENCES themes(id) ON DELETE CASCADE;`);
}
