import { AppError } from '../../shared/api/errors';
import { renderCsv } from '../../shared/report/csv';
import { renderHtml } from '../../shared/report/html';
import { renderJson } from '../../shared/report/json';
import type { ExposureReport, ReportFormat } from '../../shared/report/model';

/**
 * Renders the bare exposure model in a text format. Client reports (cover, charts, XLSX, PDF,
 * records) go through buildReport and renderDocument instead (db/report/export-file.ts).
 */
export function renderReport(report: ExposureReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report);
    case 'html':
      return renderHtml(report);
    case 'xlsx':
    case 'pdf':
      throw new AppError('UNSUPPORTED', `${format.toUpperCase()} is a binary format: use exportReportFile (db/report/export-file.ts).`);
  }
}
