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

const ROOT_REASON = 'Chromium refuses its sandbox when run as root';

/** Whether this process runs as root (never on Windows, which has no user ids). */
export function runsAsRoot(proc: { getuid?: (() => number) | undefined } = process): boolean {
  return proc.getuid !== undefined && proc.getuid() === 0;
}

/**
 * The sandbox needs user namespaces or a setuid helper: only when the system refuses it does Chromium
 * run without one, and the user is told once. Any other failure is thrown as it is.
 */
export async function launchSandboxedElse<B>(launch: (sandbox: boolean) => Promise<B>, unsandboxed: (why: string) => void): Promise<B> {
  try {
    return await launch(true);
  } catch (err) {
    if (!/sandbox/i.test((err as Error).message)) throw err;
    unsandboxed(/as root/i.test((err as Error).message) ? ROOT_REASON : 'this system does not allow Chromium its sandbox (user namespaces)');
    return launch(false);
  }
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
  const unsandboxed = (why: string) => process.stderr.write(`themelens: note: PDF printing runs Chromium without its sandbox: ${why}. JavaScript stays off and it has no network.\n`);
  let browser: Awaited<ReturnType<typeof launch>>;
  try {
    // Chromium always refuses its sandbox to root: a launch that would fail is not tried (it cost
    // 130-180 ms before every PDF command run as root, as in containers and CI).
    if (runsAsRoot()) {
      unsandboxed(ROOT_REASON);
      browser = await launch(false);
    } else {
      browser = await launchSandboxedElse(launch, unsandboxed);
    }
  } catch (err) {
    rmSync(home, { recursive: true, force: true });
    throw err;
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
