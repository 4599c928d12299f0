// Import thread (a large file, in the app and the command line alike: run-import.ts): runs one
// import on its own database connection, parsing on a second thread, so neither parsing nor
// inserting blocks the caller. Progress goes to the parent; a 'cancel' message stops the import
// and rolls it back.
import { parentPort, workerData } from 'node:worker_threads';
import type { ApiParsedInput } from '../../shared/api/contract';
import { toErrorData } from '../../shared/api/errors';
import { openImportConnection, type ConnectionSettings } from './import-connection';
import { importHoldingsFile } from './import-file';
import { checkpointAfter } from './checkpoint';

/** The connection to open (with the key, where the database is encrypted) and the import to run. */
interface ImportWorkerData extends ConnectionSettings {
  input: ApiParsedInput<'importHoldings'>;
  now: string;
  /** The caller wants to know where the time went (the benchmark). */
  wantsStages?: boolean;
}

const data = workerData as ImportWorkerData;
let cancelled = false;
parentPort?.on('message', (m: { t: string }) => {
  if (m.t === 'cancel') cancelled = true;
});

void (async () => {
  const db = openImportConnection(data);
  // The commit would copy every page the import wrote from the WAL into the file (SQLite's
  // automatic checkpoint: 0.2-0.3 s of a million-row import's 3.3-4 s) before the outcome could
  // be posted. The outcome is durable without it (the commit syncs the WAL), so it is posted
  // first and the copy made after (checkpointAfter); the runner waits for it before anything
  // else touches the file (run-import.ts, housekeeping).
  db.pragma('wal_autocheckpoint = 0');
  let committed = false;
  try {
    const outcome = await importHoldingsFile(db, data.input, data.now, {
      onProgress: (p) => parentPort?.postMessage({ t: 'progress', progress: p }),
      isCancelled: () => cancelled,
      parseOnAThread: true,
      onStages: data.wantsStages ? (stages) => parentPort?.postMessage({ t: 'stages', stages }) : undefined,
    });
    parentPort?.postMessage({ t: 'done', outcome });
    committed = true;
  } catch (err) {
    parentPort?.postMessage({ t: 'failed', error: toErrorData(err), message: (err as Error).message });
  } finally {
    if (committed) checkpointAfter(db);
    db.close();
    parentPort?.close();
  }
})();
