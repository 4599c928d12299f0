/**
 * The analytics views' answers, kept in the window: a view whose figures were fetched before (or
 * fetched ahead while the user read another view, prefetch.ts) is drawn in the same frame as the
 * click that asks for it, instead of after a round trip to the backend and a frame of "Loading…".
 *
 * An answer is kept under its call and the window's generation of figures (App.tsx: a new one with
 * every change the window makes: an import, a rate, a rename, a tag edit, an undo or redo) and is
 * never offered to another generation. A view drawn from a kept answer still asks the backend,
 * and is drawn again if the answer differs (useCall): a change made outside the window, by the
 * command line, shows as soon as the backend says so.
 */

const MAX_KEPT = 48;

const kept = new Map<string, { generation: number; data: unknown }>();

/** The name an answer is kept under: what the call asks for (history and portfolios ask for no snapshot). */
export function answerName(what: string, portfolioId: number, snapshotId: number | null): string {
  if (what === 'portfolios') return what;
  if (what === 'history' || what === 'snapshots') return `${what}:${portfolioId}`;
  return `${what}:${portfolioId}:${snapshotId ?? 'latest'}`;
}

/** Keeps `data` as the answer to `name` in `generation` (the oldest answer goes past MAX_KEPT). */
export function keepAnswer(name: string, generation: number, data: unknown): void {
  if (data === null || data === undefined) return;
  kept.delete(name);
  kept.set(name, { generation, data });
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
}

/** The answer kept for `name` in this `generation`, if any. */
export function keptAnswer<T>(name: string, generation: number): T | undefined {
  const hit = kept.get(name);
  return hit && hit.generation === generation ? (hit.data as T) : undefined;
}

/** `call`, keeping its answer under `name` for `generation` (the one current when it was asked). */
export function keeping<T>(name: string, generation: number, call: () => Promise<T>): () => Promise<T> {
  return () =>
    call().then((data) => {
      keepAnswer(name, generation, data);
      return data;
    });
}

/** The answer kept under `name` in this generation if there is one, else `ask`'s (a `keeping` call, so it is kept in turn). */
export async function keptOrAsked<T>(name: string, generation: number, ask: () => Promise<T>): Promise<T> {
  return keptAnswer<T>(name, generation) ?? ask();
}

/** Forgets every kept answer (tests). */
export function forgetAnswers(): void {
  kept.clear();
}
