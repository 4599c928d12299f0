/** What a parse learns from lines that are not positions: as-of date, current account, base currency, cash rows. */

import { findDate } from './dates';

/** A cash balance read from a part of the file other than the positions table (IBKR Cash Report). */
export interface ExtraCash {
  line: number;
  currency: string;
  valueText: string;
  description: string;
}

export interface ParseContext {
  /** Account named by the latest title line, for files without an account column. */
  account: string | null;
  baseCurrency: string | null;
  asOf: string | null;
  /** How trustworthy asOf is: 0 stated by the broker's own field, 1 a keyword line, 2 any date. */
  asOfRank: number;
  /** Read `03/04/2026` as 3 April (continental files). */
  dayFirst: boolean;
  extraCash: ExtraCash[];
  /** Scratch space for one preset's own bookkeeping. */
  state: Record<string, unknown>;
}

export function newContext(dayFirst: boolean): ParseContext {
  return { account: null, baseCurrency: null, asOf: null, asOfRank: 99, dayFirst, extraCash: [], state: {} };
}

/** Keeps the first date of the best rank seen. */
export function offerAsOf(ctx: ParseContext, date: string | null, rank: number): void {
  if (date !== null && rank < ctx.asOfRank) {
    ctx.asOf = date;
    ctx.asOfRank = rank;
  }
}

const AS_OF_KEYWORDS = /\b(as of|as at|downloaded|generated|stand|vom|per|au|date|datum|period|report|situation|positions)\b|現在|時点/i;

/** Looks for an as-of date in a title or footer line. */
export function scanLineForDate(ctx: ParseContext, cells: readonly string[]): void {
  if (ctx.asOfRank <= 1) return;
  const text = cells.join(' ').trim();
  if (text.length === 0 || text.length > 400) return;
  const date = findDate(text, ctx.dayFirst);
  if (date !== null) offerAsOf(ctx, date, AS_OF_KEYWORDS.test(text) ? 1 : 2);
}
