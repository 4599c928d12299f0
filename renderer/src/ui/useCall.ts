import { useEffect, useState } from 'react';
import { errorWords } from '../failure-words';

/**
 * Runs a backend call whenever `key` changes; keeps the last answer while the next loads. An
 * answer already known for `key` (`known`, kept by the caller from an earlier mount) is used
 * as it is, without asking again.
 */
export function useCall<T>(call: () => Promise<T>, key: string, known?: T | null): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: string | null; key: string | null }>(() => ({ data: known ?? null, error: null, key: known ? key : null }));
  const answered = state.key === key && state.error === null && state.data !== null;
  useEffect(() => {
    if (answered) return;
    let live = true;
    call().then(
      (data) => live && setState({ data, error: null, key }),
      (err) => live && setState((s) => ({ data: s.data, error: errorWords(err), key })),
    );
    return () => {
      live = false;
    };
    // The call is re-created every render; `key` says when its inputs changed (and `answered`
    // only turns true when this key's answer has come).
  }, [key]);
  return { data: state.data, error: state.error, loading: state.key !== key };
}
