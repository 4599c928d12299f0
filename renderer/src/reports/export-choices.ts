import { PAPER_SIZES, REPORT_SECTIONS, type PaperSize, type ReportSection } from '../../../shared/report/document';
import { REPORT_FORMATS, type ReportFormat } from '../../../shared/report/model';

/** What the Export report dialog asks: format, paper size and the sections to include. */
export interface ExportChoices {
  format: ReportFormat;
  paper: PaperSize;
  sections: ReportSection[];
}

const KEY = 'themelens.exportReport';
/** The sections there were before choices remembered the list they were made from. */
const SECTIONS_BEFORE_KNOWN = ['summary', 'charts', 'themes', 'positions', 'fx', 'changes', 'methodology', 'disclaimer'];

/** Formats whose page layout the paper size changes. */
export const usesPaper = (format: ReportFormat): boolean => format === 'pdf';
/** Formats that leave out unticked sections (XLSX, CSV and JSON always carry all the data). */
export const usesSections = (format: ReportFormat): boolean => format === 'pdf' || format === 'html';

/** US Letter where the locale's paper is Letter (the US, Canada, Mexico, the Philippines...), A4 elsewhere. */
export function localPaper(locale: string): PaperSize {
  const region = /[-_]([A-Z]{2})\b/i.exec(locale)?.[1]?.toUpperCase();
  return region && ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'PR'].includes(region) ? 'letter' : 'a4';
}

/** The choices made last time (kept in the renderer's own storage), or sensible defaults; anything unknown is dropped. */
export function loadExportChoices(storage: Pick<Storage, 'getItem'> | null, locale: string): ExportChoices {
  const fallback: ExportChoices = { format: 'pdf', paper: localPaper(locale), sections: [...REPORT_SECTIONS] };
  try {
    const raw = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<Record<keyof ExportChoices, unknown>> | null;
    if (!raw || typeof raw !== 'object') return fallback;
    const format = REPORT_FORMATS.find((f) => f === raw.format) ?? fallback.format;
    const paper = PAPER_SIZES.find((p) => p === raw.paper) ?? fallback.paper;
    // A section added since the choices were made was never unticked: it is included, as by default.
    const known: unknown[] = Array.isArray((raw as { known?: unknown }).known) ? ((raw as { known: unknown[] }).known) : SECTIONS_BEFORE_KNOWN;
    const sections = Array.isArray(raw.sections) ? REPORT_SECTIONS.filter((s) => (raw.sections as unknown[]).includes(s) || !known.includes(s)) : fallback.sections;
    return { format, paper, sections };
  } catch {
    return fallback;
  }
}

/** Remembers the choices for the next export; a storage that refuses (full, disabled) is ignored. */
export function saveExportChoices(storage: Pick<Storage, 'setItem'> | null, choices: ExportChoices): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ ...choices, known: [...REPORT_SECTIONS] }));
  } catch {
    // Remembering is a convenience; the export itself went through.
  }
}

/** The file name the save dialog suggests: client, portfolio, "themes", as-of date; characters no file system takes replaced. */
export function suggestedReportName(report: { clientName: string | null; portfolio: string; asOf: string }, format: ReportFormat): string {
  return `${report.clientName ? `${report.clientName} - ` : ''}${report.portfolio} - themes ${report.asOf}.${format}`.replace(/[\\/:*?"<>|]/g, '_');
}
