import type { PaperSize, ReportDocument } from '../../shared/report/document';
import type { ReportFormat } from '../../shared/report/model';
import { renderReportCsv } from '../../shared/report/report-csv';
import { renderReportHtml } from '../../shared/report/report-html';
import { renderReportJson, reportJsonPieces } from '../../shared/report/report-json';
import { assertPrintable, fontconfigCoverage } from './font-coverage';
import { footerTemplate, type PdfRenderer } from './pdf';

/**
 * Gives the PDF renderer to print with: the backend's headless Chromium (report/pdf-pool.ts) by
 * default, the window's own print-to-PDF in the desktop app.
 */
export type PdfRendererFactory = () => Promise<PdfRenderer>;

/** A report document in any format: text for csv and html, text in pieces for json (a million positions are never one string); bytes for xlsx and pdf. */
export async function renderDocument(doc: ReportDocument, format: ReportFormat, paper: PaperSize, pdfRenderer: PdfRendererFactory): Promise<string | Uint8Array | Iterable<string>> {
  switch (format) {
    case 'json':
      return reportJsonPieces(doc);
    case 'csv':
      return renderReportCsv(doc);
    case 'html':
      return renderReportHtml(doc);
    case 'xlsx':
      // exceljs takes ~0.4 s to load: only the commands that write a workbook pay for it (start-up target).
      return (await import('./xlsx')).renderXlsx(doc);
    case 'pdf':
      // The page's text, footer included, checked against the fonts installed here before anything prints.
      assertPrintable(renderReportHtml(doc) + footerTemplate(doc), fontconfigCoverage);
      return (await pdfRenderer()).render(doc, paper);
  }
}

/** A text format of a report (the preview): html, json or csv. */
export function renderText(doc: ReportDocument, format: 'html' | 'json' | 'csv'): string {
  return format === 'html' ? renderReportHtml(doc) : format === 'json' ? renderReportJson(doc) : renderReportCsv(doc);
}
