import type { Db } from '../connection';
import { fxRatesAsOf } from '../repos/fx';
import { currencyFactors, type CurrencyFactor } from './rates';
import { indexed, join, params, sql, type Sql } from '../sql';

/**
 * What a SQL read of one snapshot's positions needs: their rowid range, the currency factors of the
 * snapshot's date, and the SQL that values a position in the base currency (the comparison, the
 * positions list and the largest contributors' few rows read positions; every total is read from
 * the position groups, group-summary.ts, with the same arithmetic).
 *
 * Exactness: a position's contribution to a theme is |base value| x weight / 10000 rounded half
 * away from zero, signed like the position (shared/exposure/contribution.ts).
 */

/** The positions of a snapshot: its rowid range (see migration 1), checked against snapshot_id too. */
export const IN_SNAPSHOT = sql`p.id BETWEEN @first AND @last AND p.snapshot_id = @sid`;

export function positionRange(db: Db, snapshotId: number): { first: number; last: number; currencies: string } {
  const r = snapshotRow(db, snapshotId);
  return { first: r?.first ?? 0, last: r?.last ?? -1, currencies: r?.currencies ?? '' };
}

/** What a scan needs to know of a snapshot, all written at import: one read of its row. */
interface SnapshotRow {
  first: number | null;
  last: number | null;
  currencies: string;
  asOf: string;
  baseCurrency: string | null;
  baseColumn: string | null;
  baseSome: string;
  baseAll: string;
}

function snapshotRow(db: Db, snapshotId: number): SnapshotRow | undefined {
  return db
    .prepare(
      `SELECT first_position_id AS first, last_position_id AS last, currencies, as_of AS asOf, base_value_currency AS baseCurrency,
              base_value_column AS baseColumn, base_valued_some AS baseSome, base_valued_all AS baseAll
       FROM snapshots WHERE id = ?`,
    )
    .get(snapshotId) as SnapshotRow | undefined;
}

const list = (csv: string) => (csv ? csv.split(',') : []);

/**
 * Whether a snapshot holds an instrument anywhere: one search of its position groups' index per
 * question (reading its positions until one matched took 80 ms per key not held at a million).
 */
export function holdsSymbol(db: Db, snapshotId: number): (symbolKey: string) => boolean {
  const stmt = db.prepare('SELECT 1 FROM position_groups WHERE snapshot_id = ? AND symbol_key = ? LIMIT 1').pluck();
  return (key) => stmt.get(snapshotId, key) !== undefined;
}

/**
 * |base value| of a position in integer cents, as SQL: a CASE over the snapshot's few currencies
 * with each factor bound as a parameter (no join per row), rounding half away from zero like
 * convertCents(). A currency without a rate gives NULL, which SUM skips. `broker`: the snapshot's
 * positions carry the broker's own value in this base currency, which comes first where present.
 */
export function absBaseSql(factors: readonly CurrencyFactor[], broker = false): { sql: Sql; params: Record<string, string | bigint> } {
  // BigInt binds as INTEGER (a JS number binds as REAL), so the division below is integer division.
  const params: Record<string, string | bigint> = {};
  const branches = factors.map((f, i) => {
    params[`c${i}`] = f.currency;
    if (f.num === f.den) return sql`WHEN ${indexed('@c', i)} THEN abs(p.value_cents)`;
    params[`n${i}`] = BigInt(f.num);
    params[`d${i}`] = BigInt(f.den);
    params[`h${i}`] = BigInt(Math.floor(f.den / 2));
    // Amounts are kept within 2^53 cents, so |value| x num stays within SQLite's 2^63 while num is
    // below 2^10. A larger num (a cross rate, up to 2^53 with den <= 3,037,000,499: rates.ts; a yen rate) could
    // pass it, and SQLite would go on in floating point and give a fraction of a cent. Split so no product passes it:
    // floor((a n + h) / d) = (a div d) n + r (n div d) + floor((r (n mod d) + h) / d), r = a mod d.
    if (f.num < 1024) return sql`WHEN ${indexed('@c', i)} THEN (abs(p.value_cents) * ${indexed('@n', i)} + ${indexed('@h', i)}) / ${indexed('@d', i)}`;
    params[`nq${i}`] = BigInt(Math.floor(f.num / f.den));
    params[`nm${i}`] = BigInt(f.num % f.den);
    const [n, d, h, nq, nm] = [indexed('@n', i), indexed('@d', i), indexed('@h', i), indexed('@nq', i), indexed('@nm', i)];
    return sql`WHEN ${indexed('@c', i)} THEN (abs(p.value_cents) / ${d}) * ${n} + (abs(p.value_cents) % ${d}) * ${nq} + ((abs(p.value_cents) % ${d}) * ${nm} + ${h}) / ${d}`;
  });
  const converted = branches.length ? sql`(CASE p.currency ${join(branches, sql` `)} END)` : sql`NULL`;
  return { sql: broker ? sql`coalesce(abs(p.base_value_cents), ${converted})` : converted, params };
}

/** What every scan of one snapshot needs: its range, currency factors and the SQL for values. */
export interface SnapshotBasis {
  snapshotId: number;
  params: Record<string, string | number | bigint>;
  factors: CurrencyFactor[];
  missing: string[];
  currencies: string[];
  /** |base value| in cents (NULL without a rate). */
  abs: Sql;
  /** Signed base value in cents (NULL without a rate). */
  signed: Sql;
  /** Every currency held converts at exactly 1 (the common case): the value is value_cents itself. */
  plain: boolean;
  /** The broker gave values in this base currency: positions are valued at them (base_value_cents). */
  broker: BrokerValues | null;
}

/** Values the broker gave in the portfolio's base currency, and the currencies they value. */
export interface BrokerValues {
  /** The file's column, e.g. "Value in EUR". */
  column: string;
  /** Non-base currencies with at least one position the broker valued. */
  currencies: string[];
}

export function snapshotBasis(db: Db, baseCurrency: string, snapshotId: number): SnapshotBasis {
  const row = snapshotRow(db, snapshotId);
  const range = { first: row?.first ?? 0, last: row?.last ?? -1 };
  const currencies = list(row?.currencies ?? '');
  // Valued at the rates of the snapshot's own date (dated FX), not the latest ones entered.
  const { factors, missing: unrated } = currencyFactors(fxRatesAsOf(db, row?.asOf ?? ''), currencies, baseCurrency);
  // The broker's values count where the file gave them in exactly this base currency.
  const broker = row && row.baseColumn && row.baseCurrency === baseCurrency ? { column: row.baseColumn, currencies: list(row.baseSome).filter((c) => c !== baseCurrency) } : null;
  // A currency without a rate is not missing where the broker valued every position held in it.
  const missing = broker ? unrated.filter((c) => !list(row!.baseAll).includes(c)) : unrated;
  const base = absBaseSql(factors, broker !== null);
  const plain = broker === null && missing.length === 0 && factors.every((f) => f.num === f.den);
  return {
    snapshotId,
    params: params({ sid: snapshotId, first: range.first, last: range.last }, base.params),
    factors,
    missing,
    currencies,
    abs: plain ? sql`abs(p.value_cents)` : base.sql,
    signed: plain ? sql`p.value_cents` : sql`(sign(p.value_cents) * ${base.sql})`,
    plain,
    broker,
  };
}
