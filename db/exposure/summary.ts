import type { Db } from '../connection';
import { cached } from './cache';
import { summaryFromGroups } from './group-summary';
import type { CurrencyFactor } from './rates';
import type { BrokerValues } from './scan';

/**
 * Everything the exposure screen, the theme, currency and overlap views, the history and the
 * overview show of one snapshot (with today's tags), from its position groups (group-summary.ts,
 * a few thousand rows at any size), kept until data changes (cache.ts): the Positions view's
 * totals and the views share it.
 */
export interface SnapshotSummary {
  factors: CurrencyFactor[];
  missing: string[];
  broker: BrokerValues | null;
  totalCents: number;
  cashCents: number;
  taggedCents: number;
  /** Per theme id. */
  themes: Map<string, { long: number; short: number; net: number; count: number }>;
  /** Per top-level theme id: net cents and positions counted once. */
  roots: Map<string, { net: number; count: number }>;
  currencies: { currency: string; n: number; local: number; base: number | null }[];
  /** Overlap cells, a <= b by id, only those with a position. */
  overlap: { a: string; b: string; value: number; n: number }[];
}

export function snapshotSummary(db: Db, baseCurrency: string, snapshotId: number): SnapshotSummary {
  return cached(db, `summary:${baseCurrency}:${snapshotId}`, () => summaryFromGroups(db, baseCurrency, snapshotId));
}
