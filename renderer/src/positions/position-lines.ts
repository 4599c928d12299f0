import type { TagSource } from '../../../shared/domain/types';
import type { PositionRow } from '../../../shared/exposure/position-list';
import type { ExposurePosition } from '../../../shared/exposure/model';

/** One row of the positions table: a position (as in a report) with its current tags. */
export interface PositionLine extends Omit<ExposurePosition, 'themes'> {
  key: string;
  themes: { id: string; weight: number; source?: TagSource }[];
  /** Sum of the tag weights (1 = fully tagged). */
  tagged: number;
  /** Lower-case symbol, description and account, for search. */
  haystack: string;
  /** Upper-case account, symbol and description, for sorting (made once, not per comparison). */
  sortText: [string, string, string];
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

/** Joins the snapshot's positions (loaded once) with the tags as they are now. */
export function buildPositionLines(rows: readonly PositionRow[], tags: readonly TagLike[]): PositionLine[] {
  const bySymbol = new Map<string, { id: string; weight: number; source?: TagSource }[]>();
  for (const t of tags) {
    if (t.weightBp <= 0) continue;
    const list = bySymbol.get(t.symbolKey) ?? [];
    list.push({ id: t.themeId, weight: t.weightBp / 10000, ...(t.source !== 'manual' ? { source: t.source } : {}) });
    bySymbol.set(t.symbolKey, list);
  }
  for (const list of bySymbol.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map(([account, symbol, symbolKey, description, quantity, value, localValue, currency, isCash], i) => {
    const themes = bySymbol.get(symbolKey) ?? [];
    return {
      key: `${account}|${symbolKey}|${i}`,
      account,
      symbol,
      symbolKey,
      description,
      quantity,
      value,
      localValue,
      currency,
      isCash,
      themes,
      tagged: themes.reduce((s, t) => s + t.weight, 0),
      haystack: `${symbol}\u0000${description}\u0000${account}`.toLowerCase(),
      sortText: [account.toUpperCase(), symbol.toUpperCase(), description.toUpperCase()],
    };
  });
}

/** The rows a filter keeps, in the file's order (largest first). */
export function filterPositions(all: readonly PositionLine[], f: PositionFilter): PositionLine[] {
  const q = f.query.trim().toLowerCase();
  if (!q && !f.untaggedOnly && !f.themeIds) return all as PositionLine[];
  return all.filter(
    (h) =>
      (!f.untaggedOnly || (!h.isCash && !isFullyTagged(h))) &&
      (!f.themeIds || h.themes.some((t) => f.themeIds!.has(t.id))) &&
      (!q || h.haystack.includes(q)),
  );
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Empty values (no quantity, no exchange rate) go last whichever way the column is sorted.
const nullable = (a: number | null, b: number | null, dir: number) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : dir * (a - b));

/**
 * A sorted copy; ties keep the file's order. Text compares by code unit on upper case: a 100,000-row
 * sort stays well under a frame budget, where a locale collator takes several times longer.
 */
export function sortPositions(rows: readonly PositionLine[], order: SortOrder | null): PositionLine[] {
  if (!order) return rows as PositionLine[];
  const dir = order.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((h, i) => ({ h, i }));
  const by = (cmp: (a: PositionLine, b: PositionLine) => number) => keyed.sort((x, y) => cmp(x.h, y.h) || x.i - y.i).map((x) => x.h);
  switch (order.column) {
    case 'value':
      return by((a, b) => nullable(a.value, b.value, dir));
    case 'quantity':
      return by((a, b) => nullable(a.quantity, b.quantity, dir));
    case 'themes':
      return by((a, b) => dir * (a.tagged - b.tagged));
    case 'account':
      return by((a, b) => dir * text(a.sortText[0], b.sortText[0]));
    case 'symbol':
      return by((a, b) => dir * text(a.sortText[1], b.sortText[1]));
    case 'description':
      return by((a, b) => dir * text(a.sortText[2], b.sortText[2]));
  }
}
