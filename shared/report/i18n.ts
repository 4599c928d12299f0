/**
 * The language of a report's readable parts (PDF and HTML: headings, labels, sentences). English
 * texts are the keys, as in the app; `ja/` holds their Japanese. Figures keep one format in every
 * language ("JPY 1,234,567", "32.0%", ISO dates) so a report reads the same to every reader's
 * spreadsheet; CSV, XLSX and JSON stay English (their columns and keys are read by programs).
 */
import { escapeText } from './escape';
import { fillTemplate } from '../text/fill';
import { REPORT_JAPANESE } from './ja';

export const REPORT_LANGUAGES = ['en', 'ja'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const isReportLanguage = (value: unknown): value is ReportLanguage => REPORT_LANGUAGES.includes(value as ReportLanguage);

type Vars = Record<string, string | number>;

const DICTIONARIES: Record<ReportLanguage, Record<string, string>> = { en: {}, ja: REPORT_JAPANESE };

/** Plain text: `tr('Prepared by {{name}}', { name })`, the result escaped by the caller like any text. */
export type Tr = (english: string, vars?: Vars) => string;

export interface ReportText {
  language: ReportLanguage;
  /** Plain text in the report's language, values inserted as given. */
  tr: Tr;
  /** HTML for an element's text: the words escaped as text, values inserted as the (already escaped) HTML they are. An attribute takes `escapeHtml(tr(...))`. */
  html: Tr;
}

/** The texts of a report in `language`; a text without a translation stays English (a test keeps that from happening). */
export function reportText(language: ReportLanguage = 'en'): ReportText {
  const dictionary = DICTIONARIES[language];
  const lookup = (english: string) => dictionary[english] ?? english;
  return {
    language,
    tr: (english, vars = {}) => fillTemplate(lookup(english), vars),
    html: (english, vars = {}) => fillTemplate(lookup(english), vars, escapeText),
  };
}
