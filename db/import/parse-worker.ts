// Worker thread: parses one holdings file and streams batches of flat rows to its parent, waiting
// when the parent falls behind (so memory stays bounded) and stopping when asked to cancel.
import { parentPort, workerData } from 'node:worker_threads';
import type { ParseOptions } from '../../shared/import/types';
import { parseFileInBatches } from './parse-file';

export interface ParseWorkerData {
  path: string;
  options: ParseOptions;
  /** Int32Array view: [0] batches the parent has consumed, [1] cancel flag. */
  control: SharedArrayBuffer;
}

/** Batches in flight before the parser waits for the inserter. */
const MAX_AHEAD = 6;

const data = workerData as ParseWorkerData;
const control = new Int32Array(data.control);
let sent = 0;

function waitForRoom(): void {
  for (;;) {
    const consumed = Atomics.load(control, 0);
    if (sent - consumed < MAX_AHEAD || Atomics.load(control, 1) === 1) return;
    Atomics.wait(control, 0, consumed, 1000);
  }
}

try {
  const result = parseFileInBatches(data.path, data.options, {
    rows: (rows, count, bytesRead) => {
      waitForRoom();
      parentPort?.postMessage({ t: 'rows', rows, count, bytesRead });
      sent++;
    },
    issues: (issues) => parentPort?.postMessage({ t: 'issues', issues }),
    cancelled: () => Atomics.load(control, 1) === 1,
  });
  parentPort?.postMessage({ t: 'done', result });
} catch (err) {
  parentPort?.postMessage({ t: 'failed', message: (err as Error).message, code: (err as { code?: string }).code ?? null, details: (err as { details?: unknown }).details ?? null });
}
