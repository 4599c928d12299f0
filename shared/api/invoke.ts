import { API_NAMES, type ApiName, type BackendHandlers, type HostHandlers } from './contract';
import { toErrorData, type Envelope } from './errors';
import { validateInput } from './validate';

export type AllHandlers = BackendHandlers & HostHandlers;

/** Called for errors that are not the user's (bugs): log them without user data. */
export type InternalErrorSink = (name: string, err: unknown) => void;

/**
 * Runs one API call the way every transport must: unknown names refused, input validated with the
 * contract's schema, errors turned into data. Electron's IPC wrapper and the e2e harness both use it.
 */
export async function invokeApi(
  handlers: AllHandlers,
  name: unknown,
  raw: unknown,
  onInternalError?: InternalErrorSink,
): Promise<Envelope<unknown>> {
  try {
    if (typeof name !== 'string' || !(API_NAMES as readonly string[]).includes(name)) {
      return { ok: false, error: { code: 'VALIDATION', message: `Unknown call "${String(name).slice(0, 64)}".` } };
    }
    const input = validateInput(name as ApiName, raw);
    const handler = handlers[name as ApiName] as (i: unknown) => unknown;
    return { ok: true, value: await handler(input) };
  } catch (err) {
    const data = toErrorData(err);
    if (data.code === 'INTERNAL') onInternalError?.(String(name), err);
    return { ok: false, error: data };
  }
}
