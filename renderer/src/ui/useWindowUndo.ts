import { useCallback, useEffect } from 'react';
import { deletionUndoLabel, undoDeletionAndSay, useDeletionUndo, type DeletionSaid } from '../analytics/deletion-undo';
import type { useTagHistory } from '../tagging/useTagHistory';

/**
 * The window's Undo and Redo (the toolbar's buttons, Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z or Ctrl+Y): the
 * latest undoable action, a tag step or a deletion, whichever came last. A deletion is undone once
 * (its restore has no redo); tag steps undone before it are not redone over it.
 */
export function useWindowUndo(history: ReturnType<typeof useTagHistory>, say: DeletionSaid) {
  const deletion = useDeletionUndo();
  const latest = deletion && deletion.order > history.undoOrder ? deletion : null;
  const { clearRedo } = history;
  useEffect(() => {
    if (deletion) clearRedo();
  }, [deletion, clearRedo]);

  const undo = useCallback(() => (latest ? undoDeletionAndSay(latest, say) : history.undo()), [latest, history, say]);
  const { redo } = history;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return; // the field's own undo
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  return { undo, redo, undoLabel: latest ? deletionUndoLabel(latest) : history.undoLabel, redoLabel: history.redoLabel };
}
