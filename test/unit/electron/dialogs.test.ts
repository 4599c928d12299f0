import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dialogHandlers } from '../../../electron/main/dialogs';
import { GrantedPaths } from '../../../electron/main/ipc';
import { makeTempDir } from '../../helpers/temp-dir';

function setup(win: unknown = { id: 1 }) {
  const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
  const granted = new GrantedPaths();
  const handlers = dialogHandlers(dialog as never, () => win as never, granted);
  return { dialog, granted, handlers };
}

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('chooseImportFile: the native open dialog', () => {
  it('offers holdings files (CSV/TXT) and grants the chosen path for reading only', async () => {
    const { dialog, granted, handlers } = setup();
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/alice/Positions 2026.csv'] });
    expect(await handlers.chooseImportFile({})).toEqual({ path: '/home/alice/Positions 2026.csv', name: 'Positions 2026.csv' });
    const [win, options] = dialog.showOpenDialog.mock.calls[0]!;
    expect(win).toEqual({ id: 1 });
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters[0].extensions).toEqual(expect.arrayContaining(['csv', 'txt']));
    expect(granted.has('/home/alice/Positions 2026.csv', 'read')).toBe(true);
    expect(granted.has('/home/alice/Positions 2026.csv', 'write')).toBe(false);
  });

  it('grants nothing when the user cancels', async () => {
    const { dialog, granted, handlers } = setup(null);
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: ['/home/alice/x.csv'] });
    expect(await handlers.chooseImportFile({})).toBeNull();
    // No window yet: the dialog is shown without a parent.
    expect(dialog.showOpenDialog.mock.calls[0]).toHaveLength(1);
    expect(granted.has('/home/alice/x.csv', 'read')).toBe(false);
  });
});

describe('chooseExportPath: the native save dialog', () => {
  it.each([
    ['pdf', 'pdf'],
    ['xlsx', 'xlsx'],
    ['csv', 'csv'],
    ['html', 'html'],
    ['json', 'json'],
  ] as const)('filters a %s report to .%s and grants the path for writing only', async (format, ext) => {
    const { dialog, granted, handlers } = setup();
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: `/home/alice/report.${ext}` });
    expect(await handlers.chooseExportPath({ format, suggestedName: `report.${ext}` })).toEqual({ path: `/home/alice/report.${ext}` });
    const options = dialog.showSaveDialog.mock.calls[0]![1];
    expect(options.defaultPath).toBe(`report.${ext}`);
    expect(options.filters).toEqual([expect.objectContaining({ extensions: [ext] })]);
    expect(granted.has(`/home/alice/report.${ext}`, 'write')).toBe(true);
    expect(granted.has(`/home/alice/report.${ext}`, 'read')).toBe(false);
  });

  it('grants nothing when the user cancels', async () => {
    const { dialog, granted, handlers } = setup();
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '/home/alice/report.pdf' });
    expect(await handlers.chooseExportPath({ format: 'pdf', suggestedName: 'report.pdf' })).toBeNull();
    expect(granted.has('/home/alice/report.pdf', 'write')).toBe(false);
  });
});

describe('saveChart: bytes from the page, path from the save dialog', () => {
  it('writes where the user chose and grants no path to the page', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const target = join(temp.dir, 'chart.svg');
    const { dialog, granted, handlers } = setup();
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const saved = await handlers.saveChart({ format: 'svg', suggestedName: 'chart.svg', data: '<svg/>' });
    expect(saved).toMatchObject({ path: target });
    expect(readFileSync(target, 'utf8')).toBe('<svg/>');
    expect(granted.has(target, 'write')).toBe(false);
    expect(dialog.showSaveDialog.mock.calls[0]![1].filters).toEqual([expect.objectContaining({ extensions: ['svg'] })]);
  });

  it('writes nothing when the user cancels', async () => {
    const { dialog, handlers } = setup();
    dialog.showSaveDialog.mockResolvedValue({ canceled: true });
    expect(await handlers.saveChart({ format: 'png', suggestedName: 'chart.png', data: 'AAAA' })).toBeNull();
  });
});
