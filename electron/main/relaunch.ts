import type { App } from 'electron';
import type { BackendHandlers, HostHandlers } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';

export interface RelaunchHandlers {
  restoreBackup: BackendHandlers['restoreBackup'];
  relaunchApp: HostHandlers['relaunchApp'];
}

/**
 * A restore replaces the database under the running backend, so the app then restarts and every
 * window and cache reads the restored file: app.relaunch() queues the new instance, app.exit(0)
 * ends this one (without before-quit or will-quit, so the database is closed here first). The
 * renderer asks through relaunchApp, which is refused unless a restore in this run needs it: a
 * page cannot restart the app at will. The exit waits a tick so the answer reaches the renderer.
 */
export function relaunchAfterRestore(
  app: Pick<App, 'relaunch' | 'exit'>,
  restore: BackendHandlers['restoreBackup'],
  beforeExit: () => void,
  defer: (fn: () => void) => void = (fn) => void setImmediate(fn),
): RelaunchHandlers {
  let pending = false;
  const relaunch = relaunchSoon(app, beforeExit, defer);
  return {
    restoreBackup: async (input) => {
      const result = await restore(input);
      pending = pending || result.restartRequired;
      return result;
    },
    relaunchApp: () => {
      if (!pending) throw new AppError('CONFLICT', 'Nothing needs a restart: ThemeLens restarts itself only after restoring a backup.');
      pending = false;
      relaunch();
      return { relaunching: true };
    },
  };
}

/**
 * Restarts the app a tick from now (so the answer to the renderer's call goes out first): the
 * database is closed, app.relaunch() queues the new instance, app.exit(0) ends this one.
 */
export function relaunchSoon(app: Pick<App, 'relaunch' | 'exit'>, beforeExit: () => void, defer: (fn: () => void) => void = (fn) => void setImmediate(fn)): () => void {
  return () =>
    defer(() => {
      beforeExit();
      app.relaunch();
      app.exit(0);
    });
}
