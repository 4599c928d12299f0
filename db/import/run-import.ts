import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ApiParsedInput, BackupInfo, ImportOutcome, ImportProgress } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { backupDir, createVerifiedBackup, rotateBackups } from '../backup/backups';
import type { Db } from '../connection';
import { openImportConnection, type ConnectionSettings } from './import-connection';
import { importHoldingsFile, type ImportStages } from './import-file';
import { importInThread } from './import-thread';

/**
 * Where an import runs: chosen by the file's size alone, the same in the app and the command line.
 * From this size on, on an import thread with its own connection that parses on a second thread
 * (the two-thread pipeline), so the caller (the app's main process) stays free for the seconds it
 * takes. Below it, here and at once: about a tenth of a second at most, and no thread to start
 * (two cost some 40 ms when built, 200 ms through tsx in tests).
 */
export const THREADS_FROM_BYTES = 1 << 20;

/** Whether this import goes on threads (THREADS_FROM_BYTES); a database in memory has no second connection. */
export function importOnThreads(path: string, dbPath: string): boolean {
  if (dbPath === ':memory:') return false;
  try {
    return statSync(path).size >= THREADS_FROM_BYTES;
  } catch {
    return false; // here, where the import itself says what is wrong with the file
  }
}

export interface ImportRunnerOptions {
  connection: ConnectionSettings;
  /** Set when the database opened read-only: an import refuses with it. */
  readOnlyMessage?: string | null | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
  /** Where each import's time went (the benchmark). */
  onStages?: ((stages: ImportStages) => void) | undefined;
}

export interface ImportRunner {
  run(input: ApiParsedInput<'importHoldings'>, now: string): Promise<ImportOutcome>;
  /** Asks a running import to stop; whether one was running. */
  cancel(): boolean;
  running(): boolean;
  /**
   * Resolves once the last import's thread has ended. A committed import answers before its thread
   * has copied its pages from the WAL into the file (import-worker.ts); a restore, which replaces the
   * file, and the next import wait for that copy.
   */
  housekeeping(): Promise<void>;
}

/**
 * Runs holdings imports one at a time (docs/ARCHITECTURE.md, "The path of an import"): a verified
 * backup first, then the import on a connection of its own (on threads for a large file), so
 * its long transaction never swallows, or rolls back, a tag edit the user makes meanwhile on the
 * main connection. A refused or cancelled import changed nothing, so its backup is removed; a
 * committed one lets older backups rotate away.
 */
export function importRunner(db: Db, options: ImportRunnerOptions): ImportRunner {
  const { connection } = options;
  let running = false;
  let cancelRequested = false;
  let cancelThread: (() => void) | null = null;
  let lastThread: Promise<void> = Promise.resolve();

  const onItsOwnConnection = async (input: ApiParsedInput<'importHoldings'>, now: string): Promise<ImportOutcome> => {
    // A database in memory has no second connection: its import writes through the one it has.
    const conn = connection.dbPath === ':memory:' ? db : openImportConnection(connection);
    try {
      return await importHoldingsFile(conn, input, now, { onProgress: options.onProgress, isCancelled: () => cancelRequested, onStages: options.onStages, parseOnAThread: false });
    } finally {
      if (conn !== db) conn.close();
    }
  };

  const onAThread = async (input: ApiParsedInput<'importHoldings'>, now: string): Promise<ImportOutcome | null> => {
    const thread = importInThread({ ...connection, input, now }, { onProgress: (p) => options.onProgress?.(p), onStages: options.onStages });
    if (!thread) return null;
    cancelThread = thread.cancel;
    lastThread = thread.exited;
    // A cancel that came while the thread was starting is passed on at once.
    if (cancelRequested) thread.cancel();
    try {
      return await thread.result;
    } finally {
      cancelThread = null;
    }
  };

  return {
    async run(input, now) {
      if (running) throw saidError('CONFLICT', ERROR_TEXT.importRunning, {});
      if (options.readOnlyMessage) throw new AppError('IO', options.readOnlyMessage);
      running = true;
      cancelRequested = false;
      try {
        await lastThread;
        // A verified backup before every import (the import itself is one transaction; this covers mistakes).
        let backup: BackupInfo | null = null;
        if (connection.dbPath !== ':memory:') backup = await createVerifiedBackup(db, connection.dbPath, 'import', new Date(), connection.nativeBinding, { rotate: false });
        try {
          // Cancelled while the backup was taken (it takes a while on a large database): nothing starts.
          if (cancelRequested) throw new AppError('CANCELLED', `Import of ${basename(input.path)} cancelled; nothing was written.`);
          // Only a build without the worker file (never shipped) falls back to importing here.
          const outcome = (importOnThreads(input.path, connection.dbPath) ? await onAThread(input, now) : null) ?? (await onItsOwnConnection(input, now));
          if (backup) rotateBackups(backupDir(connection.dbPath));
          return outcome;
        } catch (err) {
          if (backup) rmSync(backup.path, { force: true });
          throw err;
        }
      } finally {
        running = false;
      }
    },
    cancel() {
      cancelRequested = running;
      cancelThread?.();
      return running;
    },
    running: () => running,
    housekeeping: () => lastThread,
  };
}
