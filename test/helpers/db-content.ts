import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** Every row of every table, as JSON: "the database's content" for before/after comparisons. */
export function dumpContent(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) out[t] = db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}" ORDER BY rowid`).all();
    return JSON.stringify({ version: db.pragma('user_version', { simple: true }), out });
  } finally {
    db.close();
  }
}

/** A SHA-256 of every row of every table, streamed: dumpContent's comparison for large databases. */
export function contentDigest(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const hash = createHash('sha256');
    hash.update(String(db.pragma('user_version', { simple: true })));
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const t of tables) {
      hash.update(`\n#${t}\n`);
      for (const row of db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
