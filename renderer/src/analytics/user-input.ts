/**
 * When the user last pressed a key or a pointer, or turned the wheel, in this window. Work done
 * ahead of the user (the idle queue of backend calls, the views drawn unseen) waits until the
 * window has been quiet a while, so it never lands between a press and the switch it starts: a
 * call of the queue issued there is answered, and its answer handled, while the user's own call
 * waits behind it.
 *
 * Listened for from the moment this module loads, in the capture phase, so no handler that stops
 * an event hides it.
 */
let lastInput = Number.NEGATIVE_INFINITY;

if (typeof window !== 'undefined') {
  const note = () => {
    lastInput = Date.now();
  };
  for (const type of ['pointerdown', 'keydown', 'wheel'] as const) window.addEventListener(type, note, { capture: true, passive: true });
}

/** Milliseconds since the user's last key, pointer press or wheel turn (Infinity before the first). */
export function msSinceInput(): number {
  return Date.now() - lastInput;
}
