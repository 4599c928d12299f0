import type { ApiEvents, BackendHandlers, BackupInfo, DamagedAtStart } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { Portfolio, Snapshot } from '../../shared/domain/types';
import { openDatabase, sqliteVersion, type Db } from '../connection';
import { databaseAccess } from '../integrity/access';
import { openChecked, openOrStartAfresh } from '../integrity/open-checked';
import { APPLICATION_ID, refuseIfNotOurs } from '../integrity/ownership';
import { computeExposure } from '../exposure/compute';
import { accountBreakdown, currencyBreakdown, themeBreakdown, themeOverlap } from '../exposure/breakdowns';
import { portfoliosOverview, themeHistory } from '../exposure/history';
import { compareSnapshots } from '../exposure/compare';
import * as portfolioEdits from '../repos/portfolio-edits';
import { importHoldingsFile, previewImport } from '../import/import-file';
import { importInThread } from '../import/import-thread';
import { backupDir, createVerifiedBackup, encryptPlainBackups, listBackups, restoreBackup, rotateBackups } from '../backup/backups';
import { rmSync } from 'node:fs';
import { LATEST_VERSION, migrateWithBackup, schemaVersion } from '../migrations';
import { localDate, systemClock, type Clock } from '../repos/clock';
import * as fx from '../repos/fx';
import { importFxRatesFile } from '../repos/fx-import';
import { repricePortfolio } from '../import/reprice';
import * as portfolios from '../repos/portfolios';
import * as snapshots from '../repos/snapshots';
import * as tags from '../repos/tags';
import { listThemes } from '../repos/themes';
import * as themeEdits from '../repos/theme-edits';
import { tagHistory } from '../repos/tag-history';
import * as rules from '../repos/rules';
import * as suggestions from '../repos/suggestions';
import * as lookThrough from '../repos/look-through';
import { exportTags, importTags, previewTagImport } from '../tags/share';
import { writeFileAtomic } from '../report/write-atomic';
import { buildReport } from '../report/build';
import { exportReportFile, regenerateReportFile } from '../report/export-file';
import { listHoldings } from '../exposure/holdings';
import { closeSharedPdfRenderer } from '../report/pdf-pool';
import { closeScanThread, enableScanThread } from '../exposure/scan-thread';
import { getReportPreferences, setReportPreferences } from '../report/preferences';
import { listReportRecords } from '../report/records';
import { renderText, type PdfRendererFactory } from '../report/render';
import { REPORT_CSS, renderReportBody, renderReportHtml } from '../../shared/report/report-html';

export type Emit = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void;

export interface BackendOptions {
  dbPath: string;
  nativeBinding?: string | undefined;
  emit?: Emit | undefined;
  clock?: Clock | undefined;
  /** Run imports in a worker thread (the desktop app), so the main process never blocks on one. */
  importInWorker?: boolean | undefined;
  /**
   * The desktop app: a damaged file is moved aside and a fresh database opened, so the window can
   * offer the newest verified backup (databaseStatus().damaged). Unset (the CLI): refused with CORRUPT.
   */
  startAfreshWhenDamaged?: boolean | undefined;
  /** With `key`: encrypt a plain file in place (the app after encryption was turned on; `themelens encrypt`). */
  encryptIfPlain?: boolean | undefined;
  /** Encryption at rest: the database key (64 hex digits); unset, the plain better-sqlite3 path. */
  key?: string | undefined;
  /** The SQLite3 Multiple Ciphers binary built for Electron (with `key`). */
  cipherNativeBinding?: string | undefined;
  /** Prints PDF reports (the desktop app passes the window's own print-to-PDF); unset: headless Chromium. */
  pdfRenderer?: PdfRendererFactory | undefined;
  /**
   * Scan large snapshots in two halves at once, the second on a worker thread with its own
   * read-only connection (the desktop app): views of a big portfolio compute on both cores.
   */
  scanThread?: boolean | undefined;
}

export interface Backend {
  handlers: BackendHandlers;
  db: Db;
  /** The bundled SQLite library's version (checked to be at least 3.37 at open; the shell logs it). */
  sqliteVersion: string;
  /** The file is read-only: the UI shows a banner (databaseStatus gives its message). */
  readOnly: boolean;
  close(): void;
}

/**
 * Opens (creating or migrating) the database and returns the handler map that implements the API
 * contract. The same object serves Electron's IPC, the CLI and the e2e harness.
 */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  // Before anything is created, chmod-ed or moved aside: a path that is not ours is refused untouched.
  refuseIfNotOurs(options.dbPath);
  const access = databaseAccess(options.dbPath);
  const openOptions = { nativeBinding: options.nativeBinding, refuseNewerThan: LATEST_VERSION, readonly: access.readOnly, key: options.key, cipherNativeBinding: options.cipherNativeBinding, encryptIfPlain: options.encryptIfPlain };
  const { db, damaged } = options.startAfreshWhenDamaged ? openOrStartAfresh(options.dbPath, openOptions) : { db: openChecked(options.dbPath, openOptions), damaged: null };
  try {
    if (access.readOnly) refuseStaleReadOnly(db, options.dbPath);
    else {
      await migrateWithBackup(db, options.dbPath);
      if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    // Backups taken before encryption was turned on are encrypted with the same key.
    if (options.key && !access.readOnly) encryptPlainBackups(options.dbPath, { key: options.key, cipherNativeBinding: options.cipherNativeBinding });
  } catch (err) {
    db.close();
    throw err;
  }
  const now = options.clock ?? systemClock;
  const readOnlyMessage = access.readOnly ? access.message : null;
  const handlers = createHandlers(db, now, { dbPath: options.dbPath, nativeBinding: options.nativeBinding, emit: options.emit, inWorker: options.importInWorker, readOnlyMessage, damaged, key: options.key, cipherNativeBinding: options.cipherNativeBinding, pdfRenderer: options.pdfRenderer });
  if (options.scanThread && options.dbPath !== ':memory:') {
    enableScanThread(db, { path: options.dbPath, nativeBinding: options.nativeBinding, key: options.key, cipherNativeBinding: options.cipherNativeBinding });
  }
  return { handlers, db, sqliteVersion: sqliteVersion(db), readOnly: access.readOnly, close: () => {
    // A PDF export leaves a headless Chromium running for the next one; it goes with the backend.
    void closeSharedPdfRenderer();
    closeScanThread(db);
    db.close();
  } };
}

/** A read-only file can only be shown as it is: one that needs migrating is refused, naming it. */
function refuseStaleReadOnly(db: Db, dbPath: string): void {
  if (schemaVersion(db) !== LATEST_VERSION) {
    throw new AppError('IO', `${dbPath} is read-only and must be updated by this version of ThemeLens before it can be opened. Make the file writable and try again.`, { path: dbPath });
  }
}

/** The snapshot a call names, or the portfolio's latest. */
export function resolveSnapshot(db: Db, portfolio: Portfolio, snapshotId?: number): Snapshot {
  if (snapshotId !== undefined) {
    const s = snapshots.getSnapshot(db, snapshotId);
    if (s.portfolioId !== portfolio.id) throw new AppError('NOT_FOUND', `Snapshot ${snapshotId} does not belong to ${portfolio.name}.`);
    return s;
  }
  const latest = snapshots.latestSnapshot(db, portfolio.id);
  if (!latest) throw new AppError('NOT_FOUND', `${portfolio.name} has no snapshots yet. Import a holdings file into it first.`);
  return latest;
}

interface ImportContext {
  dbPath: string;
  nativeBinding?: string | undefined;
  emit?: Emit | undefined;
  inWorker?: boolean | undefined;
  /** Set when the database opened read-only: calls that would write files refuse with it. */
  readOnlyMessage?: string | null | undefined;
  /** What start-up found when the file was damaged (moved aside; the user is offered a backup). */
  damaged?: DamagedAtStart | null | undefined;
  key?: string | undefined;
  cipherNativeBinding?: string | undefined;
  pdfRenderer?: PdfRendererFactory | undefined;
}

export function createHandlers(db: Db, now: Clock, ctx: ImportContext): BackendHandlers {
  // Funds' look-through tags follow their constituents': re-derived in the same transaction as any tag change.
  const withLookThrough = <T>(fn: () => T): T =>
    db.transaction(() => {
      const result = fn();
      lookThrough.refreshLookThrough(db, now());
      return result;
    })();
  let cancelRequested = false;
  let importRunning = false;
  let cancelThread: (() => void) | null = null;
  // An import writes through its own connection: its long transaction must not swallow (or roll
  // back) a tag edit the user makes on the main connection meanwhile.
  const runImport = async (input: Parameters<BackendHandlers['importHoldings']>[0]) => {
    if (importRunning) throw new AppError('CONFLICT', 'Another import is running; wait for it to finish or cancel it.');
    if (ctx.readOnlyMessage) throw new AppError('IO', ctx.readOnlyMessage);
    importRunning = true;
    cancelRequested = false;
    let backup: BackupInfo | null = null;
    try {
      // A verified backup before every import (the import itself is one transaction; this covers mistakes).
      if (ctx.dbPath !== ':memory:') backup = await createVerifiedBackup(db, ctx.dbPath, 'import', new Date(), ctx.nativeBinding, { rotate: false });
    } catch (err) {
      importRunning = false;
      throw err;
    }
    try {
      const outcome = await importOnce(input);
      if (backup) rotateBackups(backupDir(ctx.dbPath));
      return outcome;
    } catch (err) {
      // A refused or cancelled import changed nothing, so its backup is a copy of what is still here.
      if (backup) rmSync(backup.path, { force: true });
      throw err;
    }
  };
  const importOnce = async (input: Parameters<BackendHandlers['importHoldings']>[0]) => {
    const thread = ctx.inWorker ? importInThread({ dbPath: ctx.dbPath, nativeBinding: ctx.nativeBinding, key: ctx.key, cipherNativeBinding: ctx.cipherNativeBinding, input, now: now() }, (p) => ctx.emit?.('importProgress', p)) : null;
    if (thread) {
      cancelThread = thread.cancel;
      try {
        return await thread.result;
      } finally {
        importRunning = false;
        cancelThread = null;
      }
    }
    const conn = ctx.dbPath === ':memory:' ? db : openDatabase(ctx.dbPath, { nativeBinding: ctx.nativeBinding, key: ctx.key, cipherNativeBinding: ctx.cipherNativeBinding });
    // Tests simulate a full disk by capping the database's pages (SQLite's max_page_count).
    const cap = Number(process.env['THEMELENS_TEST_MAX_PAGE_COUNT'] ?? 0);
    if (cap > 0 && conn !== db) conn.pragma(`max_page_count = ${Math.floor(cap)}`);
    // A larger page cache keeps a big import's transaction from spilling pages to the WAL early.
    if (conn !== db) conn.pragma('cache_size = -32768');
    try {
      return await importHoldingsFile(conn, input, now(), {
        onProgress: (p) => ctx.emit?.('importProgress', p),
        isCancelled: () => cancelRequested,
      });
    } finally {
      importRunning = false;
      if (conn !== db) conn.close();
    }
  };
  const exposure = (portfolioId: number, snapshotId?: number, positionLimit?: number) => {
    const portfolio = portfolios.getPortfolio(db, portfolioId);
    return computeExposure(db, portfolio, resolveSnapshot(db, portfolio, snapshotId), now(), positionLimit);
  };
  // The portfolio and snapshot a breakdown call names (the latest snapshot unless one is named).
  const scoped = (input: { portfolioId: number; snapshotId?: number | undefined }) => {
    const portfolio = portfolios.getPortfolio(db, input.portfolioId);
    return [portfolio, resolveSnapshot(db, portfolio, input.snapshotId)] as const;
  };
  return {
    getThemeBreakdown: (input) => themeBreakdown(db, ...scoped(input), input.top),
    getAccountBreakdown: (input) => accountBreakdown(db, ...scoped(input)),
    getCurrencyBreakdown: (input) => currencyBreakdown(db, ...scoped(input)),
    getThemeOverlap: (input) => themeOverlap(db, ...scoped(input)),
    getThemeHistory: (input) => themeHistory(db, portfolios.getPortfolio(db, input.portfolioId)),
    compareSnapshots: (input) => {
      const portfolio = portfolios.getPortfolio(db, input.portfolioId);
      return compareSnapshots(db, portfolio, resolveSnapshot(db, portfolio, input.fromSnapshotId), resolveSnapshot(db, portfolio, input.toSnapshotId), input.limit);
    },
    getPortfoliosOverview: () => portfoliosOverview(db),
    renamePortfolio: (input) => portfolioEdits.renamePortfolio(db, input.id, input.name, input.clientName),
    duplicatePortfolio: (input) => portfolioEdits.duplicatePortfolio(db, input.id, input.name),
    deletePortfolio: (input) => portfolioEdits.deletePortfolio(db, input.id),
    restorePortfolio: (input) => portfolioEdits.restoreDeletedPortfolio(db, input.undoToken),
    listPortfolios: () => portfolios.listPortfolios(db),
    createPortfolio: (input) => portfolios.createPortfolio(db, input, now()),
    listSnapshots: (input) => snapshots.listSnapshots(db, portfolios.getPortfolio(db, input.portfolioId).id),
    listImportIssues: (input) => snapshots.listImportIssues(db, input.snapshotId),
    previewImport: (input) => previewImport(db, input),
    importHoldings: (input) => runImport(input),
    cancelImport: () => {
      cancelRequested = importRunning;
      cancelThread?.();
      return { cancelled: importRunning };
    },
    listThemes: () => listThemes(db),
    createTheme: (input) => themeEdits.createTheme(db, input),
    updateTheme: (input) => themeEdits.updateTheme(db, input),
    deleteTheme: (input) => withLookThrough(() => themeEdits.deleteTheme(db, input.id, now())),
    restoreDefaultThemes: () => themeEdits.restoreDefaultThemes(db),
    reorderThemes: (input) => themeEdits.reorderThemes(db, input.ids),
    tagHistory: (input) => tagHistory(db, input),
    listSuggestions: (input) => suggestions.listSuggestions(db, input.onlyHeld),
    acceptSuggestions: (input) => withLookThrough(() => ({ accepted: suggestions.acceptSuggestions(db, input.items, now()) })),
    rejectSuggestions: (input) => ({ rejected: suggestions.rejectSuggestions(db, input.items, now()) }),
    listRules: () => rules.listRules(db),
    createRule: (input) => rules.createRule(db, input, now()),
    deleteRule: (input) => {
      rules.deleteRule(db, input.id);
      return { deleted: 1 };
    },
    previewRule: (input) => {
      const plan = rules.planRules(db, [input]);
      return { positions: plan.positions, symbols: [...plan.tags.keys()].sort().slice(0, 200) };
    },
    applyRules: () => withLookThrough(() => rules.applyRules(db, now())),
    importFundHoldings: (input) => lookThrough.importFundHoldings(db, input, now()),
    listFunds: () => lookThrough.listFunds(db),
    exportTags: (input) => ({ path: input.path, bytes: writeFileAtomic(input.path, exportTags(db, input.format)) }),
    previewTagImport: (input) => previewTagImport(db, input.path),
    importTags: (input) => withLookThrough(() => importTags(db, input.path, now())),
    listTags: () => tags.listTags(db),
    setTag: (input) => withLookThrough(() => tags.setTag(db, input, now())),
    removeTag: (input) => withLookThrough(() => tags.removeTag(db, input, now())),
    applyTagChanges: (input) => withLookThrough(() => tags.applyTagChanges(db, input.changes, now())),
    setFxRate: (input) => fx.setFxRate(db, { currency: input.currency, quote: input.quote, rate: input.rate }, input.asOf ?? localDate()),
    listFxRates: () => fx.listFxRates(db),
    importFxRates: (input) => importFxRatesFile(db, input.path, input.base ?? null),
    repricePortfolio: (input) => repricePortfolio(db, input, now()),
    getExposure: (input) => exposure(input.portfolioId, input.snapshotId, input.positionLimit),
    listHoldings: (input) => {
      const snapshot = snapshots.getSnapshot(db, input.snapshotId);
      return listHoldings(db, portfolios.getPortfolio(db, snapshot.portfolioId), snapshot, input.limit);
    },
    databaseStatus: () => ({ readOnly: Boolean(ctx.readOnlyMessage), message: ctx.readOnlyMessage ?? null, sqliteVersion: sqliteVersion(db), schemaVersion: schemaVersion(db), damaged: ctx.damaged ?? null }),
    listBackups: () => listBackups(ctx.dbPath),
    createBackup: async () => createVerifiedBackup(db, ctx.dbPath, 'manual', new Date(), ctx.nativeBinding),
    restoreBackup: async (input) => {
      if (ctx.readOnlyMessage) throw new AppError('IO', ctx.readOnlyMessage);
      if (importRunning) throw new AppError('CONFLICT', 'An import is running; wait for it to finish or cancel it, then restore.');
      const found = listBackups(ctx.dbPath).find((b) => b.file === input.file);
      if (!found) throw new AppError('NOT_FOUND', `There is no backup named ${input.file}. Run "themelens backup list" to see them.`);
      return restoreBackup(db, ctx.dbPath, found.path, new Date(), ctx.nativeBinding);
    },
    exportReport: (input) => {
      // Every written report is recorded (for regenerate); a read-only database cannot record it, so
      // nothing is written rather than a file that then "was not saved".
      if (ctx.readOnlyMessage) throw new AppError('IO', `Nothing was written: ${ctx.readOnlyMessage} (each report is recorded in the database when it is written).`);
      const portfolio = portfolios.getPortfolio(db, input.portfolioId);
      return exportReportFile(db, portfolio, resolveSnapshot(db, portfolio, input.snapshotId), { ...input, pdfRenderer: ctx.pdfRenderer }, now());
    },
    previewReport: (input) => {
      const portfolio = portfolios.getPortfolio(db, input.portfolioId);
      const { doc } = buildReport(db, portfolio, resolveSnapshot(db, portfolio, input.snapshotId), now(), input.sections);
      if (input.format !== 'html') return { content: renderText(doc, input.format), fingerprint: doc.fingerprint, page: null };
      // The page body once, for both the file's text and the in-window preview.
      const body = renderReportBody(doc);
      return { content: renderReportHtml(doc, body), fingerprint: doc.fingerprint, page: { css: REPORT_CSS, body } };
    },
    listReports: (input) => listReportRecords(db, input.portfolioId),
    regenerateReport: (input) => regenerateReportFile(db, input.reportId, { ...input, pdfRenderer: ctx.pdfRenderer }),
    getReportPreferences: () => getReportPreferences(db),
    setReportPreferences: (input) => setReportPreferences(db, input),
  };
}
