import type { Db } from '../connection';

/**
 * A client's (household's) target mix, as migration 10's per portfolio. A client is the name its
 * portfolios share, so its targets are keyed by that name as names are matched (trimmed, NFC,
 * lower case: shared/domain/portfolio-name.ts).
 */
export function migration011(db: Db): void {
  db.exec(`
    CREATE TABLE client_targets (
      client_key TEXT NOT NULL,
      theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
      share_bp INTEGER NOT NULL CHECK (share_bp BETWEEN 0 AND 10000),
      band_bp INTEGER NOT NULL CHECK (band_bp BETWEEN 0 AND 10000),
      PRIMARY KEY (client_key, theme_id)
    ) STRICT;
  `);
}
