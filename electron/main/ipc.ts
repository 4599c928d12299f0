import type { IpcMain } from 'electron';
import { API_NAMES, apiInputs, channelOf, type ApiEvents, type ApiName } from '../../shared/api/contract';
import { toErrorData, type Envelope } from '../../shared/api/errors';
import { invokeApi, type AllHandlers } from '../../shared/api/invoke';
import { isTrustedSender as defaultIsTrustedSender, type SenderEvent } from './sender';

/** How a call uses its `path`: read a file the user opened, or write where the user chose to save. */
export type PathAccess = 'read' | 'write';

/**
 * Every call whose input carries a `path`, and which dialog must have granted it. An open-dialog
 * grant never allows a write: otherwise a page could overwrite the file the user chose to import.
 */
export const PATH_ACCESS: Partial<Record<ApiName, PathAccess>> = {
  previewImport: 'read',
  importHoldings: 'read',
  importFundHoldings: 'read',
  previewTagImport: 'read',
  importTags: 'read',
  importPack: 'read',
  importFxRates: 'read',
  repricePortfolio: 'read',
  exportReport: 'write',
  exportClientReport: 'write',
  exportTags: 'write',
  regenerateReport: 'write',
};

/** Whether a call's input schema has a `path` field (such a call must appear in PATH_ACCESS). */
export function takesPath(name: ApiName): boolean {
  const schema = apiInputs[name] as { shape?: Record<string, unknown> };
  return schema.shape !== undefined && Object.hasOwn(schema.shape, 'path');
}

/** Paths the user chose in an open or save dialog, each with the access that dialog granted. */
export class GrantedPaths {
  private readonly paths = new Map<string, Set<PathAccess>>();
  grant(path: string, access: PathAccess): string {
    const set = this.paths.get(path) ?? new Set<PathAccess>();
    set.add(access);
    this.paths.set(path, set);
    return path;
  }
  has(path: string, access: PathAccess): boolean {
    return this.paths.get(path)?.has(access) ?? false;
  }
}

export interface RegisterApiOptions {
  granted: GrantedPaths;
  /** The sender check (the app's own main frame); injectable for tests. */
  isTrustedSender?: (event: SenderEvent) => boolean;
  /** Where refusals and internal errors are logged: names and codes only, never user data. */
  log?: (message: string) => void;
}

const forbidden = (message: string): Envelope<never> => ({ ok: false, error: { code: 'FORBIDDEN', message } });

/** Refuses a path the matching dialog did not grant; fails closed for a path call not in PATH_ACCESS. */
function checkPath(name: ApiName, input: unknown, granted: GrantedPaths): Envelope<never> | null {
  if (!takesPath(name)) return null;
  const access = PATH_ACCESS[name];
  const path = (input as { path?: unknown } | null)?.path;
  if (!access) return forbidden('This call is not allowed to use a file path.');
  if (typeof path !== 'string' || !granted.has(path, access)) {
    return forbidden(access === 'read' ? 'Choose the file in ThemeLens’s own Open dialog first.' : 'Choose where to save in ThemeLens’s own Save dialog first.');
  }
  return null;
}

/**
 * Registers one ipcMain.handle per API call through one wrapper: the sender must be the app's main
 * frame, a path must come from the matching dialog, the input is validated by the contract's schema,
 * and the answer is always an envelope (errors as data, never thrown across IPC).
 */
export function registerApi(ipcMain: Pick<IpcMain, 'handle'>, handlers: AllHandlers, options: RegisterApiOptions): void {
  const { granted, isTrustedSender = defaultIsTrustedSender, log = () => {} } = options;
  for (const name of API_NAMES) {
    ipcMain.handle(channelOf(name), async (event, input: unknown): Promise<Envelope<unknown>> => {
      try {
        if (!isTrustedSender(event as unknown as SenderEvent)) {
          log(`refused ${name}: untrusted sender`);
          return forbidden('This call is only allowed from ThemeLens itself.');
        }
        const refused = checkPath(name, input, granted);
        if (refused) {
          log(`refused ${name}: path not granted by a dialog`);
          return refused;
        }
        return await invokeApi(handlers, name, input, (n, err) => log(`internal error in ${n}: ${(err as Error | null)?.name ?? 'Error'}`));
      } catch (err) {
        // invokeApi already turns handler errors into data; this only guards the checks above.
        log(`internal error in ${name} wrapper: ${(err as Error | null)?.name ?? 'Error'}`);
        return { ok: false, error: toErrorData(err) };
      }
    });
  }
}

/** Sends an event to the renderer on its channel (dropped when the window is gone). */
export function emitToRenderer<E extends keyof ApiEvents>(
  contents: { isDestroyed(): boolean; send(channel: string, payload: unknown): void } | null,
  event: E,
  payload: ApiEvents[E],
): void {
  if (contents && !contents.isDestroyed()) contents.send(channelOf(event), payload);
}
