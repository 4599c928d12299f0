// Figures thread (figures-ahead.ts): computes a comparison of two snapshots and a household's screen
// figures on a connection of its own, so the app's main process stays free while it reads the
// positions, and posts the figures it computed and the sides it read; the main process keeps them
// if nothing changed meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorData } from '../../shared/api/errors';
import { openDatabase } from '../connection';
import { getPortfolio } from '../repos/portfolios';
import { getSnapshot } from '../repos/snapshots';
import { cachedClientExposure } from './client';
import { compareSnapshots } from './compare';
import { postedSides } from './compare-sides';
import { accountBreakdown, themeBreakdown } from './breakdowns';
import { storeOf } from '../store';
import type { FiguresAheadData } from './figures-ahead';

const data = workerData as FiguresAheadData;
const db = openDatabase(data.dbPath, { nativeBinding: data.nativeBinding, key: data.key, cipherNativeBinding: data.cipherNativeBinding, readonly: data.readonly });
try {
  // Reads only: nothing here is written to the file (its temp tables are this connection's own).
  const portfolio = getPortfolio(db, data.portfolioId);
  let sides: ReturnType<typeof postedSides> = null;
  if (data.comparison) {
    const from = getSnapshot(db, data.comparison.fromSnapshotId);
    const to = getSnapshot(db, data.comparison.toSnapshotId);
    compareSnapshots(db, portfolio, from, to, data.comparison.limit);
    // The earlier snapshot's groups are read now: its Themes and Accounts figures (as those views
    // ask) cost little more here, and are what a user switching to the snapshot before sees first.
    themeBreakdown(db, portfolio, from, 10);
    accountBreakdown(db, portfolio, from);
    sides = postedSides(db);
  }
  // After the comparison: the Household view comes after Compare in the view tabs.
  if (data.household) {
    try {
      cachedClientExposure(db, data.household);
    } catch {
      // Left to the click, where its error (a client whose portfolios differ in currency…) is shown.
    }
  }
  // Every figure computed here, under the names the main connection's cache gives them.
  const entries = [...(storeOf(db).analytics?.entries ?? [])];
  parentPort?.postMessage({ t: 'done', entries, sides: sides?.posted ?? null }, sides?.transfer ?? []);
} catch (err) {
  parentPort?.postMessage({ t: 'failed', error: toErrorData(err) });
} finally {
  db.close();
}
