/**
 * The API contract, written once: every call the renderer may make, the zod schema of its input and
 * the type of its output. The backend's handler map, the Electron IPC wiring, the preload bridge and
 * the e2e harness are all derived from this one declaration.
 *
 * Longer than 300 lines on purpose: the whole API is read in one place, a few lines per call; split
 * by feature it would hide a call's neighbours and invite two definitions of one shape.
 */
import { rateProblem } from '../fx/rate-text';
import { z } from 'zod';
import { TAG_SOURCES, type FxRate, type Portfolio, type PortfolioSummary, type Snapshot, type Tag, type TagSource, type Theme, type ThemeTarget, type ClientTarget } from '../domain/types';
import { isIsoDate } from '../import/dates';
import { ENCODINGS } from '../import/decode';
import type { ScenarioResult } from '../exposure/scenario';
import { DELIMITER_CANDIDATES } from '../import/dialect';
import type { ImportCheck } from '../import/checks';
import type { Exposure, ExposurePortfolioPart, ExposureWarning, SnapshotExposure } from '../exposure/model';
import { REPORT_FORMATS } from '../report/model';
import type { Said } from '../text/fill';
import { PAPER_SIZES, REPORT_SECTIONS, type ReportPreferences } from '../report/document';
import { REPORT_LANGUAGES } from '../report/i18n';
import type { ReportExportResult, ReportRecord } from '../report/record';
import type { FileFormat, RowIssue } from '../import/types';
import { POSITION_FIELDS, type PositionField } from '../import/types';
import { CALL_NAMES, EVENT_NAMES } from './names';
import { RULE_KINDS, type RuleKind } from '../tags/rule-match';
import type { PackImport } from '../suggestions/pack';
import type { Suggestion } from '../suggestions/suggestions';
import { POSITION_LIST_LIMIT, type PositionList } from '../exposure/position-list';
import type { AccountBreakdown, CurrencyBreakdown, PortfoliosOverview, SnapshotComparison, ThemeBreakdown, ThemeHistory, ThemeOverlap } from '../exposure/analytics';

export { channelOf } from './names';

const text = (max: number) => z.string().max(max);
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD or EUR.');
const themeId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Theme ids are lower-case letters, digits and dashes.');
const symbolKey = z.string().trim().min(1).max(64);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date written YYYY-MM-DD.')
  // A real day: 2026-13-45 is a typo, not a date to store a rate or a snapshot under.
  .refine(isIsoDate, 'That is not a real date: write it YYYY-MM-DD.');
const filePath = z.string().min(1).max(4096);
/**
 * A portfolio's, client's or theme's name: one line. A name with a line break or a tab broke the
 * command line's listings (one portfolio a line, columns split by tabs) and every report's layout.
 */
const oneLineName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'A name is one line: no line breaks, tabs or other control characters.');
/** The same where empty means none (a portfolio's client). */
const oneLineText = text(200).regex(/^[^\p{Cc}]*$/u, 'A name is one line: no line breaks, tabs or other control characters.');
/** A client (household): the name its portfolios share, matched as portfolio names are. */
const client = oneLineName;
/** The largest positions only, as many as a screen shows (an export asks for none and gets all). */
const positionLimit = z.number().int().min(0).max(1_000_000);
const shocks = z.array(z.strictObject({ themeId, shockBp: z.number().int().min(-10_000).max(100_000) })).min(1).max(100);
/** A fund imported for look-through, compared with (its theme shares beside the portfolio's). */
const benchmark = symbolKey;
const weightBp = z.number().int().min(0).max(10_000);
const reportSections = z.array(z.enum(REPORT_SECTIONS)).max(REPORT_SECTIONS.length);
/** What any report is made with, besides what it is on: sections (the cover always is; all when left out), a benchmark, theme shocks. */
/** `language`: the PDF and HTML report's language for this report only (the preference otherwise). */
const reportContent = { sections: reportSections.optional(), benchmark: benchmark.optional(), shocks: shocks.optional(), language: z.enum(REPORT_LANGUAGES).optional() };
/**
 * Which existing file at `path` may be replaced: any (the app's save dialog asked the user; the
 * default), or only one ThemeLens wrote there and nobody changed since (the command line without
 * --replace). The database's own files never are.
 */
const replace = z.enum(['own', 'any']).optional();
const reportFile = { format: z.enum(REPORT_FORMATS), path: filePath, replace, paper: z.enum(PAPER_SIZES).default('a4'), ...reportContent };
const reportText = { format: z.enum(['html', 'json', 'csv']).default('html'), ...reportContent };
// Trimmed as stored: " 1.1" passed the check and was stored with its space, then read as no rate at all (MISSING_FX).
const decimalText = z.string().trim().superRefine((value, ctx) => {
  const problem = rateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const ruleSchema = z.strictObject({
  kind: z.enum(RULE_KINDS),
  pattern: z.string().trim().min(1).max(2000),
  themeId,
  weightBp,
  priority: z.number().int().min(-1000).max(1000).default(0),
});

export const importOptionsSchema = z.strictObject({
  encoding: z.enum(ENCODINGS).optional(),
  delimiter: z.enum(DELIMITER_CANDIDATES).optional(),
  /**
   * The number columns' decimal separator, instead of the one their figures suggest; 'auto' reads
   * it from the figures even where the mapping saved for the header row names one.
   */
  decimal: z.enum(['.', ',', 'auto']).optional(),
  preset: text(64).optional(),
  mapping: z.partialRecord(z.enum(POSITION_FIELDS), text(200)).optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/**
 * Input schemas of every call, each built the first time it is used: building all ~90 zod schemas
 * took about a fifth of the command line's start-up, and a command validates one or two.
 */
const inputBuilders = {
  listPortfolios: () => z.strictObject({}),
  createPortfolio: () => z.strictObject({
    name: oneLineName,
    baseCurrency: currency.default('USD'),
    clientName: oneLineText.nullable().optional(),
  }),
  listSnapshots: () => z.strictObject({ portfolioId: id }),
  listImportIssues: () => z.strictObject({ snapshotId: id }),
  previewImport: () => z.strictObject({ path: filePath, options: importOptionsSchema.default({}) }),
  importHoldings: () => z.strictObject({
    path: filePath,
    portfolioId: id.optional(),
    portfolioName: oneLineName.optional(),
    baseCurrency: currency.optional(),
    /** The client (household) the portfolio belongs to; a portfolio of another client is refused. */
    clientName: oneLineName.optional(),
    asOf: isoDate.optional(),
    options: importOptionsSchema.default({}),
    skipInvalid: z.boolean().default(false),
    allowDuplicate: z.boolean().default(false),
    /** Save options.mapping for files with the same header row. */
    rememberMapping: z.boolean().default(false),
  }),
  cancelImport: () => z.strictObject({}),
  listThemes: () => z.strictObject({}),
  createTheme: () => z.strictObject({
    name: oneLineName,
    pack: text(200).optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colors are written #rrggbb.').optional(),
    description: text(2000).optional(),
    parentId: themeId.nullable().optional(),
  }),
  updateTheme: () => z.strictObject({
    id: themeId,
    name: oneLineName.optional(),
    pack: text(200).optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colors are written #rrggbb.').optional(),
    description: text(2000).optional(),
    parentId: themeId.nullable().optional(),
  }),
  deleteTheme: () => z.strictObject({ id: themeId }),
  restoreDefaultThemes: () => z.strictObject({}),
  reorderThemes: () => z.strictObject({ ids: z.array(themeId).max(500) }),
  tagHistory: () => z.strictObject({ symbolKey: symbolKey.optional(), since: z.string().max(40).optional(), limit: z.number().int().positive().max(100_000).optional() }),
  listSuggestions: () => z.strictObject({ onlyHeld: z.boolean().default(false) }),
  /** A newer version of the suggestion pack: what it changes, and (unless dryRun) in use from now on. */
  importPack: () => z.strictObject({ path: filePath, dryRun: z.boolean().default(false) }),
  showPack: () => z.strictObject({}),
  /** Starts the PDF printer ahead of a batch of reports (returns at once). */
  warmUpPdf: () => z.strictObject({}),
  acceptSuggestions: () => z.strictObject({ items: z.array(z.strictObject({ symbolKey, themeId })).min(1).max(1000) }),
  rejectSuggestions: () => z.strictObject({ items: z.array(z.strictObject({ symbolKey, themeId })).min(1).max(1000) }),
  listRules: () => z.strictObject({}),
  createRule: () => ruleSchema,
  deleteRule: () => z.strictObject({ id }),
  previewRule: () => ruleSchema,
  applyRules: () => z.strictObject({}),
  importFundHoldings: () => z.strictObject({ fundSymbol: symbolKey, path: filePath }),
  listFunds: () => z.strictObject({}),
  exportTags: () => z.strictObject({ path: filePath, replace, format: z.enum(['json', 'csv']) }),
  previewTagImport: () => z.strictObject({ path: filePath }),
  importTags: () => z.strictObject({ path: filePath }),
  listTags: () => z.strictObject({}),
  setTag: () => z.strictObject({ symbolKey, themeId, weightBp }),
  removeTag: () => z.strictObject({ symbolKey, themeId: themeId.optional() }),
  /** Several tag edits as one step (bulk tagging, undo, redo): all apply or none does. */
  applyTagChanges: () => z.strictObject({
    changes: z
      .array(
        z.strictObject({
          symbolKey,
          themeId,
          weightBp: weightBp.nullable(),
          source: z.enum(TAG_SOURCES).optional(),
          rationale: text(2000).optional(),
          sourceUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
        }),
      )
      .min(1)
      .max(20_000),
  }),
  /** Without `asOf`: today. Each day keeps its own rate; a snapshot uses the rate of its date. */
  setFxRate: () =>
    z
      .strictObject({ currency, quote: currency, rate: decimalText, asOf: isoDate.optional() })
      // 1 USD is always 1 USD: a pair of one currency broke the table's CHECK as an internal error.
      .refine((r) => r.currency !== r.quote, { message: 'A rate converts one currency into another: give two different currencies.', path: ['quote'] }),
  /** What theme shocks do to a snapshot (shared/exposure/scenario.ts); shocks in basis points of value, -10000..+100000. */
  /** positionLimit: only the positions that move most (a screen's few), computed without reading the rest; all when left out. */
  runScenario: () => z.strictObject({ portfolioId: id, snapshotId: id.optional(), shocks, positionLimit: z.number().int().min(0).max(10_000).optional() }),
  /** The same over a client's combined portfolios (getClientExposure). */
  runClientScenario: () => z.strictObject({ client, baseCurrency: currency.optional(), shocks }),
  /** The securities held (latest snapshots), and what waits in Needs review. */
  listSecurities: () => z.strictObject({ unresolved: z.boolean().default(false) }),
  /** How each key of a snapshot was resolved to a security (for the positions table). */
  listSnapshotSecurities: () => z.strictObject({ snapshotId: id }),
  /** One security by ticker, key or ISIN: identifiers, links, how its positions were resolved, where held. */
  showSecurity: () => z.strictObject({ text: symbolKey }),
  /** "Same security as": positions under `key` take the tags of `canonical` (an ISIN or ticker may name either). */
  linkSecurities: () => z.strictObject({ key: symbolKey, canonical: symbolKey }),
  unlinkSecurities: () => z.strictObject({ key: symbolKey, canonical: symbolKey.optional() }),
  /** Confirms (with the chosen candidate) or rejects an item of Needs review. */
  decideSecurityReview: () => z.strictObject({ id, decision: z.enum(['confirm', 'reject']), candidate: symbolKey.optional() }),
  /** Each client with its portfolios. */
  listClients: () => z.strictObject({}),
  /** The sample household (shared/samples/household.ts), into an empty database only; and away again. */
  loadSampleHousehold: () => z.strictObject({}),
  removeSampleHousehold: () => z.strictObject({}),
  /**
   * A client's (household's) combined exposure: the latest snapshot of each of its portfolios, in the
   * client's base currency (the one its portfolios share, else `baseCurrency` is required).
   */
  getClientExposure: () => z.strictObject({ client, baseCurrency: currency.optional(), benchmark: benchmark.optional(), positionLimit: positionLimit.optional() }),
  setClientTarget: () => z.strictObject({ client, themeId, shareBp: z.number().int().min(0).max(10_000), bandBp: z.number().int().min(0).max(10_000) }),
  listClientTargets: () => z.strictObject({ client }),
  removeClientTarget: () => z.strictObject({ client, themeId }),
  /** A theme's target share of a portfolio (0..10000 bp) and its band (percentage points, in bp). */
  setThemeTarget: () => z.strictObject({ portfolioId: id, themeId, shareBp: z.number().int().min(0).max(10_000), bandBp: z.number().int().min(0).max(10_000) }),
  listThemeTargets: () => z.strictObject({ portfolioId: id }),
  removeThemeTarget: () => z.strictObject({ portfolioId: id, themeId }),
  /** A new snapshot of the portfolio's latest holdings at the prices in a file (symbol or ISIN, price, currency, date). */
  repricePortfolio: () => z.strictObject({ path: filePath, portfolioId: id.optional(), portfolioName: z.string().trim().min(1).max(200).optional(), asOf: isoDate.optional() }),
  /** A rates file: date,currency,rate[,base] rows, or a central bank's Date,USD,JPY,... table. `base`: the base when the file names none. */
  importFxRates: () => z.strictObject({ path: filePath, base: currency.optional() }),
  listFxRates: () => z.strictObject({}),
  getExposure: () => z.strictObject({
    portfolioId: id,
    snapshotId: id.optional(),
    /** The largest positions only (a screen needs the top rows, an export needs all). */
    positionLimit: positionLimit.optional(),
    benchmark: benchmark.optional(),
  }),
  /** A page of a snapshot's positions for the positions table, largest first: `offset` rows in, at most `limit` of them. */
  listPositions: () => z.strictObject({
    snapshotId: id,
    offset: z.number().int().min(0).max(POSITION_LIST_LIMIT).default(0),
    limit: z.number().int().positive().max(POSITION_LIST_LIMIT).default(POSITION_LIST_LIMIT),
  }),
  exportReport: () => z.strictObject({ portfolioId: id, snapshotId: id.optional(), ...reportFile }),
  /** A client's combined report (getClientExposure) as a file; not recorded for regenerate. */
  exportClientReport: () => z.strictObject({ client, baseCurrency: currency.optional(), ...reportFile }),
  previewClientReport: () => z.strictObject({ client, baseCurrency: currency.optional(), ...reportText }),
  /** The report as text (html for the preview; json or csv) without writing or recording anything. */
  previewReport: () => z.strictObject({ portfolioId: id, snapshotId: id.optional(), ...reportText }),
  listReports: () => z.strictObject({ portfolioId: id.optional() }),
  /** Makes a recorded report again from its recorded inputs, whatever changed since. */
  regenerateReport: () => z.strictObject({ reportId: id, path: filePath, replace, format: z.enum(REPORT_FORMATS).optional(), paper: z.enum(PAPER_SIZES).optional() }),
  getReportPreferences: () => z.strictObject({}),
  setReportPreferences: () => z.strictObject({
    reportTitle: z.string().trim().min(1).max(200).optional(),
    adviserName: text(200).optional(),
    adviserFirm: text(200).optional(),
    /** A base64 PNG or JPEG data: URL of at most 512 KB, or null to remove the logo. */
    logoDataUrl: z
      .string()
      .max(700_000)
      .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, 'The logo must be a PNG or JPEG image.')
      .nullable()
      .optional(),
    disclaimer: text(10_000).optional(),
    language: z.enum(REPORT_LANGUAGES).optional(),
  }),
  listBackups: () => z.strictObject({}),
  createBackup: () => z.strictObject({}),
  restoreBackup: () => z.strictObject({ file: z.string().regex(/^themelens-[0-9TZ-]+-[a-z-]+\.db$/, 'Name a backup by its file name, as "themelens backup list" shows it (themelens-….db), not by a path.') }),
  databaseStatus: () => z.strictObject({}),
  /** Restarts the desktop app after a restore that needs it (refused when nothing does). */
  relaunchApp: () => z.strictObject({}),
  /** The menu's language follows the interface's (the renderer owns the choice). */
  setMenuLanguage: () => z.strictObject({ language: z.enum(REPORT_LANGUAGES) }),
  /** Encryption at rest: whether it is on, and whether this system has a key store for it. */
  encryptionStatus: () => z.strictObject({}),
  /** Turns encryption at rest on (a key in the system key store), then restarts to encrypt the file. */
  enableEncryption: () => z.strictObject({}),
  /** The database key, for the command line's THEMELENS_DB_KEY: released by the system key store (which may ask). */
  showDatabaseKey: () => z.strictObject({}),
  chooseImportFile: () => z.strictObject({}),
  chooseExportPath: () => z.strictObject({ format: z.enum(REPORT_FORMATS), suggestedName: text(200) }),
  // Exposure analytics: breakdowns of one snapshot (the latest unless named), history, comparison.
  getThemeBreakdown: () => z.strictObject({ portfolioId: id, snapshotId: id.optional(), top: z.number().int().positive().max(1000).default(10) }),
  getAccountBreakdown: () => z.strictObject({ portfolioId: id, snapshotId: id.optional() }),
  getCurrencyBreakdown: () => z.strictObject({ portfolioId: id, snapshotId: id.optional() }),
  getThemeOverlap: () => z.strictObject({ portfolioId: id, snapshotId: id.optional() }),
  getThemeHistory: () => z.strictObject({ portfolioId: id }),
  compareSnapshots: () => z.strictObject({ portfolioId: id, fromSnapshotId: id, toSnapshotId: id, limit: z.number().int().positive().max(10_000).default(300) }),
  /**
   * Computes ahead, on a thread of the backend's own, the figures of a large portfolio's views that
   * take longest: the shown snapshot's Themes (10 contributors) and Accounts figures and the
   * portfolio's History, a comparison (with the earlier snapshot's Themes and Accounts figures),
   * and the household's figures as getClientExposure is asked for them with a position limit.
   * A call for one of them while it is computed waits for it, holding up no other call.
   */
  prepareFigures: () =>
    z.strictObject({
      portfolioId: id,
      /** The snapshot on screen: its Themes and Accounts figures, and the portfolio's History. */
      snapshotId: id.optional(),
      comparison: z.strictObject({ fromSnapshotId: id, toSnapshotId: id }).optional(),
      household: z.strictObject({ client, baseCurrency: currency, positionLimit }).optional(),
    }),
  getPortfoliosOverview: () => z.strictObject({}),
  renamePortfolio: () => z.strictObject({ id, name: oneLineName, clientName: oneLineText.nullable().optional() }),
  duplicatePortfolio: () => z.strictObject({ id, name: oneLineName.optional() }),
  deletePortfolio: () => z.strictObject({ id }),
  /** Undoes the latest deletePortfolio of this session. */
  restorePortfolio: () => z.strictObject({ undoToken: id }),
  /** Deletes one snapshot of a portfolio (kept for undo until the app quits). */
  deleteSnapshot: () => z.strictObject({ id }),
  /** Undoes the latest deleteSnapshot of this session, if no other deletion came after it. */
  restoreSnapshot: () => z.strictObject({ undoToken: id }),
  /** Saves a chart the renderer drew: SVG text, or a PNG as base64 (the host shows the save dialog). */
  saveChart: () => z.strictObject({
    format: z.enum(['svg', 'png']),
    suggestedName: text(200),
    data: z.string().min(1).max(40_000_000),
  }),
} as const;

type Built<T> = { readonly [K in keyof T]: T[K] extends () => infer S ? S : never };

/** An object whose properties are built on first read, then kept. */
function builtOnRead<T extends Record<string, () => unknown>>(builders: T): Built<T> {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(builders)) {
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = (builders[key] as () => unknown)();
        Object.defineProperty(out, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return out as Built<T>;
}

/** Input schemas of every call. */
export const apiInputs = builtOnRead(inputBuilders);

export type ApiName = keyof typeof apiInputs;
export type ApiInput<K extends ApiName> = z.input<(typeof apiInputs)[K]>;
export type ApiParsedInput<K extends ApiName> = z.output<(typeof apiInputs)[K]>;

/** One cell of a preview row: as the file has it, and as ThemeLens reads it. */
export interface PreviewCellView {
  text: string;
  field: PositionField | null;
  parsed: string | null;
  ok: boolean;
  message: string | null;
}

export interface ImportPreview {
  format: FileFormat;
  /** First rows after the header, each cell shown as parsed and flagged where it did not parse. */
  rows: { line: number; kind: 'position' | 'cash' | 'total' | 'rejected' | 'skipped'; cells: PreviewCellView[]; issue: RowIssue | null; notice: 'sign' | 'computed' | 'differs' | 'subCent' | null }[];
  /** Why the file cannot be imported as mapped (the user maps columns), or null. */
  problem: string | null;
  /** The same, as the template and figures it was filled from, for the window to say in its language (shared/import/fatal-text.ts). */
  problemSaid?: { text: string; params: Record<string, string> } | null;
  /**
   * The problem is the import's too: the preview read the whole file. (The preview reads a file's
   * first megabyte; the import of a larger one reads it all, and answers for itself.)
   */
  problemFinal?: boolean;
  /** The mapping came from one the user saved for files with this header row. */
  savedMapping: boolean;
  presets: { id: string; name: string }[];
  /**
   * The decimal separator saved with that mapping, applied because none was chosen (the preview's
   * figures, and the import's, are read with it); null or absent otherwise.
   */
  savedDecimal?: '.' | ',' | null;
  /**
   * What the import would say of its decimal separator (the separator check: no sampled figure shows
   * it, it was taken from the delimiter, and this cell reads either way); null or absent when it would
   * say nothing, as when a separator is chosen or saved.
   */
  separator?: Extract<ImportCheck, { kind: 'separator' }> | null;
  /**
   * The decimal separator the preview's number columns were read with, chosen, saved or read from
   * the figures ('mixed' where columns differ); null or absent with no number column mapped.
   */
  decimalRead?: '.' | ',' | 'mixed' | null;
}

/** One tag edit: the weight of a theme on a symbol; null removes the tag. */
export interface TagChange {
  symbolKey: string;
  themeId: string;
  weightBp: number | null;
  /** Where the weight comes from (undo and redo keep it); manual unless said. */
  source?: TagSource | undefined;
  /** Why, in a sentence, and where it is documented (kept with the tag). */
  rationale?: string | undefined;
  sourceUrl?: string | undefined;
}

/** A tagging rule: positions matching `pattern` (by `kind`) get `themeId` at `weightBp`. */
export interface TagRule {
  id: number;
  kind: RuleKind;
  pattern: string;
  themeId: string;
  weightBp: number;
  priority: number;
}

/**
 * A symbol/theme pair the rules leave as it is: its highest-priority matching rules (all of the same
 * `priority`) give different weights, and no rule order may decide between them. `id` is null for a
 * rule being previewed, not saved yet.
 */
export interface RuleConflict {
  symbolKey: string;
  themeId: string;
  priority: number;
  rules: { id: number | null; kind: RuleKind; pattern: string; weightBp: number }[];
}

/** A verified copy of the database in the backups folder. */
export interface BackupInfo {
  file: string;
  path: string;
  bytes: number;
  createdAt: string;
  /** Why it was taken: import, migration, manual, before-restore. */
  reason: string;
}

/** What a restore did, and what the app must do next. */
export interface RestoreResult {
  restored: string;
  /** The backup holding the state the restore replaced (a restore can be undone). */
  safetyCopy: string;
  /** Always true: the desktop app relaunches so every window and cache reads the restored file. */
  restartRequired: true;
}

/** How the database was opened, for a start-up banner and the shell's log. */
export interface DatabaseStatus {
  /** True when the file is read-only: show a banner; saving anything fails with a clear message. */
  readOnly: boolean;
  /** What the banner says (null when the database opened normally). */
  message: string | null;
  /** The same with its template and figures, to be said in the window's language (absent from an older backend). */
  said?: Said | null;
  /** The bundled SQLite library's version. */
  sqliteVersion: string;
  schemaVersion: number;
  /** Set when start-up found the file damaged, moved it aside and began with an empty database. */
  damaged: DamagedAtStart | null;
}

/** Encryption at rest (SQLite3 Multiple Ciphers, the key kept by the system key store). */
export interface EncryptionStatus {
  enabled: boolean;
  /** Whether this system has a real key store; when not, `reason` says why encryption cannot be turned on. */
  available: boolean;
  reason: string | null;
}

/** What start-up did with a damaged database, for the renderer's restore prompt. */
export interface DamagedAtStart {
  /** Where the damaged file now is (corrupt-<time>.db beside the database; nothing was deleted). */
  movedTo: string;
  /** The newest backup that passed its integrity check, to offer (null: there is none). */
  backup: BackupInfo | null;
}

/** A fund whose holdings were imported for look-through. */
export interface FundSummary {
  fundKey: string;
  asOf: string | null;
  sourceFile: string;
  constituents: number;
  /** Sum of constituent weights as a fraction (1 = 100%). */
  coverage: number;
}

/** One change in the tag history. */
export interface TagEvent {
  symbolKey: string;
  themeId: string;
  oldWeightBp: number | null;
  newWeightBp: number | null;
  source: string;
  at: string;
}

/** What importing a shared tags file would do (or did). */
export interface TagImportPreview {
  file: string;
  newThemes: string[];
  /** A conflict's `message` (English) comes with the template and figures it was filled from, where it has one (shared/tags/tag-file-text.ts). */
  rows: { line: number; symbolKey: string; themeId: string; oldWeightBp: number | null; newWeightBp: number; status: 'new' | 'same' | 'changed' | 'conflict'; message: string | null; text?: string; params?: Record<string, string> }[];
  errors: RowIssue[];
  counts: Record<'new' | 'same' | 'changed' | 'conflict', number>;
}

/** What repricing wrote: the new snapshot, how many positions got a price, and those that kept their last value, with why. */
export interface RepriceOutcome {
  portfolio: Portfolio;
  snapshot: Snapshot;
  file: string;
  repricedFrom: number;
  positions: number;
  repriced: number;
  stale: { symbol: string; reason: string }[];
  /** What to check before relying on the new snapshot (a date past tomorrow), as an import says it: in English, and as checks for the window to word. */
  warnings: string[];
  checks: ImportCheck[];
}

/** What a rates file added: how many rates, their dates, and the latest rate per pair. */
export interface FxRatesImport {
  file: string;
  layout: 'long' | 'wide';
  imported: number;
  /** Cells without a rate ("N/A" in a central bank's table), not imported. */
  skipped: number;
  firstDate: string;
  lastDate: string;
  latest: FxRate[];
  /** Stored rates the file replaced with another figure (the snapshots valued with them change): how many, and the first few. */
  replaced: { count: number; listed: { asOf: string; was: string; now: string }[] };
}

export interface ImportOutcome {
  portfolio: Portfolio;
  snapshot: Snapshot;
  imported: number;
  rejected: RowIssue[];
  /** Everything the import has to say, `checks` included (the command line prints them all). */
  warnings: string[];
  /** What asks the user to check a figure (a file total, a value's sign, a value left empty), as data: each window words it (checkText in English, among `warnings`). */
  checks: ImportCheck[];
}

/**
 * A suggestion still open. themePath: the theme, after the theme it rolls up into for a sub-theme,
 * each by id and name, so the window names them as it names themes (a shipped theme in the reader's
 * language); parentThemeId: the theme it rolls up into; previousWeightBp: the weight it was answered
 * at, when a newer pack re-weighted it (else null).
 */
export type OpenSuggestion = Suggestion & { themePath: { id: string; name: string }[]; parentThemeId: string | null; held: boolean; previousWeightBp: number | null };

/** Output type of every call. */
export interface ApiOutputs {
  listPortfolios: PortfolioSummary[];
  createPortfolio: Portfolio;
  listSnapshots: Snapshot[];
  listImportIssues: RowIssue[];
  previewImport: ImportPreview;
  importHoldings: ImportOutcome;
  cancelImport: { cancelled: boolean };
  listThemes: Theme[];
  listTags: Tag[];
  listPositions: PositionList;
  createTheme: Theme;
  updateTheme: Theme;
  /** What went with the theme: its sub-themes (by name), their tags and its own (each kept in the tag history), rules and targets. */
  deleteTheme: { deletedTags: number; deletedRules: number; deletedTargets: number; deletedSubThemes: string[] };
  restoreDefaultThemes: Theme[];
  reorderThemes: Theme[];
  tagHistory: TagEvent[];
  listSuggestions: OpenSuggestion[];
  importPack: PackImport;
  showPack: { name: string; version: number; asOf: string; suggestions: number };
  warmUpPdf: { started: boolean };
  acceptSuggestions: { accepted: number };
  rejectSuggestions: { rejected: number };
  listRules: TagRule[];
  createRule: TagRule;
  deleteRule: { deleted: number };
  /** `conflicts`: those the rule would make with the saved rules (pairs it would leave as they are), see RuleConflict. */
  previewRule: { positions: number; symbols: string[]; conflicts: RuleConflict[] };
  /** `conflicts`: the pairs left as they were, for the user to give one of the rules a higher priority. */
  applyRules: { tagged: number; skipped: string[]; conflicts: RuleConflict[] };
  importFundHoldings: FundSummary;
  listFunds: FundSummary[];
  exportTags: { path: string; bytes: number };
  previewTagImport: TagImportPreview;
  importTags: TagImportPreview;
  setTag: Tag[];
  removeTag: Tag[];
  applyTagChanges: { before: TagChange[]; after: TagChange[] };
  setFxRate: FxRate;
  listFxRates: FxRate[];
  importFxRates: FxRatesImport;
  repricePortfolio: RepriceOutcome;
  /** `warnings`: MISSING_FX, whose positions do not move. */
  runScenario: ScenarioResult & { portfolio: string; portfolioId: number; snapshotId: number; asOf: string; warnings: ExposureWarning[]; movedPositions: number };
  runClientScenario: ScenarioResult & { client: string; asOf: string; portfolios: ExposurePortfolioPart[]; warnings: ExposureWarning[] };
  listClients: ClientSummary[];
  loadSampleHousehold: { client: string; portfolios: number; tagged: number };
  removeSampleHousehold: { removed: number };
  listSecurities: { securities: SecuritySummary[]; reviews: SecurityReview[] };
  showSecurity: SecurityDetail;
  listSnapshotSecurities: SnapshotSecurity[];
  linkSecurities: SecurityDetail;
  unlinkSecurities: { unlinked: boolean };
  decideSecurityReview: SecurityReview[];
  getClientExposure: Exposure;
  setClientTarget: ClientTarget[];
  listClientTargets: ClientTarget[];
  removeClientTarget: ClientTarget[];
  exportClientReport: { path: string; bytes: number; fingerprint: string };
  previewClientReport: { content: string; fingerprint: string; page: { css: string; body: string } | null };
  setThemeTarget: ThemeTarget[];
  listThemeTargets: ThemeTarget[];
  removeThemeTarget: ThemeTarget[];
  getExposure: SnapshotExposure;
  exportReport: ReportExportResult;
  /** `page`: for html, the report's stylesheet and the markup inside its body apart, so the renderer can show it in a shadow root (its CSP forbids <style>). */
  previewReport: { content: string; fingerprint: string; page: { css: string; body: string } | null };
  listReports: ReportRecord[];
  regenerateReport: ReportExportResult & { sameContent: boolean };
  getReportPreferences: ReportPreferences;
  setReportPreferences: ReportPreferences;
  listBackups: BackupInfo[];
  createBackup: BackupInfo;
  restoreBackup: RestoreResult;
  databaseStatus: DatabaseStatus;
  relaunchApp: { relaunching: true };
  setMenuLanguage: { language: 'en' | 'ja' };
  encryptionStatus: EncryptionStatus;
  enableEncryption: { relaunching: true };
  showDatabaseKey: { key: string };
  chooseImportFile: { path: string; name: string } | null;
  chooseExportPath: { path: string } | null;
  getThemeBreakdown: ThemeBreakdown;
  getAccountBreakdown: AccountBreakdown;
  getCurrencyBreakdown: CurrencyBreakdown;
  getThemeOverlap: ThemeOverlap;
  getThemeHistory: ThemeHistory;
  compareSnapshots: SnapshotComparison;
  /** Whether a thread started (false: small enough to compute on the click, or already computed or being computed). */
  prepareFigures: { ahead: boolean };
  getPortfoliosOverview: PortfoliosOverview;
  renamePortfolio: Portfolio;
  duplicatePortfolio: Portfolio;
  deletePortfolio: { undoToken: number; name: string };
  restorePortfolio: Portfolio;
  deleteSnapshot: { undoToken: number; portfolioId: number; asOf: string; sourceFile: string };
  restoreSnapshot: Snapshot;
  saveChart: { path: string; bytes: number } | null;
}

/** A security held in some portfolio's latest snapshot. */
export interface SecuritySummary {
  key: string;
  name: string;
  kind: string | null;
  /** The key whose tags it takes (itself unless linked). */
  canonicalKey: string;
  isin: string | null;
  positions: number;
  portfolios: number;
  unresolved: boolean;
}

/** A key of a snapshot: the security it is (through its link, if any) and how it was resolved. */
export interface SnapshotSecurity {
  key: string;
  canonicalKey: string;
  name: string;
  isin: string | null;
  /** "US", "XTKS", "XLON": where its ticker is listed, when known. */
  market: string | null;
  method: 'identifier' | 'ticker' | 'unknown' | 'review';
  detail: string;
  /** Set when the key takes another's tags: identifier, listing or user. */
  linkReason: string | null;
}

/** An item of Needs review: a holding that could be more than one security. */
export interface SecurityReview {
  id: number;
  symbolKey: string;
  candidates: string[];
  message: string;
  source: string;
  status: 'open' | 'confirmed' | 'rejected';
  createdAt: string;
}

export interface SecurityDetail {
  /** The security's key (the canonical one), and the key the text named. */
  key: string;
  named: string;
  name: string;
  kind: string | null;
  country: string | null;
  currency: string | null;
  /** Where the master learned it: 'reference', a file, the user; null when only held. */
  source: string | null;
  identifiers: { kind: string; value: string; source: string }[];
  links: { key: string; canonicalKey: string; reason: string; source: string }[];
  resolutions: { key: string; method: string; detail: string }[];
  /** Positions of the latest snapshots that are this security (any linked key), and in how many portfolios. */
  positions: number;
  portfolios: number;
}

/** A client (household) and its portfolios; `baseCurrencies` are theirs (one: the combined figures' currency). */
export interface ClientSummary {
  name: string;
  baseCurrencies: string[];
  portfolios: { id: number; name: string; baseCurrency: string; snapshotCount: number }[];
}

/** Calls answered by the desktop shell (or the e2e harness) rather than the backend service. */
export const HOST_CALLS = ['chooseImportFile', 'chooseExportPath', 'saveChart', 'relaunchApp', 'setMenuLanguage', 'encryptionStatus', 'enableEncryption', 'showDatabaseKey'] as const satisfies readonly ApiName[];
export type HostCallName = (typeof HOST_CALLS)[number];
export type BackendCallName = Exclude<ApiName, HostCallName>;

export type Handler<K extends ApiName> = (input: ApiParsedInput<K>) => ApiOutputs[K] | Promise<ApiOutputs[K]>;
export type BackendHandlers = { [K in BackendCallName]: Handler<K> };
export type HostHandlers = { [K in HostCallName]: Handler<K> };

/** Progress pushed by the backend while an import runs. */
export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
  percent: number;
}

/** A menu item the user chose; the renderer acts on it as if its own button was pressed. */
export type MenuCommand = 'import' | 'export' | 'language-en' | 'language-ja';

/** Events the backend or the shell may push to the renderer. */
export interface ApiEvents {
  importProgress: ImportProgress;
  menuCommand: MenuCommand;
}
export const API_EVENTS: readonly (keyof ApiEvents)[] = EVENT_NAMES;

/** What the preload exposes as `window.themelens`: one function per call, promises unwrapped. */
export type ThemeLensBridge = {
  [K in ApiName]: (input: ApiInput<K>) => Promise<ApiOutputs[K]>;
} & {
  on<E extends keyof ApiEvents>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

export const API_NAMES: readonly ApiName[] = CALL_NAMES;

// Compile-time proof that names.ts lists exactly the calls and events declared here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callsMatch: Same<(typeof CALL_NAMES)[number], ApiName> = true;
const eventsMatch: Same<(typeof EVENT_NAMES)[number], keyof ApiEvents> = true;
void callsMatch;
void eventsMatch;
