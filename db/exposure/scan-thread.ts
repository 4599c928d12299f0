import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Theme } from '../../shared/domain/types';
import type { Db } from '../connection';
import { storeOf, type Store } from '../store';
import { workerScript } from '../worker-script';
import { filledCutoff, type TagTable } from './tag-tables';

/**
 * The scan thread: a second connection, on a worker thread, that runs the upper half of a large
 * snapshot's scan while the calling thread runs the lower half, so a view of a big portfolio is
 * computed on both cores (a 100,000-position pass: about 58 ms whole, 29 ms split).
 *
 * The calling code stays synchronous: the job is posted, the caller's half runs, and the caller
 * then blocks (Atomics.wait) until the worker says it answered, reading the answer with
 * receiveMessageOnPort. Every query split this way has only SUM and COUNT columns (or groups of
 * them), so the two halves' answers add up to the whole; the caller adds them.
 *
 * Nothing depends on the thread: it starts on the first large scan (that scan runs whole), and a
 * thread that cannot open the file, fails a job or does not answer is never asked again; the
 * caller then runs the other half itself.
 */

export interface ScanThreadConfig {
  path: string;
  nativeBinding?: string | undefined;
  key?: string | undefined;
  cipherNativeBinding?: string | undefined;
}

/** The temp tag table a job reads through, so the worker can build the same weight table. */
export interface ScanTags {
  table: TagTable;
  /** For a temp tag table: the moment it holds the tags as of (null: today's). */
  cutoff: string | null;
  themes: Theme[];
}

export interface ScanJob {
  id: number;
  sql: string;
  params: Record<string, string | number | bigint>;
  mode: 'get' | 'all';
  safeIntegers: boolean;
  tags: ScanTags;
}

export type ScanAnswer = { id: number; result: unknown } | { id: number; error: string };

/** Int32 slots shared with the worker. */
export const ANSWERED = 0;
export const READY = 1;

/** A worker this late is taken to be stuck: the caller does the work itself and stops asking it. */
const ANSWER_TIMEOUT_MS = 60_000;

export interface ScanThread {
  worker: Worker;
  port: MessagePort;
  flags: Int32Array;
  nextId: number;
  broken: boolean;
  /** Scans split so far (tests check the split path ran). */
  splits: number;
}

/**
 * A page cache big enough for the snapshots a user switches between: the views re-read whole
 * snapshots, and two 100,000-position snapshots (about 10 MB each) overflow the 16 MB default,
 * so every switch between them re-read pages from the file (summary 35-40 ms instead of 26-30).
 * SQLite takes the memory only as pages are read.
 */
export const SCAN_PAGE_CACHE = 'cache_size = -65536';

/** Lets `db` split large scans with a worker of its own (started on the first large scan). */
export function enableScanThread(db: Db, config: ScanThreadConfig): void {
  storeOf(db).scan.config = config;
  db.pragma(SCAN_PAGE_CACHE);
}

/**
 * Stops `db`'s worker and closes its connection, if it has one; the next large scan starts a new
 * one. A restore does this first: the file and its WAL are about to be replaced.
 */
export async function stopScanThread(db: Db): Promise<void> {
  const scan = storeOf(db).scan;
  const t = scan.thread;
  scan.thread = null;
  if (t) {
    t.broken = true;
    t.port.close();
    await t.worker.terminate();
  }
}

/** Stops `db`'s worker for good (the connection closes). */
export function closeScanThread(db: Db): void {
  storeOf(db).scan.config = null;
  void stopScanThread(db);
}

/** Whether `db` has a worker ready to take half of a scan, and how many scans it has split. */
export function scanThreadState(db: Db): { ready: boolean; splits: number } {
  const t = storeOf(db).scan.thread;
  return { ready: !!t && !t.broken && Atomics.load(t.flags, READY) === 1, splits: t?.splits ?? 0 };
}

/**
 * Starts `db`'s worker now rather than at its first large scan, and waits until it is ready or has
 * failed. The backend does so as it opens a database that holds a snapshot large enough to split
 * (startScanThreadIfLarge), so the first views of it already have both cores.
 */
export async function startScanThread(db: Db, timeoutMs = 30_000): Promise<boolean> {
  readyThread(db);
  const t = storeOf(db).scan.thread;
  if (!t) return false;
  const end = Date.now() + timeoutMs;
  while (Atomics.load(t.flags, READY) === 0 && Date.now() < end) await new Promise((ok) => setTimeout(ok, 10));
  return scanThreadState(db).ready;
}

/** startScanThread, in the background, when `db` may have a worker and holds a snapshot large enough to split. */
export function startScanThreadIfLarge(db: Db): void {
  const scan = storeOf(db).scan;
  if (!scan.config) return;
  const large = db.prepare('SELECT 1 FROM snapshots WHERE row_count >= ? LIMIT 1').get(scan.splitMinRows) !== undefined;
  if (large) void startScanThread(db);
}

function start(config: ScanThreadConfig): ScanThread | null {
  const script = workerScript('scan-worker');
  if (!script) return null;
  const channel = new MessageChannel();
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(script.code, { eval: script.eval, workerData: { config, port: channel.port2, flags }, transferList: [channel.port2] });
  // Never what keeps the process alive; a thread that dies is simply not asked again.
  worker.unref();
  const thread: ScanThread = { worker, port: channel.port1, flags, nextId: 1, broken: false, splits: 0 };
  worker.on('error', () => (thread.broken = true));
  worker.on('exit', () => (thread.broken = true));
  return thread;
}

/** `db`'s worker if it is ready now; starts one (for the next scan) if `db` may have one and has none. */
function readyThread(db: Db): ScanThread | null {
  const scan = storeOf(db).scan;
  const t = scan.thread;
  if (!t) {
    if (!scan.config) return null;
    const started = start(scan.config);
    if (!started) {
      scan.config = null;
      return null;
    }
    scan.thread = started;
    return null;
  }
  return !t.broken && Atomics.load(t.flags, READY) === 1 ? t : null;
}

/**
 * Returns once `flags[index]` is no longer `seen`, or after `ms`. `scan.mayBlock`: whether this
 * thread may block in Atomics.wait (Node's main thread may; a browser's main thread may not).
 */
function waitWhile(scan: Store['scan'], flags: Int32Array, index: number, seen: number, ms: number): void {
  if (scan.mayBlock) {
    try {
      Atomics.wait(flags, index, seen, ms);
      return;
    } catch {
      // "Atomics.wait cannot be called in this context": an embedder that forbids blocking this
      // thread. The wait is short (the other half of a scan), so it watches the flag instead.
      scan.mayBlock = false;
    }
  }
  const end = performance.now() + ms;
  while (Atomics.load(flags, index) === seen && performance.now() < end) {
    // watching the flag
  }
}

/** The answer of job `id`, waiting for it (null: the worker failed or is stuck; it is not asked again). */
function awaitAnswer(scan: Store['scan'], t: ScanThread, id: number): { result: unknown } | null {
  const end = Date.now() + ANSWER_TIMEOUT_MS;
  for (;;) {
    const seen = Atomics.load(t.flags, ANSWERED);
    if (seen === id) break;
    const left = end - Date.now();
    if (left <= 0 || t.broken) {
      t.broken = true;
      return null;
    }
    waitWhile(scan, t.flags, ANSWERED, seen, Math.min(left, 1000));
  }
  for (;;) {
    const m = receiveMessageOnPort(t.port) as { message: ScanAnswer } | undefined;
    if (!m) break;
    if (m.message.id !== id) continue; // a late answer to a job given up on
    if ('error' in m.message) {
      t.broken = true;
      return null;
    }
    return { result: m.message.result };
  }
  t.broken = true;
  return null;
}

/**
 * Runs `sql` (a scan of a snapshot's positions through `params.first`..`params.last` and the weight
 * table of `layout`) and returns its answers: one for the whole range, or two for its halves when
 * the range is large and the worker ready. The caller adds them up (addRows, addGroups).
 */
export function scanInParts<T>(
  db: Db,
  sql: string,
  params: Record<string, string | number | bigint>,
  options: { mode: 'get' | 'all'; safeIntegers?: boolean; tags: { source: TagTable; themes: Theme[] } },
): T[] {
  const safe = options.safeIntegers ?? false;
  const run = (p: Record<string, string | number | bigint>): T => {
    const stmt = db.prepare(sql).safeIntegers(safe);
    return (options.mode === 'get' ? stmt.get(p) : stmt.all(p)) as T;
  };
  const first = Number(params['first']);
  const last = Number(params['last']);
  const cutoff = options.tags.source === 'tags' ? null : filledCutoff(db, options.tags.source);
  // Inside a transaction the worker would not see what this connection has not committed.
  const scan = storeOf(db).scan;
  if (last - first + 1 < scan.splitMinRows || db.inTransaction || cutoff === undefined) return [run(params)];
  const t = readyThread(db);
  if (!t) return [run(params)];
  const mid = first + Math.floor((last - first) / 2);
  const id = t.nextId++;
  const job: ScanJob = { id, sql, params: { ...params, first: mid + 1 }, mode: options.mode, safeIntegers: safe, tags: { table: options.tags.source, cutoff, themes: options.tags.themes } };
  t.port.postMessage(job);
  const lower = run({ ...params, last: mid });
  const upper = awaitAnswer(scan, t, id);
  if (upper) t.splits++;
  return [lower, upper ? (upper.result as T) : run({ ...params, first: mid + 1 })];
}

type Cell = number | bigint | null;

/** Column-wise sum of rows whose every column is a SUM or COUNT (NULL: no rows counted). */
export function addRows<R extends Record<string, Cell>>(rows: R[]): R {
  const [head, ...rest] = rows;
  const out: Record<string, Cell> = { ...head };
  for (const row of rest) {
    for (const [k, v] of Object.entries(row)) {
      const a = out[k] ?? null;
      if (v === null) continue;
      out[k] = a === null ? v : typeof a === 'bigint' ? a + BigInt(v) : a + Number(v);
    }
  }
  return out as R;
}

/** Groups from several parts merged by `key` (the group's other columns are sums or counts), in first-seen order. */
export function addGroups<R extends Record<string, Cell | string>>(parts: R[][], key: keyof R & string): R[] {
  const groups = new Map<unknown, R>();
  for (const part of parts) {
    for (const row of part) {
      const seen = groups.get(row[key]);
      if (!seen) {
        groups.set(row[key], { ...row });
        continue;
      }
      const { [key]: _, ...mine } = seen;
      const { [key]: __, ...theirs } = row;
      Object.assign(seen, addRows([mine as Record<string, Cell>, theirs as Record<string, Cell>]));
    }
  }
  return [...groups.values()];
}
