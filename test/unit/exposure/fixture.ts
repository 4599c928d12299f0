import { openDatabase, type Db } from '../../../db/connection';
import { recordPositionGroups } from '../../../db/exposure/position-groups';
import { accountBreakdown, currencyBreakdown, themeBreakdown, themeOverlap } from '../../../db/exposure/breakdowns';
import { portfoliosOverview, themeHistory } from '../../../db/exposure/history';
import { compareSnapshots } from '../../../db/exposure/compare';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { migrate } from '../../../db/migrations';
import { applyTagChanges } from '../../../db/repos/tags';

export interface PositionSpec {
  account?: string;
  symbol: string;
  quantity?: string | null;
  valueCents: number;
  currency?: string;
  isCash?: boolean;
  /** The broker's value in the base currency (a file with such a column). */
  baseValueCents?: number | null;
}

/** A migrated in-memory database with one portfolio (id 1, base USD). */
export function makeDb(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  db.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (1, 'Smith family', 'USD', '2026-01-01T00:00:00Z')").run();
  return db;
}

/** Adds a snapshot the way an import does: its positions in one contiguous rowid range, and their groups. */
export function addSnapshot(db: Db, asOf: string, importedAt: string, positions: PositionSpec[], portfolioId = 1): number {
  const sid = Number(
    db.prepare("INSERT INTO snapshots (portfolio_id, as_of, source_file, file_sha256, row_count, imported_at) VALUES (?, ?, 'f.csv', ?, ?, ?)").run(portfolioId, asOf, `h${asOf}${importedAt}`, positions.length, importedAt).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO positions (snapshot_id, account, symbol, symbol_key, description, quantity, value_cents, currency, is_cash, base_value_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let first = 0;
  let last = 0;
  positions.forEach((p, i) => {
    last = Number(insert.run(sid, p.account ?? 'X1', p.symbol, p.symbol, `${p.symbol} INC`, p.quantity ?? null, p.valueCents, p.currency ?? 'USD', p.isCash ? 1 : 0, p.baseValueCents ?? null).lastInsertRowid);
    if (i === 0) first = last;
  });
  const currencies = [...new Set(positions.map((p) => p.currency ?? 'USD'))].sort().join(',');
  db.prepare('UPDATE snapshots SET first_position_id = ?, last_position_id = ?, currencies = ? WHERE id = ?').run(first, last, currencies, sid);
  // And its position groups, as every way of making a snapshot writes them (db/exposure/position-groups.ts).
  recordPositionGroups(db, sid);
  return sid;
}

export function tag(db: Db, symbol: string, themeId: string, weightBp: number | null, at: string): void {
  applyTagChanges(db, [{ symbolKey: symbol, themeId, weightBp }], at);
}

/** Every analytics view of a snapshot of portfolio 1, as the app asks for them. */
export function everyView(db: Db, sid: number) {
  const portfolio = getPortfolio(db, 1);
  const snapshot = getSnapshot(db, sid);
  const previous = db.prepare('SELECT id FROM snapshots WHERE portfolio_id = 1 AND id < ? ORDER BY id DESC LIMIT 1').pluck().get(sid) as number | undefined;
  return {
    themes: themeBreakdown(db, portfolio, snapshot, 3),
    accounts: accountBreakdown(db, portfolio, snapshot),
    currencies: currencyBreakdown(db, portfolio, snapshot),
    overlap: themeOverlap(db, portfolio, snapshot),
    history: themeHistory(db, portfolio),
    overview: portfoliosOverview(db),
    // Against the snapshot before it, where there is one.
    compare: previous === undefined ? null : compareSnapshots(db, portfolio, getSnapshot(db, previous), snapshot),
  };
}
