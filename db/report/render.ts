import type { PaperSize, ReportDocument } from '../../shared/report/document';
import type { ReportFormat } from '../../shared/report/model';
import { renderReportCsv } from '../../shared/report/report-csv';
import { renderReportHtml } from '../../shared/report/report-html';
import { renderReportJson } from '../../shared/report/report-json';
import { sharedPdfRenderer } from './pdf-pool';
import { renderXlsx } from './xlsx';

/** A report document in any format: text for json, csv and html; bytes for xlsx and pdf. */
export async function renderDocument(doc: ReportDocument, format: ReportFormat, paper: PaperSize = 'a4'): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return renderReportJson(doc);
    case 'csv':
      return renderReportCsv(doc);
    case 'html':
      return renderReportHtml(doc);
    case 'xlsx':
      return renderXlsx(doc);
    case 'pdf':
      return (await sharedPdfRenderer()).render(doc, paper);
  }
}

/** A text format of a report (the preview): html, json or csv. */
export function renderText(doc: ReportDocument, format: 'html' | 'json' | 'csv'): string {
  return format === 'html' ? renderReportHtml(doc) : format === 'json' ? renderReportJson(doc) : renderReportCsv(doc);
}
