import { useCallback, useEffect, useState } from 'react';
import { errorWords } from '../failure-words';

/**
 * A list loaded from the backend, and `run` for the actions that change it: an action returns a
 * sentence for the user (or nothing), a failure's message is shown instead, and the list reloads.
 */
export function useLoadedList<T>(load: () => Promise<T[]>, onChanged?: () => void) {
  const [items, setItems] = useState<T[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const reload = useCallback(async () => setItems(await load()), [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const run = useCallback(
    async (action: () => Promise<string | null | void>): Promise<boolean> => {
      try {
        setMessage((await action()) ?? null);
        await reload();
        onChanged?.();
        return true;
      } catch (err) {
        setMessage(errorWords(err));
        return false;
      }
    },
    [reload, onChanged],
  );
  return { items, reload, message, setMessage, run };
}
