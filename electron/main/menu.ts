import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/contract';

export type MenuLanguage = 'en' | 'ja';

// The menu's own words; the renderer's language files hold the rest of the interface.
const WORDS = {
  en: { file: 'File', import: 'Import holdings…', export: 'Export report…', quit: 'Quit', view: 'View', language: 'Language', about: 'About ThemeLens' },
  ja: { file: 'ファイル', import: '保有銘柄をインポート…', export: 'レポートを出力…', quit: '終了', view: '表示', language: '言語', about: 'ThemeLens について' },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

/**
 * The application menu, in the interface's language; File items ask the renderer to run its own
 * import and export flows, View › Language switches the renderer (which then rebuilds this menu).
 */
export function menuTemplate(send: (command: MenuCommand) => void, platform = process.platform, isDev = false, language: MenuLanguage = 'en'): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const w = WORDS[language];
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: w.file,
      submenu: [
        { label: w.import, accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: w.export, accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', label: w.quit },
      ],
    },
    { role: 'editMenu' },
    {
      label: w.view,
      submenu: [
        ...(isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
        { role: 'togglefullscreen' },
        { type: 'separator' },
        {
          label: w.language,
          // Each language named in itself, so a user who cannot read the current one still finds theirs.
          submenu: [
            { label: 'English', type: 'radio', checked: language === 'en', click: () => send('language-en') },
            { label: '日本語', type: 'radio', checked: language === 'ja', click: () => send('language-ja') },
          ],
        },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: w.about }] },
  ];
}
