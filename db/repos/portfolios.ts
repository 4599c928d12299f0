import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { portfolioNamed } from '../../shared/domain/portfolio-name';
import { AppError } from '../../shared/api/errors';
import type { Portfolio, PortfolioSummary } from '../../shared/domain/types';
import type { Db } from '../connection';

interface PortfolioRow {
  id: number;
  name: string;
  base_currency: string;
  client_name: string | null;
  notes: string | null;
  created_at: string;
}

const toPortfolio = (r: PortfolioRow): Portfolio => ({
  id: r.id,
  name: r.name,
  baseCurrency: r.base_currency,
  clientName: r.client_name,
  notes: r.notes,
  createdAt: r.created_at,
});

/** Every portfolio with its snapshot count and latest snapshot. */
export function listPortfolios(db: Db): PortfolioSummary[] {
  const rows = db
    .prepare(
      `SELECT p.*,
              (SELECT count(*) FROM snapshots s WHERE s.portfolio_id = p.id) AS snapshot_count,
              (SELECT s.id FROM snapshots s WHERE s.portfolio_id = p.id ORDER BY s.as_of DESC, s.id DESC LIMIT 1) AS latest_id,
              (SELECT s.as_of FROM snapshots s WHERE s.portfolio_id = p.id ORDER BY s.as_of DESC, s.id DESC LIMIT 1) AS latest_as_of
       FROM portfolios p ORDER BY p.name COLLATE NOCASE`,
    )
    .all() as (PortfolioRow & { snapshot_count: number; latest_id: number | null; latest_as_of: string | null })[];
  return rows.map((r) => ({
    ...toPortfolio(r),
    snapshotCount: r.snapshot_count,
    latestSnapshotId: r.latest_id,
    latestAsOf: r.latest_as_of,
  }));
}

export function getPortfolio(db: Db, id: number): Portfolio {
  const row = db.prepare('SELECT * FROM portfolios WHERE id = ?').get(id) as PortfolioRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no portfolio with id ${id}.`);
  return toPortfolio(row);
}

export function findPortfolioByName(db: Db, name: string): Portfolio | null {
  // The shared rule, not SQLite's NOCASE (which folds ASCII only): a handful of rows, compared in full.
  const row = portfolioNamed(db.prepare('SELECT * FROM portfolios').all() as PortfolioRow[], name);
  return row ? toPortfolio(row) : null;
}

export function createPortfolio(
  db: Db,
  input: { name: string; baseCurrency: string; clientName?: string | null | undefined },
  now: string,
): Portfolio {
  const name = input.name.trim();
  if (findPortfolioByName(db, name)) {
    throw saidError('CONFLICT', ERROR_TEXT.portfolioExistsImport, { name });
  }
  const info = db
    .prepare('INSERT INTO portfolios (name, base_currency, client_name, created_at) VALUES (?, ?, ?, ?)')
    .run(name, input.baseCurrency, input.clientName ?? null, now);
  return getPortfolio(db, Number(info.lastInsertRowid));
}
