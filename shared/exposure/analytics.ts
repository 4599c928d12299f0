/**
 * Outputs of the exposure analytics calls (breakdowns, overlap, history, comparison, overview).
 * Values are in the portfolio's base currency; shares are fractions of the snapshot's total value.
 */

/** What a breakdown is of: the portfolio, its snapshot and the figures every view shares. */
export interface BreakdownHead {
  portfolioId: number;
  snapshotId: number;
  asOf: string;
  baseCurrency: string;
  totalValue: number;
  untaggedValue: number;
  /** Currencies held that have no rate to the base: their positions are left out of every figure. */
  missingCurrencies: string[];
}

/** One position's contribution to one theme. */
export interface ThemeContributor {
  /** The position's id: a position tagged with a theme and one of its sub-themes is two contributors of one position. */
  positionId: number;
  account: string;
  symbol: string;
  symbolKey: string;
  description: string;
  /** Tag weight, fraction 0..1. */
  weight: number;
  /** Where the weight comes from: manual, rule, suggestion, look-through, imported. */
  source: string;
  /** The sub-theme the tag names, when it is not the theme itself. */
  viaThemeId: string | null;
  /** That sub-theme's name, as the user sees it. */
  viaThemeName: string | null;
  /** The position's value in base currency. */
  positionValue: number;
  /** Its contribution to the theme (value x weight, rounded to the cent). */
  value: number;
}

export interface ThemeBreakdownRow {
  id: string;
  name: string;
  color: string;
  value: number;
  share: number;
  positionCount: number;
  /** The largest contributors by |value|, largest first. */
  top: ThemeContributor[];
}

/** Exposure by top-level theme (sub-themes rolled in) with each theme's top contributors. */
export interface ThemeBreakdown extends BreakdownHead {
  themes: ThemeBreakdownRow[];
}

export interface AccountBreakdownRow {
  account: string;
  totalValue: number;
  untaggedValue: number;
  positionCount: number;
  /** Net value per top-level theme id. */
  themes: Record<string, number>;
}

export interface AccountBreakdown extends BreakdownHead {
  themes: { id: string; name: string; color: string }[];
  accounts: AccountBreakdownRow[];
}

export interface CurrencyBreakdownRow {
  currency: string;
  positionCount: number;
  /** Sum in the currency itself. */
  localValue: number;
  /** In base currency; null when there is no rate. */
  value: number | null;
  share: number | null;
  /** "1 EUR = 1.0845 USD", or '' for the base currency itself; null when missing. */
  rate: string | null;
  rateAsOf: string | null;
  missing: boolean;
  /**
   * Valued by the broker in the base currency (its own column), or null. `rate` is the rate held
   * for the currency, if any (its description), of `rateAsOf`; where that rate gives a figure more than 0.5% from
   * the broker's, `ratedValue` is that figure and `apart` how far apart (a fraction), else both null.
   */
  broker: { column: string; rate: string | null; rateAsOf: string | null; ratedValue: number | null; apart: number | null } | null;
}

export interface CurrencyBreakdown extends BreakdownHead {
  currencies: CurrencyBreakdownRow[];
}

/** Value of positions counted in both themes of a pair (the diagonal: in that theme at all). */
export interface OverlapCell {
  a: string;
  b: string;
  /** Sum of the base value of positions tagged with both themes. */
  value: number;
  positionCount: number;
}

export interface ThemeOverlap extends BreakdownHead {
  themes: { id: string; name: string; color: string }[];
  cells: OverlapCell[];
}

/** One snapshot on the history line. */
export interface HistoryPoint {
  snapshotId: number;
  asOf: string;
  totalValue: number;
  untaggedValue: number;
  /** Share per top-level theme id. */
  shares: Record<string, number>;
  values: Record<string, number>;
}

export interface ThemeHistory {
  portfolioId: number;
  baseCurrency: string;
  themes: { id: string; name: string; color: string }[];
  /** Oldest first. */
  points: HistoryPoint[];
}

export type ChangeStatus = 'new' | 'gone' | 'grown' | 'shrunk' | 'unchanged';
export type ChangeReason = 'quantity' | 'price' | 'tag';

export interface PositionChange {
  account: string;
  symbolKey: string;
  symbol: string;
  description: string;
  status: ChangeStatus;
  fromQuantity: number | null;
  toQuantity: number | null;
  fromValue: number;
  toValue: number;
  /** Value change split: quantity x old price, the rest is price (and FX); tag = change of themed value from weights. */
  quantityEffect: number;
  priceEffect: number;
  /** Themed value change due to weights alone (new value x weight change, all themes). */
  tagEffect: number;
  /** What explains the change, largest first. */
  reasons: ChangeReason[];
}

export interface ThemeChange {
  id: string;
  name: string;
  color: string;
  fromValue: number;
  toValue: number;
  fromShare: number;
  toShare: number;
  quantityEffect: number;
  priceEffect: number;
  tagEffect: number;
}

/** What no theme holds (cash included), changed as a theme's: the themes and it add up to the totals. */
export type UntaggedChange = Omit<ThemeChange, 'id' | 'name' | 'color'>;

export interface SnapshotComparison {
  portfolioId: number;
  baseCurrency: string;
  from: { snapshotId: number; asOf: string; totalValue: number };
  to: { snapshotId: number; asOf: string; totalValue: number };
  themes: ThemeChange[];
  untagged: UntaggedChange;
  counts: Record<ChangeStatus, number>;
  /** The largest changes by |value change| (and every new or gone position up to the limit). */
  positions: PositionChange[];
  /** How many positions changed (value or tag, new or gone): `positions` lists the largest of them. */
  changedCount: number;
  missingCurrencies: string[];
}

/** Every portfolio's theme shares at its latest snapshot, side by side. */
export interface PortfoliosOverview {
  themes: { id: string; name: string; color: string }[];
  portfolios: {
    id: number;
    name: string;
    clientName: string | null;
    baseCurrency: string;
    snapshotId: number | null;
    asOf: string | null;
    totalValue: number;
    untaggedShare: number;
    shares: Record<string, number>;
  }[];
}
