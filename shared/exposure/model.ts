/**
 * The exposure of a snapshot (or a client's portfolios): the one model behind the exposure screen,
 * the views and every report format (a JSON report is this object as it is).
 */
export interface ExposureTheme {
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
export interface ExposurePortfolioPart {
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
export interface ExposureBenchmark {
  symbol: string;
  /** The issuer file's date, when it states one. */
  asOf: string | null;
  sourceFile: string;
  /** The part of the fund whose constituents are known (0..1). */
  coverage: number;
}

export interface ExposurePositionTheme {
  id: string;
  /** Where the weight comes from: manual, rule, suggestion, look-through (derived from a fund's holdings), imported. */
  source?: string;
  /** Fraction 0..1. */
  weight: number;
  /** This position's contribution to the theme, in base currency. */
  value: number;
}

export interface ExposurePosition {
  account: string;
  symbol: string;
  symbolKey: string;
  description: string;
  /** The quantity as a number (an IEEE double: past about 16 significant digits, the nearest one). */
  quantity: number | null;
  /**
   * The quantity exactly as stored (plain decimal text: "123456789012345678", "0.12345678901234567"),
   * which the CSV, HTML, PDF and XLSX reports show; absent where not known. Left out of the JSON
   * report, whose `quantity` is the number (report-json.ts).
   */
  quantityText?: string | null;
  /** Value in base currency; null when its currency has no FX rate. */
  value: number | null;
  /** Value in the position's own currency. */
  localValue: number;
  currency: string;
  isCash: boolean;
  themes: ExposurePositionTheme[];
  /**
   * A client's (household's) line: the positions it adds up, one per portfolio and account, each as
   * its portfolio values it (at the rates of that snapshot's date). The breakdowns by account and by
   * currency are made of these. Absent on a portfolio's report.
   */
  parts?: ExposurePositionPart[];
}

/** One position of a household's line (ExposurePosition.parts). */
export interface ExposurePositionPart {
  /** The portfolio it is held in. */
  portfolio: string;
  /** Where it is held, as the breakdown by account names it: "portfolio · account" (the portfolio alone without an account). */
  account: string;
  quantity: number | null;
  /** In the client's currency; null when its currency has no rate. */
  value: number | null;
  /** In the line's currency. */
  localValue: number;
  /** Its contribution to each theme it is tagged with: the line's themes[].value are their sums. */
  themes: { id: string; value: number }[];
}

export interface ExposureWarning {
  code:
    | 'MISSING_FX'
    | 'FX_NOT_AS_OF'
    | 'BROKER_RATE_DIFFERS'
    | 'UNPARSED_CELL'
    | 'TOTAL_MISMATCH'
    | 'SIGN_DIFFERS'
    | 'VALUE_COMPUTED'
    | 'VALUE_DIFFERS'
    | 'VALUE_SUB_CENT'
    | 'LOOKS_LIKE_TOTAL'
    | 'REPEATED_ROWS'
    | 'STALE_LOOK_THROUGH'
    | 'AMOUNT_LIMIT'
    | 'UNRESOLVED_SECURITIES'
    | 'KEPT_LAST_VALUE';
  /** In English (the command line's, and the JSON, CSV and XLSX reports'). */
  message: string;
  /** Its figures, so a window or report in another language can say it (shared/exposure/warnings.ts); never in the JSON outputs. */
  params?: Record<string, string>;
  /** A client's combined report: the portfolio it is about (the message starts with its name). */
  of?: string;
}

export interface Exposure {
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
  themes: ExposureTheme[];
  /** Positions in the snapshot; `positions` may hold fewer when a limit was asked for. */
  positionCount: number;
  positions: ExposurePosition[];
  /** Every rate used, with its date; on a client's report, `portfolios` names the portfolios valued at it. */
  fxRates: { currency: string; rate: string; asOf: string; portfolios?: string[] }[];
  /** Tag changes since the portfolio's previous snapshot was imported (or since ever, for the first). */
  tagChanges: { symbolKey: string; themeId: string; oldWeight: number | null; newWeight: number | null; source: string; at: string }[];
  warnings: ExposureWarning[];
  generatedAt: string;
  /** A client's combined report: the portfolios it adds up (absent on a portfolio's report). */
  portfolios?: ExposurePortfolioPart[];
  /** Set when the report is compared with a benchmark fund (report --benchmark). */
  benchmark?: ExposureBenchmark;
}

/** The exposure of one snapshot (every report but a client's combined one). */
export type SnapshotExposure = Exposure & { snapshotId: number };
