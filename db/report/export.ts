import { AppError } from '../../shared/api/errors';
import { renderCsv } from '../../shared/report/csv';
import { renderHtml } from '../../shared/report/html';
import { renderJson } from '../../shared/report/json';
import type { ExposureReport, ReportFormat } from '../../shared/report/model';

/** Renders a report in a text format; XLSX and PDF come with the reports issue. */
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
      throw new AppError('UNSUPPORTED', `${format.toUpperCase()} reports are not yet supported; use json, csv or html for now.`);
  }
}
