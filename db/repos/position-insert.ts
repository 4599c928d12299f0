import type { Statement } from 'better-sqlite3';
import { POSITION_COLUMNS, SLOT } from '../../shared/import/position-columns';
import type { Db } from '../connection';
import { columns, empty, indexed, integer, join, placeholders, sql, type Sql } from '../sql';

/** Values per position: every stored column but snapshot_id, which is written into the statement. */
export const VALUES_PER_ROW = POSITION_COLUMNS.length;

/**
 * Positions per INSERT statement: one statement call per row spends more time crossing from
 * JavaScript into SQLite than SQLite spends storing the row; 32 rows a call amortise that and stay
 * far below SQLite's parameter limit. More rows a call gain nothing (a million rows bound: 1.03-1.11 s at
 * 32, 1.07-1.14 s at 64). Nor does binding a whole batch as one JSON text, stored by
 * `INSERT ... SELECT ... FROM json_each(?)`: SQLite's JSON extraction took 4.5-4.9 s for the same rows.
 */
export const ROWS_PER_INSERT = 32;

const V = VALUES_PER_ROW;
const R = ROWS_PER_INSERT;
const S_LINE = SLOT.line;
const S_KEY = SLOT.symbolKey;
const S_SYMBOL = SLOT.symbol;
/** Every column's slot, 0..V-1. */
const ALL_SLOTS = [...Array(V).keys()];

/** Statements kept per snapshot, one per shape met; past this, batches of a new shape bind every value. */
const MAX_SHAPES = 64;

/**
 * How a batch of ROWS_PER_INSERT positions is bound. Binding values is much of an insert's cost
 * (the bench's million rows: the statement calls took 1.35-1.37 s binding all 15 values a row,
 * 1.17-1.19 s bound by shape; SQLite copying the same rows itself, 0.76 s), and a holdings file
 * repeats itself: one currency, no ISIN column, the same account type, the key equal to the ticker,
 * lines one after another. So a batch is bound by its shape:
 * - `same`: columns whose value is the same in every row, bound once for the batch;
 * - `keyIsSymbol`: every row's symbol_key is its symbol, bound once per row and stored twice;
 * - `linesInStep`: row k's line is the first row's plus k (the first bound once, k written in SQL);
 * - every other column bound row by row, as before.
 */
interface Shape {
  statement: Statement<unknown[]>;
  /** Slots bound once per row, in order; then `same`, once per batch. */
  perRow: number[];
  same: number[];
  args: unknown[];
}

/** The shape of the batch in `values` as one number: a bit per same column, then the two flags. */
function shapeOf(values: readonly unknown[]): number {
  let mask = 0;
  for (let c = 0; c < V; c++) {
    const first = values[c];
    let k = 1;
    while (k < R && values[k * V + c] === first) k++;
    if (k === R) mask |= 1 << c;
  }
  if ((mask & (1 << S_KEY)) === 0) {
    let k = 0;
    while (k < R && values[k * V + S_KEY] === values[k * V + S_SYMBOL]) k++;
    if (k === R) mask |= 1 << V;
  }
  const line0 = values[S_LINE];
  if (typeof line0 === 'number') {
    let k = 1;
    while (k < R && values[k * V + S_LINE] === line0 + k) k++;
    if (k === R) mask |= 1 << (V + 1);
  }
  return mask;
}

/**
 * Writes positions of one snapshot `ROWS_PER_INSERT` (or 1) at a time, each batch through the
 * statement of its shape. Rows are stored in the order given, one statement's rows with
 * consecutive ids: the VALUES rows are the outer loop of a CROSS JOIN (SQLite keeps the left
 * table of a CROSS JOIN outermost), the one row of values bound once the inner.
 */
export class PositionInsert {
  private readonly shapes = new Map<number, Shape>();
  private readonly plain: Shape;
  private readonly one: Statement<unknown[]>;

  constructor(
    private readonly db: Db,
    private readonly snapshotId: number,
  ) {
    const row = sql`(${integer(snapshotId)}, ${placeholders(V)})`;
    const insert = (rows: number) => sql`INSERT INTO positions (snapshot_id, ${columns(POSITION_COLUMNS)}) VALUES ${join(new Array<Sql>(rows).fill(row))}`.text;
    this.plain = { statement: db.prepare<unknown[]>(insert(R)), perRow: ALL_SLOTS, same: [], args: new Array<unknown>(R * V) };
    this.one = db.prepare<unknown[]>(insert(1));
  }

  /** Statements made for the shapes met so far (the plain one not counted). */
  get shapesMet(): number {
    let n = 0;
    for (const s of this.shapes.values()) if (s !== this.plain) n++;
    return n;
  }

  /** Stores `n` rows (1 or ROWS_PER_INSERT) laid out in `values` as POSITION_COLUMNS; returns the last row's id. */
  run(values: unknown[], n: number): number {
    if (n === 1) return Number(this.one.run(...values).lastInsertRowid);
    const mask = shapeOf(values);
    const shape = mask === 0 ? this.plain : (this.shapes.get(mask) ?? this.shapeFor(mask));
    if (shape === this.plain) return Number(shape.statement.run(...values).lastInsertRowid);
    const { perRow, same, args } = shape;
    let a = 0;
    for (let k = 0; k < R; k++) {
      const o = k * V;
      for (let i = 0; i < perRow.length; i++) args[a++] = values[o + (perRow[i] as number)];
    }
    for (let i = 0; i < same.length; i++) args[a++] = values[same[i] as number];
    return Number(shape.statement.run(...args).lastInsertRowid);
  }

  private shapeFor(mask: number): Shape {
    if (this.shapes.size >= MAX_SHAPES) return this.plain;
    const keyIsSymbol = (mask & (1 << V)) !== 0;
    const linesInStep = (mask & (1 << (V + 1))) !== 0;
    const isSame = (c: number) => (mask & (1 << c)) !== 0 || (c === S_LINE && linesInStep);
    const same = ALL_SLOTS.filter(isSame);
    const perRow = ALL_SLOTS.filter((c) => !isSame(c) && !(c === S_KEY && keyIsSymbol));
    // A batch of identical rows (every column the same) has nothing to bind row by row: bind it all.
    if (perRow.length === 0) {
      this.shapes.set(mask, this.plain);
      return this.plain;
    }
    // VALUES rows name their columns r0, r1... (the row's values in perRow order, then its place k).
    const r = (c: number) => indexed('v.r', perRow.indexOf(c));
    const expr = (c: number): Sql => {
      if (c === S_LINE && linesInStep) return sql`${indexed('k.s', c)} + ${indexed('v.r', perRow.length)}`;
      if (isSame(c)) return indexed('k.s', c);
      if (c === S_KEY && keyIsSymbol) return r(S_SYMBOL);
      return r(c);
    };
    const rowNames = [...perRow.keys(), ...(linesInStep ? [perRow.length] : [])].map((i) => indexed('r', i));
    const rows = [...Array(R).keys()].map((k) => (linesInStep ? sql`(${placeholders(perRow.length)}, ${integer(k)})` : sql`(${placeholders(perRow.length)})`));
    const once = same.length === 0 ? empty : sql` CROSS JOIN (SELECT ${join(same.map((c) => sql`? AS ${indexed('s', c)}`))}) AS k`;
    const text = sql`WITH v(${join(rowNames)}) AS (VALUES ${join(rows)})
      INSERT INTO positions (snapshot_id, ${columns(POSITION_COLUMNS)})
      SELECT ${integer(this.snapshotId)}, ${join(ALL_SLOTS.map(expr))} FROM v${once}`.text;
    const shape: Shape = { statement: this.db.prepare<unknown[]>(text), perRow, same, args: new Array<unknown>(R * perRow.length + same.length) };
    this.shapes.set(mask, shape);
    return shape;
  }
}
