/**
 * When the user last pressed or released a key or a pointer, or turned the wheel, in this window.
 * Work done ahead of the user (the idle queue of backend calls, the views drawn unseen) waits until
 * the window has been quiet a while, so none of it starts between a press and the switch it starts
 * (a click's, at the release): a call of the queue asked there is answered, and its answer
 * handled, while the user's own call waits behind it. (A call already asked goes on.)
 *
 * Listened for from the moment this module loads, in the capture phase, so no handler that stops
 * an event hides it.
 */
let lastInput = Number.NEGATIVE_INFINITY;

if (typeof window !== 'undefined') {
  const note = () => {
    lastInput = Date.now();
  };
  for (const type of ['pointerdown', 'pointerup', 'keydown', 'keyup', 'wheel'] as const) window.addEventListener(type, note, { capture: true, passive: true });
}

/** Milliseconds since the user's last key, pointer press or release, or wheel turn (Infinity before the first). */
export function msSinceInput(): number {
  const since = Date.now() - lastInput;
  // The clock set back since: the input was long ago, not in the future (which would hold the work up until then).
  return since < 0 ? Number.POSITIVE_INFINITY : since;
}
