import type { Db } from '../connection';

/**
 * Target mix: per portfolio, a theme's target share of the portfolio and the band around it within
 * which the portfolio is on target, both in basis points (2500 = 25%, 500 = 5 percentage points).
 */
export function migration010(db: Db): void {
  db.exec(`
    CREATE TABLE theme_targets (
      portfolio_id INTEGER NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
      theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
      share_bp INTEGER NOT NULL CHECK (share_bp BETWEEN 0 AND 10000),
      band_bp INTEGER NOT NULL CHECK (band_bp BETWEEN 0 AND 10000),
      PRIMARY KEY (portfolio_id, theme_id)
    ) STRICT;
  `);
}
