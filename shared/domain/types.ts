/** Domain types shared by every layer, named in the user's words. */

/** A tag weight in basis points: 10000 = 100%. */
export type BasisPoints = number;

export const FULL_WEIGHT_BP = 10_000;

export interface Portfolio {
  id: number;
  name: string;
  baseCurrency: string;
  clientName: string | null;
  notes: string | null;
  createdAt: string;
}

export interface PortfolioSummary extends Portfolio {
  snapshotCount: number;
  latestSnapshotId: number | null;
  latestAsOf: string | null;
}

export interface Snapshot {
  id: number;
  portfolioId: number;
  asOf: string;
  sourceFile: string;
  fileSha256: string;
  preset: string | null;
  rowCount: number;
  importedAt: string;
}

export interface Theme {
  id: string;
  pack: string;
  name: string;
  color: string;
  description: string;
  sortOrder: number;
  isDefault: boolean;
  /** The parent theme of a sub-theme (one level), whose exposure includes this one's. */
  parentId?: string | null;
}

/** A theme's target share of a portfolio, and the band around it that counts as on target (basis points). */
export interface ThemeTarget {
  portfolioId: number;
  themeId: string;
  shareBp: number;
  bandBp: number;
}

/** A theme's target share of a client's (household's) combined portfolios, and its band (basis points). */
export interface ClientTarget {
  client: string;
  themeId: string;
  shareBp: number;
  bandBp: number;
}

/**
 * Where a tag came from; the database's CHECK (migration 12) lists the same six. 'linked': a copy of
 * the tags of the security a key is linked to (db/securities/links.ts), never set directly.
 */
export const TAG_SOURCES = ['manual', 'rule', 'suggestion', 'look-through', 'imported', 'linked'] as const;

export type TagSource = (typeof TAG_SOURCES)[number];

export interface Tag {
  symbolKey: string;
  themeId: string;
  weightBp: BasisPoints;
  source: TagSource;
  rationale: string | null;
  sourceUrl: string | null;
  updatedAt: string;
}

/** 1 `currency` = `rate` `quote`. */
export interface FxRate {
  currency: string;
  quote: string;
  rate: string;
  asOf: string;
  /** Where the rate came from: "entered", or the name of the rates file it was imported from. */
  source?: string;
}
