/**
 * Runs `f` when the window is next idle (requestIdleCallback, at the latest after `timeoutMs`),
 * or after `fallbackMs` where there is no idle callback; returns a function that cancels it.
 */
export function whenIdle(f: () => void, timeoutMs: number, fallbackMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(f, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(f, fallbackMs);
  return () => clearTimeout(id);
}
