import { useSyncExternalStore } from 'react';

/** The snapshot deletion the window can still undo: the latest one, of one portfolio. */
export interface SnapshotUndo {
  token: number;
  portfolioId: number;
  asOf: string;
  file: string;
}

/**
 * Kept outside the view that offers it: the History view goes (another tab, or "Loading…" while a
 * large portfolio's history is computed again, or no snapshot left to chart) and comes back, and
 * the offer must still be there, in its portfolio's view only. Any other deletion ends it (the
 * backend keeps only the latest deletion to undo).
 */
let current: SnapshotUndo | null = null;
const listeners = new Set<() => void>();

export function offerSnapshotUndo(undo: SnapshotUndo | null): void {
  current = undo;
  for (const l of listeners) l();
}

export function useSnapshotUndo(portfolioId: number): SnapshotUndo | null {
  const undo = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    () => current,
  );
  return undo?.portfolioId === portfolioId ? undo : null;
}
