import type { ApiEvents, BackendHandlers } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { Portfolio, Snapshot } from '../../shared/domain/types';
import { openDatabase, type Db } from '../connection';
import { openChecked } from '../integrity/open-checked';
import { computeExposure } from '../exposure/compute';
import { importHoldingsFile, previewImport } from '../import/import-file';
import { importInThread } from '../import/import-thread';
import { createVerifiedBackup, listBackups, restoreBackup } from '../backup/backups';
import { backupBeforeMigration, LATEST_VERSION, migrate, needsMigration } from '../migrations';
import { localDate, systemClock, type Clock } from '../repos/clock';
import * as fx from '../repos/fx';
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
import { renderReport } from '../report/export';
import { writeFileAtomic } from '../report/write-atomic';

export type Emit = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void;

export interface BackendOptions {
  dbPath: string;
  nativeBinding?: string | undefined;
  emit?: Emit | undefined;
  clock?: Clock | undefined;
  /** Run imports in a worker thread (the desktop app), so the main process never blocks on one. */
  importInWorker?: boolean | undefined;
}

export interface Backend {
  handlers: BackendHandlers;
  db: Db;
  close(): void;
}

/**
 * Opens (creating or migrating) the database and returns the handler map that implements the API
 * contract. The same object serves Electron's IPC, the CLI and the e2e harness.
 */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const db = openChecked(options.dbPath, { nativeBinding: options.nativeBinding, refuseNewerThan: LATEST_VERSION });
  try {
    if (needsMigration(db)) await backupBeforeMigration(db, options.dbPath);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const now = options.clock ?? systemClock;
  return { handlers: createHandlers(db, now, { dbPath: options.dbPath, nativeBinding: options.nativeBinding, emit: options.emit, inWorker: options.importInWorker }), db, close: () => db.close() };
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
    importRunning = true;
    cancelRequested = false;
    try {
      // A verified backup before every import (the import itself is one transaction; this covers mistakes).
      if (ctx.dbPath !== ':memory:') await createVerifiedBackup(db, ctx.dbPath, 'import', new Date(), ctx.nativeBinding);
    } catch (err) {
      importRunning = false;
      throw err;
    }
    const thread = ctx.inWorker ? importInThread({ dbPath: ctx.dbPath, nativeBinding: ctx.nativeBinding, input, now: now() }, (p) => ctx.emit?.('importProgress', p)) : null;
    if (thread) {
      cancelThread = thread.cancel;
      try {
        return await thread.result;
      } finally {
        importRunning = false;
        cancelThread = null;
      }
    }
    const conn = ctx.dbPath === ':memory:' ? db : openDatabase(ctx.dbPath, { nativeBinding: ctx.nativeBinding });
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
  return {
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
    setFxRate: (input) => fx.setFxRate(db, input, localDate()),
    listFxRates: () => fx.listFxRates(db),
    getExposure: (input) => exposure(input.portfolioId, input.snapshotId, input.positionLimit),
    listBackups: () => listBackups(ctx.dbPath),
    createBackup: async () => createVerifiedBackup(db, ctx.dbPath, 'manual', new Date(), ctx.nativeBinding),
    restoreBackup: async (input) => {
      const found = listBackups(ctx.dbPath).find((b) => b.file === input.file);
      if (!found) throw new AppError('NOT_FOUND', `There is no backup named ${input.file}. Run "themelens backup list" to see them.`);
      return restoreBackup(db, ctx.dbPath, found.path, new Date(), ctx.nativeBinding);
    },
    exportReport: (input) => {
      const text = renderReport(exposure(input.portfolioId, input.snapshotId), input.format);
      return { path: input.path, bytes: writeFileAtomic(input.path, text) };
    },
  };
}
