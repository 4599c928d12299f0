import { AppError } from '../../shared/api/errors';
import type { Db } from '../connection';
import type { CurrencyFactor } from './rates';
import { unpackIndexes, unpackValues } from './position-groups';
import { storeOf } from '../store';

/**
 * A snapshot's position groups (position-groups.ts) as the views read them: loaded once per
 * connection and snapshot, their packed values unpacked on first use, and valued in a base
 * currency position by position (the one rule every view of the groups shares).
 */

/** A group as stored; its packed values are unpacked on first use and kept with it. */
export interface LoadedGroup {
  /** The group's row id: its place in the snapshot's groups. */
  gid: number;
  key: string;
  currency: string;
  isCash: number;
  n: number;
  local: number;
  valueList: Buffer;
  baseValueList: Buffer | null;
  values?: Int32Array | Float64Array;
  bases?: Int32Array | Float64Array | null;
  /** Read only for the views that need them (groupsWithPositions). */
  positions?: GroupPositions;
  /** Each position's quantity (NaN: none), in the group's order: read only by a comparison (compare-sides.ts). */
  quantities?: Float64Array;
}

/** Each position of a group, in the group's order: its id, and its account (an index into the snapshot's `accounts`). */
export interface GroupPositions {
  ids: Float64Array;
  accounts: string[];
  /** null: every position is in accounts[0]. */
  accountOf: Int32Array | null;
}

export const valuesOf = (g: LoadedGroup) => (g.values ??= unpackValues(g.valueList, g.n));
const baseValuesOf = (g: LoadedGroup) => (g.bases ??= g.baseValueList ? unpackValues(g.baseValueList, g.n) : null);

/** Snapshots whose groups a connection keeps in memory (a million positions are 4-8 MB, 12 more once their ids and accounts are read). */
const KEPT_SNAPSHOTS = 6;

/**
 * The groups of a snapshot. They never change once written, so the connection keeps the last few
 * snapshots' groups (its Store): after a tag edit the exposure re-reads only the tags. Kept under
 * the snapshot's identity (its position ids, row count, import time and first group id), so a
 * snapshot id reused after a deletion is never served another's groups; nothing read inside a
 * transaction is kept.
 */
export function loadGroups(db: Db, snapshotId: number): LoadedGroup[] {
  const kept = storeOf(db).positionGroups;
  const identity = snapshotIdentity(db, snapshotId);
  const hit = kept.get(snapshotId);
  if (hit && hit.identity === identity) {
    kept.delete(snapshotId);
    kept.set(snapshotId, hit);
    return hit.groups as LoadedGroup[];
  }
  // Read as arrays and made into objects of one shape here: better-sqlite3 builds a row object
  // property by property, which took 4 of the 10 ms that 5,000 groups cost to read.
  const rows = db
    .prepare('SELECT id, symbol_key, currency, is_cash, position_count, value_cents, value_list, base_value_list FROM position_groups WHERE snapshot_id = ? ORDER BY id')
    .raw()
    .all(snapshotId) as [number, string, string, number, number, number, Buffer, Buffer | null][];
  const groups = rows.map(([gid, key, currency, isCash, n, local, valueList, baseValueList]): LoadedGroup => ({ gid, key, currency, isCash, n, local, valueList, baseValueList }));
  if (!db.inTransaction && identity !== '') {
    kept.set(snapshotId, { identity, groups });
    while (kept.size > KEPT_SNAPSHOTS) kept.delete(kept.keys().next().value as number);
  }
  return groups;
}

/**
 * What makes a snapshot's groups the same as when they were read: its position ids, row count,
 * import time and first group id ('' for no snapshot). The groups' first row id too: the tags are
 * joined to groups by id (group-summary.ts), so groups written again (a migration of a restored
 * file) are never matched to ids kept from before.
 */
export function snapshotIdentity(db: Db, snapshotId: number): string {
  const row = db
    .prepare(
      `SELECT first_position_id AS f, last_position_id AS l, row_count AS n, imported_at AS at, (SELECT min(id) FROM position_groups WHERE snapshot_id = s.id) AS g
       FROM snapshots s WHERE id = ?`,
    )
    .get(snapshotId) as { f: number | null; l: number | null; n: number; at: string; g: number | null } | undefined;
  return row ? `${row.f}:${row.l}:${row.n}:${row.at}:${row.g}` : '';
}

/** floor((a x num + half) / den) for whole a, num, den >= 0: exact at any size. */
export function scaleHalfUp(a: number, num: number, half: number, den: number): number {
  const x = a * num + half;
  if (x <= Number.MAX_SAFE_INTEGER) return Math.floor(x / den);
  return Number((BigInt(a) * BigInt(num) + BigInt(half)) / BigInt(den));
}

/** |base value| of each position: the broker's where given, else converted at the factor; NaN without either. */
function baseValues(values: ArrayLike<number>, bases: ArrayLike<number> | null, factor: CurrencyFactor | undefined): Float64Array {
  const out = new Float64Array(values.length);
  const half = factor ? Math.floor(factor.den / 2) : 0;
  for (let k = 0; k < values.length; k++) {
    const bv = bases ? (bases[k] as number) : NaN;
    const v = values[k] as number;
    out[k] = bv === bv ? Math.abs(bv) : factor ? (factor.num === factor.den ? Math.abs(v) : scaleHalfUp(Math.abs(v), factor.num, half, factor.den)) : NaN;
  }
  return out;
}

/**
 * How a group's positions are valued in the base currency, decided in one place: 'plain' (the
 * value itself: no broker values, a rate of exactly 1), 'unrated' (no rate and no broker values:
 * nothing of the group is valued), or each position's |base value| (NaN: none).
 */
export function valuation(g: LoadedGroup, factor: CurrencyFactor | undefined, broker: boolean): 'plain' | 'unrated' | Float64Array {
  if (!broker && factor === undefined) return 'unrated';
  if (!broker && factor !== undefined && factor.num === factor.den) return 'plain';
  return baseValues(valuesOf(g), broker ? baseValuesOf(g) : null, factor);
}

/**
 * The groups of a snapshot with each position's id and account, from its position index (read
 * once, then kept with the groups): what the accounts breakdown and the largest contributors need.
 * One pass over the index puts each position, in id order, at its group's next place.
 */
export function groupsWithPositions(db: Db, snapshotId: number): (LoadedGroup & { positions: GroupPositions })[] {
  const groups = loadGroups(db, snapshotId);
  if (groups.some((g) => g.positions === undefined)) {
    const snap = db.prepare('SELECT first_position_id AS first, last_position_id AS last, row_count AS n FROM snapshots WHERE id = ?').get(snapshotId) as
      | { first: number | null; last: number | null; n: number }
      | undefined;
    const index = db.prepare('SELECT group_index, account_list, account_index FROM position_index WHERE snapshot_id = ?').raw().get(snapshotId) as [Buffer, string, Buffer | null] | undefined;
    const n = snap?.n ?? 0;
    const groupOf = index ? unpackIndexes(index[0], groups.length) : new Uint8Array(0);
    const accounts = index ? (JSON.parse(index[1]) as string[]) : [];
    const accountAt = index?.[2] ? unpackIndexes(index[2], accounts.length) : null;
    const starts = new Array<number>(groups.length);
    let total = 0;
    groups.forEach((g, i) => {
      starts[i] = total;
      total += g.n;
    });
    // Never a figure from an index that does not match its groups (a damaged file): said, not guessed.
    if (groupOf.length !== n || total !== n || (accountAt !== null && accountAt.length !== n)) {
      throw damaged(snapshotId);
    }
    // Positions are written in one range of ids; any other snapshot has its ids read.
    const first = snap?.first ?? 0;
    const contiguous = n === 0 || (snap?.last ?? 0) - first + 1 === n;
    const idsInOrder = contiguous ? null : (db.prepare('SELECT id FROM positions WHERE snapshot_id = ? ORDER BY id').pluck().all(snapshotId) as number[]);
    const ids = new Float64Array(n);
    const accountOf = accountAt ? new Int32Array(n) : null;
    const next = starts.slice();
    for (let p = 0; p < n; p++) {
      const at = (next[groupOf[p] as number] as number)++;
      ids[at] = idsInOrder ? (idsInOrder[p] as number) : first + p;
      if (accountOf) accountOf[at] = accountAt![p] as number;
    }
    groups.forEach((g, i) => {
      const start = starts[i] as number;
      if (next[i] !== start + g.n) throw damaged(snapshotId);
      g.positions = { ids: ids.subarray(start, start + g.n), accounts, accountOf: accountOf ? accountOf.subarray(start, start + g.n) : null };
    });
  }
  return groups as (LoadedGroup & { positions: GroupPositions })[];
}

const damaged = (snapshotId: number) =>
  new AppError(
    'CORRUPT',
    `The position index of snapshot ${snapshotId} does not match its positions: the database is damaged. Restore a backup (themelens backup list, then themelens backup restore FILE).`,
  );
