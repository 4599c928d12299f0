import { useEffect } from 'react';
import { api, callsInFlight } from '../api';
import type { PortfolioSummary, Snapshot } from '../../../shared/domain/types';
import { householdAsk } from './household-calls';
import { whenIdle } from './idle';
import { switchPending } from './timing';
import { msSinceInput } from './user-input';
import { answerName, keeping, keptOrAsked } from './kept-answers';

type Call = () => Promise<unknown>;

/** A call taking longer than this means a large portfolio or a busy machine: the queue pauses after it. */
const CHEAP_MS = 150;
/**
 * A call taking longer than this means figures so slow to compute that a click landing during one
 * would wait too long behind it: prefetching stops. (Stopping at CHEAP_MS left a 100,000-position
 * portfolio's later views uncomputed whenever one call met a busy moment: 40-70 ms calls, one over 150.)
 */
const SLOW_MS = 500;
/** Let the view on screen settle before asking for anything else. */
const SETTLE_MS = 250;
/** How soon to look again when the backend was busy. */
const BUSY_RETRY_MS = 50;

/**
 * After a key or pointer press, how long the queue asks nothing: a click's press comes before its
 * switch begins, and a call asked in between is in the way of the switch's own.
 */
const INPUT_QUIET_MS = 300;

/**
 * How long each call waits for an idle moment before it is asked anyway: where the browser finds
 * none in a quiet window (as headless Chromium at times does not, until the next input), the queue
 * goes on rather than wait for a click and run into it (the perf walk saw calls land in 5 of 16
 * switches).
 */
const idle = (f: () => void) => whenIdle(f, 500, 50);

/** The queue's calls noted for the perf walk (asked: a mark; answered or failed: a measure), at most this many of each kept. */
const NOTED_AT_MOST = 1000;

/** Notes a call of the queue for the e2e perf walk's printout (which switches it overlapped). */
function note(kind: 'mark' | 'measure', start: number): void {
  const name = kind === 'mark' ? 'themelens:prefetch-asked' : 'themelens:prefetch';
  const full = performance.getEntriesByName(name, kind).length >= NOTED_AT_MOST;
  if (kind === 'mark') {
    if (full) performance.clearMarks(name);
    performance.mark(name);
  } else {
    if (full) performance.clearMeasures(name);
    performance.measure(name, { start, duration: performance.now() - start });
  }
}

/**
 * While the window is idle, asks the backend, one call at a time, for what the user is likely to
 * open next, so that switching to it is served from the backend's cache (computed figures are kept
 * until any data changes). Pauses after a slow call, stops at a very slow one, and starts over
 * when `key` changes.
 */
export function usePrefetch(calls: () => Call[], key: string | null): void {
  useEffect(() => {
    if (key === null) return;
    let stopped = false;
    let cancel = () => {};
    const queue = calls();
    const next = () => {
      const call = queue.shift();
      if (stopped || !call) return;
      cancel = idle(() => {
        if (callsInFlight() > 0 || switchPending() || msSinceInput() < INPUT_QUIET_MS) {
          // The backend is answering something else (the user's own call, a large screen still
          // loading), or the user has just pressed something or is waiting for a view: wait,
          // rather than queue in front of their call or be timed behind it.
          queue.unshift(call);
          const timer = setTimeout(next, BUSY_RETRY_MS);
          cancel = () => clearTimeout(timer);
          return;
        }
        const start = performance.now();
        note('mark', start);
        // Warming is best effort: a call that throws at once (a host without that call) is dropped
        // like one that fails later, never an uncaught error in a timer.
        new Promise<unknown>((ok) => ok(call())).then(
          () => {
            const took = performance.now() - start;
            note('measure', start);
            if (stopped || took >= SLOW_MS) return;
            if (took < CHEAP_MS) return next();
            // A slow call: leave the backend free for as long again, so a click finds it free at
            // least half the time, before the next.
            const timer = setTimeout(next, took);
            cancel = () => clearTimeout(timer);
          },
          () => note('measure', start),
        );
      });
    };
    const timer = setTimeout(next, SETTLE_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      cancel();
    };
    // `calls` is re-created every render; `key` says when its inputs changed.
  }, [key]);
}

/**
 * The call each analytics view makes for a portfolio's snapshot (as AnalyticsViews makes it), its
 * answer kept for `generation` (kept-answers.ts) so the view can be drawn from it at once.
 */
export function viewCall(view: string, portfolioId: number, snapshotId: number | null, generation: number): Call | null {
  const call = backendCall(view, portfolioId, snapshotId);
  return call && keeping(answerName(view, portfolioId, snapshotId), generation, call);
}

function backendCall(view: string, portfolioId: number, snapshotId: number | null): Call | null {
  const input = { portfolioId, ...(snapshotId ? { snapshotId } : {}) };
  switch (view) {
    case 'themes':
      return () => api().getThemeBreakdown({ ...input, top: 10 });
    case 'accounts':
      return () => api().getAccountBreakdown(input);
    case 'currencies':
      return () => api().getCurrencyBreakdown(input);
    case 'overlap':
      return () => api().getThemeOverlap(input);
    case 'history':
      return () => api().getThemeHistory({ portfolioId });
    case 'portfolios':
      return () => api().getPortfoliosOverview({});
    default:
      return null;
  }
}

/** A portfolio's snapshots (the views' snapshot picker), kept for `generation` like a view's answer. */
export function snapshotsCall(portfolioId: number, generation: number): () => Promise<Snapshot[]> {
  return keeping(answerName('snapshots', portfolioId, null), generation, () => api().listSnapshots({ portfolioId }));
}

/** The portfolio's snapshots: the answer kept in this generation if there is one (the queues ask for them first), else asked for. */
async function snapshotsOf(portfolioId: number, generation: number): Promise<Snapshot[]> {
  return keptOrAsked(answerName('snapshots', portfolioId, null), generation, snapshotsCall(portfolioId, generation));
}

/**
 * `view`'s call for the portfolio's snapshot before `snapshotId` (the next one in the snapshot
 * picker), if it has one: comparing with the last snapshot is the usual first switch of snapshot,
 * and at 100,000 positions computing an older snapshot's themes takes 40-70 ms on top of drawing.
 */
export function previousSnapshotCall(view: string, portfolioId: number, snapshotId: number, generation: number): Call {
  return async () => {
    const snapshots = await snapshotsOf(portfolioId, generation);
    const at = snapshots.findIndex((s) => s.id === snapshotId);
    const previous = at >= 0 ? snapshots[at + 1] : undefined;
    return previous ? viewCall(view, portfolioId, previous.id, generation)?.() : undefined;
  };
}

/**
 * The Compare view's first comparison (the latest snapshot against the one before, as it opens),
 * if the portfolio has two. Last in every queue: a large portfolio's is computed on a thread of
 * its own (prepareFigures) and this call waits for it; a small one's takes a few milliseconds
 * here.
 */
export function compareCall(portfolioId: number, generation: number): Call {
  return async () => {
    const snapshots = await snapshotsOf(portfolioId, generation);
    const [to, from] = snapshots;
    return to && from ? api().compareSnapshots({ portfolioId, fromSnapshotId: from.id, toSnapshotId: to.id }) : undefined;
  };
}

/**
 * Asks the backend to compute ahead, on a thread of its own (db/exposure/figures-ahead.ts), the
 * views' slowest figures of a large portfolio: the shown snapshot's Themes and Accounts figures
 * and the portfolio's History, the Compare view's first comparison (as compareCall) where the
 * portfolio has two snapshots, with the earlier snapshot's Themes and Accounts figures, and the
 * Household view's (as householdCall) where it is a client's. Unlike the queue's calls it holds
 * up nothing (the backend answers at once), so it is asked as soon as the portfolio's figures
 * arrive. The queue still asks for those figures (its answers are kept here, to draw a view at
 * once): the backend's answer waits for the thread, leaving its main thread free for a click's
 * call. Asked on the main thread one at a time, a click landing while one was computed (30-55 ms at
 * 100,000 positions) waited behind it; computing the comparison and the household's on the click
 * took 250-390 ms (Compare) and 88-133 ms (Household) to switch.
 */
export async function prepareFigures(portfolio: PortfolioSummary, snapshotId: number, generation: number): Promise<void> {
  const [[to, from], household] = await Promise.all([snapshotsOf(portfolio.id, generation), householdAsk(portfolio, generation)]);
  const comparison = to && from ? { fromSnapshotId: from.id, toSnapshotId: to.id } : undefined;
  await api().prepareFigures({ portfolioId: portfolio.id, snapshotId, ...(comparison ? { comparison } : {}), ...(household ? { household } : {}) });
}

export const PREFETCHED_VIEWS = ['themes', 'accounts', 'currencies', 'overlap', 'history', 'portfolios'] as const;
