import { useEffect } from 'react';

const START = 'themelens:switch-start';

/** Marks the moment the user asked for another view or snapshot (a tab click, a picker change). */
export function markSwitchStart(what: string): void {
  performance.clearMarks(START);
  performance.mark(START, { detail: what });
}

/**
 * Once `ready` holds the data the user asked for and the browser has painted it, records a
 * Performance API measure "themelens:switch" from the last switch mark (e2e reads and prints it).
 */
export function useSwitchMeasure(view: string, ready: unknown): void {
  useEffect(() => {
    if (!ready || performance.getEntriesByName(START, 'mark').length === 0) return;
    const frame = requestAnimationFrame(() => {
      performance.measure('themelens:switch', { start: START, detail: view });
      performance.clearMarks(START);
    });
    return () => cancelAnimationFrame(frame);
  }, [view, ready]);
}
