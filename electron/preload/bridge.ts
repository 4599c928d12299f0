import type { ApiEvents, ApiName, ThemeLensBridge } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';

type Invoke = (name: ApiName, input: unknown) => Promise<Envelope<unknown>>;
type Subscribe = <E extends keyof ApiEvents>(event: E, listener: (payload: ApiEvents[E]) => void) => () => void;

/** Turns an error envelope back into an Error carrying `code` and `details` (Electron would keep only `.message`). */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  const err = new Error(envelope.error.message) as Error & { code: string; details: unknown };
  err.code = envelope.error.code;
  err.details = envelope.error.details;
  throw err;
}

/** The object exposed as window.themelens: exactly one function per call, plus `on` for known events. */
export function buildBridge(calls: readonly ApiName[], events: readonly (keyof ApiEvents)[], invoke: Invoke, subscribe: Subscribe): ThemeLensBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of calls) bridge[name] = (input: unknown) => invoke(name, input ?? {}).then(unwrap);
  bridge['on'] = <E extends keyof ApiEvents>(event: E, listener: (payload: ApiEvents[E]) => void) => {
    if (!events.includes(event)) throw new Error(`Unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    return subscribe(event, listener);
  };
  return Object.freeze(bridge) as ThemeLensBridge;
}
