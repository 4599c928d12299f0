import type { Db } from '../connection';

/**
 * A snapshot's positions grouped by what the exposure needs of them: the security (its key), the
 * currency and whether it is cash. Each group keeps its position count, the sum of their values and
 * every position's value packed in a blob (and the broker's base values, where the file gave any).
 *
 * Why the values and not only their sum: a position's contribution to a theme is its value x weight
 * rounded to the cent, one position at a time (shared/exposure/contribution.ts), so that every
 * figure adds up by hand. The sum of rounded contributions is not a function of the summed value,
 * so a group carries the values; the exposure (group-summary.ts) reads a few thousand groups and
 * loops over packed numbers instead of reading a million rows through SQL.
 *
 * Positions never change once written: groups are written with their snapshot (the import, a
 * repricing, a copy, an undone deletion, the sample) and go with it (ON DELETE CASCADE).
 */

interface Group {
  currency: string;
  isCash: number;
  values: number[];
  /** Broker base values (NaN where the position had none); null until one had. */
  bases: number[] | null;
}

/**
 * Values are whole cents within 2^53: a float64 keeps each exactly. Where every value of a group
 * fits 32 bits (up to $21 million, nearly always) they are packed as int32, half the bytes to read;
 * the width is the blob's length over the position count. Base values (NaN for none) stay float64.
 */
export function packValues(values: readonly number[]): Buffer {
  const narrow = values.every((v) => v === (v | 0));
  return Buffer.from((narrow ? Int32Array.from(values) : Float64Array.from(values)).buffer);
}

export function unpackValues(blob: Buffer, count: number): Int32Array | Float64Array {
  const wide = count > 0 && blob.byteLength === count * 8;
  const width = wide ? 8 : 4;
  // A typed-array view needs its alignment; a Buffer from SQLite may sit anywhere in its pool.
  const bytes = blob.byteOffset % width === 0 ? blob : Uint8Array.from(blob);
  return wide ? new Float64Array(bytes.buffer, bytes.byteOffset, count) : new Int32Array(bytes.buffer, bytes.byteOffset, blob.byteLength / 4);
}

export class PositionGroups {
  private readonly byKey = new Map<string, Group[]>();

  add(symbolKey: string, currency: string, isCash: number, valueCents: number, baseValueCents: number | null): void {
    // Called once per imported row: no closure, no allocation but the group's first.
    const list = this.byKey.get(symbolKey);
    let g: Group | undefined;
    if (list === undefined) this.byKey.set(symbolKey, [(g = { currency, isCash, values: [], bases: null })]);
    else {
      for (let i = 0; i < list.length; i++) {
        const x = list[i] as Group;
        if (x.currency === currency && x.isCash === isCash) {
          g = x;
          break;
        }
      }
      if (g === undefined) list.push((g = { currency, isCash, values: [], bases: null }));
    }
    if (baseValueCents !== null && g.bases === null) g.bases = new Array<number>(g.values.length).fill(NaN);
    g.values.push(valueCents);
    if (g.bases !== null) g.bases.push(baseValueCents ?? NaN);
  }

  /** Writes the groups of `snapshotId` (in the caller's transaction), replacing any it had. */
  write(db: Db, snapshotId: number): void {
    db.prepare('DELETE FROM position_groups WHERE snapshot_id = ?').run(snapshotId);
    const insert = db.prepare(
      'INSERT INTO position_groups (snapshot_id, symbol_key, currency, is_cash, position_count, value_cents, value_list, base_value_list) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const [key, list] of this.byKey) {
      for (const g of list) {
        insert.run(snapshotId, key, g.currency, g.isCash, g.values.length, sumCents(g.values), packValues(g.values), g.bases ? packValues(g.bases) : null);
      }
    }
  }
}

/** The exact sum of whole cents: as a BigInt (bound as INTEGER) where a float sum could round. */
function sumCents(values: readonly number[]): number | bigint {
  // Whole numbers add exactly in floating point while every partial sum stays within 2^53.
  let sum = 0;
  let safe = true;
  for (const v of values) {
    sum += v;
    if (sum > Number.MAX_SAFE_INTEGER || sum < Number.MIN_SAFE_INTEGER) safe = false;
  }
  if (safe) return sum;
  let big = 0n;
  for (const v of values) big += BigInt(v);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/**
 * The groups of a snapshot made from positions already written (a repricing, a copy, an undone
 * deletion, a database from before groups existed): one read of its positions.
 */
export function recordPositionGroups(db: Db, snapshotId: number): void {
  const groups = new PositionGroups();
  const rows = db
    .prepare('SELECT symbol_key, currency, is_cash, value_cents, base_value_cents FROM positions WHERE snapshot_id = ? ORDER BY id')
    .raw()
    .iterate(snapshotId) as IterableIterator<[string, string, number, number, number | null]>;
  for (const [key, currency, isCash, value, base] of rows) groups.add(key, currency, isCash, value, base);
  groups.write(db, snapshotId);
}
