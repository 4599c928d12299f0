import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentOf } from '../../../shared/report/document';
import { renderReportHtml } from '../../../shared/report/report-html';
import { footerTemplate } from '../../../db/report/pdf';
import { electronPdfRenderer, PRINT_PARTITION } from '../../../electron/main/print-pdf';
import { makeReport } from '../../helpers/report';
import { makeTempDir } from '../../helpers/temp-dir';
import { makeFakeElectron, type FakeWindow } from './fake-electron';

const doc = documentOf(makeReport({ clientName: 'Ann Smith' }), { fingerprint: 'abcd-ef01-2345' });
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

/** A fake electron module and a fresh temp root the renderer writes its private files under. */
function setup() {
  const temp = makeTempDir('themelens-print-test-');
  cleanup = temp.cleanup;
  const e = makeFakeElectron();
  return { e, root: temp.dir, printer: electronPdfRenderer(e as never, temp.dir) };
}

/** Runs `fn` on each window as the code under test creates it (before it loads anything). */
function onEachWindow(e: ReturnType<typeof makeFakeElectron>, fn: (w: FakeWindow) => void): void {
  const push = e.windows.push.bind(e.windows);
  e.windows.push = (...ws: FakeWindow[]) => {
    ws.forEach(fn);
    return push(...ws);
  };
}

type Prefs = { webPreferences: Record<string, unknown> } & Record<string, unknown>;
const prefsOf = (w: FakeWindow) => (w.options as Prefs).webPreferences;

describe("electronPdfRenderer: the window's own print-to-PDF", () => {
  it('prints from a hidden, sandboxed window with JavaScript off, from a private temp file, and returns the bytes', async () => {
    const { e, root, printer } = setup();
    let seenDuringLoad: { path: string; mode: number; dirMode: number; html: string } | null = null;
    // Look at the file while the window loads it: private, and the report's own HTML.
    onEachWindow(e, (w) =>
      w.loadURL.mockImplementation(async (url: string) => {
        const path = fileURLToPath(url);
        seenDuringLoad = { path, mode: statSync(path).mode & 0o777, dirMode: statSync(path.replace(/\/report\.html$/, '')).mode & 0o777, html: readFileSync(path, 'utf8') };
      }),
    );
    const bytes = await printer.render(doc, 'letter');
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 fake');
    expect(e.windows).toHaveLength(1);
    const win = e.windows[0]!;
    const options = win.options as Prefs;
    expect(options['show']).toBe(false);
    const prefs = prefsOf(win);
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, webviewTag: false });
    expect(prefs['preload']).toBeUndefined();
    // Its own in-memory session, not the app's.
    expect(e.session.fromPartition).toHaveBeenCalledWith(PRINT_PARTITION, expect.anything());
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
    expect(prefs['session']).toBe(e.partitions.get(PRINT_PARTITION));
    expect(prefs['session']).not.toBe(e.session.defaultSession);
    // The file: 0600 in a 0700 folder, the report's HTML, removed afterwards with its folder.
    expect(seenDuringLoad).not.toBeNull();
    const seen = seenDuringLoad as unknown as { path: string; mode: number; dirMode: number; html: string };
    expect(seen.mode).toBe(0o600);
    expect(seen.dirMode).toBe(0o700);
    expect(seen.html).toBe(renderReportHtml(doc));
    expect(existsSync(seen.path)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
    // The print options: paper, backgrounds, footer with page numbers and fingerprint, margins, tags, outline.
    expect(win.webContents.printToPDF).toHaveBeenCalledTimes(1);
    const print = win.webContents.printToPDF.mock.calls[0]![0] as Record<string, unknown>;
    expect(print).toMatchObject({ pageSize: 'Letter', printBackground: true, displayHeaderFooter: true, generateTaggedPDF: true, generateDocumentOutline: true, footerTemplate: footerTemplate(doc) });
    expect(print['footerTemplate']).toContain('abcd-ef01-2345');
    expect(print['footerTemplate']).toContain('class="pageNumber"');
    const margins = print['margins'] as Record<string, number>;
    expect(margins['top']).toBeCloseTo(14 / 25.4, 5);
    expect(margins['bottom']).toBeCloseTo(16 / 25.4, 5);
    // The window is gone.
    expect(win.destroy).toHaveBeenCalledTimes(1);
    await printer.render(doc, 'a4');
    expect((e.windows[1]!.webContents.printToPDF.mock.calls[0]![0] as { pageSize: string }).pageSize).toBe('A4');
  });

  it.each([
    ['the page fails to load', (w: FakeWindow) => w.loadURL.mockRejectedValue(new Error('ERR_FAILED'))],
    ['printing fails', (w: FakeWindow) => w.webContents.printToPDF.mockRejectedValue(new Error('Printing failed'))],
  ])('closes the window and removes the file when %s', async (_label, breakIt) => {
    const { e, root, printer } = setup();
    onEachWindow(e, breakIt);
    await expect(printer.render(doc, 'a4')).rejects.toThrow(/ERR_FAILED|Printing failed/);
    expect(e.windows[0]!.destroy).toHaveBeenCalledTimes(1);
    expect(readdirSync(root)).toEqual([]);
  });

  it('blocks navigation, new windows, webviews and every request but its own document', async () => {
    const { e, printer } = setup();
    let docUrl = '';
    let duringLoad: Record<string, boolean> = {};
    onEachWindow(e, (w) =>
      w.loadURL.mockImplementation(async (url: string) => {
        docUrl = url;
        const ses = e.partitions.get(PRINT_PARTITION)!;
        const ask = (u: string) => {
          let cancel: boolean | undefined;
          ses.beforeRequestListener!({ url: u }, (r) => (cancel = r.cancel));
          return cancel === true;
        };
        duringLoad = { doc: ask(url), remote: ask('https://evil.example/x.png'), otherFile: ask('file:///etc/passwd'), logo: ask('data:image/png;base64,AAAA') };
      }),
    );
    await printer.render(doc, 'a4');
    expect(docUrl).toMatch(/^file:\/\/\/.+\/report\.html$/);
    expect(duringLoad).toEqual({ doc: false, remote: true, otherFile: true, logo: false });
    // After printing, not even the document itself may load in that session.
    const ses = e.partitions.get(PRINT_PARTITION)!;
    let cancel: boolean | undefined;
    ses.beforeRequestListener!({ url: docUrl }, (r) => (cancel = r.cancel));
    expect(cancel).toBe(true);
    // The session denies permissions and downloads, as the app's does.
    const granted = vi.fn();
    ses.permissionRequest!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    const download = { preventDefault: vi.fn() };
    ses.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
    // The window's contents: every navigation, redirect and webview refused, new windows denied.
    const contents = e.windows[0]!.webContents;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const ev = { preventDefault: vi.fn() };
      contents.emit(event, ev, 'app://themelens/index.html');
      expect(ev.preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler!({ url: 'https://github.com/' })).toEqual({ action: 'deny' });
  });

  it('close() destroys a window still printing', async () => {
    const { e, printer } = setup();
    let release: () => void = () => {};
    onEachWindow(e, (w) => w.loadURL.mockImplementation(() => new Promise<void>((ok) => (release = ok))));
    const pending = printer.render(doc, 'a4');
    await new Promise((r) => setTimeout(r, 10));
    await printer.close();
    expect(e.windows[0]!.destroy).toHaveBeenCalled();
    release();
    await pending.catch(() => undefined);
    expect(e.windows[0]!.destroy).toHaveBeenCalledTimes(1);
  });
});
