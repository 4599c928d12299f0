import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Electron from 'electron';
import type { PaperSize, ReportDocument } from '../../shared/report/document';
import { renderReportHtml } from '../../shared/report/report-html';
import type { PdfRenderer } from '../../db/report/pdf';
import { footerTemplate } from '../../db/report/pdf';
import { guardSession } from './guards';

/** The parts of the electron module printing needs (a fake in tests). */
export type PrintElectron = Pick<typeof Electron, 'BrowserWindow' | 'session'>;

/** An in-memory session (no "persist:") that only the hidden print windows use. */
export const PRINT_PARTITION = 'themelens-print';

const MM = 1 / 25.4;

/** The same page as the headless-Chromium renderer (db/report/pdf.ts): paper, footer with page numbers, margins, tags and outline. */
function printOptions(doc: ReportDocument, paper: PaperSize): Electron.PrintToPDFOptions {
  return {
    pageSize: paper === 'letter' ? 'Letter' : 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate: footerTemplate(doc),
    margins: { top: 14 * MM, bottom: 16 * MM, left: 14 * MM, right: 14 * MM },
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

/** Lets a print window do nothing but show its document: no navigation, redirect, new window or webview. */
function guardPrintContents(contents: Electron.WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Prints reports with Electron's own print-to-PDF: each report is written to a private temporary
 * file (a data: URL is capped near 2 MB; a 5,000-position report is larger), loaded in a hidden,
 * sandboxed window with JavaScript off whose session refuses every request but that file (and the
 * logo's data: URL), printed, and the window and file removed whatever happens.
 */
export function electronPdfRenderer(electron: PrintElectron, tempRoot: string = tmpdir()): PdfRenderer {
  const allowed = new Set<string>();
  const open = new Set<Electron.BrowserWindow>();
  let printSession: Electron.Session | null = null;
  const sessionFor = (): Electron.Session => {
    if (printSession) return printSession;
    const s = electron.session.fromPartition(PRINT_PARTITION, { cache: false });
    guardSession(s);
    s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(allowed.has(details.url) || details.url.startsWith('data:image/')) }));
    printSession = s;
    return s;
  };

  return {
    connected: true,
    async render(doc, paper) {
      const dir = mkdtempSync(join(tempRoot, 'themelens-print-'));
      const file = join(dir, 'report.html');
      const url = pathToFileURL(file).href;
      let win: Electron.BrowserWindow | null = null;
      try {
        writeFileSync(file, renderReportHtml(doc), { mode: 0o600, flag: 'wx' });
        allowed.add(url);
        win = new electron.BrowserWindow({
          show: false,
          width: 1024,
          height: 1400,
          webPreferences: {
            session: sessionFor(),
            sandbox: true,
            contextIsolation: true,
            nodeIntegration: false,
            nodeIntegrationInWorker: false,
            nodeIntegrationInSubFrames: false,
            javascript: false,
            webSecurity: true,
            allowRunningInsecureContent: false,
            webviewTag: false,
            spellcheck: false,
            navigateOnDragDrop: false,
            disableBlinkFeatures: 'Auxclick',
          },
        });
        open.add(win);
        guardPrintContents(win.webContents);
        await win.loadURL(url);
        return new Uint8Array(await win.webContents.printToPDF(printOptions(doc, paper)));
      } finally {
        allowed.delete(url);
        if (win) {
          open.delete(win);
          if (!win.isDestroyed()) win.destroy();
        }
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async close() {
      for (const win of open) if (!win.isDestroyed()) win.destroy();
      open.clear();
    },
  };
}
