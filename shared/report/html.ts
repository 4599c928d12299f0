import { documentOf } from './document';
import type { ExposureReport } from './model';
import { renderReportHtml } from './report-html';

export { escapeHtml } from './escape';

/** The exposure report as self-contained HTML, with default preferences (see renderReportHtml). */
export function renderHtml(report: ExposureReport): string {
  return renderReportHtml(documentOf(report));
}
