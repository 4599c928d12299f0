import type { Db } from '../connection';

/** ETF look-through: a fund's constituents and weights, from its issuer's holdings file. */
export function migration004(db: Db): void {
  db.exec(`
    CREATE TABLE funds (
      fund_key TEXT PRIMARY KEY,
      as_of TEXT,
      source_file TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE fund_holdings (
      fund_key TEXT NOT NULL REFERENCES funds(fund_key) ON DELETE CASCADE,
      constituent_key TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      weight_ppm INTEGER NOT NULL CHECK (weight_ppm BETWEEN -1000000 AND 1000000),
      PRIMARY KEY (fund_key, constituent_key)
    ) STRICT;
  `);
}
