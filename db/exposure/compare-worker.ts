// Compare thread (compare-ahead.ts): computes one comparison of two snapshots on a connection of its
// own, so the app's main process stays free while it reads both snapshots' positions, and posts the
// figures it computed and both sides it read; the main process keeps them if nothing changed meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorData } from '../../shared/api/errors';
import { openDatabase } from '../connection';
import { getPortfolio } from '../repos/portfolios';
import { getSnapshot } from '../repos/snapshots';
import { compareSnapshots, comparisonKey } from './compare';
import { postedSides } from './compare-sides';
import { accountBreakdown, themeBreakdown } from './breakdowns';
import { storeOf } from '../store';
import type { CompareAheadData } from './compare-ahead';

const data = workerData as CompareAheadData;
const db = openDatabase(data.dbPath, { nativeBinding: data.nativeBinding, key: data.key, cipherNativeBinding: data.cipherNativeBinding, readonly: data.readonly });
try {
  // Reads only: nothing here is written to the file (its temp tables are this connection's own).
  const portfolio = getPortfolio(db, data.portfolioId);
  const from = getSnapshot(db, data.fromSnapshotId);
  const to = getSnapshot(db, data.toSnapshotId);
  const { key } = comparisonKey(db, portfolio, from, to, data.limit);
  compareSnapshots(db, portfolio, from, to, data.limit);
  // The earlier snapshot's groups are read now: its Themes and Accounts figures (as those views
  // ask) cost little more here, and are what a user switching to the snapshot before sees first.
  themeBreakdown(db, portfolio, from, 10);
  accountBreakdown(db, portfolio, from);
  const sides = postedSides(db);
  // Every figure computed here, under the names the main connection's cache gives them.
  const entries = [...(storeOf(db).analytics?.entries ?? [])];
  parentPort?.postMessage({ t: 'done', key, entries, sides: sides?.posted ?? null }, sides?.transfer ?? []);
} catch (err) {
  parentPort?.postMessage({ t: 'failed', error: toErrorData(err) });
} finally {
  db.close();
}
