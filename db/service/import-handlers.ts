import { rmSync } from 'node:fs';
import type { BackendHandlers, BackupInfo } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { backupDir, createVerifiedBackup, rotateBackups } from '../backup/backups';
import { openDatabase } from '../connection';
import { importHoldingsFile, previewImport } from '../import/import-file';
import { importInThread } from '../import/import-thread';
import { repricePortfolio } from '../import/reprice';
import type { HandlerContext } from './handler-context';

/** Whether an import is running: a restore must wait for it. */
export interface ImportState {
  running(): boolean;
}

type ImportInput = Parameters<BackendHandlers['importHoldings']>[0];

/**
 * Holdings imports and repricing. An import writes through its own connection (or thread): its long
 * transaction must not swallow, or roll back, a tag edit the user makes on the main connection meanwhile.
 */
export function importHandlers({ db, now, settings }: HandlerContext) {
  let cancelRequested = false;
  let importRunning = false;
  let cancelThread: (() => void) | null = null;

  const runImport = async (input: ImportInput) => {
    if (importRunning) throw new AppError('CONFLICT', 'Another import is running; wait for it to finish or cancel it.');
    if (settings.readOnlyMessage) throw new AppError('IO', settings.readOnlyMessage);
    importRunning = true;
    cancelRequested = false;
    let backup: BackupInfo | null = null;
    try {
      // A verified backup before every import (the import itself is one transaction; this covers mistakes).
      if (settings.dbPath !== ':memory:') backup = await createVerifiedBackup(db, settings.dbPath, 'import', new Date(), settings.nativeBinding, { rotate: false });
    } catch (err) {
      importRunning = false;
      throw err;
    }
    try {
      const outcome = await importOnce(input);
      if (backup) rotateBackups(backupDir(settings.dbPath));
      return outcome;
    } catch (err) {
      // A refused or cancelled import changed nothing, so its backup is a copy of what is still here.
      if (backup) rmSync(backup.path, { force: true });
      throw err;
    }
  };

  const importOnce = async (input: ImportInput) => {
    const thread = settings.inWorker
      ? importInThread({ dbPath: settings.dbPath, nativeBinding: settings.nativeBinding, key: settings.key, cipherNativeBinding: settings.cipherNativeBinding, input, now: now() }, (p) => settings.emit?.('importProgress', p))
      : null;
    if (thread) {
      cancelThread = thread.cancel;
      try {
        return await thread.result;
      } finally {
        importRunning = false;
        cancelThread = null;
      }
    }
    const conn = settings.dbPath === ':memory:' ? db : openDatabase(settings.dbPath, { nativeBinding: settings.nativeBinding, key: settings.key, cipherNativeBinding: settings.cipherNativeBinding });
    // Tests simulate a full disk by capping the database's pages (SQLite's max_page_count).
    const cap = Number(process.env['THEMELENS_TEST_MAX_PAGE_COUNT'] ?? 0);
    if (cap > 0 && conn !== db) conn.pragma(`max_page_count = ${Math.floor(cap)}`);
    // A larger page cache keeps a big import's transaction from spilling pages to the WAL early.
    if (conn !== db) conn.pragma('cache_size = -32768');
    try {
      return await importHoldingsFile(conn, input, now(), {
        onProgress: (p) => settings.emit?.('importProgress', p),
        isCancelled: () => cancelRequested,
        onStages: settings.onImportStages,
      });
    } finally {
      importRunning = false;
      if (conn !== db) conn.close();
    }
  };

  const handlers = {
    previewImport: (input) => previewImport(db, input),
    importHoldings: (input) => runImport(input),
    cancelImport: () => {
      cancelRequested = importRunning;
      cancelThread?.();
      return { cancelled: importRunning };
    },
    repricePortfolio: (input) => repricePortfolio(db, input, now()),
  } satisfies Pick<BackendHandlers, 'previewImport' | 'importHoldings' | 'cancelImport' | 'repricePortfolio'>;
  const state: ImportState = { running: () => importRunning };
  return { handlers, state };
}
