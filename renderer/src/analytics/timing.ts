import { useLayoutEffect } from 'react';

const START = 'themelens:switch-start';

/** Far longer than a switch that is drawn takes (the perf walk's slowest, figures computed on the click, took under 400 ms). */
const PENDING_AT_MOST_MS = 5000;

/** Marks the moment the user asked for another view or snapshot (a tab click, a picker change). */
export function markSwitchStart(what: string): void {
  performance.clearMarks(START);
  performance.mark(START, { detail: what });
}

/**
 * A switch the user asked for, in the last few seconds, is still being drawn. A switch never drawn
 * (its figures failed, the window is minimised and draws no frame) stops counting after a while, so
 * the work that waits for it (prefetch.ts, warm-up.tsx) is not held up for good.
 */
export function switchPending(): boolean {
  const start = performance.getEntriesByName(START, 'mark')[0];
  return start !== undefined && performance.now() - start.startTime < PENDING_AT_MOST_MS;
}

/**
 * Once `ready` holds the data the user asked for and the browser has drawn it, records a
 * Performance API measure "themelens:switch" from the last switch mark (e2e reads and prints it).
 * The measure is taken after the frame that draws the new view: the animation callback is asked
 * for as the view is committed (a layout effect; a passive effect may run only after that frame
 * was drawn, and would then wait for, and count, one frame more), and the measure is taken in a
 * task queued from that callback, so the frame's style, layout and paint are inside it.
 */
export function useSwitchMeasure(view: string, ready: unknown): void {
  useLayoutEffect(() => {
    const start = performance.getEntriesByName(START, 'mark')[0];
    if (!ready || !start) return;
    // When the view was committed, from the click: the rest of the measure is the frame (style,
    // layout, paint) and whatever else ran before it. The perf walk prints both, so a slow switch
    // says whether the drawing or something in the way was slow.
    const committedMs = performance.now() - start.startTime;
    return afterNextPaint(() => {
      if (performance.getEntriesByName(START, 'mark').length === 0) return;
      performance.measure('themelens:switch', { start: START, detail: { view, committedMs } });
      performance.clearMarks(START);
    });
  }, [view, ready]);
}

/**
 * Runs `f` in a task queued from the next frame's animation callback: once that frame (its style,
 * layout and paint) is done. Returns a function that cancels it.
 *
 * Work a view defers this way after it is drawn (CompareView's later rows) comes after the switch's
 * measure, never inside it, as a timer might: the measure asks for its frame in a layout effect,
 * before any passive effect asks (or a frame earlier), frame callbacks run in the order asked, and
 * Chromium runs messages posted to MessageChannels in the order posted (one queue for all ports;
 * the HTML standard gives each port a queue of its own, so this order is Chromium's).
 */
export function afterNextPaint(f: () => void): () => void {
  let live = true;
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (live) f();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    live = false;
    cancelAnimationFrame(frame);
  };
}
