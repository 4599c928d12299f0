import { basename } from 'node:path';
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import type { HostHandlers } from '../../shared/api/contract';
import type { ReportFormat } from '../../shared/report/model';
import type { GrantedPaths } from './ipc';
import { writeFileAtomic } from '../../db/report/write-atomic';

const CHART_FILTERS: Record<'svg' | 'png', { name: string; extensions: string[] }> = { svg: { name: 'SVG image', extensions: ['svg'] }, png: { name: 'PNG image', extensions: ['png'] } };

const FORMAT_FILTERS: Record<ReportFormat, { name: string; extensions: string[] }> = {
  json: { name: 'JSON report', extensions: ['json'] },
  csv: { name: 'CSV report', extensions: ['csv'] },
  html: { name: 'HTML report', extensions: ['html'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
};

/**
 * The host calls: native open and save dialogs. A path the user opens is granted for reading and a
 * path the user saves to for writing; the IPC wrapper refuses any other path (the page never invents one).
 */
export function dialogHandlers(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | null, granted: GrantedPaths): Pick<HostHandlers, 'chooseImportFile' | 'chooseExportPath' | 'saveChart'> {
  // Attached to the window when there is one (a sheet on macOS), free-standing otherwise.
  const showSave = (options: SaveDialogOptions) => {
    const win = window();
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
  };
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
      return path ? { path: granted.grant(path, 'read'), name: basename(path) } : null;
    },
    chooseExportPath: async ({ format, suggestedName }) => {
      const result = await showSave({ title: 'Export report', defaultPath: suggestedName, filters: [FORMAT_FILTERS[format]] });
      return !result.canceled && result.filePath ? { path: granted.grant(result.filePath, 'write') } : null;
    },
    // A chart the renderer drew: the user picks where in a native dialog; the bytes never name a path.
    saveChart: async ({ format, suggestedName, data }) => {
      const result = await showSave({ title: 'Save chart', defaultPath: suggestedName, filters: [CHART_FILTERS[format]] });
      if (result.canceled || !result.filePath) return null;
      const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data, 'base64');
      return { path: result.filePath, bytes: writeFileAtomic(result.filePath, bytes) };
    },
  };
}
