/**
 * One count for every undoable action the window takes (a tag step, a deletion), so the toolbar's
 * Undo and Ctrl+Z undo the latest of them, whichever kind it was.
 */
let last = 0;

export function nextUndoOrder(): number {
  return ++last;
}
