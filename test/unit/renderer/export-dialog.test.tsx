// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { loadExportChoices, localPaper, suggestedReportName } from '../../../renderer/src/reports/export-choices';
import { REPORT_SECTIONS } from '../../../shared/report/document';
import { installBridge, makePortfolio } from './fake-bridge';

afterEach(cleanup);
beforeEach(() => window.localStorage.clear());

/** Renders the app on one portfolio and opens Export report… with Ctrl+E. */
async function openDialog() {
  const bridge = installBridge({ portfolios: [makePortfolio()] });
  render(<App />);
  await screen.findByTestId('positions-table');
  fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
  const dialog = await screen.findByRole('dialog', { name: 'Export report' });
  return { bridge, dialog };
}

const previewPage = () => screen.getByTestId('report-preview-page');
const previewHeadings = () => [...(previewPage().shadowRoot?.querySelectorAll('h2') ?? [])].map((h) => h.textContent);

describe('Export report… dialog', () => {
  it('edits the adviser, firm, logo and disclaimer in place, saves them once for every report, and redoes the preview', async () => {
    const { bridge, dialog } = await openDialog();
    const previews = bridge.previewReport.mock.calls.length;
    fireEvent.click(within(dialog).getByTestId('export-edit-prefs'));
    const form = await within(dialog).findByTestId('report-prefs');
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByTestId('prefs-title')));
    fireEvent.change(within(form).getByTestId('prefs-adviser'), { target: { value: 'Ana Ruiz' } });
    fireEvent.change(within(form).getByTestId('prefs-firm'), { target: { value: 'Ruiz & Partners' } });
    fireEvent.change(within(form).getByTestId('prefs-disclaimer'), { target: { value: 'For Ann Smith only.' } });
    // A file that is not an image is refused with its name, and nothing is saved.
    fireEvent.change(within(form).getByTestId('prefs-logo-file'), { target: { files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] } });
    expect((await within(form).findByTestId('prefs-error')).textContent).toBe('notes.txt is not a PNG or JPEG image.');
    fireEvent.change(within(form).getByTestId('prefs-logo-file'), { target: { files: [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' })] } });
    await waitFor(() => expect(within(form).getByTestId('prefs-logo-image').getAttribute('src')).toBe('data:image/png;base64,iVBORw=='));
    fireEvent.click(within(form).getByTestId('prefs-save'));
    await waitFor(() => expect(within(dialog).queryByTestId('report-prefs')).toBeNull());
    expect(bridge.setReportPreferences).toHaveBeenCalledWith(
      expect.objectContaining({ adviserName: 'Ana Ruiz', adviserFirm: 'Ruiz & Partners', disclaimer: 'For Ann Smith only.', logoDataUrl: 'data:image/png;base64,iVBORw==' }),
    );
    await waitFor(() => expect(bridge.previewReport.mock.calls.length).toBeGreaterThan(previews));
    // Cancel leaves the saved details as they were.
    fireEvent.click(within(dialog).getByTestId('export-edit-prefs'));
    const again = await within(dialog).findByTestId('report-prefs');
    await waitFor(() => expect((within(again).getByTestId('prefs-adviser') as HTMLInputElement).value).toBe('Ana Ruiz'));
    fireEvent.change(within(again).getByTestId('prefs-adviser'), { target: { value: 'Someone else' } });
    fireEvent.click(within(again).getByTestId('prefs-cancel'));
    expect(bridge.setReportPreferences).toHaveBeenCalledTimes(1);
  });


  it('opens with Ctrl+E (and Cmd+E), focused on the format, with paper and sections where they matter', async () => {
    const { dialog } = await openDialog();
    expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: /PDF/ }));
    expect((within(dialog).getByRole('radio', { name: /PDF/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByRole('group', { name: 'Paper size' })).toBeTruthy();
    expect(within(dialog).getByRole('group', { name: 'Sections' })).toBeTruthy();
    for (const s of REPORT_SECTIONS) expect((within(dialog).getByTestId(`export-section-${s}`) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('radio', { name: /HTML/ }));
    expect(within(dialog).queryByRole('group', { name: 'Paper size' })).toBeNull();
    expect(within(dialog).getByRole('group', { name: 'Sections' })).toBeTruthy();
    for (const f of ['XLSX', 'CSV', 'JSON']) {
      fireEvent.click(within(dialog).getByRole('radio', { name: new RegExp(f) }));
      expect(within(dialog).queryByRole('group', { name: 'Paper size' })).toBeNull();
      expect(within(dialog).queryByRole('group', { name: 'Sections' })).toBeNull();
      expect(within(dialog).getByTestId('export-all-data').textContent).toContain(f);
    }
    // Escape closes it; Cmd+E opens it again.
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.keyDown(window, { key: 'E', metaKey: true });
    expect(await screen.findByRole('dialog', { name: 'Export report' })).toBeTruthy();
  });

  it('previews the report in a shadow root with its own stylesheet, and follows the sections ticked', async () => {
    const { bridge, dialog } = await openDialog();
    await waitFor(() => expect(previewHeadings()).toEqual([...REPORT_SECTIONS]));
    expect(bridge.previewReport).toHaveBeenLastCalledWith({ portfolioId: 1, format: 'html', sections: [...REPORT_SECTIONS], language: 'en' });
    const root = previewPage().shadowRoot!;
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.querySelector('h1')?.textContent).toBe('Theme exposure: Smith family');
    // Nothing of the report leaks into the app's own document.
    expect(document.querySelector('#root h1, body > h1')).toBeNull();
    fireEvent.click(within(dialog).getByTestId('export-section-positions'));
    await waitFor(() => expect(previewHeadings()).not.toContain('positions'));
    expect(previewHeadings()).toContain('summary');
    expect(bridge.previewReport).toHaveBeenLastCalledWith({ portfolioId: 1, format: 'html', sections: REPORT_SECTIONS.filter((s) => s !== 'positions'), language: 'en' });
    expect(within(dialog).getByTestId('export-fingerprint').textContent).toBe('abcd-ef01-2345');
    // CSV and JSON are previewed as the text the file will hold; XLSX as the full page.
    fireEvent.click(within(dialog).getByRole('radio', { name: /CSV/ }));
    expect((await within(dialog).findByTestId('export-text-preview')).textContent).toContain('Total value,40553.36');
    expect(bridge.previewReport).toHaveBeenLastCalledWith({ portfolioId: 1, format: 'csv', sections: [...REPORT_SECTIONS], language: 'en' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /XLSX/ }));
    await waitFor(() => expect(previewHeadings()).toContain('positions'));
  });

  it('writes the report in the interface language unless another is chosen: 日本語 previews and saves in Japanese', async () => {
    const { bridge, dialog } = await openDialog();
    await waitFor(() => expect(previewHeadings()).toEqual([...REPORT_SECTIONS]));
    const group = within(dialog).getByTestId('export-language');
    expect((within(group).getByRole('radio', { name: 'English' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: '日本語' }));
    await waitFor(() => expect(bridge.previewReport).toHaveBeenLastCalledWith(expect.objectContaining({ format: 'html', language: 'ja' })));
    // CSV, XLSX and JSON have no language to choose: programs read their columns.
    fireEvent.click(within(dialog).getByRole('radio', { name: /CSV/ }));
    expect(within(dialog).queryByTestId('export-language')).toBeNull();
  });

  it('shows a preview that failed as an error, not an empty page', async () => {
    const bridge = installBridge({ portfolios: [makePortfolio()] });
    bridge.previewReport.mockRejectedValue(Object.assign(new Error('Smith family has no snapshots yet.'), { code: 'NOT_FOUND' }));
    render(<App />);
    await screen.findByTestId('positions-table');
    fireEvent.click(screen.getByTestId('export-button'));
    expect((await screen.findByTestId('export-preview-error')).textContent).toContain('no snapshots yet');
  });

  it('saves a PDF on Letter with the sections ticked: busy while it runs, then the path and fingerprint; remembers the choices', async () => {
    const { bridge, dialog } = await openDialog();
    bridge.chooseExportPath.mockResolvedValue({ path: '/home/ann/report.pdf' });
    let finish: (v: { path: string; bytes: number; reportId: number; fingerprint: string }) => void = () => {};
    bridge.exportReport.mockImplementationOnce(() => new Promise((ok) => (finish = ok)));
    fireEvent.click(within(dialog).getByRole('radio', { name: /US Letter/ }));
    fireEvent.click(within(dialog).getByTestId('export-section-changes'));
    fireEvent.click(within(dialog).getByTestId('export-save'));
    expect(await within(dialog).findByTestId('export-busy')).toBeTruthy();
    expect((within(dialog).getByTestId('export-save') as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByRole('radio', { name: /PDF/ }).closest('fieldset')!.disabled).toBe(true);
    expect(bridge.chooseExportPath).toHaveBeenCalledWith({ format: 'pdf', suggestedName: 'Smith family - themes 2026-11-24.pdf' });
    expect(bridge.exportReport).toHaveBeenCalledWith({ portfolioId: 1, format: 'pdf', path: '/home/ann/report.pdf', paper: 'letter', sections: REPORT_SECTIONS.filter((s) => s !== 'changes'), language: 'en' });
    await act(async () => finish({ path: '/home/ann/report.pdf', bytes: 48_213, reportId: 7, fingerprint: '9f3e-77aa-0c12' }));
    expect(within(dialog).getByTestId('export-saved-path').textContent).toBe('/home/ann/report.pdf');
    expect(within(dialog).getByTestId('export-saved-fingerprint').textContent).toBe('9f3e-77aa-0c12');
    expect(within(dialog).getByTestId('export-saved').textContent).toContain('47.1 KB');
    expect(within(dialog).queryByTestId('export-busy')).toBeNull();
    expect(within(dialog).getByTestId('export-close').textContent).toBe('Close');
    fireEvent.click(within(dialog).getByTestId('export-close'));
    expect(screen.queryByRole('dialog')).toBeNull();
    // Next time: the same format, paper and sections.
    fireEvent.click(screen.getByTestId('export-button'));
    const again = await screen.findByRole('dialog', { name: 'Export report' });
    expect((within(again).getByRole('radio', { name: /US Letter/ }) as HTMLInputElement).checked).toBe(true);
    expect((within(again).getByTestId('export-section-changes') as HTMLInputElement).checked).toBe(false);
    expect((within(again).getByTestId('export-section-summary') as HTMLInputElement).checked).toBe(true);
  });

  it('opens on the format saved with last time, focused on it', async () => {
    window.localStorage.setItem('themelens.exportReport', JSON.stringify({ format: 'csv', paper: 'a4', sections: ['summary'] }));
    const { dialog } = await openDialog();
    const csv = within(dialog).getByRole('radio', { name: /CSV/ }) as HTMLInputElement;
    expect(csv.checked).toBe(true);
    expect(document.activeElement).toBe(csv);
  });

  it('keeps Tab inside the dialog', async () => {
    const { dialog } = await openDialog();
    const save = within(dialog).getByTestId('export-save');
    await waitFor(() => expect(screen.getByTestId('report-preview-page')).toBeTruthy());
    const page = screen.getByTestId('report-preview-page');
    page.focus();
    fireEvent.keyDown(window, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: /PDF/ }));
    fireEvent.keyDown(window, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(page);
    expect(save).toBeTruthy();
  });
});

describe('export choices', () => {
  it('defaults to PDF, every section, and the paper of the locale; drops what it does not know', () => {
    expect(localPaper('en-US')).toBe('letter');
    expect(localPaper('en-CA')).toBe('letter');
    expect(localPaper('en-GB')).toBe('a4');
    expect(localPaper('de')).toBe('a4');
    expect(loadExportChoices(null, 'fr-FR')).toEqual({ format: 'pdf', paper: 'a4', sections: [...REPORT_SECTIONS] });
    const stored = (v: unknown) => ({ getItem: () => JSON.stringify(v) });
    expect(loadExportChoices(stored({ format: 'exe', paper: 'tabloid', sections: ['positions', '<script>', 'summary'], known: [...REPORT_SECTIONS] }), 'en-US')).toEqual({ format: 'pdf', paper: 'letter', sections: ['summary', 'positions'] });
    // Choices saved before the by-account, by-currency and overlap sections existed: those come ticked, the rest as chosen.
    expect(loadExportChoices(stored({ format: 'pdf', paper: 'a4', sections: ['summary', 'positions'] }), 'en-US').sections).toEqual(['summary', 'accounts', 'currencies', 'overlap', 'positions']);
    expect(loadExportChoices({ getItem: () => '{not json' }, 'de-DE').format).toBe('pdf');
    expect(loadExportChoices(stored({ format: 'xlsx', paper: 'a4', sections: [], known: [...REPORT_SECTIONS] }), 'en-US')).toEqual({ format: 'xlsx', paper: 'a4', sections: [] });
  });

  it('suggests a file name of client, portfolio and date, with characters no file system takes replaced', () => {
    expect(suggestedReportName({ clientName: 'Ann: Smith', portfolio: 'A/B <family>', asOf: '2026-11-24' }, 'pdf')).toBe('Ann_ Smith - A_B _family_ - themes 2026-11-24.pdf');
  });
});
