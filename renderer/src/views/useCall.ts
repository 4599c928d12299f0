import { useEffect, useState } from 'react';
import { asFailure } from '../api';

/** Runs a backend call whenever `key` changes; keeps the last answer while the next loads. */
export function useCall<T>(call: () => Promise<T>, key: string): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: string | null; key: string | null }>({ data: null, error: null, key: null });
  useEffect(() => {
    let live = true;
    call().then(
      (data) => live && setState({ data, error: null, key }),
      (err) => live && setState((s) => ({ data: s.data, error: asFailure(err).message, key })),
    );
    return () => {
      live = false;
    };
    // The call is re-created every render; `key` says when its inputs changed.
  }, [key]);
  return { data: state.data, error: state.error, loading: state.key !== key };
}
