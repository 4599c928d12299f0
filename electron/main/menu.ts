import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/contract';

/** The application menu; File items ask the renderer to run its own import and export flows. */
export function menuTemplate(send: (command: MenuCommand) => void, platform = process.platform, isDev = false): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import holdings…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: 'Export report…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [...(isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []), { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: 'About ThemeLens' }] },
  ];
}
