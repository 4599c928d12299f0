import { useCallback, useState } from 'react';
import type { TagChange } from '../../../shared/api/contract';
import { api } from '../api';
import { nextUndoOrder } from '../ui/undo-order';

/** One undoable tag step: what it applied and what restores the state before it. */
interface Step {
  label: string;
  /** When it was done or last redone, among all the window's undoable actions (undo-order.ts). */
  order: number;
  apply: TagChange[];
  revert: TagChange[];
}

/**
 * Every tag change goes through here, so each can be undone and redone (the keys are the window's:
 * ui/useWindowUndo.ts, which also undoes a deletion when it is the latest action). The backend
 * applies each step in one transaction and says what the weights were before, which is exactly what
 * undo applies.
 */
export function useTagHistory(onChanged: (applied: TagChange[]) => void, onError: (err: unknown) => void = () => {}) {
  const [undoStack, setUndo] = useState<Step[]>([]);
  const [redoStack, setRedo] = useState<Step[]>([]);

  const apply = useCallback(
    async (changes: TagChange[], label: string) => {
      const r = await api().applyTagChanges({ changes });
      const step = { label, order: nextUndoOrder(), apply: r.after, revert: r.before };
      setUndo((s) => [...s, step]);
      setRedo([]);
      onChanged(r.after);
    },
    [onChanged],
  );

  /**
   * Runs any operation that changes tags in bulk (accepting suggestions, applying rules, importing
   * tags) as one undoable step: the tags before and after are compared, and the difference is the step.
   */
  const record = useCallback(
    async <T,>(label: string, action: () => Promise<T>): Promise<T> => {
      const key = (t: { symbolKey: string; themeId: string }) => `${t.symbolKey}\u0000${t.themeId}`;
      const before = new Map((await api().listTags({})).map((t) => [key(t), t]));
      const result = await action();
      const after = new Map((await api().listTags({})).map((t) => [key(t), t]));
      const apply: TagChange[] = [];
      const revert: TagChange[] = [];
      for (const k of new Set([...before.keys(), ...after.keys()])) {
        const b = before.get(k);
        const a = after.get(k);
        if (b?.weightBp === a?.weightBp && b?.source === a?.source) continue;
        const [symbolKey, themeId] = k.split('\u0000') as [string, string];
        apply.push({ symbolKey, themeId, weightBp: a?.weightBp ?? null, ...(a ? { source: a.source } : {}) });
        revert.push({ symbolKey, themeId, weightBp: b?.weightBp ?? null, ...(b ? { source: b.source } : {}) });
      }
      if (apply.length > 0) {
        // Removals first when undoing, so restored weights always fit within 100%.
        revert.sort((x, y) => (x.weightBp === null ? -1 : 0) - (y.weightBp === null ? -1 : 0));
        apply.sort((x, y) => (x.weightBp === null ? -1 : 0) - (y.weightBp === null ? -1 : 0));
        const step = { label, order: nextUndoOrder(), apply, revert };
        setUndo((s) => [...s, step]);
        setRedo([]);
      }
      onChanged(apply);
      return result;
    },
    [onChanged],
  );

  const undo = useCallback(async () => {
    const step = undoStack.at(-1);
    if (!step) return;
    // A refused undo leaves the tags and both stacks as they were, and says why.
    try {
      await api().applyTagChanges({ changes: step.revert });
    } catch (err) {
      return onError(err);
    }
    setUndo((s) => s.slice(0, -1));
    setRedo((s) => [...s, step]);
    onChanged(step.revert);
  }, [undoStack, onChanged, onError]);

  const redo = useCallback(async () => {
    const step = redoStack.at(-1);
    if (!step) return;
    try {
      await api().applyTagChanges({ changes: step.apply });
    } catch (err) {
      return onError(err);
    }
    const redone = { ...step, order: nextUndoOrder() };
    setRedo((s) => s.slice(0, -1));
    setUndo((s) => [...s, redone]);
    onChanged(step.apply);
  }, [redoStack, onChanged, onError]);

  // Another kind of action (a deletion) came after the steps undone: as after a new tag edit, they
  // are not redone over it.
  const clearRedo = useCallback(() => setRedo([]), []);

  return {
    apply,
    record,
    undo,
    redo,
    clearRedo,
    undoLabel: undoStack.at(-1)?.label ?? null,
    undoOrder: undoStack.at(-1)?.order ?? 0,
    redoLabel: redoStack.at(-1)?.label ?? null,
  };
}
