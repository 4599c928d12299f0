import { POSITION_COLUMNS, SLOT } from '../../shared/import/position-columns';
import type { Db } from '../connection';
import { PositionGroups, recordPositionGroups } from '../exposure/position-groups';
import { recordSnapshotKeys } from '../securities/resolve';
import { columns, sql, table } from '../sql';
import { PositionInsert, ROWS_PER_INSERT, VALUES_PER_ROW } from './position-insert';

export { ROWS_PER_INSERT, VALUES_PER_ROW };

/** What a snapshot is known by when its writing starts; the import learns its date and hash at the end. */
export interface SnapshotStart {
  portfolioId: number;
  asOf: string;
  sourceFile: string;
  sha256: string;
  preset: string | null;
  importedAt: string;
}

/** What the end of the writing may still set: the import's date, hash and preset, a repricing's source. */
export interface SnapshotEnd {
  asOf?: string;
  sha256?: string;
  preset?: string | null;
  repricedFrom?: number;
}

/** The slots `add` reads, once per row: constants, not a lookup of SLOT per use. */
const { symbolKey: S_KEY, currency: S_CURRENCY, isCash: S_CASH, valueCents: S_VALUE, baseValueCents: S_BASE, account: S_ACCOUNT } = SLOT;

/** The columns a copy of a snapshot carries over (its id, portfolio, range and repricing source are its own). */
const SNAPSHOT_COLUMNS = columns([
  'as_of', 'source_file', 'file_sha256', 'preset', 'row_count', 'currencies', 'imported_at', 'file_total_cents', 'rows_total_cents',
  'base_value_currency', 'base_value_column', 'base_valued_some', 'base_valued_all', 'checks',
]);
const POSITION_COLUMN_NAMES = columns(POSITION_COLUMNS);

/**
 * The one writer of snapshots and their positions. Every scan of a snapshot reads its positions by
 * their rowid range (first_position_id..last_position_id, migration 1), so they must get one
 * contiguous range: the writer inserts them in order inside the caller's transaction, and records
 * the range with the count, the currencies held and the position groups the exposure reads
 * (db/exposure/position-groups.ts). The import adds rows as they are parsed, a repricing the rows
 * it computed; a copy of a portfolio (and an undone deletion) copies a snapshot in SQL.
 */
export class SnapshotWriter {
  readonly id: number;
  private first: number | null = null;
  private last: number | null = null;
  private count = 0;
  private readonly currencies = new Set<string>();
  private lastCurrency: unknown = null;
  private readonly groups = new PositionGroups();
  private readonly insert: PositionInsert;

  constructor(
    private readonly db: Db,
    start: SnapshotStart,
  ) {
    if (!db.inTransaction) throw new Error('A snapshot is written inside a transaction: all of it, or nothing.');
    this.id = Number(
      db
        .prepare('INSERT INTO snapshots (portfolio_id, as_of, source_file, file_sha256, preset, row_count, imported_at) VALUES (?, ?, ?, ?, ?, 0, ?)')
        .run(start.portfolioId, start.asOf, start.sourceFile, start.sha256, start.preset, start.importedAt).lastInsertRowid,
    );
    this.insert = new PositionInsert(db, this.id);
  }

  /**
   * Stores `n` positions (1 or ROWS_PER_INSERT), laid out in `values` (exactly n rows long) as
   * POSITION_COLUMNS, one row after another (shared/import/position-columns.ts, SLOT).
   */
  add(values: unknown[], n: number): void {
    if (n !== 1 && n !== ROWS_PER_INSERT) throw new Error(`Positions are added 1 or ${ROWS_PER_INSERT} at a time, not ${n}.`);
    for (let k = 0; k < n; k++) {
      const o = k * VALUES_PER_ROW;
      const currency = values[o + S_CURRENCY];
      if (currency !== this.lastCurrency) this.currencies.add((this.lastCurrency = currency) as string);
      this.groups.add(
        values[o + S_KEY] as string,
        currency as string,
        values[o + S_CASH] as number,
        values[o + S_VALUE] as number,
        (values[o + S_BASE] as number | null | undefined) ?? null,
        values[o + S_ACCOUNT] as string,
      );
    }
    // Rows of one statement get consecutive ids: the last id of a statement gives the first.
    const lastId = this.insert.run(values, n);
    this.first ??= lastId - n + 1;
    this.last = lastId;
    this.count += n;
  }

  /** The positions written so far: their rowid range and count. */
  get range(): { first: number | null; last: number | null; count: number } {
    return { first: this.first, last: this.last, count: this.count };
  }

  /**
   * Ends the snapshot: its count, currencies, rowid range and position groups, and what `end`
   * sets. `keys`: the import records each key's resolution itself (db/securities/resolve.ts);
   * otherwise each key keeps the resolution it was last given.
   */
  finish(end: SnapshotEnd = {}, keys: 'resolved' | 'carried' = 'carried'): void {
    this.db
      .prepare(
        `UPDATE snapshots SET row_count = @n, currencies = @currencies, first_position_id = @first, last_position_id = @last,
                as_of = coalesce(@asOf, as_of), file_sha256 = coalesce(@sha, file_sha256), preset = CASE WHEN @setPreset = 1 THEN @preset ELSE preset END,
                repriced_from = coalesce(@repricedFrom, repriced_from)
         WHERE id = @id`,
      )
      .run({
        id: this.id,
        n: this.count,
        currencies: [...this.currencies].sort().join(','),
        first: this.first,
        last: this.last,
        asOf: end.asOf ?? null,
        sha: end.sha256 ?? null,
        setPreset: 'preset' in end ? 1 : 0,
        preset: end.preset ?? null,
        repricedFrom: end.repricedFrom ?? null,
      });
    this.groups.write(this.db, this.id);
    if (keys === 'carried') recordSnapshotKeys(this.db, this.id);
  }
}

/**
 * Copies snapshot `from` (a live one, or one a deletion keeps for undo in the temp trash tables)
 * into portfolio `portfolioId` under a new id: the snapshot's row, its positions in id order (one
 * statement, so one contiguous range) and their groups and keys. Returns the new id.
 *
 * `keepId`: an undone deletion of one snapshot takes its id back where no snapshot took it since.
 * Two snapshots of one date are ordered by id, so under a new one an older snapshot brought back
 * would become the portfolio's latest.
 */
export function copySnapshot(db: Db, from: { schema: 'main' | 'trash'; id: number }, portfolioId: number, keepId = false): number {
  if (!db.inTransaction) throw new Error('A snapshot is copied inside a transaction: all of it, or nothing.');
  const t = (name: string) => table(from.schema === 'main' ? `main.${name}` : `temp.trash_${name}`);
  const free = keepId && db.prepare('SELECT 1 FROM main.snapshots WHERE id = ?').get(from.id) === undefined;
  const id = Number(
    db.prepare(sql`INSERT INTO snapshots (id, portfolio_id, ${SNAPSHOT_COLUMNS}) SELECT ?, ?, ${SNAPSHOT_COLUMNS} FROM ${t('snapshots')} WHERE id = ?`.text).run(free ? from.id : null, portfolioId, from.id).lastInsertRowid,
  );
  const info = db.prepare(sql`INSERT INTO positions (snapshot_id, ${POSITION_COLUMN_NAMES}) SELECT ?, ${POSITION_COLUMN_NAMES} FROM ${t('positions')} WHERE snapshot_id = ? ORDER BY id`.text).run(id, from.id);
  if (info.changes > 0) {
    const last = Number(info.lastInsertRowid);
    db.prepare('UPDATE snapshots SET first_position_id = ?, last_position_id = ? WHERE id = ?').run(last - info.changes + 1, last, id);
  }
  recordPositionGroups(db, id);
  // A deleted snapshot's resolutions come back as they were (a review still open, how each key was
  // read); a copy's keys are counted from the groups and read as their latest resolution.
  const kept = from.schema === 'trash' ? db.prepare('INSERT INTO position_resolutions (snapshot_id, symbol_key, method, detail, position_count) SELECT ?, symbol_key, method, detail, position_count FROM temp.trash_position_resolutions WHERE snapshot_id = ?').run(id, from.id).changes : 0;
  if (kept === 0) recordSnapshotKeys(db, id);
  return id;
}
