// Worker thread: the scan thread's own read-only connection (scan-thread.ts). It answers one job at
// a time: the upper half of a snapshot's scan, read through a weight table it builds the same way
// as the caller's (from the live tags, or from the tags as of the same moment).
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { openDatabase, type Db } from '../connection';
import { weightTable } from './weight-tables';
import { ANSWERED, READY, SCAN_PAGE_CACHE, type ScanAnswer, type ScanJob, type ScanThreadConfig } from './scan-thread';
import { tagsAsOf, type TagTable } from './tag-tables';

const data = workerData as { config: ScanThreadConfig; port: MessagePort; flags: Int32Array };
const { config, port, flags } = data;

function open(): Db | null {
  try {
    const db = openDatabase(config.path, { readonly: true, nativeBinding: config.nativeBinding, key: config.key, cipherNativeBinding: config.cipherNativeBinding });
    db.pragma(SCAN_PAGE_CACHE);
    return db;
  } catch {
    return null;
  }
}

const db = open();
if (!db) {
  Atomics.store(flags, READY, -1);
  port.close();
} else {
  port.on('message', (job: ScanJob) => {
    let answer: ScanAnswer;
    try {
      if (job.tags.table !== 'tags') tagsAsOf(db, job.tags.table as Exclude<TagTable, 'tags'>, job.tags.cutoff);
      weightTable(db, job.tags.table, job.tags.themes);
      const stmt = db.prepare(job.sql).safeIntegers(job.safeIntegers);
      answer = { id: job.id, result: job.mode === 'get' ? stmt.get(job.params) : stmt.all(job.params) };
    } catch (err) {
      answer = { id: job.id, error: (err as Error).message };
    }
    // The answer is on the port before the caller is woken to read it.
    port.postMessage(answer);
    Atomics.store(flags, ANSWERED, job.id);
    Atomics.notify(flags, ANSWERED);
  });
  Atomics.store(flags, READY, 1);
}
