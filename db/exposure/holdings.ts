import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type { HoldingRow, HoldingsList } from '../../shared/exposure/holdings';
import type { Db } from '../connection';
import { IN_SNAPSHOT, snapshotBasis } from './scan';

/**
 * Every position of a snapshot for the holdings table, largest first, as compact tuples (a
 * 100,000-row snapshot crosses to the window as ~10 MB, once: snapshots never change). Tags are
 * not included: they change with every edit and the table reads them from listTags.
 */
export function listHoldings(db: Db, portfolio: Portfolio, snapshot: Snapshot, limit: number): HoldingsList {
  const basis = snapshotBasis(db, portfolio.baseCurrency, snapshot.id);
  const rows = db
    .prepare(
      `SELECT p.account, coalesce(p.symbol, p.symbol_key), p.symbol_key, p.description, p.quantity,
              ${basis.signed} AS base_cents, p.value_cents, p.currency, p.is_cash
       FROM positions p
       WHERE ${IN_SNAPSHOT}
       ORDER BY p.is_cash, abs(coalesce(base_cents, 0)) DESC, p.account, p.symbol_key
       LIMIT @limit`,
    )
    .raw()
    .all({ ...basis.params, limit }) as [string, string, string, string, string | null, number | null, number, string, number][];
  const holdings: HoldingRow[] = rows.map(([account, symbol, symbolKey, description, quantity, baseCents, valueCents, currency, isCash]) => [
    account,
    symbol,
    symbolKey,
    description,
    quantity === null ? null : Number(quantity),
    baseCents === null ? null : baseCents / 100,
    valueCents / 100,
    currency,
    isCash === 1,
  ]);
  return { snapshotId: snapshot.id, baseCurrency: portfolio.baseCurrency, total: snapshot.rowCount, rows: holdings };
}
