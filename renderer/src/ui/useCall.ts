import { useEffect, useState } from 'react';
import { errorWords } from '../failure-words';

interface CallState<T> {
  data: T | null;
  error: string | null;
  key: string | null;
  /** `data` is an answer kept from before (`known`): the call's answer replaces it only if it differs. */
  kept: boolean;
}

/**
 * Runs a backend call whenever `key` changes; keeps the last answer while the next loads.
 *
 * `known`: an answer already in hand for `key` (analytics/kept-answers.ts). It is used at once, in
 * the same render, so the view is drawn without waiting; the call is still made, and its answer
 * replaces the known one only if it differs (then the view is drawn again), so a known answer the
 * backend no longer gives is never left on screen.
 */
export function useCall<T>(call: () => Promise<T>, key: string, known?: T | null): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<CallState<T>>(() => (known ? { data: known, error: null, key, kept: true } : { data: null, error: null, key: null, kept: false }));
  let shown = state;
  if (known && state.key !== key) {
    // A new key with its answer in hand: React's way to derive state from props while rendering
    // (this render is redone at once with it, before anything is drawn).
    shown = { data: known, error: null, key, kept: true };
    setState(shown);
  }
  useEffect(() => {
    let live = true;
    call().then(
      // The same answer as the one kept: the state is left as it is, so nothing is drawn again.
      (data) => live && setState((s) => (s.key === key && s.kept && sameAnswer(s.data, data) ? s : { data, error: null, key, kept: false })),
      (err) => live && setState((s) => ({ data: s.data, error: errorWords(err), key, kept: false })),
    );
    return () => {
      live = false;
    };
    // The call is re-created every render; `key` says when its inputs changed.
  }, [key]);
  return { data: shown.data, error: shown.error, loading: shown.key !== key };
}

/** The same figures (answers are plain JSON from the backend). */
function sameAnswer(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
