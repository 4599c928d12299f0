import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options: the renderer gets no Node, runs sandboxed and isolated from the
 * preload, and cannot load remote or insecure content or embed webviews.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'ThemeLens',
    backgroundColor: '#f7f8fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click opens links in new windows through a path the navigation guards do not see.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
