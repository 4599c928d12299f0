import type { Db } from '../connection';

/** Tagging rules (applied on import and on demand) and the user's answers to suggestions. */
export function migration003(db: Db): void {
  db.exec(`
    CREATE TABLE rules (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('symbols', 'description', 'security-type', 'isin-prefix', 'account')),
      pattern TEXT NOT NULL,
      theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
      weight_bp INTEGER NOT NULL CHECK (weight_bp BETWEEN 0 AND 10000),
      priority INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE suggestion_decisions (
      symbol_key TEXT NOT NULL,
      theme_id TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
      decided_at TEXT NOT NULL,
      PRIMARY KEY (symbol_key, theme_id)
    ) STRICT;
  `);
}
