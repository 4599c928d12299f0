// Figures thread (figures-ahead.ts): computes the shown snapshot's Themes and Accounts figures, the
// portfolio's History, a comparison of two snapshots and a household's screen figures on a
// connection of its own, so the app's main process stays free while it reads the positions, and
// posts each figure as it is computed (and the sides a comparison read); the main process keeps
// them if nothing changed meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorData } from '../../shared/api/errors';
import { openDatabase } from '../connection';
import { getPortfolio } from '../repos/portfolios';
import { getSnapshot } from '../repos/snapshots';
import { cachedClientExposure } from './client';
import { themeHistory } from './history';
import { compareSnapshots } from './compare';
import { postedSides } from './compare-sides';
import { accountBreakdown, themeBreakdown } from './breakdowns';
import { storeOf } from '../store';
import { SHOWN_TOP, type FiguresAheadData } from './figures-ahead';

const data = workerData as FiguresAheadData;
const db = openDatabase(data.dbPath, { nativeBinding: data.nativeBinding, key: data.key, cipherNativeBinding: data.cipherNativeBinding, readonly: data.readonly });
/** Figures already sent: each is sent once, as soon as it is computed. */
const sent = new Set<string>();

/**
 * The History's sums of each earlier snapshot with the tags as they stood: of use only to compute
 * the History again, which is sent itself. Sent, a portfolio of 60 snapshots would push the figures
 * just sent out of the main connection's cache (64 entries).
 */
const INTERMEDIATE = 'asof:';

/** Sends every figure computed since the last send (a call may be waiting for one), with the sides a comparison read. */
function send(sides: ReturnType<typeof postedSides> = null): void {
  const entries = [...(storeOf(db).analytics?.entries ?? [])].filter(([name]) => !sent.has(name) && !name.startsWith(INTERMEDIATE));
  for (const [name] of entries) sent.add(name);
  parentPort?.postMessage({ t: 'kept', entries, sides: sides?.posted ?? null }, sides?.transfer ?? []);
}

try {
  // Reads only: nothing here is written to the file (its temp tables are this connection's own).
  const portfolio = getPortfolio(db, data.portfolioId);
  // In the order of the view tabs: Themes, Accounts, History, Compare, Household.
  if (data.shown) {
    const shown = getSnapshot(db, data.shown.snapshotId);
    if (data.shown.themes) {
      themeBreakdown(db, portfolio, shown, data.shown.top);
      send();
    }
    if (data.shown.accounts) {
      accountBreakdown(db, portfolio, shown);
      send();
    }
  }
  if (data.history) {
    themeHistory(db, portfolio);
    send();
  }
  if (data.comparison) {
    const from = getSnapshot(db, data.comparison.fromSnapshotId);
    const to = getSnapshot(db, data.comparison.toSnapshotId);
    compareSnapshots(db, portfolio, from, to, data.comparison.limit);
    // The earlier snapshot's groups are read now: its Themes and Accounts figures (as those views
    // ask) cost little more here, and are what a user switching to the snapshot before sees first.
    themeBreakdown(db, portfolio, from, SHOWN_TOP);
    accountBreakdown(db, portfolio, from);
    send(postedSides(db));
    // Their arrays moved with them: nothing here may read them again.
    storeOf(db).comparedSides = null;
  }
  if (data.household) {
    try {
      cachedClientExposure(db, data.household);
    } catch {
      // Left to the click, where its error (a client whose portfolios differ in currency…) is shown.
    }
    send();
  }
  parentPort?.postMessage({ t: 'done' });
} catch (err) {
  parentPort?.postMessage({ t: 'failed', error: toErrorData(err) });
} finally {
  db.close();
}
