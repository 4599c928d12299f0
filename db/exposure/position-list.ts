import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type { PositionRow, PositionList } from '../../shared/exposure/position-list';
import type { Db } from '../connection';
import { IN_SNAPSHOT, snapshotBasis } from './scan';
import { params, sql } from '../sql';

/**
 * A page of a snapshot's positions for the positions table, largest first, as compact tuples: the
 * window asks for a first small page to draw at once, then for the rest in large pages (a
 * 100,000-row snapshot never crosses in one message). The order is total (the row id breaks
 * ties), so pages never overlap or skip. Tags are not included: they change with every edit and
 * the table reads them from listTags.
 */
export function listPositions(db: Db, portfolio: Portfolio, snapshot: Snapshot, offset: number, limit: number): PositionList {
  const basis = snapshotBasis(db, portfolio.baseCurrency, snapshot.id);
  const rows = db
    .prepare(
      sql`SELECT p.account, coalesce(p.symbol, p.symbol_key), p.symbol_key, p.description, p.quantity,
              ${basis.signed} AS base_cents, p.value_cents, p.currency, p.is_cash
       FROM positions p
       WHERE ${IN_SNAPSHOT}
       ORDER BY p.is_cash, abs(coalesce(base_cents, 0)) DESC, p.account, p.symbol_key, p.id
       LIMIT @limit OFFSET @offset`.text,
    )
    .raw()
    .all(params(basis.params, { limit, offset })) as [string, string, string, string, string | null, number | null, number, string, number][];
  const list: PositionRow[] = rows.map(([account, symbol, symbolKey, description, quantity, baseCents, valueCents, currency, isCash]) => [
    account,
    symbol,
    symbolKey,
    description,
    quantity,
    baseCents === null ? null : baseCents / 100,
    valueCents / 100,
    currency,
    isCash === 1,
  ]);
  const valuesStamp = [portfolio.baseCurrency, ...basis.factors.map((f) => `${f.currency}=${f.num}/${f.den}`), ...basis.missing.map((c) => `${c}=none`), basis.broker ? 'broker' : ''].join('|');
  return { snapshotId: snapshot.id, baseCurrency: portfolio.baseCurrency, total: snapshot.rowCount, offset, valuesStamp, rows: list };
}
