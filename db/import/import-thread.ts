import { Worker } from 'node:worker_threads';
import type { ApiParsedInput, ImportOutcome, ImportProgress } from '../../shared/api/contract';
import type { ConnectionSettings } from './import-connection';
import type { ImportStages } from './import-file';
import { AppError, type ApiErrorData } from '../../shared/api/errors';
import { workerScript } from '../worker-script';

/**
 * The inserter's garbage is short-lived (each batch's rows): a small young generation, as the parse
 * thread has, keeps the thread's memory down (peak 274-288 MB for a million rows, against 287-292
 * at the default, in runs on one machine) at no cost in time that the runs could tell apart.
 */
const IMPORT_THREAD_YOUNG_MB = 8;

export interface ImportThread {
  result: Promise<ImportOutcome>;
  /** The thread has ended: after the result, a committed import's checkpoint (import-worker.ts). */
  exited: Promise<void>;
  cancel(): void;
}

/** Runs an import in a worker thread with its own connection (it parses on another); the caller's thread stays free. */
export function importInThread(
  args: ConnectionSettings & { input: ApiParsedInput<'importHoldings'>; now: string },
  told: { onProgress: (p: ImportProgress) => void; onStages?: ((stages: ImportStages) => void) | undefined },
): ImportThread | null {
  const script = workerScript('import-worker');
  if (!script) return null;
  const worker = new Worker(script.code, { eval: script.eval, workerData: { ...args, wantsStages: told.onStages !== undefined }, resourceLimits: { maxYoungGenerationSizeMb: IMPORT_THREAD_YOUNG_MB } });
  const result = new Promise<ImportOutcome>((ok, fail) => {
    let settled = false;
    worker.on('message', (m: { t: string; progress?: ImportProgress; stages?: ImportStages; outcome?: ImportOutcome; error?: ApiErrorData; message?: string }) => {
      if (m.t === 'progress' && m.progress) told.onProgress(m.progress);
      else if (m.t === 'stages' && m.stages) told.onStages?.(m.stages);
      else if (m.t === 'done' && m.outcome) {
        settled = true;
        ok(m.outcome);
      } else if (m.t === 'failed' && m.error) {
        settled = true;
        fail(m.error.code === 'INTERNAL' ? new Error(m.message) : new AppError(m.error.code, m.error.message, m.error.details));
      }
    });
    worker.on('error', (err) => {
      settled = true;
      fail(err);
    });
    worker.on('exit', (code) => {
      if (!settled) fail(new Error(`The import stopped unexpectedly (exit ${code}); nothing was written.`));
    });
  });
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  return { result, exited, cancel: () => worker.postMessage({ t: 'cancel' }) };
}
