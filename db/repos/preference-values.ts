import type { Db } from '../connection';

/** One value of the `preferences` key-value table (JSON where it is structured), or null when unset. */
export function getPreference(db: Db, key: string): string | null {
  return (db.prepare('SELECT value FROM preferences WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setPreference(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deletePreference(db: Db, key: string): void {
  db.prepare('DELETE FROM preferences WHERE key = ?').run(key);
}
