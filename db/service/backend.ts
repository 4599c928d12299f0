import type { BackendHandlers } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { encryptPlainBackups } from '../backup/backups';
import { sqliteVersion, type Db } from '../connection';
import { stopFiguresAhead } from '../exposure/figures-ahead';
import { databaseAccess } from '../integrity/access';
import { openChecked, openOrStartAfresh } from '../integrity/open-checked';
import { APPLICATION_ID, refuseIfNotOurs } from '../integrity/ownership';
import { LATEST_VERSION, migrateWithBackup, schemaVersion } from '../migrations';
import { systemClock, type Clock } from '../repos/clock';
import { closeSharedPdfRenderer, sharedPdfRenderer } from '../report/pdf-pool';
import type { ImportStages } from '../import/import-file';
import type { PdfRendererFactory } from '../report/render';
import { databaseHandlers } from './database-handlers';
import { handlerContext, type BackendSettings, type Emit } from './handler-context';
import { importHandlers } from './import-handlers';
import { portfolioHandlers } from './portfolio-handlers';
import { clientHandlers } from './client-handlers';
import { sampleHandlers } from './sample-handlers';
import { securityHandlers } from './security-handlers';
import { reportHandlers } from './report-handlers';
import { taggingHandlers } from './tagging-handlers';
import { valuationHandlers } from './valuation-handlers';

export type { Emit } from './handler-context';

export interface BackendOptions {
  dbPath: string;
  nativeBinding?: string | undefined;
  emit?: Emit | undefined;
  clock?: Clock | undefined;
  /**
   * The desktop app: a damaged file is moved aside and a fresh database opened, so the window can
   * offer the newest verified backup (databaseStatus().damaged). Unset (the CLI): refused with CORRUPT.
   */
  startAfreshWhenDamaged?: boolean | undefined;
  /**
   * The caller reads no position rows (`themelens exposure`, which reads position groups): the damage
   * check at open leaves out the positions and each snapshot's position index (read only for the
   * accounts, the largest contributors and scenarios), everything else is checked (DamageCheckScope).
   */
  readsNoPositions?: boolean | undefined;
  /** With `key`: encrypt a plain file in place (the app after encryption was turned on; `themelens encrypt`). */
  encryptIfPlain?: boolean | undefined;
  /** Encryption at rest: the database key (64 hex digits); unset, the plain better-sqlite3 path. */
  key?: string | undefined;
  /** The SQLite3 Multiple Ciphers binary built for Electron (with `key`). */
  cipherNativeBinding?: string | undefined;
  /** Prints PDF reports (the desktop app passes the window's own print-to-PDF); unset: headless Chromium. */
  pdfRenderer?: PdfRendererFactory | undefined;
  /** Told where each import's time went (the benchmark). */
  onImportStages?: ((stages: ImportStages) => void) | undefined;
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
 * The tables that grow with the positions, position by position: a million positions are 0.3 s of
 * checking in positions and 3 MB in position_index (17 ms). A caller that reads neither leaves them
 * out of its check at open. position_groups also grows (its value lists) but the exposure reads it.
 */
const POSITION_TABLES = ['positions', 'position_index'] as const;

/**
 * Opens (creating or migrating) the database and returns the handler map that implements the API
 * contract. The same object serves Electron's IPC, the CLI and the e2e harness.
 */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  // Before anything is created, chmod-ed or moved aside: a path that is not ours is refused untouched.
  refuseIfNotOurs(options.dbPath);
  const access = databaseAccess(options.dbPath);
  const openOptions = { nativeBinding: options.nativeBinding, refuseNewerThan: LATEST_VERSION, readonly: access.readOnly, key: options.key, cipherNativeBinding: options.cipherNativeBinding, encryptIfPlain: options.encryptIfPlain };
  const { db, damaged } = options.startAfreshWhenDamaged ? openOrStartAfresh(options.dbPath, openOptions) : { db: openChecked(options.dbPath, openOptions, new Date(), options.readsNoPositions ? { leaveOut: POSITION_TABLES, latestVersion: LATEST_VERSION } : null), damaged: null };
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
  const readOnlySaid = access.readOnly ? access.said : null;
  const handlers = createHandlers(db, now, { dbPath: options.dbPath, nativeBinding: options.nativeBinding, emit: options.emit, readOnlyMessage, readOnlySaid, damaged, key: options.key, cipherNativeBinding: options.cipherNativeBinding, pdfRenderer: options.pdfRenderer ?? (() => sharedPdfRenderer(db)), onImportStages: options.onImportStages });
  return { handlers, db, sqliteVersion: sqliteVersion(db), readOnly: access.readOnly, close: () => {
    // A PDF export leaves a headless Chromium running for the next one; it goes with the backend.
    void closeSharedPdfRenderer(db);
    stopFiguresAhead(db);
    db.close();
  } };
}

/** A read-only file can only be shown as it is: one that needs migrating is refused, naming it. */
function refuseStaleReadOnly(db: Db, dbPath: string): void {
  if (schemaVersion(db) !== LATEST_VERSION) {
    throw new AppError('IO', `${dbPath} is read-only and must be updated by this version of ThemeLens before it can be opened. Make the file writable and try again.`, { path: dbPath });
  }
}

/**
 * The handler map, merged from one set per feature (each typed against the API contract): the merged
 * object must cover every backend call, or this does not compile.
 */
export function createHandlers(db: Db, now: Clock, settings: BackendSettings): BackendHandlers {
  const c = handlerContext(db, now, settings);
  const imports = importHandlers(c);
  // The sample household is loaded through the other calls (import, fund file, suggestions).
  const all: BackendHandlers = {
    ...imports.handlers,
    ...portfolioHandlers(c),
    ...taggingHandlers(c),
    ...valuationHandlers(c),
    ...reportHandlers(c),
    ...clientHandlers(c),
    ...securityHandlers(c),
    ...databaseHandlers(c, imports.state),
    ...sampleHandlers(c, () => all),
  };
  return all;
}
