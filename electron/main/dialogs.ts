import { basename } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { HostHandlers } from '../../shared/api/contract';
import type { ReportFormat } from '../../shared/report/model';
import type { GrantedPaths } from './ipc';

const FORMAT_FILTERS: Record<ReportFormat, { name: string; extensions: string[] }> = {
  json: { name: 'JSON report', extensions: ['json'] },
  csv: { name: 'CSV report', extensions: ['csv'] },
  html: { name: 'HTML report', extensions: ['html'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
};

/** The host calls: native open and save dialogs; every chosen path is granted for one use by the backend. */
export function dialogHandlers(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | null, granted: GrantedPaths): HostHandlers {
  return {
    chooseImportFile: async () => {
      const win = window();
      const options = {
        title: 'Import holdings',
        properties: ['openFile' as const],
        filters: [
          { name: 'CSV, text and JSON files', extensions: ['csv', 'txt', 'tsv', 'json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const path = result.canceled ? undefined : result.filePaths[0];
      return path ? { path: granted.grant(path), name: basename(path) } : null;
    },
    chooseExportPath: async ({ format, suggestedName }) => {
      const win = window();
      const options = { title: 'Export report', defaultPath: suggestedName, filters: [FORMAT_FILTERS[format]] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return !result.canceled && result.filePath ? { path: granted.grant(result.filePath) } : null;
    },
  };
}
