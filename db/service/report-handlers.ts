import type { BackendHandlers } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { REPORT_CSS, renderReportBody, renderReportHtml } from '../../shared/report/report-html';
import { buildReport } from '../report/build';
import { resolveExtras } from '../report/extras';
import { exportReportFile, regenerateReportFile } from '../report/export-file';
import { getReportPreferences, setReportPreferences } from '../report/preferences';
import { listReportRecords } from '../report/records';
import { renderText } from '../report/render';
import type { HandlerContext } from './handler-context';

/** Exported report files: preview, export, the record of each, regenerate, and the adviser's preferences. */
export function reportHandlers({ db, now, settings, scoped }: HandlerContext) {
  return {
    exportReport: (input) => {
      // Every written report is recorded (for regenerate); a read-only database cannot record it, so
      // nothing is written rather than a file that then "was not saved".
      if (settings.readOnlyMessage) throw new AppError('IO', `Nothing was written: ${settings.readOnlyMessage} (each report is recorded in the database when it is written).`);
      return exportReportFile(db, ...scoped(input), { ...input, pdfRenderer: settings.pdfRenderer, extras: resolveExtras(db, input) }, now());
    },
    previewReport: (input) => {
      const { doc } = buildReport(db, ...scoped(input), now(), input.sections, resolveExtras(db, input));
      if (input.format !== 'html') return { content: renderText(doc, input.format), fingerprint: doc.fingerprint, page: null };
      // The page body once, for both the file's text and the in-window preview.
      const body = renderReportBody(doc);
      return { content: renderReportHtml(doc, body), fingerprint: doc.fingerprint, page: { css: REPORT_CSS, body } };
    },
    listReports: (input) => listReportRecords(db, input.portfolioId),
    regenerateReport: (input) => regenerateReportFile(db, input.reportId, { ...input, pdfRenderer: settings.pdfRenderer }),
    // A batch of PDFs starts the printer while it imports: the first report does not wait for it.
    // A printer that cannot start says so when a report asks for it, in that report's words.
    warmUpPdf: () => {
      void settings.pdfRenderer().catch(() => undefined);
      return { started: true };
    },
    getReportPreferences: () => getReportPreferences(db),
    setReportPreferences: (input) => setReportPreferences(db, input),
  } satisfies Pick<BackendHandlers, 'exportReport' | 'previewReport' | 'listReports' | 'regenerateReport' | 'warmUpPdf' | 'getReportPreferences' | 'setReportPreferences'>;
}
