import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PdfRenderer } from '../../../db/report/pdf';
import type { PaperSize, ReportDocument } from '../../../shared/report/document';
import { tagged } from './backend-fixture';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

describe('openBackend({ pdfRenderer }): the desktop app prints PDFs its own way', () => {
  it('exports and regenerates PDFs through the injected renderer, with the paper and sections asked for', async () => {
    const calls: { paper: PaperSize; doc: ReportDocument }[] = [];
    const renderer: PdfRenderer = { connected: true, close: vi.fn(async () => {}), render: vi.fn(async (doc: ReportDocument, paper: PaperSize) => (calls.push({ doc, paper }), new TextEncoder().encode(`%PDF injected ${paper}`))) };
    const factory = vi.fn(async () => renderer);
    const f = await tagged(undefined, { pdfRenderer: factory });
    cleanup = f.cleanup;
    const out = join(f.dir, 'r.pdf');
    const result = await f.backend.handlers.exportReport({ portfolioId: f.portfolioId, format: 'pdf', paper: 'letter', sections: ['summary', 'positions'], path: out });
    expect(readFileSync(out, 'utf8')).toBe('%PDF injected letter');
    expect(result.fingerprint).toBe(calls[0]!.doc.fingerprint);
    expect(calls[0]!.doc.sections).toEqual(['summary', 'positions']);
    await f.backend.handlers.regenerateReport({ reportId: result.reportId, path: join(f.dir, 'again.pdf'), paper: 'a4' });
    expect(readFileSync(join(f.dir, 'again.pdf'), 'utf8')).toBe('%PDF injected a4');
    expect(factory).toHaveBeenCalledTimes(2);
    // A batch warms the same printer up ahead (returning at once), never the built-in one.
    expect(await f.backend.handlers.warmUpPdf({})).toEqual({ started: true });
    expect(factory).toHaveBeenCalledTimes(3);
  });

  it('a printer that cannot start does not fail the warm-up: the report that needs it says why', async () => {
    const factory = vi.fn(async (): Promise<PdfRenderer> => {
      throw new Error('PDF reports need Chromium: apt-get install chromium');
    });
    const f = await tagged(undefined, { pdfRenderer: factory });
    cleanup = f.cleanup;
    expect(await f.backend.handlers.warmUpPdf({})).toEqual({ started: true });
    await expect(f.backend.handlers.exportReport({ portfolioId: f.portfolioId, format: 'pdf', paper: 'a4', path: join(f.dir, 'x.pdf') })).rejects.toThrow(/apt-get install chromium/);
  });

  it('gives the preview the report page as stylesheet and body apart, with no style attribute the app CSP would drop', async () => {
    const f = await tagged();
    cleanup = f.cleanup;
    const preview = await f.backend.handlers.previewReport({ portfolioId: f.portfolioId, format: 'html', sections: ['summary'] });
    expect(preview.page).not.toBeNull();
    expect(preview.page!.css).toContain(':host');
    expect(preview.content).toContain(preview.page!.body);
    expect(preview.page!.body).toContain('Summary');
    expect(preview.page!.body).not.toContain('Positions</h2>');
    expect(preview.page!.body).not.toMatch(/\sstyle=|<style|<script|<html|<body/i);
    expect((await f.backend.handlers.previewReport({ portfolioId: f.portfolioId, format: 'json' })).page).toBeNull();
  });
});
