// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TagFilesPanel } from '../../../renderer/src/tagging/TagFilesPanel';
import { TAG_FILE_TEXT } from '../../../shared/tags/tag-file-text';
import { installBridge } from './fake-bridge';

afterEach(cleanup);

const THEMES = [{ id: 'data-centers', pack: 'default', name: 'Data-center infrastructure', color: '#2563eb', description: '', sortOrder: 0, isDefault: true }];
const preview = (errors: { line: number; text: string; message: string }[]) => ({
  file: 'tags.csv',
  counts: { new: 1, changed: 0, same: 0, conflict: 0 },
  newThemes: [],
  rows: [{ line: 2, symbolKey: 'VRT', themeId: 'data-centers', oldWeightBp: null, newWeightBp: 8000, status: 'new', message: null }],
  errors: errors.map((e) => ({ column: null, header: null, cell: '', params: {}, ...e })),
});

async function open(p: ReturnType<typeof preview>) {
  const bridge = installBridge({});
  Object.assign(bridge, { chooseImportFile: vi.fn(async () => ({ path: '/tmp/tags.csv', fileName: 'tags.csv' })), previewTagImport: vi.fn(async () => p) });
  render(<TagFilesPanel themes={THEMES} onChanged={() => {}} record={async (_label, action) => action()} />);
  fireEvent.click(screen.getByTestId('import-tags'));
  return screen.findByTestId('tag-import-summary');
}

describe('the tag file preview', () => {
  it('names the theme, counts the rows it cannot read, and says why Import waits', async () => {
    const summary = await open(preview([{ line: 3, text: TAG_FILE_TEXT.emptySymbol, message: 'The symbol is empty.' }]));
    expect(summary.textContent).toBe('tags.csv: 1 new, 0 changed, 0 unchanged, 0 in conflict. Nothing is written until you import. 1 row cannot be read.');
    expect(screen.getByText('Data-center infrastructure')).toBeTruthy();
    expect(screen.getByTestId('tag-import-blocked').textContent).toMatch(/^Nothing is imported while a row is in conflict or cannot be read/);
    expect((screen.getByTestId('confirm-tag-import') as HTMLButtonElement).disabled).toBe(true);
  });

  it('counts no row for a fault of the whole file (not JSON, no header)', async () => {
    const summary = await open(preview([{ line: 1, text: TAG_FILE_TEXT.notTagsFile, message: 'This is not a ThemeLens tags file (format "themelens-tags").' }]));
    expect(summary.textContent).not.toMatch(/cannot be read/);
    expect(screen.getByTestId('tag-import-blocked')).toBeTruthy();
  });
});
