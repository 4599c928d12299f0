import { PAPER_SIZES, REPORT_SECTIONS, type PaperSize, type ReportSection } from '../shared/report/document';
import { REPORT_FORMATS, type ReportFormat } from '../shared/report/model';
import { UsageError } from './errors';
import { isReportLanguage, REPORT_LANGUAGES, type ReportLanguage } from '../shared/report/i18n';

/** --format, checked against the formats the report command knows. */
export function parseFormat(value: string | undefined, command: string): ReportFormat {
  const format = (value ?? '').toLowerCase() as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`${command} needs --format ${REPORT_FORMATS.join('|')}`);
  return format;
}

/** --paper a4|letter (A4 unless given). */
export function parsePaper(value: string | undefined): PaperSize {
  const paper = (value ?? 'a4').toLowerCase() as PaperSize;
  if (!PAPER_SIZES.includes(paper)) throw new UsageError(`--paper "${value}" is not one of ${PAPER_SIZES.join(', ')}`);
  return paper;
}

/** --sections summary,charts,... (all when not given). */
export function parseSections(value: string | undefined): ReportSection[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.find((s) => !REPORT_SECTIONS.includes(s as ReportSection));
  if (bad !== undefined) throw new UsageError(`--sections: "${bad}" is not one of ${REPORT_SECTIONS.join(', ')}`);
  return list as ReportSection[];
}

/** --language en|ja: the PDF and HTML report's language (the saved preference when not given). */
export function parseLanguage(value: string | undefined): { language?: ReportLanguage } {
  if (value === undefined) return {};
  const language = value.trim().toLowerCase();
  if (!isReportLanguage(language)) throw new UsageError(`--language "${value}" is not one of ${REPORT_LANGUAGES.join(', ')}`);
  return { language };
}

/** Seconds with one decimal, for progress lines. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
