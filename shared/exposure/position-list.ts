/**
 * One position as the positions table receives it: account, symbol, symbol key, description,
 * quantity as stored (decimal text: "0.12345678" shown as it is, where a number was shown to six
 * decimals and a double rounds past 15 digits), value in base currency (null when its FX rate is missing), value in its own currency,
 * currency, cash. A tuple, not an object: a large snapshot crosses to the window without repeating
 * nine key names per row.
 */
export type PositionRow = [account: string, symbol: string, symbolKey: string, description: string, quantity: string | null, value: number | null, localValue: number, currency: string, isCash: boolean];

export interface PositionList {
  snapshotId: number;
  baseCurrency: string;
  /** Positions in the snapshot; more than rows.length when the list was capped or is a page. */
  total: number;
  /** Where this page starts in the snapshot's order (largest first). */
  offset: number;
  /**
   * What the values were computed with (base currency and each rate): pages of one list share it,
   * so a page computed after a rate changed is not mixed with the pages before it.
   */
  valuesStamp: string;
  rows: PositionRow[];
}

/** The most positions the positions table loads (largest first); the rest are counted, and exported in full. */
export const POSITION_LIST_LIMIT = 250_000;
