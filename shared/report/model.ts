/** The exposure report: one model behind the exposure screen and every export format. */

export const REPORT_SCHEMA_VERSION = 1;

export interface ReportThemeRow {
  id: string;
  name: string;
  color: string;
  /** Set on a sub-theme; a parent's figures include its sub-themes'. */
  parentId?: string | null;
  /** Net exposure in base currency (long + short). */
  value: number;
  /** Long + |short| in base currency. */
  grossValue: number;
  longValue: number;
  shortValue: number;
  /** value / totalValue (0 when the total is 0). */
  share: number;
  positionCount: number;
  /** The portfolio's target for this theme, when it has one: share and band as fractions; drift = share - target. */
  target?: { share: number; band: number; drift: number; outside: boolean };
  /** With a benchmark: the benchmark's share in this theme and the active difference (share - benchmark share). */
  benchmark?: { share: number; active: number };
}

/** One portfolio of a client's combined (household) report, valued in the client's base currency. */
export interface ReportPortfolioPart {
  name: string;
  /** Its latest snapshot; null when it has none yet (then it adds nothing). */
  snapshotId: number | null;
  asOf: string | null;
  sourceFile: string | null;
  /** The portfolio's own base currency (its figures here are in the report's). */
  baseCurrency: string;
  totalValue: number;
  positionCount: number;
}

/** The fund a report is compared with: its theme shares come from its look-through (or its own tags). */
export interface ReportBenchmark {
  symbol: string;
  /** The issuer file's date, when it states one. */
  asOf: string | null;
  sourceFile: string;
  /** The part of the fund whose constituents are known (0..1). */
  coverage: number;
}

export interface ReportPositionTheme {
  id: string;
  /** Where the weight comes from: manual, rule, suggestion, look-through (derived from a fund's holdings), imported. */
  source?: string;
  /** Fraction 0..1. */
  weight: number;
  /** This position's contribution to the theme, in base currency. */
  value: number;
}

export interface ReportPosition {
  account: string;
  symbol: string;
  symbolKey: string;
  description: string;
  quantity: number | null;
  /** Value in base currency; null when its currency has no FX rate. */
  value: number | null;
  /** Value in the position's own currency. */
  localValue: number;
  currency: string;
  isCash: boolean;
  themes: ReportPositionTheme[];
}

export interface ReportWarning {
  code: 'MISSING_FX' | 'FX_NOT_AS_OF' | 'BROKER_RATE_DIFFERS' | 'UNPARSED_CELL' | 'TOTAL_MISMATCH' | 'STALE_LOOK_THROUGH' | 'AMOUNT_LIMIT' | 'UNRESOLVED_SECURITIES';
  message: string;
}

export interface ExposureReport {
  schemaVersion: number;
  portfolio: string;
  clientName: string | null;
  /** The snapshot reported on; null on a client's combined report (see `portfolios`). */
  snapshotId: number | null;
  asOf: string;
  sourceFile: string;
  baseCurrency: string;
  totalValue: number;
  cashValue: number;
  untaggedValue: number;
  themes: ReportThemeRow[];
  /** Positions in the snapshot; `positions` may hold fewer when a limit was asked for. */
  positionCount: number;
  positions: ReportPosition[];
  fxRates: { currency: string; rate: string; asOf: string }[];
  /** Tag changes since the portfolio's previous snapshot was imported (or since ever, for the first). */
  tagChanges: { symbolKey: string; themeId: string; oldWeight: number | null; newWeight: number | null; source: string; at: string }[];
  warnings: ReportWarning[];
  generatedAt: string;
  /** A client's combined report: the portfolios it adds up (absent on a portfolio's report). */
  portfolios?: ReportPortfolioPart[];
  /** Set when the report is compared with a benchmark fund (report --benchmark). */
  benchmark?: ReportBenchmark;
}

/** The exposure of one snapshot (every report but a client's combined one). */
export type SnapshotExposure = ExposureReport & { snapshotId: number };

export const REPORT_FORMATS = ['json', 'csv', 'html', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
