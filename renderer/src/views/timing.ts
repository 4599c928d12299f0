import { useEffect } from 'react';

const START = 'themelens:switch-start';

/** Marks the moment the user asked for another view or snapshot (a tab click, a picker change). */
export function markSwitchStart(what: string): void {
  performance.clearMarks(START);
  performance.mark(START, { detail: what });
}

/**
 * Once `ready` holds the data the user asked for and the browser has drawn it, records a
 * Performance API measure "themelens:switch" from the last switch mark (e2e reads and prints it).
 * The measure is taken after the next frame: in a task queued from that frame's animation
 * callback, so the frame's style, layout and paint of the new view are inside it.
 */
export function useSwitchMeasure(view: string, ready: unknown): void {
  useEffect(() => {
    if (!ready || performance.getEntriesByName(START, 'mark').length === 0) return;
    let live = true;
    const frame = requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (!live || performance.getEntriesByName(START, 'mark').length === 0) return;
        performance.measure('themelens:switch', { start: START, detail: view });
        performance.clearMarks(START);
      };
      channel.port2.postMessage(null);
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [view, ready]);
}
