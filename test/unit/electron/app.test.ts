import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_NAMES, channelOf } from '../../../shared/api/contract';
import { shellPaths, startApp } from '../../../electron/main/app';
import { menuTemplate } from '../../../electron/main/menu';
import { makeTempDir } from '../../helpers/temp-dir';
import { ipcEvent, makeFakeElectron } from './fake-electron';

const flush = () => new Promise((r) => setTimeout(r, 50));
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

describe('startApp wires the shell against a fake electron module', () => {
  it('quits at once when another instance holds the lock', () => {
    const e = makeFakeElectron({ singleInstance: false });
    startApp(e as never, { outDir: '/out' }, {}, () => {});
    expect(e.app.quit).toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);
  });

  it('registers app:// before ready, enables the sandbox, opens the backend, one window, menu and IPC', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const e = makeFakeElectron();
    const logs: string[] = [];
    startApp(e as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: join(temp.dir, 'data') }, (m) => logs.push(m));
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(e.app.enableSandbox).toHaveBeenCalled();
    await flush();
    expect(existsSync(join(temp.dir, 'data', 'themelens.db'))).toBe(true);
    expect(logs.some((l) => /SQLite 3\.\d+/.test(l))).toBe(true);
    expect(e.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    // Scheme privileges are registered before ready; the handler only after it.
    expect(e.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!).toBeLessThan(e.app.whenReady.mock.invocationCallOrder[0]!);
    // The session is locked down before the window exists: permissions, downloads, spellchecker, CSP.
    expect(e.session.defaultSession.permissionRequest).not.toBeNull();
    expect(e.session.defaultSession.headersListener).not.toBeNull();
    expect(e.session.defaultSession.spellcheck).toBe(false);
    expect(e.windows).toHaveLength(1);
    const win = e.windows[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('app://themelens/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
    expect((win.options as { webPreferences: { preload: string } }).webPreferences.preload).toBe('/out/preload/index.cjs');
    expect(e.Menu.setApplicationMenu).toHaveBeenCalled();
    expect([...e.handlers.keys()].sort()).toEqual(API_NAMES.map(channelOf).sort());
    // A real call through the real backend, from the app's own frame.
    const themes = (await e.handlers.get(channelOf('listThemes'))!(ipcEvent(), {})) as { ok: boolean; value: { id: string }[] };
    expect(themes.value.map((t) => t.id)).toEqual(['data-centers', 'oil-logistics', 'diamond-semiconductors']);
    // Guards are attached to every web contents created.
    const contents = win.webContents;
    e.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).not.toBeNull();
    // Menu commands reach the renderer as the menuCommand event.
    const menu = e.Menu.buildFromTemplate.mock.calls[0]![0] as { label?: string; submenu?: { click?: () => void }[] }[];
    menu.find((m) => m.label === 'File')!.submenu![0]!.click!();
    expect(win.webContents.sent).toContainEqual([channelOf('menuCommand'), 'import']);
    // The renderer's language choice rebuilds the menu in that language.
    expect(await e.handlers.get(channelOf('setMenuLanguage'))!(ipcEvent(), { language: 'ja' })).toMatchObject({ ok: true, value: { language: 'ja' } });
    const japanese = e.Menu.buildFromTemplate.mock.calls.at(-1)![0] as { label?: string }[];
    expect(japanese.map((m) => m.label)).toContain('ファイル');
    expect(e.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    expect(await e.handlers.get(channelOf('setMenuLanguage'))!(ipcEvent(), { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A path the page invents is refused; the database closes on quit.
    expect(await e.handlers.get(channelOf('previewImport'))!(ipcEvent(), { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    e.app.emit('will-quit');
    expect(await e.handlers.get(channelOf('listThemes'))!(ipcEvent(), {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('uses the user data folder when THEMELENS_DATA_DIR is not set', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const e = makeFakeElectron({ userData: join(temp.dir, 'userData') });
    startApp(e as never, { outDir: '/out' }, {}, () => {});
    await flush();
    expect(e.app.getPath).toHaveBeenCalledWith('userData');
    expect(existsSync(join(temp.dir, 'userData', 'themelens.db'))).toBe(true);
    e.app.emit('will-quit');
  });

  it('tells the user and quits when the database cannot be opened', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const e = makeFakeElectron();
    const dir = join(temp.dir, 'data');
    startApp(e as never, { outDir: '/out', nativeBinding: join(temp.dir, 'missing.node') }, { THEMELENS_DATA_DIR: dir }, () => {});
    await flush();
    expect(e.dialog.showErrorBox).toHaveBeenCalledWith('ThemeLens cannot open its database', expect.any(String));
    expect(e.app.quit).toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const e = makeFakeElectron();
    startApp(e as never, { outDir: '/out' }, { THEMELENS_DATA_DIR: temp.dir }, () => {});
    await flush();
    e.app.emit('second-instance');
    expect(e.windows[0]!.focus).toHaveBeenCalled();
    e.app.emit('will-quit');
  });

  it('uses the Electron build of better-sqlite3: native/electron in development, resources when packaged', () => {
    expect(shellPaths({ app: { isPackaged: false, getAppPath: () => '/repo' } } as never, '/repo/out/main', '/res').nativeBinding).toBe('/repo/native/electron/better_sqlite3.node');
    expect(shellPaths({ app: { isPackaged: true, getAppPath: () => '/x' } } as never, '/app/out/main', '/res').nativeBinding).toBe('/res/native/better_sqlite3.node');
    // SQLite3 Multiple Ciphers' Electron build, used only when encryption at rest is on.
    expect(shellPaths({ app: { isPackaged: false, getAppPath: () => '/repo' } } as never, '/repo/out/main', '/res').cipherNativeBinding).toBe('/repo/native/electron/better_sqlite3_mc.node');
    expect(shellPaths({ app: { isPackaged: true, getAppPath: () => '/x' } } as never, '/app/out/main', '/res').cipherNativeBinding).toBe('/res/native/better_sqlite3_mc.node');
  });
});

describe('application menu', () => {
  it('File has Import holdings..., Export report... and Quit, with shortcuts that run the renderer flows', () => {
    const sent: string[] = [];
    const menu = menuTemplate((c) => sent.push(c), 'linux');
    const file = menu.find((m) => m.label === 'File')!;
    const items = file.submenu as { label?: string; accelerator?: string; role?: string; click?: () => void }[];
    expect(items.map((i) => i.label ?? i.role)).toEqual(['Import holdings…', 'Export report…', undefined, 'Quit']);
    expect(items[0]!.accelerator).toBe('CmdOrCtrl+O');
    expect(items[1]!.accelerator).toBe('CmdOrCtrl+E');
    items[0]!.click!();
    items[1]!.click!();
    expect(sent).toEqual(['import', 'export']);
  });
  it('has no reload or devtools in a packaged app', () => {
    const view = menuTemplate(() => {}, 'linux', false).find((m) => m.label === 'View')!;
    expect(JSON.stringify(view.submenu)).not.toMatch(/reload|DevTools/);
    expect((view.submenu as { role?: string; label?: string }[]).map((i) => i.role ?? i.label)).toEqual(['togglefullscreen', undefined, 'Language']);
  });
  it('View › Language offers each language named in itself and sends the choice to the renderer', () => {
    const sent: string[] = [];
    const view = menuTemplate((c) => sent.push(c), 'linux', false, 'en').find((m) => m.label === 'View')!;
    const language = (view.submenu as { label?: string; submenu?: unknown }[]).find((i) => i.label === 'Language')!;
    const items = language.submenu as { label: string; type: string; checked: boolean; click: () => void }[];
    expect(items.map((i) => [i.label, i.type, i.checked])).toEqual([
      ['English', 'radio', true],
      ['日本語', 'radio', false],
    ]);
    items[1]!.click();
    items[0]!.click();
    expect(sent).toEqual(['language-ja', 'language-en']);
  });
  it('is built in Japanese when the interface is Japanese, with 日本語 checked', () => {
    const menu = menuTemplate(() => {}, 'linux', false, 'ja');
    const file = menu.find((m) => m.label === 'ファイル')!;
    expect((file.submenu as { label?: string }[]).map((i) => i.label)).toEqual(['保有銘柄をインポート…', 'レポートを出力…', undefined, '終了']);
    const view = menu.find((m) => m.label === '表示')!;
    const language = (view.submenu as { label?: string; submenu?: unknown }[]).find((i) => i.label === '言語')!;
    expect((language.submenu as { label: string; checked: boolean }[]).map((i) => [i.label, i.checked])).toEqual([
      ['English', false],
      ['日本語', true],
    ]);
  });
  it('offers reload in development, with fullscreen', () => {
    const view = menuTemplate(() => {}, 'linux', true).find((m) => m.label === 'View')!;
    expect((view.submenu as { role?: string }[]).map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'togglefullscreen']));
  });
  it('has Edit roles (copy and paste work) and Help > About', () => {
    const menu = menuTemplate(() => {}, 'linux');
    expect(menu.some((m) => m.role === 'editMenu')).toBe(true);
    const help = menu.find((m) => m.role === 'help')!;
    expect(help.submenu).toEqual([expect.objectContaining({ role: 'about' })]);
  });
  it('on macOS puts Quit in the app menu and closes the window from File', () => {
    const menu = menuTemplate(() => {}, 'darwin');
    expect(menu[0]).toEqual({ role: 'appMenu' });
    const items = menu.find((m) => m.label === 'File')!.submenu as { role?: string }[];
    expect(items.at(-1)).toEqual({ role: 'close' });
  });
});
