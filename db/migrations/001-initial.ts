import type { Db } from '../connection';
import { TAG_WEIGHT_CAP_TRIGGERS } from './tag-weight-cap';
import { DEFAULT_THEMES } from '../../shared/domain/default-themes';

/** Portfolios, snapshots, positions, themes (with the default pack), tags, tag history, FX rates. */
export function migration001(db: Db): void {
  db.exec(`
    CREATE TABLE portfolios (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      base_currency TEXT NOT NULL CHECK (length(base_currency) = 3),
      client_name TEXT,
      notes TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE snapshots (
      id INTEGER PRIMARY KEY,
      portfolio_id INTEGER NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
      as_of TEXT NOT NULL,
      source_file TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      preset TEXT,
      row_count INTEGER NOT NULL,
      -- Currencies held, comma-separated: exposure needs them without scanning every position.
      currencies TEXT NOT NULL DEFAULT '',
      -- A snapshot's positions are inserted in one write transaction, so their ids are one
      -- contiguous range: reads scan that rowid range, and no secondary index has to be kept up
      -- during a million-row import.
      first_position_id INTEGER,
      last_position_id INTEGER,
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX snapshots_portfolio ON snapshots(portfolio_id, as_of);
    CREATE INDEX snapshots_hash ON snapshots(portfolio_id, file_sha256);

    CREATE TABLE positions (
      id INTEGER PRIMARY KEY,
      snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
      line INTEGER,
      account TEXT NOT NULL DEFAULT '',
      symbol TEXT,
      symbol_key TEXT NOT NULL,
      isin TEXT,
      cusip TEXT,
      description TEXT NOT NULL DEFAULT '',
      security_type TEXT,
      quantity TEXT,
      price TEXT,
      value_cents INTEGER NOT NULL,
      currency TEXT NOT NULL,
      is_cash INTEGER NOT NULL DEFAULT 0 CHECK (is_cash IN (0, 1))
    ) STRICT;

    -- Rows the user chose to leave out of an import, kept with the snapshot so they stay visible.
    CREATE TABLE import_issues (
      id INTEGER PRIMARY KEY,
      snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      column_number INTEGER,
      header TEXT,
      cell TEXT NOT NULL,
      message TEXT NOT NULL
    ) STRICT;
    CREATE INDEX import_issues_snapshot ON import_issues(snapshot_id);

    CREATE TABLE themes (
      id TEXT PRIMARY KEY,
      pack TEXT NOT NULL,
      name TEXT NOT NULL,
      color TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      sort_order INTEGER NOT NULL,
      is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1))
    ) STRICT;

    CREATE TABLE tags (
      symbol_key TEXT NOT NULL,
      theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
      weight_bp INTEGER NOT NULL CHECK (weight_bp BETWEEN 0 AND 10000),
      source TEXT NOT NULL DEFAULT 'manual'
        CHECK (source IN ('manual', 'rule', 'suggestion', 'look-through', 'imported')),
      rationale TEXT,
      source_url TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (symbol_key, theme_id)
    ) STRICT;
    CREATE INDEX tags_theme ON tags(theme_id);

    ${TAG_WEIGHT_CAP_TRIGGERS}

    -- Append-only history of tag changes, for audit and undo.
    CREATE TABLE tag_events (
      id INTEGER PRIMARY KEY,
      symbol_key TEXT NOT NULL,
      theme_id TEXT NOT NULL,
      old_weight_bp INTEGER,
      new_weight_bp INTEGER,
      source TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX tag_events_symbol ON tag_events(symbol_key, at);

    -- 1 currency = rate quote, as entered by the user.
    CREATE TABLE fx_rates (
      currency TEXT NOT NULL CHECK (length(currency) = 3),
      quote TEXT NOT NULL CHECK (length(quote) = 3),
      rate TEXT NOT NULL,
      as_of TEXT NOT NULL,
      PRIMARY KEY (currency, quote),
      CHECK (currency <> quote)
    ) STRICT;
  `);
  const insert = db.prepare(
    `INSERT INTO themes (id, pack, name, color, description, sort_order, is_default)
     VALUES (@id, @pack, @name, @color, @description, @sortOrder, 1)`,
  );
  for (const theme of DEFAULT_THEMES) insert.run(theme);
}
