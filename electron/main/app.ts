import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as Electron from 'electron';
import type { ApiEvents, HostHandlers } from '../../shared/api/contract';
import { openBackend, type Backend } from '../../db/service/backend';
import { defaultDataDir, ensureDataDir } from '../../db/paths';
import { enforceCsp } from './csp';
import { dialogHandlers } from './dialogs';
import { guardSession, guardWebContents } from './guards';
import { emitToRenderer, GrantedPaths, registerApi } from './ipc';
import { menuTemplate, type MenuLanguage } from './menu';
import { electronPdfRenderer } from './print-pdf';
import { encryptionHandlers } from './encryption';
import { KeyStore } from './key-store';
import { relaunchAfterRestore, relaunchSoon } from './relaunch';
import { APP_ENTRY, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { mainWindowOptions } from './window';

/** The parts of the electron module the shell uses (a fake in tests). */
export type ElectronApi = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'protocol' | 'safeStorage' | 'session' | 'shell'>;

export interface ShellPaths {
  /** out/ of the build: main, preload and renderer folders. */
  outDir: string;
  /** The better-sqlite3 binary built for Electron's ABI (unset: the one in node_modules). */
  nativeBinding?: string | undefined;
  /** The better-sqlite3-multiple-ciphers binary built for Electron's ABI, used only when encryption is on. */
  cipherNativeBinding?: string | undefined;
}

/** Where the build and the Electron-ABI native module are, in development and when packaged. */
export function shellPaths(electron: Pick<ElectronApi, 'app'>, mainDir: string, resourcesPath: string): ShellPaths {
  const outDir = join(mainDir, '..');
  return electron.app.isPackaged
    ? { outDir, nativeBinding: join(resourcesPath, 'native', 'better_sqlite3.node'), cipherNativeBinding: join(resourcesPath, 'native', 'better_sqlite3_mc.node') }
    : { outDir, nativeBinding: join(electron.app.getAppPath(), 'native', 'electron', 'better_sqlite3.node'), cipherNativeBinding: join(electron.app.getAppPath(), 'native', 'electron', 'better_sqlite3_mc.node') };
}

/**
 * Wires the desktop shell: security first (sandbox, privileged app:// scheme, guards on every web
 * contents), then one window, the backend on the user's data folder, IPC and the menu.
 */
export function startApp(electron: ElectronApi, paths: ShellPaths, env: NodeJS.ProcessEnv = process.env, log: (m: string) => void = console.log): void {
  const { app, BrowserWindow, Menu, protocol } = electron;
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let window: Electron.BrowserWindow | null = null;
  let backend: Backend | null = null;
  const printer = electronPdfRenderer(electron);

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void electron.shell.openExternal(url)));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void printer.close();
    backend?.close();
  });

  void app.whenReady().then(async () => {
    guardSession(electron.session.defaultSession);
    enforceCsp(electron.session.defaultSession);
    registerAppProtocol(protocol, join(paths.outDir, 'renderer'));
    const dbPath = ensureDataDir(env['THEMELENS_DATA_DIR'] || app.getPath('userData') || defaultDataDir(env));
    // Encryption at rest is on when a key file exists beside the database (off by default).
    const keys = new KeyStore(electron.safeStorage, dirname(dbPath));
    try {
      const key = keys.exists() ? await keys.load() : undefined;
      backend = await openBackend({
        dbPath,
        nativeBinding: paths.nativeBinding,
        key,
        // The key file exists only because the user turned encryption on: a still-plain file is encrypted now.
        encryptIfPlain: true,
        cipherNativeBinding: paths.cipherNativeBinding && existsSync(paths.cipherNativeBinding) ? paths.cipherNativeBinding : undefined,
        // PDF reports come from the window's own print-to-PDF (a hidden, locked-down window), not a separate Chromium.
        pdfRenderer: () => Promise.resolve(printer),
        // A damaged file is moved aside and the window opens on an empty database, offering the newest backup.
        startAfreshWhenDamaged: true,
        emit: <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => emitToRenderer(window?.webContents ?? null, event, payload),
      });
    } catch (err) {
      electron.dialog.showErrorBox('ThemeLens cannot open its database', (err as Error).message);
      app.quit();
      return;
    }
    log(`ThemeLens: SQLite ${backend.sqliteVersion}`);
    const opened = backend;
    const status = await opened.handlers.databaseStatus({});
    if (status.readOnly) log('ThemeLens: the database file is read-only; opened read-only');
    if (status.damaged) log(`ThemeLens: the database was damaged and moved aside; ${status.damaged.backup ? 'a verified backup is offered' : 'no verified backup to offer'}`);
    if (keys.exists()) log('ThemeLens: the database is encrypted at rest');
    const relaunch = relaunchAfterRestore(app, opened.handlers.restoreBackup, () => opened.close());
    const encryption = encryptionHandlers(electron.safeStorage, keys, relaunchSoon(app, () => opened.close()), { readOnlyMessage: status.readOnly ? status.message : null });
    const granted = new GrantedPaths();
    const setMenuLanguage: HostHandlers['setMenuLanguage'] = ({ language }) => {
      showMenu(language);
      return { language };
    };
    registerApi(electron.ipcMain, { ...backend.handlers, ...dialogHandlers(electron.dialog, () => window, granted), ...relaunch, ...encryption, setMenuLanguage }, { granted, log });
    const showMenu = (language: MenuLanguage) =>
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate((command) => emitToRenderer(window?.webContents ?? null, 'menuCommand', command), process.platform, !app.isPackaged, language)));
    showMenu('en');
    window = new BrowserWindow(mainWindowOptions(join(paths.outDir, 'preload', 'index.cjs')));
    window.once('ready-to-show', () => window?.show());
    window.on('closed', () => {
      window = null;
    });
    void window.loadURL(APP_ENTRY);
  });
}
