import { useSyncExternalStore } from 'react';
import { api } from '../api';
import { errorWords } from '../failure-words';
import { formatDate } from '../format';
import { t } from '../i18n';
import { nextUndoOrder } from '../ui/undo-order';

/** The deletion the window can still undo: the latest one, of a portfolio or of one snapshot. */
export type DeletionUndo =
  | { kind: 'snapshot'; token: number; portfolioId: number; asOf: string; file: string; order: number }
  | { kind: 'portfolio'; token: number; name: string; order: number };

type Offered = DeletionUndo extends infer D ? (D extends DeletionUndo ? Omit<D, 'order'> : never) : never;

/**
 * Kept outside the views that offer it: the view goes (another tab, "Loading…" while a large
 * portfolio's history is computed again, the empty state once the last portfolio is gone) and comes
 * back, and the offer must still be there; the toolbar's Undo and Ctrl+Z offer it too. Any other
 * deletion ends it (the backend keeps only the latest deletion to undo).
 */
let current: DeletionUndo | null = null;
const listeners = new Set<() => void>();

export function offerDeletionUndo(undo: Offered | null): void {
  set(undo && ({ ...undo, order: nextUndoOrder() } as DeletionUndo));
}

function set(undo: DeletionUndo | null): void {
  current = undo;
  for (const l of listeners) l();
}

export function useDeletionUndo(): DeletionUndo | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    () => current,
  );
}

/** The snapshot deletion to offer in this portfolio's view, if the latest deletion is one. */
export function useSnapshotUndo(portfolioId: number): Extract<DeletionUndo, { kind: 'snapshot' }> | null {
  const undo = useDeletionUndo();
  return undo?.kind === 'snapshot' && undo.portfolioId === portfolioId ? undo : null;
}

export interface UndoneDeletion {
  /** What was restored, in the interface's words (a toast says it). */
  said: string;
  /** The portfolio to show: the one restored, or the one whose snapshot was. */
  select: number;
}

/**
 * Restores the deletion offered, wherever its Undo was pressed (its banner, the toolbar, Ctrl+Z).
 * The offer ends before the call, and an offer already ended (a second press before the window
 * drew the first's) restores nothing: null. A refused restore throws, and is offered again.
 */
export async function undoDeletion(undo: DeletionUndo): Promise<UndoneDeletion | null> {
  if (current !== undo) return null;
  set(null);
  try {
    if (undo.kind === 'portfolio') {
      const restored = await api().restorePortfolio({ undoToken: undo.token });
      return { said: t('Restored {{name}}.', { name: undo.name }), select: restored.id };
    }
    await api().restoreSnapshot({ undoToken: undo.token });
    return { said: t('Restored the snapshot of {{date}} ({{file}}).', { date: formatDate(undo.asOf), file: undo.file }), select: undo.portfolioId };
  } catch (err) {
    // Refused (the database busy, read-only): offered again, in its place among the undos, unless
    // another deletion came meanwhile, as a refused tag undo keeps its step.
    if (current === null) set(undo);
    throw err;
  }
}

/** Where an undone deletion is said: the window's message, and the portfolio it brings back shown. */
export interface DeletionSaid {
  onMessage: (text: string, kind: 'ok' | 'error') => void;
  onPortfoliosChanged: (select?: number) => void;
}

/**
 * Undoes it and says so, the same from its banner, the toolbar or Ctrl+Z: "Restored…" and the
 * portfolio shown, or why it was refused. A second press says nothing.
 */
export async function undoDeletionAndSay(undo: DeletionUndo, say: DeletionSaid): Promise<void> {
  try {
    const r = await undoDeletion(undo);
    if (!r) return;
    say.onMessage(r.said, 'ok');
    say.onPortfoliosChanged(r.select);
  } catch (err) {
    say.onMessage(errorWords(err), 'error');
  }
}

/** The toolbar's name for undoing it ("Undo: …"). */
export function deletionUndoLabel(undo: DeletionUndo): string {
  return undo.kind === 'portfolio' ? t('Delete {{name}}', { name: undo.name }) : t('Delete the snapshot of {{date}}', { date: formatDate(undo.asOf) });
}
