import type { IpcMain } from 'electron';
import { API_NAMES, channelOf, type ApiEvents } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { invokeApi, type AllHandlers } from '../../shared/api/invoke';
import { isTrustedSender, type SenderEvent } from './sender';

/** Calls whose `path` must have come from one of the app's own file dialogs. */
const PATH_CALLS = new Set(['previewImport', 'importHoldings', 'exportReport', 'exportTags', 'previewTagImport', 'importTags', 'importFundHoldings']);

/** Paths the user chose in an open or save dialog; only these may be read or written. */
export class GrantedPaths {
  private readonly paths = new Set<string>();
  grant(path: string): string {
    this.paths.add(path);
    return path;
  }
  has(path: string): boolean {
    return this.paths.has(path);
  }
}

/**
 * Registers one ipcMain.handle per API call through one wrapper: the sender must be the app's main
 * frame, the input is validated by the contract's schema, a path must come from a dialog, and the
 * answer is always an envelope (errors as data, never thrown across IPC).
 */
export function registerApi(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: AllHandlers,
  granted: GrantedPaths,
  log: (message: string) => void = () => {},
): void {
  for (const name of API_NAMES) {
    ipcMain.handle(channelOf(name), async (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event as unknown as SenderEvent)) {
        log(`refused ${name}: untrusted sender`);
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This call is only allowed from ThemeLens itself.' } };
      }
      if (PATH_CALLS.has(name)) {
        const path = (input as { path?: unknown } | null)?.path;
        if (typeof path !== 'string' || !granted.has(path)) {
          return { ok: false, error: { code: 'FORBIDDEN', message: 'Choose the file in ThemeLens’s own dialog first.' } };
        }
      }
      return invokeApi(handlers, name, input, (n, err) => log(`internal error in ${n}: ${(err as Error)?.name ?? 'Error'}`));
    });
  }
}

/** Sends an event to the renderer on its channel. */
export function emitToRenderer<E extends keyof ApiEvents>(
  contents: { isDestroyed(): boolean; send(channel: string, payload: unknown): void } | null,
  event: E,
  payload: ApiEvents[E],
): void {
  if (contents && !contents.isDestroyed()) contents.send(channelOf(event), payload);
}
