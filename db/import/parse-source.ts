import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/api/errors';
import type { ParseOptions, RowIssue } from '../../shared/import/types';
import { parseFileInBatches, type FileParseResult } from './parse-file';
import type { RowBatch } from './row-batch';
import { workerScript } from '../worker-script';

const PARSE_WORKER_YOUNG_MB = 8;

export interface BatchConsumer {
  rows(batch: RowBatch, bytesRead: number): void;
  issues(issues: RowIssue[]): void;
  cancelled(): boolean;
}

/** Parses in this thread; the consumer is called between chunks. */
export function parseInline(path: string, options: ParseOptions, consumer: BatchConsumer): Promise<FileParseResult> {
  return new Promise((ok, fail) => {
    try {
      ok(parseFileInBatches(path, options, consumer));
    } catch (err) {
      fail(err);
    }
  });
}

/**
 * Parses in a worker thread while this thread consumes (inserts) the batches: the two-thread
 * pipeline. Falls back to parsing inline where no worker script is available.
 */
export function parseInWorker(path: string, options: ParseOptions, consumer: BatchConsumer): Promise<FileParseResult> {
  const script = workerScript('parse-worker');
  if (!script) return parseInline(path, options, consumer);
  const control = new SharedArrayBuffer(8);
  const flags = new Int32Array(control);
  // The parser's garbage is short-lived (cells, rows): a small young generation keeps the worker's
  // memory down (about 40 MB less at the default) at no measurable cost in parse time.
  const worker = new Worker(script.code, { eval: script.eval, workerData: { path, options, control }, resourceLimits: { maxYoungGenerationSizeMb: PARSE_WORKER_YOUNG_MB } });
  return new Promise((ok, fail) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    // One message a turn of the event loop: when the parser is ahead, Node would hand this thread
    // every queued batch in one go, and a cancel (or any other call) would wait for the whole import.
    // Queued here and taken one by one with setImmediate, timers and other messages run in between.
    const queue: { t: string; [k: string]: unknown }[] = [];
    let scheduled = false;
    const drain = () => {
      scheduled = false;
      const m = queue.shift();
      if (m && !settled) handle(m);
      if (queue.length > 0 && !settled) {
        scheduled = true;
        setImmediate(drain);
      }
    };
    const enqueue = (m: { t: string; [k: string]: unknown }) => {
      queue.push(m);
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    };
    worker.on('message', enqueue);
    const handle = (m: { t: string; [k: string]: unknown }) => {
      try {
        if (m.t === 'rows') {
          consumer.rows(m['batch'] as RowBatch, m['bytesRead'] as number);
          Atomics.add(flags, 0, 1);
          Atomics.notify(flags, 0);
        } else if (m.t === 'issues') consumer.issues(m['issues'] as RowIssue[]);
        else if (m.t === 'done') finish(() => ok(m['result'] as FileParseResult));
        else if (m.t === 'exit') finish(() => fail(new Error(`The import worker stopped unexpectedly (exit ${m['code'] as number}).`)));
        else if (m.t === 'failed') {
          const code = m['code'] as string | null;
          finish(() => fail(code ? new AppError(code as never, m['message'] as string, (m['details'] as never) ?? undefined) : new Error(m['message'] as string)));
        }
        if (consumer.cancelled()) {
          Atomics.store(flags, 1, 1);
          Atomics.notify(flags, 0);
        }
      } catch (err) {
        Atomics.store(flags, 1, 1);
        Atomics.notify(flags, 0);
        finish(() => fail(err));
      }
    };
    worker.on('error', (err) => finish(() => fail(err)));
    // After the messages it sent before it stopped ('done', 'failed'), which settle first.
    worker.on('exit', (code) => enqueue({ t: 'exit', code }));
  });
}
