import { NUMBER_FIELDS, SLOT, TEXT_FIELDS } from '../../shared/import/position-columns';
import type { ParsedPosition } from '../../shared/import/types';

/**
 * Positions packed for the trip from the parsing thread to the inserting thread: the text fields'
 * UTF-16 code units back to back (stored one byte each when they all fit, which is the usual case),
 * a Float64Array of the numbers and an Int32Array of text lengths. Posting that transfers three
 * buffers and copies nothing, where an array of row objects (or of 13 values per row) costs a
 * structured clone of every value on one side and an allocation of every value on the other. The
 * receiver turns the code units into one string and slices the fields out of it.
 *
 * Text fields per row, in this order; each has one length slot:
 * `length >= 0` the next `length` code units; NULL_TEXT the field is null; SAME_AS_ABOVE
 * the field equals the same field of the previous row of the batch; SAME_AS_SYMBOL (symbol_key only)
 * it equals the row's symbol.
 */
export const TEXTS_PER_ROW = TEXT_FIELDS.length;
/** Numbers per row (shared/import/position-columns.ts): line, value in cents, is_cash (0/1), base value in cents (NaN for none). */
export const NUMS_PER_ROW = NUMBER_FIELDS.length;

/** Where each field sits in a row's text slots and number slots (derived, so they follow the one list). */
const text = (f: (typeof TEXT_FIELDS)[number]) => TEXT_FIELDS.indexOf(f);
const num = (f: (typeof NUMBER_FIELDS)[number]) => NUMBER_FIELDS.indexOf(f);
const T_ACCOUNT = text('account');
const T_SYMBOL = text('symbol');
const T_SYMBOL_KEY = text('symbolKey');
const T_ISIN = text('isin');
const T_CUSIP = text('cusip');
const T_DESCRIPTION = text('description');
const T_TYPE = text('securityType');
const T_QUANTITY = text('quantity');
const T_PRICE = text('price');
const T_CURRENCY = text('currency');
const T_CONID = text('conid');
const N_LINE = num('line');
const N_VALUE = num('valueCents');
const N_CASH = num('isCash');
const N_BASE = num('baseValueCents');
/** Slots among a row's bound values (the column order). */
const TEXT_SLOTS = TEXT_FIELDS.map((f) => SLOT[f]);
const S_LINE = SLOT.line;
const S_VALUE = SLOT.valueCents;
const S_CASH = SLOT.isCash;
const S_BASE = SLOT.baseValueCents;

export const NULL_TEXT = -1;
export const SAME_AS_ABOVE = -2;
export const SAME_AS_SYMBOL = -3;

/** One batch as it travels (the buffers are transferred). */
export interface RowBatch {
  count: number;
  /** Code units of the text fields: one byte each when every unit is below 256, else two. */
  chars: Uint8Array | Uint16Array;
  nums: Float64Array;
  lens: Int32Array;
}

/** The buffers to transfer with a batch. */
export const batchBuffers = (b: RowBatch): ArrayBuffer[] => [b.chars.buffer as ArrayBuffer, b.nums.buffer as ArrayBuffer, b.lens.buffer as ArrayBuffer];

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function batchText(chars: Uint8Array | Uint16Array): string {
  if (chars.length === 0) return '';
  if (chars instanceof Uint8Array) return Buffer.from(chars.buffer, chars.byteOffset, chars.length).toString('latin1');
  // Code unit for code unit (a lone surrogate stays one, as it was in the parser's string).
  if (LITTLE_ENDIAN) return Buffer.from(chars.buffer, chars.byteOffset, chars.byteLength).toString('utf16le');
  let out = '';
  for (let i = 0; i < chars.length; i += 8192) out += String.fromCharCode(...chars.subarray(i, i + 8192));
  return out;
}

/** Code units of text after which a batch is handed over whatever its row count (cells may be 100,000 characters). */
export const MAX_BATCH_UNITS = 4 << 20;


/** Fills one batch row by row; `take()` hands it over and starts the next. */
export class RowBatchWriter {
  /** Code units, one byte each while every unit so far is below 256 (then `wide` is null). */
  private narrow: Uint8Array;
  private wide: Uint16Array | null = null;
  private used = 0;
  private nums: Float64Array;
  private lens: Int32Array;
  private readonly prev: (string | null)[] = new Array<string | null>(TEXTS_PER_ROW).fill(null);
  count = 0;

  constructor(private readonly capacity: number) {
    this.nums = new Float64Array(capacity * NUMS_PER_ROW);
    this.lens = new Int32Array(capacity * TEXTS_PER_ROW);
    this.narrow = new Uint8Array(capacity * 64);
  }

  /** Full at `capacity` rows, or sooner when the rows are wide: a batch's text stays a few MB. */
  get full(): boolean {
    return this.count >= this.capacity || this.used >= MAX_BATCH_UNITS;
  }

  /** Room for `n` more code units. */
  private reserve(n: number): void {
    const size = this.wide ? this.wide.length : this.narrow.length;
    if (this.used + n <= size) return;
    const grown = Math.max(size * 2, this.used + n);
    if (this.wide) {
      const w = new Uint16Array(grown);
      w.set(this.wide.subarray(0, this.used));
      this.wide = w;
    } else {
      const b = new Uint8Array(grown);
      b.set(this.narrow.subarray(0, this.used));
      this.narrow = b;
    }
  }

  /** From the first code unit above 255 on, two bytes per unit (rare: most files are Latin-1). */
  private widen(written: number): Uint16Array {
    const w = new Uint16Array(Math.max(this.narrow.length, 16));
    for (let i = 0; i < written; i++) w[i] = this.narrow[i] as number;
    this.wide = w;
    return w;
  }

  private put(slot: number, field: number, value: string | null): void {
    const lens = this.lens;
    if (value === null) lens[slot] = NULL_TEXT;
    else if (this.count > 0 && value === this.prev[field]) lens[slot] = SAME_AS_ABOVE;
    else {
      const n = value.length;
      lens[slot] = n;
      this.reserve(n);
      let at = this.used;
      let j = 0;
      if (this.wide === null) {
        const bytes = this.narrow;
        for (; j < n; j++) {
          const u = value.charCodeAt(j);
          if (u > 0xff) break;
          bytes[at++] = u;
        }
      }
      if (j < n) {
        const units = this.wide ?? this.widen(at);
        for (; j < n; j++) units[at++] = value.charCodeAt(j);
      }
      this.used = at;
    }
    this.prev[field] = value;
  }

  add(p: ParsedPosition): void {
    const n = this.count * NUMS_PER_ROW;
    this.nums[n + N_LINE] = p.line;
    this.nums[n + N_VALUE] = p.valueCents;
    this.nums[n + N_CASH] = p.isCash ? 1 : 0;
    this.nums[n + N_BASE] = p.baseValueCents ?? Number.NaN;
    const t = this.count * TEXTS_PER_ROW;
    this.put(t + T_ACCOUNT, T_ACCOUNT, p.account);
    this.put(t + T_SYMBOL, T_SYMBOL, p.symbol);
    if (p.symbol !== null && p.symbolKey === p.symbol) {
      this.lens[t + T_SYMBOL_KEY] = SAME_AS_SYMBOL;
      this.prev[T_SYMBOL_KEY] = p.symbolKey;
    } else this.put(t + T_SYMBOL_KEY, T_SYMBOL_KEY, p.symbolKey);
    this.put(t + T_ISIN, T_ISIN, p.isin);
    this.put(t + T_CUSIP, T_CUSIP, p.cusip);
    this.put(t + T_DESCRIPTION, T_DESCRIPTION, p.description);
    this.put(t + T_TYPE, T_TYPE, p.securityType);
    this.put(t + T_QUANTITY, T_QUANTITY, p.quantity);
    this.put(t + T_PRICE, T_PRICE, p.price);
    this.put(t + T_CURRENCY, T_CURRENCY, p.currency);
    this.put(t + T_CONID, T_CONID, p.conid ?? null);
    this.count++;
  }

  /** The batch so far (null when empty); the writer starts a new one. */
  take(): RowBatch | null {
    if (this.count === 0) return null;
    const chars = this.wide ? this.wide.slice(0, this.used) : this.narrow.slice(0, this.used);
    const batch: RowBatch = {
      count: this.count,
      chars,
      nums: this.count === this.capacity ? this.nums : this.nums.slice(0, this.count * NUMS_PER_ROW),
      lens: this.count === this.capacity ? this.lens : this.lens.slice(0, this.count * TEXTS_PER_ROW),
    };
    this.used = 0;
    this.wide = null;
    this.nums = new Float64Array(this.capacity * NUMS_PER_ROW);
    this.lens = new Int32Array(this.capacity * TEXTS_PER_ROW);
    this.count = 0;
    return batch;
  }
}

/**
 * Reads a batch back row by row into `out`: the column values of `positions` after snapshot_id, in
 * the order of shared/import/position-columns.ts, written at `out[at + SLOT.field]`.
 */
export class RowBatchReader {
  private pos = 0;
  private row = 0;
  private readonly prev: (string | null)[] = new Array<string | null>(TEXTS_PER_ROW).fill(null);
  private readonly text: string;

  constructor(private readonly batch: RowBatch) {
    this.text = batchText(batch.chars);
  }

  get remaining(): number {
    return this.batch.count - this.row;
  }

  private field(slot: number, field: number): string | null {
    const len = this.batch.lens[slot] as number;
    let value: string | null;
    if (len >= 0) {
      value = len === 0 ? '' : this.text.slice(this.pos, this.pos + len);
      this.pos += len;
    } else if (len === NULL_TEXT) value = null;
    else if (len === SAME_AS_ABOVE) value = this.prev[field] ?? null;
    else value = this.prev[T_SYMBOL] ?? null;
    this.prev[field] = value;
    return value;
  }

  /** Writes the next row's values into `out` at `at` (one slot per column). */
  next(out: unknown[], at: number): void {
    const n = this.row * NUMS_PER_ROW;
    const t = this.row * TEXTS_PER_ROW;
    const nums = this.batch.nums;
    // Text fields in their slot order: each read advances through the batch's text.
    for (let k = 0; k < TEXTS_PER_ROW; k++) out[at + TEXT_SLOTS[k]!] = this.field(t + k, k);
    out[at + S_LINE] = nums[n + N_LINE];
    out[at + S_VALUE] = nums[n + N_VALUE];
    out[at + S_CASH] = nums[n + N_CASH];
    const base = nums[n + N_BASE] as number;
    out[at + S_BASE] = base === base ? base : null;
    this.row++;
  }
}
