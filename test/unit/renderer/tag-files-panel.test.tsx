// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TagFilesPanel } from '../../../renderer/src/tagging/TagFilesPanel';
import { TAG_FILE_TEXT } from '../../../shared/tags/tag-file-text';
import { installBridge } from './fake-bridge';
import type { TagImportPreview } from '../../../shared/api/contract';

afterEach(cleanup);

const THEMES = [{ id: 'data-centers', pack: 'default', name: 'Data-center infrastructure', color: '#2563eb', description: '', sortOrder: 0, isDefault: true }];
const preview = (errors: { line: number; text: string; message: string }[]): TagImportPreview => ({
  file: 'tags.csv',
  counts: { new: 1, changed: 0, same: 0, conflict: 0 },
  newThemes: [],
  rows: [{ line: 2, symbolKey: 'VRT', themeId: 'data-centers', oldWeightBp: null, newWeightBp: 8000, status: 'new', message: null }],
  errors: errors.map((e) => ({ column: null, header: null, cell: '', params: {}, ...e })),
});

async function open(p: TagImportPreview) {
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
    // The reason under "What happens", the sixth column, as a conflict's: across the row it read as the symbol.
    const cells = screen.getByText('The symbol is empty.').closest('tr')!.querySelectorAll('td');
    expect([...cells].map((c) => c.textContent)).toEqual(['3', '', 'The symbol is empty.']);
    expect(cells[1]!.colSpan).toBe(4);
  });

  it('counts no row for a fault of the whole file (not JSON, no header)', async () => {
    const summary = await open(preview([{ line: 1, text: TAG_FILE_TEXT.notTagsFile, message: 'This is not a ThemeLens tags file (format "themelens-tags").' }]));
    expect(summary.textContent).not.toMatch(/cannot be read/);
    expect(screen.getByTestId('tag-import-blocked')).toBeTruthy();
  });

  it("names the theme in a conflict's sentence as the Theme column does, not by its id", async () => {
    const p = preview([]);
    const conflict: TagImportPreview['rows'][number] = { line: 2, symbolKey: 'EQIX', themeId: 'data-centers', oldWeightBp: 5000, newWeightBp: 6000, status: 'conflict', message: "EQIX is tagged data-centers by hand at 50%; the file says 60%. Change it by hand, or untag it first to take the file's weight.", text: TAG_FILE_TEXT.taggedByHand, params: { key: 'EQIX', theme: 'data-centers', old: '50', new: '60' } };
    await open({ ...p, counts: { ...p.counts, conflict: 1 }, rows: [...p.rows, conflict] });
    expect(screen.getByText(/^EQIX is tagged/).textContent).toBe("EQIX is tagged Data-center infrastructure by hand at 50%; the file says 60%. Change it by hand, or untag it first to take the file's weight.");
  });
});
