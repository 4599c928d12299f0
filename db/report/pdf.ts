import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { chromium as Chromium } from 'playwright-core';
import { AppError } from '../../shared/api/errors';
import { textOf, titleOf, type PaperSize, type ReportDocument } from '../../shared/report/document';
import { escapeHtml } from '../../shared/report/escape';
import { renderReportHtml } from '../../shared/report/report-html';
import { CHROMIUM_ARGS, findChromium, printingEnvironment } from './chromium';
import { pagePool } from './page-pool';

/** Pages printing at once: two let a batch prepare one report while the other prints. */
const PRINTING_PAGES = 2;

/** Prints report HTML to PDF; one browser serves many reports (a batch), closed once at the end. */
export interface PdfRenderer {
  render(doc: ReportDocument, paper: PaperSize): Promise<Uint8Array>;
  close(): Promise<void>;
  readonly connected: boolean;
}

/** The running footer: report, portfolio, as-of date and fingerprint on the left, "Page n of m" on the right. */
export function footerTemplate(doc: ReportDocument): string {
  const r = doc.exposure;
  const { tr, html } = textOf(doc);
  const left = [titleOf(doc), r.clientName ?? r.portfolio, tr('as of {{date}}', { date: r.asOf }), doc.fingerprint ? tr('fingerprint {{fingerprint}}', { fingerprint: doc.fingerprint }) : ''].filter(Boolean).map(escapeHtml).join(' · ');
  const page = html('Page {{page}} of {{pages}}', { page: '<span class="pageNumber"></span>', pages: '<span class="totalPages"></span>' });
  return `<div style="font-size:7.5px;font-family:'DejaVu Sans','Noto Sans CJK JP','Hiragino Sans','Yu Gothic',Meiryo,sans-serif;color:#6b7280;width:100%;margin:0 14mm;display:flex;justify-content:space-between"><span>${left}</span><span>${page}</span></div>`;
}

/** Launches headless Chromium (playwright-core) for printing; fails with what to install when it is missing. */
export async function launchPdfRenderer(): Promise<PdfRenderer> {
  const executablePath = findChromium();
  let chromium: typeof Chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new AppError('UNSUPPORTED', 'PDF reports need the playwright-core package next to ThemeLens (npm install playwright-core).');
  }
  // A private, empty HOME for the browser profile and caches, removed when the renderer closes.
  const home = mkdtempSync(join(tmpdir(), 'themelens-print-'));
  const launch = (sandbox: boolean) => chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, chromiumSandbox: sandbox, env: printingEnvironment(home) });
  let browser: Awaited<ReturnType<typeof launch>>;
  try {
    browser = await launch(true);
  } catch (err) {
    // The sandbox needs user namespaces or a setuid helper, and Chromium refuses it to root: only then
    // does it run without one, and the user is told once.
    const why = /as root/i.test((err as Error).message) ? 'Chromium refuses its sandbox when run as root' : 'this system does not allow Chromium its sandbox (user namespaces)';
    if (!/sandbox/i.test((err as Error).message)) {
      rmSync(home, { recursive: true, force: true });
      throw err;
    }
    process.stderr.write(`themelens: note: PDF printing runs Chromium without its sandbox: ${why}. JavaScript stays off and it has no network.\n`);
    try {
      browser = await launch(false);
    } catch (second) {
      rmSync(home, { recursive: true, force: true });
      throw second;
    }
  }
  // Pages are kept and reused (page-pool.ts); their JavaScript is off and they are offline, so
  // nothing a report holds can run or fetch.
  const pages = pagePool(() => browser.newPage({ javaScriptEnabled: false, offline: true }), PRINTING_PAGES);
  const print = (doc: ReportDocument, paper: PaperSize): Promise<Uint8Array> =>
    pages.withPage(async (page) => {
      await page.setContent(renderReportHtml(doc), { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: paper === 'letter' ? 'Letter' : 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: footerTemplate(doc),
        margin: { top: '14mm', bottom: '16mm', left: '14mm', right: '14mm' },
        tagged: true,
        outline: true,
      });
      return new Uint8Array(pdf);
    });
  return {
    get connected() {
      return browser.isConnected();
    },
    render: print,
    close: async () => {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
