// Worker thread: parses one holdings file and streams packed row batches to its parent, waiting
// when the parent falls behind (so memory stays bounded) and stopping when asked to cancel.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { ParseOptions } from '../../shared/import/types';
import { parseFileInBatches } from './parse-file';
import { batchBuffers } from './row-batch';
import { threadCpuMs } from './thread-cpu';

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
let waitMs = 0;

function waitForRoom(): void {
  const t = performance.now();
  try {
    waitLoop();
  } finally {
    waitMs += performance.now() - t;
  }
}

function waitLoop(): void {
  for (;;) {
    const consumed = Atomics.load(control, 0);
    if (sent - consumed < MAX_AHEAD || Atomics.load(control, 1) === 1) return;
    Atomics.wait(control, 0, consumed, 1000);
  }
}

const started = performance.now();
const cpuStart = threadCpuMs();
try {
  const result = parseFileInBatches(data.path, data.options, {
    rows: (batch, bytesRead) => {
      waitForRoom();
      // The batch's buffers are transferred, not copied.
      parentPort?.postMessage({ t: 'rows', batch, bytesRead }, batchBuffers(batch));
      sent++;
    },
    issues: (issues) => parentPort?.postMessage({ t: 'issues', issues }),
    cancelled: () => Atomics.load(control, 1) === 1,
  });
  const cpu = threadCpuMs();
  if (result.ok) result.timing = { busyMs: performance.now() - started - waitMs, waitMs, cpuMs: cpu !== null && cpuStart !== null ? cpu - cpuStart : null };
  parentPort?.postMessage({ t: 'done', result });
} catch (err) {
  parentPort?.postMessage({ t: 'failed', message: (err as Error).message, code: (err as { code?: string }).code ?? null, details: (err as { details?: unknown }).details ?? null });
}
