import type { Db } from '../connection';
import { fxRatesAsOf } from '../repos/fx';
import { currencyFactors, type CurrencyFactor } from './rates';
import { addRows, scanInParts } from './scan-thread';
import type { WeightLayout } from './weight-tables';

/**
 * The one-pass exposure scan. A snapshot's positions are read once, in their rowid range, each
 * joined to ONE row of a small temp table that holds its symbol's weight in every theme as columns
 * (`w0`, `w1`...: NULL where not tagged) and a flag per top-level theme (`r0`, `r1`...). Every
 * figure is an aggregate with a FILTER, so a position only pays for the themes it is tagged with.
 *
 * Exactness: a position's contribution to a theme is |base value| x weight / 10000 rounded half
 * away from zero, signed like the position (shared/exposure/contribution.ts).
 * The rounding is per position, so nothing is summed before it is rounded; longs and shorts are
 * summed apart (long = sum over value > 0, short = minus the sum over value < 0), which is the same
 * total as summing the signed contributions.
 */

/** The positions of a snapshot: its rowid range (see migration 1), checked against snapshot_id too. */
export const IN_SNAPSHOT = 'p.id BETWEEN @first AND @last AND p.snapshot_id = @sid';

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

/** Whether a snapshot holds an instrument anywhere (one indexed probe of its rowid range per question). */
export function holdsSymbol(db: Db, snapshotId: number): (symbolKey: string) => boolean {
  const range = positionRange(db, snapshotId);
  const stmt = db.prepare(`SELECT 1 FROM positions p WHERE ${IN_SNAPSHOT} AND p.symbol_key = @key LIMIT 1`).pluck();
  return (key) => stmt.get({ sid: snapshotId, first: range.first, last: range.last, key }) !== undefined;
}

/**
 * |base value| of a position in integer cents, as SQL: a CASE over the snapshot's few currencies
 * with each factor bound as a parameter (no join per row), rounding half away from zero like
 * convertCents(). A currency without a rate gives NULL, which SUM skips. `broker`: the snapshot's
 * positions carry the broker's own value in this base currency, which comes first where present.
 */
export function absBaseSql(factors: readonly CurrencyFactor[], broker = false): { sql: string; params: Record<string, string | bigint> } {
  // BigInt binds as INTEGER (a JS number binds as REAL), so the division below is integer division.
  const params: Record<string, string | bigint> = {};
  const branches = factors.map((f, i) => {
    params[`c${i}`] = f.currency;
    if (f.num === f.den) return `WHEN @c${i} THEN abs(p.value_cents)`;
    params[`n${i}`] = BigInt(f.num);
    params[`d${i}`] = BigInt(f.den);
    params[`h${i}`] = BigInt(Math.floor(f.den / 2));
    return `WHEN @c${i} THEN (abs(p.value_cents) * @n${i} + @h${i}) / @d${i}`;
  });
  const converted = branches.length ? `(CASE p.currency ${branches.join(' ')} END)` : 'NULL';
  return { sql: broker ? `coalesce(abs(p.base_value_cents), ${converted})` : converted, params };
}

/** What every scan of one snapshot needs: its range, currency factors and the SQL for values. */
export interface SnapshotBasis {
  snapshotId: number;
  params: Record<string, string | number | bigint>;
  factors: CurrencyFactor[];
  missing: string[];
  currencies: string[];
  /** |base value| in cents (NULL without a rate). */
  abs: string;
  /** Signed base value in cents (NULL without a rate). */
  signed: string;
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
    params: { sid: snapshotId, first: range.first, last: range.last, ...base.params },
    factors,
    missing,
    currencies,
    abs: plain ? 'abs(p.value_cents)' : base.sql,
    signed: plain ? 'p.value_cents' : `(sign(p.value_cents) * ${base.sql})`,
    plain,
    broker,
  };
}

/**
 * Positions per theme are counted with packed sums: each symbol's row carries, for every three
 * themes, one integer with a 1 in the 21-bit field of each theme it is tagged with, so one SUM per
 * three themes counts them all. A field's sum is at most the number of positions in the snapshot,
 * so fields never carry into each other while that number stays under 2^21 (2,097,152); a larger
 * snapshot is counted with one filtered COUNT per theme instead.
 */
export const FIELD_BITS = 21;
export const PER_PACK = 3;
export const PACK_LIMIT = 2 ** FIELD_BITS;
export const packs = (n: number) => Math.ceil(n / PER_PACK);

/** The FROM clause of a scan: the snapshot's positions, each with its symbol's weight row (or NULLs). */
export function scanFrom(layout: WeightLayout): string {
  return `positions p LEFT JOIN ${layout.table} w ON w.k = p.symbol_key WHERE ${IN_SNAPSHOT}`;
}

/** Positions with a rate (the ones every theme figure counts). */
function rated(basis: SnapshotBasis): string {
  return basis.missing.length === 0 ? '' : ` FILTER (WHERE p.currency NOT IN (${basis.missing.map((_, i) => `@m${i}`).join(', ')}))`;
}

function ratedParams(basis: SnapshotBasis): Record<string, string | number | bigint> {
  const params = { ...basis.params };
  basis.missing.forEach((c, i) => (params[`m${i}`] = c));
  return params;
}

/** A long position's contribution to theme i: |v| x w / 10000, half away from zero (cents). */
function longContribution(basis: SnapshotBasis, i: number): string {
  return basis.plain ? `(p.value_cents * w.w${i} + 5000) / 10000` : `(${basis.abs} * w.w${i} + 5000) / 10000`;
}

/** A short position's contribution to theme i as a positive number of cents. */
function shortContribution(basis: SnapshotBasis, i: number): string {
  return basis.plain ? `(5000 - p.value_cents * w.w${i}) / 10000` : `(${basis.abs} * w.w${i} + 5000) / 10000`;
}

/**
 * Count columns: per theme (`n{i}`) and, if asked, per top-level theme (`rn{j}`, a position once
 * however many of the theme's sub-themes tag it), as packed sums when the snapshot is small enough.
 */
function countColumns(basis: SnapshotBasis, layout: WeightLayout, withRoots: boolean, pack: boolean): { cols: string[]; read: (row: Record<string, number | null>, packed: (k: string) => bigint | null) => { themes: number[]; roots: number[] } } {
  const rows = Number(basis.params['last']) - Number(basis.params['first']) + 1;
  const filter = rated(basis);
  const nRoots = withRoots ? layout.roots.length : 0;
  if (!pack || rows >= PACK_LIMIT) {
    const cond = (c: string) => (filter ? `${c} AND ${filter.slice(' FILTER (WHERE '.length, -1)}` : c);
    return {
      cols: [
        ...layout.themes.map((_, i) => `count(*) FILTER (WHERE ${cond(`w.w${i} > 0`)}) AS n${i}`),
        ...Array.from({ length: nRoots }, (_, j) => `count(*) FILTER (WHERE ${cond(`w.r${j} = 1`)}) AS rn${j}`),
      ],
      read: (row) => ({ themes: layout.themes.map((_, i) => row[`n${i}`] ?? 0), roots: Array.from({ length: nRoots }, (_, j) => row[`rn${j}`] ?? 0) }),
    };
  }
  const unpack = (packed: (k: string) => bigint | null, prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const sum = packed(`${prefix}${Math.floor(i / PER_PACK)}`) ?? 0n;
      return Number((sum >> BigInt(FIELD_BITS * (i % PER_PACK))) & BigInt(PACK_LIMIT - 1));
    });
  return {
    cols: [
      ...Array.from({ length: packs(layout.themes.length) }, (_, q) => `sum(w.nb${q})${filter} AS nb${q}`),
      ...Array.from({ length: packs(nRoots) }, (_, q) => `sum(w.rb${q})${filter} AS rb${q}`),
    ],
    read: (_row, packed) => ({ themes: unpack(packed, 'nb', layout.themes.length), roots: unpack(packed, 'rb', nRoots) }),
  };
}

export interface ThemeSums {
  /** Long contributions (cents). */
  long: number;
  /** Short contributions (cents, <= 0). */
  short: number;
  net: number;
  /** Positions with a rate tagged with the theme. */
  count: number;
}

export interface SnapshotSums {
  totalCents: number;
  cashCents: number;
  /** By theme id (every theme, sub-themes on their own). */
  themes: Map<string, ThemeSums>;
  /** By top-level theme id: its own and its sub-themes' contributions; positions counted once (if asked). */
  roots: Map<string, { net: number; count: number }>;
  taggedCents: number;
}

/**
 * Total, cash and every theme's long, short and count of a snapshot in ONE pass over its
 * positions. Short contributions take a second pass over the short positions only, and only when
 * the first pass found any.
 */
export function snapshotSums(
  db: Db,
  basis: SnapshotBasis,
  layout: WeightLayout,
  options: { rootCounts?: boolean; extra?: readonly string[]; extraParams?: Record<string, string | number | bigint>; /** false: one COUNT per theme (as for a snapshot too big to pack). */ packCounts?: boolean } = {},
): SnapshotSums & { row: Record<string, number | null> } {
  const withRootCounts = options.rootCounts ?? false;
  const counts = countColumns(basis, layout, withRootCounts, options.packCounts ?? true);
  const cols = [
    `coalesce(sum(${basis.signed}), 0) AS total`,
    `coalesce(sum(${basis.signed}) FILTER (WHERE p.is_cash = 1), 0) AS cash`,
    `count(*) FILTER (WHERE p.value_cents < 0) AS shorts`,
    ...layout.themes.map((_, i) => `sum(${longContribution(basis, i)}) FILTER (WHERE w.w${i} > 0 AND p.value_cents > 0) AS l${i}`),
    ...counts.cols,
    ...(options.extra ?? []),
  ];
  const params = { ...ratedParams(basis), ...options.extraParams };
  // Read as BigInt: a packed count field can sit above 2^53, where a JS number would round it.
  // Every column is a SUM or COUNT: a large snapshot is scanned in two halves at once (scan-thread.ts).
  const big = addRows(scanInParts<Record<string, bigint | null>>(db, `SELECT ${cols.join(', ')} FROM ${scanFrom(layout)}`, params, { mode: 'get', safeIntegers: true, tags: layout }));
  const packed = (k: string) => big[k] ?? null;
  const row = Object.fromEntries(Object.entries(big).map(([k, v]) => [k, v === null ? null : Number(v)])) as Record<string, number | null>;
  let shortRow: Record<string, number | null> = {};
  if ((row['shorts'] ?? 0) > 0 && layout.themes.length > 0) {
    shortRow = addRows(
      scanInParts<Record<string, number | null>>(
        db,
        `SELECT ${layout.themes.map((_, i) => `sum(${shortContribution(basis, i)}) FILTER (WHERE w.w${i} > 0) AS s${i}`).join(', ')}
         FROM ${scanFrom(layout)} AND p.value_cents < 0`,
        params,
        { mode: 'get', tags: layout },
      ),
    );
  }
  const n = counts.read(row, packed);
  const themes = new Map<string, ThemeSums>();
  const roots = new Map<string, { net: number; count: number }>(layout.roots.map((r, j) => [r.id, { net: 0, count: n.roots[j] ?? 0 }]));
  let tagged = 0;
  layout.themes.forEach((t, i) => {
    const long = row[`l${i}`] ?? 0;
    const short = 0 - (shortRow[`s${i}`] ?? 0); // not -0
    const net = long + short;
    themes.set(t.id, { long, short, net, count: n.themes[i] ?? 0 });
    tagged += net;
    const root = layout.roots[layout.rootOf[i] ?? -1];
    if (root) (roots.get(root.id) as { net: number }).net += net;
  });
  return { totalCents: row['total'] ?? 0, cashCents: row['cash'] ?? 0, themes, roots, taggedCents: tagged, row };
}
