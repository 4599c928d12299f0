import type { Db } from '../connection';
import { groupsWithPositions, scaleHalfUp, snapshotIdentity, valuation, valuesOf, type GroupPositions, type LoadedGroup } from './loaded-groups';
import type { CurrencyFactor } from './rates';
import { snapshotBasis, type SnapshotBasis } from './scan';
import { storeOf } from '../store';
import { checkTagTable, type TagTable } from './tag-tables';
import { sql, table as tableName } from '../sql';

/**
 * One side of a comparison of two snapshots (compare.ts), read from the snapshot's position groups
 * (db/exposure/position-groups.ts) and its quantities, not by SQL over its positions: at 100,000
 * positions a side took 110-220 ms in SQL (a GROUP BY over every position into temp tables, then
 * joined), which made opening the Compare view take 0.6 s.
 *
 * Positions are matched by account and security (symbol key) whatever their currency. A position
 * without a value in the base currency takes no part, as in every figure of the app.
 */

/**
 * The names both sides of a comparison number their accounts and securities by, so a holding of
 * one side is found in the other by a number, not by text.
 */
export interface Names {
  accounts: Map<string, number>;
  keys: Map<string, number>;
  /** The texts by number. */
  accountText: string[];
  keyText: string[];
}

const newNames = (): Names => ({ accounts: new Map(), keys: new Map(), accountText: [], keyText: [] });

/** The number of `text` in `map`, given the next one if it has none. */
function numberOf(map: Map<string, number>, list: string[], text: string): number {
  const known = map.get(text);
  if (known !== undefined) return known;
  map.set(text, list.length);
  list.push(text);
  return list.length - 1;
}

/** A side's positions added up per account and security ("holding"), by slot (0..count-1). */
export interface Side {
  count: number;
  /** Per slot: the holding's account and security by number (Names). */
  accountId: Int32Array;
  keyId: Int32Array;
  /** Value in the base currency, cents (each position's base value, with its sign, added up). */
  v: Float64Array;
  /** Quantities added up (Kahan-Babuska-Neumaier, as SQLite's sum() does) and how many had one. */
  q: Float64Array;
  qErr: Float64Array;
  qn: Int32Array;
  /** The valued positions, in the groups' order: their slot, |base value| and sign, and id. */
  positions: { slot: Int32Array; abs: Float64Array; negative: Uint8Array; id: Float64Array; n: number };
  /** Currencies with no rate (nor the broker's values): their positions take no part. */
  missing: string[];
}

/**
 * Contributions are kept per row and top-level theme under one number, a cell: row x width + the
 * theme's index, width being the number of top-level themes of both sides (cellRow, cellRoot).
 * Small whole numbers on purpose: row x 65,536 had passed V8's small integers from row 32,768 on,
 * and every cell became a heap number to hash and allocate (a third of the contributions' time).
 */
export const cellRow = (cell: number, width: number): number => Math.floor(cell / width);
export const cellRoot = (cell: number, width: number): number => cell % width;

/** Cells up to which CellSums keeps an array of every cell (8 MB of sums), not a map of those added to. */
const DENSE_CELLS = 1 << 20;

/**
 * A sum per cell, listed in the order cells were first added to (as a Map's entries would be, so
 * the sums that follow add up in the same order). An array of every cell where there are at most
 * DENSE_CELLS of them: at 100,000 positions a map's get and set per position and theme were 16 ms
 * of a comparison's 50-70.
 */
export class CellSums {
  private readonly dense: Float64Array | null;
  private readonly seen: Uint8Array | null;
  private readonly sparse: Map<number, number> | null;
  /** The cells added to, in order. */
  readonly cells: number[] = [];

  constructor(cellCount: number, denseUpTo = DENSE_CELLS) {
    const dense = cellCount <= denseUpTo;
    this.dense = dense ? new Float64Array(cellCount) : null;
    this.seen = dense ? new Uint8Array(cellCount) : null;
    this.sparse = dense ? null : new Map();
  }

  add(cell: number, c: number): void {
    if (this.dense) {
      if (this.seen![cell] === 0) {
        this.seen![cell] = 1;
        this.cells.push(cell);
      }
      this.dense[cell] = (this.dense[cell] as number) + c;
      return;
    }
    const was = this.sparse!.get(cell);
    if (was === undefined) this.cells.push(cell);
    this.sparse!.set(cell, (was ?? 0) + c);
  }

  has(cell: number): boolean {
    return this.dense ? this.seen![cell] === 1 : this.sparse!.has(cell);
  }

  /** The cell's sum (0 when never added to). */
  get(cell: number): number {
    return this.dense ? (this.dense[cell] as number) : (this.sparse!.get(cell) ?? 0);
  }
}

/** A tag table's weights: per symbol key, each (top-level theme's index in `roots`, weight in bp) with weight > 0. */
export type TagWeights = Map<string, { r: number; w: number }[]>;

/**
 * The weights of a tag table (tag-tables.ts), each theme counted towards its top-level theme,
 * numbered in `roots` (shared by both sides of a comparison, so their cells match).
 */
export function tagWeights(db: Db, table: TagTable, roots: Map<string, number>): TagWeights {
  const rows = db
    .prepare(sql`SELECT t.symbol_key, coalesce(th.parent_id, th.id), t.weight_bp FROM ${tableName(checkTagTable(table))} t JOIN themes th ON th.id = t.theme_id WHERE t.weight_bp > 0`.text)
    .raw()
    .all() as [string, string, number][];
  const out: TagWeights = new Map();
  for (const [key, root, w] of rows) {
    let r = roots.get(root);
    if (r === undefined) roots.set(root, (r = roots.size));
    const list = out.get(key);
    if (list) list.push({ r, w });
    else out.set(key, [{ r, w }]);
  }
  return out;
}

/**
 * Adds `v` to `sums[i]`, its compensation kept in `errs[i]`, as SQLite's sum() adds REAL values
 * (Kahan-Babuska-Neumaier, func.c): the comparison's sums come out as they did in SQL.
 */
export function addExactly(sums: { [i: number]: number }, errs: { [i: number]: number }, i: number, v: number): void {
  const s = sums[i] as number;
  const t = s + v;
  errs[i] = (errs[i] as number) + (Math.abs(s) > Math.abs(v) ? s - t + v : v - t + s);
  sums[i] = t;
}

/** A holding's quantity as SQL's sum() gives it (the sum and its compensation), or null when none of its positions had one. */
export const quantityOf = (side: Side, slot: number): number | null => ((side.qn[slot] as number) > 0 ? (side.q[slot] as number) + (side.qErr[slot] as number) : null);

/** Each holding's slot in a side: by its security's number, then its account's (Names). */
export type HoldingSlots = (Map<number, number> | undefined)[];

/** Both sides of a comparison, numbered by the same names. */
export interface Sides {
  names: Names;
  a: Side;
  b: Side;
  /** Where a holding of `b` is found in `a` (only `a`'s are looked up). */
  slotsOfA: HoldingSlots;
}

/** The slots of a side's holdings, from each slot's security and account. */
function holdingSlots(side: Side): HoldingSlots {
  const slots: HoldingSlots = [];
  for (let s = 0; s < side.count; s++) {
    const k = side.keyId[s] as number;
    (slots[k] ?? (slots[k] = new Map())).set(side.accountId[s] as number, s);
  }
  return slots;
}

/**
 * Positions in both sides of the comparison a connection keeps (about 21 bytes each: a million
 * is 21 MB); a larger comparison is read again each time.
 */
const KEPT_SIDES_POSITIONS = 1_000_000;

/**
 * Both sides of a comparison of snapshot `fromId` with `toId` (the same id: one side, read once).
 * A side is made of its snapshot's groups and quantities, which never change, valued at its rates:
 * the connection keeps the last pair read (Store.comparedSides) under both snapshots' identity and
 * rates, so comparing the same snapshots again after a tag edit reads no position and adds up no
 * holding (28 of the 70-110 ms it took at 100,000 positions a side). Nothing read inside a
 * transaction is kept.
 */
export function readSides(db: Db, baseCurrency: string, fromId: number, toId: number): Sides {
  const { key, basisA, basisB } = sidesKey(db, baseCurrency, fromId, toId);
  const store = storeOf(db);
  if (store.comparedSides?.key === key) return store.comparedSides.sides as Sides;
  // The last pair is let go before this one is read (at a million positions each is 20 MB or more).
  store.comparedSides = null;
  const names = newNames();
  const a = readSide(db, basisA, fromId, names);
  const b = fromId === toId ? a : readSide(db, basisB, toId, names);
  const sides = { names, a, b, slotsOfA: holdingSlots(a) };
  // None read inside a transaction is kept (it may be rolled back).
  if (!db.inTransaction && a.positions.n + (b === a ? 0 : b.positions.n) <= KEPT_SIDES_POSITIONS) store.comparedSides = { key, sides };
  return sides;
}

/** What both sides of comparing `fromId` with `toId` are read from: the snapshots' identity and rates, as one key, and their rates. */
function sidesKey(db: Db, baseCurrency: string, fromId: number, toId: number): { key: string; basisA: SnapshotBasis; basisB: SnapshotBasis } {
  const basisA = snapshotBasis(db, baseCurrency, fromId);
  const basisB = fromId === toId ? basisA : snapshotBasis(db, baseCurrency, toId);
  const valuedAt = (b: SnapshotBasis) => JSON.stringify([b.factors, b.broker !== null, b.missing]);
  const key = JSON.stringify([baseCurrency, fromId, snapshotIdentity(db, fromId), valuedAt(basisA), toId, snapshotIdentity(db, toId), valuedAt(basisB)]);
  return { key, basisA, basisB };
}

/** Both sides as another thread posts them (figures-ahead.ts): the typed arrays moved, not copied; the slots of `a`'s holdings found again on arrival. */
export interface PostedSides {
  key: string;
  names: { accountText: string[]; keyText: string[] };
  a: Side;
  b: Side | null;
}

/** The pair this connection keeps (readSides), to post to another thread, and the buffers to move with it. Null when it keeps none. */
export function postedSides(db: Db): { posted: PostedSides; transfer: ArrayBuffer[] } | null {
  const kept = storeOf(db).comparedSides;
  if (!kept) return null;
  const { names, a, b } = kept.sides as Sides;
  const buffers = (side: Side) => [side.accountId, side.keyId, side.v, side.q, side.qErr, side.qn, side.positions.slot, side.positions.abs, side.positions.negative, side.positions.id].map((x) => x.buffer as ArrayBuffer);
  // One side for a snapshot compared with itself; a buffer moves once.
  const transfer = [...new Set([...buffers(a), ...(b === a ? [] : buffers(b))])];
  return { posted: { key: kept.key, names: { accountText: names.accountText, keyText: names.keyText }, a, b: b === a ? null : b }, transfer };
}

/**
 * Keeps sides read on another thread as this connection's last pair, if they are still what
 * comparing `fromId` with `toId` reads (the same key, read here now). Whether they were kept.
 */
export function keepPostedSides(db: Db, baseCurrency: string, fromId: number, toId: number, posted: PostedSides): boolean {
  if (db.inTransaction || sidesKey(db, baseCurrency, fromId, toId).key !== posted.key) return false;
  const names: Names = { accounts: new Map(posted.names.accountText.map((t, i) => [t, i])), keys: new Map(posted.names.keyText.map((t, i) => [t, i])), ...posted.names };
  const { a } = posted;
  storeOf(db).comparedSides = { key: posted.key, sides: { names, a, b: posted.b ?? a, slotsOfA: holdingSlots(a) } };
  return true;
}

/** The first `n` of `list`: itself when that is all of it. */
const fit = <T extends Int32Array | Float64Array | Uint8Array>(list: T, n: number): T => (list.length === n ? list : (list.slice(0, n) as T));

/** Reads one side: every valued position of the snapshot, added up per holding. */
function readSide(db: Db, basis: SnapshotBasis, snapshotId: number, names: Names): Side {
  const factorOf = new Map<string, CurrencyFactor>(basis.factors.map((f) => [f.currency, f]));
  const groups = withQuantities(db, snapshotId);
  let total = 0;
  for (const g of groups) total += g.n;
  // At most a holding per position: typed arrays that size, filled once, not grown slot by slot.
  const positions = { slot: new Int32Array(total), abs: new Float64Array(total), negative: new Uint8Array(total), id: new Float64Array(total), n: 0 };
  const accountIdOf = new Int32Array(total);
  const keyIdOf = new Int32Array(total);
  const v = new Float64Array(total);
  const q = new Float64Array(total);
  const qErr = new Float64Array(total);
  const qn = new Int32Array(total);
  // Each holding's slot while the positions are added up (kept for side a only: readSides).
  const slots: HoldingSlots = [];
  let count = 0;
  // The snapshot's accounts (one list for all its groups) by their number in `names`.
  const accountList = groups[0]?.positions.accounts ?? [];
  const accountIds = accountList.map((a) => numberOf(names.accounts, names.accountText, a));
  for (const g of groups) {
    const how = valuation(g, factorOf.get(g.currency), basis.broker !== null);
    if (how === 'unrated') continue;
    const values = valuesOf(g);
    const { ids, accountOf } = g.positions;
    const quantitiesOf = g.quantities;
    const keyId = numberOf(names.keys, names.keyText, g.key);
    const ofKey = slots[keyId] ?? (slots[keyId] = new Map());
    // The holding of the position before: a group's positions often share one account.
    let lastAccount = -1;
    let slot = -1;
    for (let k = 0; k < g.n; k++) {
      const a = how === 'plain' ? Math.abs(values[k] as number) : (how[k] as number);
      if (a !== a) continue;
      const accountIndex = accountOf ? (accountOf[k] as number) : 0;
      if (accountIndex !== lastAccount) {
        lastAccount = accountIndex;
        const accountId = accountIds[accountIndex] as number;
        const found = ofKey.get(accountId);
        if (found === undefined) {
          slot = count++;
          ofKey.set(accountId, slot);
          accountIdOf[slot] = accountId;
          keyIdOf[slot] = keyId;
        } else slot = found;
      }
      const value = values[k] as number;
      const negative = value < 0;
      // sign(value) x |base value|: a position of 0 is worth 0 in any currency (whatever the broker's column says).
      const abs = value === 0 ? 0 : a;
      v[slot] = (v[slot] as number) + (negative ? -abs : abs);
      const qty = quantitiesOf[k] as number;
      if (qty === qty) {
        addExactly(q, qErr, slot, qty);
        qn[slot] = (qn[slot] as number) + 1;
      }
      const p = positions.n++;
      positions.slot[p] = slot;
      positions.abs[p] = abs;
      positions.negative[p] = negative ? 1 : 0;
      positions.id[p] = ids[k] as number;
    }
  }
  // Sized for a holding per position; a side is kept (readSides), so only what its holdings use.
  const { n } = positions;
  return {
    count,
    accountId: fit(accountIdOf, count),
    keyId: fit(keyIdOf, count),
    v: fit(v, count),
    q: fit(q, count),
    qErr: fit(qErr, count),
    qn: fit(qn, count),
    positions: { slot: fit(positions.slot, n), abs: fit(positions.abs, n), negative: fit(positions.negative, n), id: fit(positions.id, n), n },
    missing: basis.missing,
  };
}

/**
 * Each valued position's contributions under `weights`, added into `cells` (per the holding's row,
 * `rowOf[slot]`, and theme: a cell, see cellRow): |base value| x weight rounded half away from zero, with the
 * position's sign, position by position (shared/exposure/contribution.ts).
 */
export function addContributions(side: Side, weights: TagWeights, rowOf: ArrayLike<number>, width: number, cells: CellSums, keys: readonly string[]): void {
  const { slot, abs, negative, n } = side.positions;
  // Each security's tags looked up once, not once per position.
  const tagsOf = keys.map((key) => weights.get(key));
  for (let p = 0; p < n; p++) {
    const s = slot[p] as number;
    const tags = tagsOf[side.keyId[s] as number];
    if (!tags) continue;
    const a = abs[p] as number;
    const row = (rowOf[s] as number) * width;
    for (const { r, w } of tags) {
      const c = scaleHalfUp(a, w, 5000, 10000);
      cells.add(row + r, negative[p] ? -c : c);
    }
  }
}

/**
 * The snapshot's groups with each position's quantity as a number (CAST(quantity AS REAL); NaN
 * without one), read once and kept with the groups (loaded-groups.ts keeps the last few
 * snapshots'), so comparing again after a tag edit reads no position: 25 ms a side at 100,000.
 */
function withQuantities(db: Db, snapshotId: number): (LoadedGroup & { positions: GroupPositions; quantities: Float64Array })[] {
  const groups = groupsWithPositions(db, snapshotId);
  if (groups.every((g) => g.quantities !== undefined)) return groups as (LoadedGroup & { positions: GroupPositions; quantities: Float64Array })[];
  const range = db.prepare('SELECT first_position_id AS first, last_position_id AS last, row_count AS n FROM snapshots WHERE id = ?').get(snapshotId) as { first: number | null; last: number | null; n: number };
  let quantityAt: (id: number) => number | null = () => null;
  if (range.first !== null && range.last !== null && range.last - range.first + 1 === range.n) {
    // One range of ids (every import): read in id order, found by offset.
    const list = db.prepare('SELECT CAST(quantity AS REAL) FROM positions WHERE id BETWEEN ? AND ? AND snapshot_id = ? ORDER BY id').pluck().all(range.first, range.last, snapshotId) as (number | null)[];
    const first = range.first;
    quantityAt = (id) => list[id - first] ?? null;
  } else if (range.first !== null) {
    const byId = new Map(db.prepare('SELECT id, CAST(quantity AS REAL) FROM positions WHERE snapshot_id = ?').raw().all(snapshotId) as [number, number | null][]);
    quantityAt = (id) => byId.get(id) ?? null;
  }
  for (const g of groups) {
    const q = new Float64Array(g.n);
    for (let k = 0; k < g.n; k++) q[k] = quantityAt(g.positions.ids[k] as number) ?? NaN;
    g.quantities = q;
  }
  return groups as (LoadedGroup & { positions: GroupPositions; quantities: Float64Array })[];
}

/**
 * The largest of each holding's symbols and descriptions (SQL's max(): NULLs left out, text
 * compared by its UTF-8 bytes), for the holdings of `slots` only: the rows a comparison shows.
 */
export function namesOf(db: Db, side: Side, slots: ReadonlySet<number>): Map<number, { symbol: string | null; description: string | null }> {
  const out = new Map<number, { symbol: string | null; description: string | null }>();
  if (slots.size === 0) return out;
  const ids: number[] = [];
  const slotOf = new Map<number, number>();
  const { slot, id, n } = side.positions;
  for (let p = 0; p < n; p++) {
    if (!slots.has(slot[p] as number)) continue;
    ids.push(id[p] as number);
    slotOf.set(id[p] as number, slot[p] as number);
  }
  const rows = db.prepare('SELECT id, symbol, description FROM positions WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [number, string | null, string | null][];
  for (const [pid, symbol, description] of rows) {
    const s = slotOf.get(pid) as number;
    const seen = out.get(s);
    if (!seen) out.set(s, { symbol, description });
    else {
      seen.symbol = largest(seen.symbol, symbol);
      seen.description = largest(seen.description, description);
    }
  }
  return out;
}

const largest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : compareBinary(b, a) > 0 ? b : a);

/** Text in SQLite's BINARY order: by UTF-8 bytes, which is by code point (JavaScript's < compares UTF-16 units). */
export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
