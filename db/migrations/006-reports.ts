import type { Db } from '../connection';

/**
 * Report records (the inputs each exported report was made from, so it can be made again after
 * tags or rates change) and preferences (adviser, firm, logo, disclaimer: set once, used by every report).
 */
export function migration006(db: Db): void {
  db.exec(`
    CREATE TABLE reports (
      id INTEGER PRIMARY KEY,
      portfolio_id INTEGER NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
      snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
      -- The holdings file's hash, kept here too: the record names its input even if read alone.
      file_sha256 TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('json', 'csv', 'html', 'xlsx', 'pdf')),
      paper TEXT NOT NULL CHECK (paper IN ('a4', 'letter')),
      fingerprint TEXT NOT NULL,
      -- JSON: tags, FX rates, themes, preferences and sections as of generation (db/report/inputs.ts).
      inputs TEXT NOT NULL,
      -- SHA-256 of the report's content (its model as JSON), the same for every format.
      content_sha256 TEXT NOT NULL,
      path TEXT,
      generated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX reports_portfolio ON reports(portfolio_id, generated_at);

    CREATE TABLE preferences (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
