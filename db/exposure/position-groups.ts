import type { Db } from '../connection';

/**
 * A snapshot's positions grouped by what the exposure needs of them: the security (its key), the
 * currency and whether it is cash. Each group keeps its position count, the sum of their values and
 * every position's value packed in a blob (and the broker's base values, where the file gave any).
 * Beside the groups, each snapshot keeps its position index (position_index): position by
 * position in id order, the group it is in and its account, so the accounts breakdown and the
 * largest contributors are read from the groups too, not from a million positions.
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
  /** Its place among the snapshot's groups: the order they are written in. */
  index: number;
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

/**
 * One small whole number per position (a group's or an account's index), growing in width as the
 * largest grows: one byte each up to 256 groups or accounts, two up to 65,536, then four.
 */
class IndexList {
  private data: Uint8Array | Uint16Array | Int32Array = new Uint8Array(1024);
  length = 0;

  push(x: number): void {
    const limit = this.data instanceof Uint8Array ? 0x100 : this.data instanceof Uint16Array ? 0x10000 : Infinity;
    if (x >= limit || this.length === this.data.length) {
      const wider = x >= limit ? (limit === 0x100 ? Uint16Array : Int32Array) : (this.data.constructor as typeof Uint8Array);
      const next = new wider(this.data.length * 2);
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    this.data[this.length++] = x;
  }

  /** Packed in the width `distinct` values need (indexWidth), as position_index keeps them. */
  pack(distinct: number): Buffer {
    const values = this.data.subarray(0, this.length);
    const width = indexWidth(distinct);
    const typed = width === 1 ? Uint8Array.from(values) : width === 2 ? Uint16Array.from(values) : Int32Array.from(values);
    return Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);
  }
}

/** Bytes per index where there are `distinct` values to tell apart. */
const indexWidth = (distinct: number) => (distinct <= 0x100 ? 1 : distinct <= 0x10000 ? 2 : 4);

/** The indexes packed by IndexList.pack, for `distinct` values. */
export function unpackIndexes(blob: Buffer, distinct: number): Uint8Array | Uint16Array | Int32Array {
  const width = indexWidth(distinct);
  const count = blob.byteLength / width;
  const bytes = blob.byteOffset % width === 0 ? blob : Uint8Array.from(blob);
  return width === 1 ? new Uint8Array(bytes.buffer, bytes.byteOffset, count) : width === 2 ? new Uint16Array(bytes.buffer, bytes.byteOffset, count) : new Int32Array(bytes.buffer, bytes.byteOffset, count);
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
  /** Every group with its key, in the order they were made (and are written). */
  private readonly all: [string, Group][] = [];
  /** Each position's group and account, in position order. */
  private readonly groupOf = new IndexList();
  private readonly accountOf = new IndexList();
  /** The snapshot's accounts as first met, and their indexes by name. */
  private readonly accounts: string[] = [];
  private readonly accountSlots = new Map<string, number>();
  private lastAccount: string | null = null;
  private lastSlot = 0;

  /** One position; positions come in id order. */
  add(symbolKey: string, currency: string, isCash: number, valueCents: number, baseValueCents: number | null, account: string): void {
    // Called once per imported row: no closure, no allocation but the group's first.
    const list = this.byKey.get(symbolKey);
    let g: Group | undefined;
    if (list === undefined) this.byKey.set(symbolKey, [(g = this.newGroup(symbolKey, currency, isCash))]);
    else {
      for (let i = 0; i < list.length; i++) {
        const x = list[i] as Group;
        if (x.currency === currency && x.isCash === isCash) {
          g = x;
          break;
        }
      }
      if (g === undefined) list.push((g = this.newGroup(symbolKey, currency, isCash)));
    }
    if (baseValueCents !== null && g.bases === null) g.bases = new Array<number>(g.values.length).fill(NaN);
    g.values.push(valueCents);
    if (g.bases !== null) g.bases.push(baseValueCents ?? NaN);
    this.groupOf.push(g.index);
    let slot = this.lastSlot;
    if (account !== this.lastAccount) {
      slot = this.accountSlots.get(account) ?? -1;
      if (slot < 0) {
        // A copy: an imported field is a slice of its batch's whole text, which a kept slice keeps alive.
        const name = Buffer.from(account, 'utf16le').toString('utf16le');
        slot = this.accounts.push(name) - 1;
        this.accountSlots.set(name, slot);
      }
      this.lastAccount = account;
      this.lastSlot = slot;
    }
    this.accountOf.push(slot);
  }

  private newGroup(key: string, currency: string, isCash: number): Group {
    const g: Group = { index: this.all.length, currency, isCash, values: [], bases: null };
    this.all.push([key, g]);
    return g;
  }

  /** Writes the groups and position index of `snapshotId` (in the caller's transaction), replacing any it had. */
  write(db: Db, snapshotId: number): void {
    db.prepare('DELETE FROM position_groups WHERE snapshot_id = ?').run(snapshotId);
    db.prepare('DELETE FROM position_index WHERE snapshot_id = ?').run(snapshotId);
    const insert = db.prepare(
      'INSERT INTO position_groups (snapshot_id, symbol_key, currency, is_cash, position_count, value_cents, value_list, base_value_list) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // In the order made: a group's index is its rank by row id among the snapshot's groups.
    for (const [key, g] of this.all) {
      insert.run(snapshotId, key, g.currency, g.isCash, g.values.length, sumCents(g.values), packValues(g.values), g.bases ? packValues(g.bases) : null);
    }
    db.prepare('INSERT INTO position_index (snapshot_id, group_index, account_list, account_index) VALUES (?, ?, ?, ?)').run(
      snapshotId,
      this.groupOf.pack(this.all.length),
      JSON.stringify(this.accounts),
      // One account (most files): no index needed.
      this.accounts.length > 1 ? this.accountOf.pack(this.accounts.length) : null,
    );
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
    .prepare('SELECT symbol_key, currency, is_cash, value_cents, base_value_cents, account FROM positions WHERE snapshot_id = ? ORDER BY id')
    .raw()
    .iterate(snapshotId) as IterableIterator<[string, string, number, number, number | null, string]>;
  for (const [key, currency, isCash, value, base, account] of rows) groups.add(key, currency, isCash, value, base, account);
  groups.write(db, snapshotId);
}
