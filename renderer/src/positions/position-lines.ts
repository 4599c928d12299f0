import type { TagSource } from '../../../shared/domain/types';
import type { PositionRow } from '../../../shared/exposure/position-list';
import type { ExposurePosition } from '../../../shared/exposure/model';

/** One row of the positions table: a position (as in a report) with its current tags. */
export interface PositionLine extends Omit<ExposurePosition, 'themes'> {
  readonly key: string;
  readonly themes: readonly { id: string; weight: number; source?: TagSource }[];
  /** Sum of the tag weights (1 = fully tagged). */
  readonly tagged: number;
}

export type SortColumn = 'account' | 'symbol' | 'description' | 'quantity' | 'value' | 'themes';
export interface SortOrder {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export interface PositionFilter {
  query: string;
  untaggedOnly: boolean;
  /** Only positions tagged with this theme (or one of its sub-themes), or '' for all. */
  themeIds: ReadonlySet<string> | null;
}

export const isFullyTagged = (h: Pick<PositionLine, 'tagged'>) => h.tagged >= 0.99995;

type TagLike = { symbolKey: string; themeId: string; weightBp: number; source: TagSource };
type LineTheme = PositionLine['themes'][number];

/** The themes of a position nothing tags: one list for all of them. */
const UNTAGGED: readonly LineTheme[] = Object.freeze([]);

/**
 * A line reads its position from the row the backend sent, where it copied it: at 100,000
 * positions the copies (its own numbers, key, search and sort text: about 25 heap objects a row)
 * held 50 MB more and doubled a full garbage collection of the window's heap (140-150 ms against
 * 70-95, measured in Node on 101,000 rows), which the window pays, now and then, inside a view
 * switch. Search and sort text are made when a search or a sort asks for them.
 */
class Line implements PositionLine {
  /** Made when first asked for (a row drawn, a selection): most lines of a large list never are. */
  private madeKey: string | null = null;
  constructor(
    private readonly row: PositionRow,
    private readonly index: number,
    readonly themes: readonly LineTheme[],
    readonly tagged: number,
  ) {}
  get account(): string {
    return this.row[0];
  }
  get symbol(): string {
    return this.row[1];
  }
  get symbolKey(): string {
    return this.row[2];
  }
  get description(): string {
    return this.row[3];
  }
  /** The number, for sorting (each sort reads it once a line); the table shows quantityText. */
  get quantity(): number | null {
    const q = this.row[4];
    return q === null ? null : Number(q);
  }
  get quantityText(): string | null {
    return this.row[4];
  }
  get value(): number | null {
    return this.row[5];
  }
  get localValue(): number {
    return this.row[6];
  }
  get currency(): string {
    return this.row[7];
  }
  get isCash(): boolean {
    return this.row[8];
  }
  /**
   * Unique in the list (its place in the file), the same for the same row whenever lines are built
   * again, and naming the position: a selection kept while another snapshot is shown matches only
   * the same account and security.
   */
  get key(): string {
    return (this.madeKey ??= `${this.row[0]}|${this.row[2]}|${this.index}`);
  }
}

/** Joins the snapshot's positions (loaded once) with the tags as they are now. */
export function buildPositionLines(rows: readonly PositionRow[], tags: readonly TagLike[]): PositionLine[] {
  const bySymbol = new Map<string, LineTheme[]>();
  for (const t of tags) {
    if (t.weightBp <= 0) continue;
    const list = bySymbol.get(t.symbolKey) ?? [];
    list.push({ id: t.themeId, weight: t.weightBp / 10000, ...(t.source !== 'manual' ? { source: t.source } : {}) });
    bySymbol.set(t.symbolKey, list);
  }
  // Each symbol's tags and their sum, once per symbol, shared by its lines.
  const tagged = new Map<string, { themes: readonly LineTheme[]; sum: number }>();
  for (const [symbolKey, list] of bySymbol) {
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    tagged.set(symbolKey, { themes: list, sum: list.reduce((s, t) => s + t.weight, 0) });
  }
  return rows.map((row, i) => {
    const hit = tagged.get(row[2]);
    return new Line(row, i, hit?.themes ?? UNTAGGED, hit?.sum ?? 0);
  });
}

/** Each line's search text (lower-case symbol, description and account), made on the list's first search. */
const haystacks = new WeakMap<readonly PositionLine[], string[]>();
function haystacksOf(all: readonly PositionLine[]): string[] {
  let found = haystacks.get(all);
  if (!found) {
    found = all.map((h) => `${h.symbol}\u0000${h.description}\u0000${h.account}`.toLowerCase());
    haystacks.set(all, found);
  }
  return found;
}

/** The rows a filter keeps, in the file's order (largest first). */
export function filterPositions(all: readonly PositionLine[], f: PositionFilter): PositionLine[] {
  const q = f.query.trim().toLowerCase();
  if (!q && !f.untaggedOnly && !f.themeIds) return all as PositionLine[];
  const haystack = q ? haystacksOf(all) : null;
  return all.filter(
    (h, i) =>
      (!f.untaggedOnly || (!h.isCash && !isFullyTagged(h))) &&
      (!f.themeIds || h.themes.some((t) => f.themeIds!.has(t.id))) &&
      (!haystack || haystack[i]!.includes(q)),
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Empty values (no quantity, no exchange rate) go last whichever way the column is sorted.
const nullable = (a: number | null, b: number | null, dir: number) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : dir * (a - b));

/**
 * A sorted copy; ties keep the file's order. Text compares by code unit on upper case: a 100,000-row
 * sort stays well under a frame budget, where a locale collator takes several times longer.
 */
export function sortPositions(rows: readonly PositionLine[], order: SortOrder | null): PositionLine[] {
  if (!order) return rows as PositionLine[];
  const dir = order.direction === 'asc' ? 1 : -1;
  // Each line's sort key made once per sort (upper-case text too), not per comparison nor kept on every line.
  const by = <K>(keyOf: (h: PositionLine) => K, cmp: (a: K, b: K) => number) =>
    rows
      .map((h, i) => ({ h, i, k: keyOf(h) }))
      .sort((x, y) => cmp(x.k, y.k) || x.i - y.i)
      .map((x) => x.h);
  const number = (a: number | null, b: number | null) => nullable(a, b, dir);
  const text = (a: string, b: string) => dir * compareText(a, b);
  switch (order.column) {
    case 'value':
      return by((h) => h.value, number);
    case 'quantity':
      return by((h) => h.quantity, number);
    case 'themes':
      return by((h) => h.tagged, number);
    case 'account':
      return by((h) => h.account.toUpperCase(), text);
    case 'symbol':
      return by((h) => h.symbol.toUpperCase(), text);
    case 'description':
      return by((h) => h.description.toUpperCase(), text);
  }
}
