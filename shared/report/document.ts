/** A client report: the exposure model plus what an adviser adds (cover, notes, changes, fingerprint). */
import type { SnapshotComparison } from '../exposure/analytics';
import type { ScenarioResult } from '../exposure/scenario';
import type { Exposure, ExposurePosition } from '../exposure/model';
import { reportText, type ReportLanguage, type ReportText } from './i18n';
import { DEFAULT_DISCLAIMER } from './disclaimer';

/** What the adviser sets once in preferences and every report carries. */
export interface ReportPreferences {
  reportTitle: string;
  adviserName: string;
  adviserFirm: string;
  /** A PNG or JPEG as a data: URL (never a link: a report makes no external request), or null. */
  logoDataUrl: string | null;
  disclaimer: string;
  /** The language of the PDF and HTML report (CSV, XLSX and JSON stay English). */
  language: ReportLanguage;
}

export { DEFAULT_DISCLAIMER };

export const DEFAULT_PREFERENCES: ReportPreferences = {
  reportTitle: 'Theme exposure',
  adviserName: '',
  adviserFirm: '',
  logoDataUrl: null,
  disclaimer: DEFAULT_DISCLAIMER,
  language: 'en',
};

/** The report's language: a record made before reports had one is English. */
export const languageOf = (doc: Pick<ReportDocument, 'preferences'>): ReportLanguage => doc.preferences.language ?? 'en';

/** The texts of a document's report, in its language. */
export const textOf = (doc: Pick<ReportDocument, 'preferences'>): ReportText => reportText(languageOf(doc));

/**
 * The title as shown: a title left at its English default is shown in the report's language, a
 * title the adviser wrote is theirs.
 */
export function titleOf(doc: Pick<ReportDocument, 'preferences'>): string {
  const title = doc.preferences.reportTitle;
  return title === DEFAULT_PREFERENCES.reportTitle ? textOf(doc).tr(title) : title;
}

/** The disclaimer as shown, by the same rule as the title. */
export function disclaimerOf(doc: Pick<ReportDocument, 'preferences'>): string {
  const text = doc.preferences.disclaimer;
  return text === DEFAULT_DISCLAIMER ? textOf(doc).tr(text) : text;
}

/** Parts of a report a user may leave out; the cover is always there. */
export const REPORT_SECTIONS = ['summary', 'charts', 'themes', 'accounts', 'currencies', 'overlap', 'positions', 'fx', 'changes', 'methodology', 'disclaimer'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Why a theme weight is what it is, as the tag records it. */
export interface TagNote {
  symbolKey: string;
  themeId: string;
  /** Fraction 0..1. */
  weight: number;
  source: string;
  rationale: string | null;
  sourceUrl: string | null;
}

/** One holding (account + instrument) that differs between the previous snapshot and this one. */
export interface PositionChange {
  account: string;
  symbolKey: string;
  description: string;
  currency: string;
  kind: 'added' | 'removed' | 'changed';
  quantityBefore: number | null;
  quantityAfter: number | null;
  /** Market value in the position's own currency. */
  localValueBefore: number | null;
  localValueAfter: number | null;
}

export interface ReportDocument {
  exposure: Exposure;
  preferences: ReportPreferences;
  /** Short hash of the inputs (snapshot, file hash, tags, FX rates, themes): same inputs, same fingerprint. */
  fingerprint: string;
  tagNotes: TagNote[];
  /** The snapshot the changes are counted from (the previous report's, else the portfolio's one before). */
  previousSnapshot: { id: number; asOf: string } | null;
  /** The earlier report the changes are counted from; null when there is none and the previous snapshot is used. */
  previousReport: { id: number; generatedAt: string; fingerprint: string } | null;
  positionChanges: PositionChange[];
  sections: readonly ReportSection[];
  /** Theme shocks asked for with the report, with what they do: its Scenario section, present only then. */
  scenario?: ReportScenario | null;
  /** How each theme's exposure moved since the snapshot compared with (quantity, price, tag); null without one or in older records. */
  attribution?: ReportAttribution | null;
  /** The packs the report's themes come from (page 1 says what the figures rest on). */
  packs?: string[];
}

/** A scenario in a report: the shocks applied (basis points, as asked) and the result (shared/exposure/scenario.ts). */
export type ReportScenario = ScenarioResult & { shocks: { themeId: string; shockBp: number }[] };

/** A comparison as a report carries it: per theme and the largest position changes, with their causes. */
/**
 * A comparison as a report records it. `untagged` is there in reports made since it was added, so
 * the rows (themes, Untagged, the total) add up; a report recorded before has none, and is shown
 * as it was made.
 */
export type ReportAttribution = Omit<SnapshotComparison, 'portfolioId' | 'baseCurrency' | 'changedCount' | 'untagged'> & { untagged?: SnapshotComparison['untagged'] };

/** Whether a section is to be included. */
export const hasSection = (doc: ReportDocument, s: ReportSection): boolean => doc.sections.includes(s);

/** A document with no adviser additions: what the plain exposure renderers use. */
export function documentOf(exposure: Exposure, overrides: Partial<ReportDocument> = {}): ReportDocument {
  return { exposure, preferences: DEFAULT_PREFERENCES, fingerprint: '', tagNotes: [], previousSnapshot: null, previousReport: null, positionChanges: [], sections: REPORT_SECTIONS, ...overrides };
}

/**
 * "the previous report (made 2026-11-02, fingerprint 1a2b-...), on the holdings as of 2026-10-31", or
 * the snapshot alone; plain text in `language` (English for CSV and XLSX).
 */
export function comparedWith(doc: Pick<ReportDocument, 'previousSnapshot' | 'previousReport'>, language: ReportLanguage = 'en'): string | null {
  const s = doc.previousSnapshot;
  if (!s) return null;
  const r = doc.previousReport;
  const { tr } = reportText(language);
  return r
    ? tr('the previous report (made {{made}}, fingerprint {{fingerprint}}), on the holdings as of {{date}}', { made: r.generatedAt.slice(0, 10), fingerprint: r.fingerprint, date: s.asOf })
    : tr('the previous snapshot, as of {{date}}', { date: s.asOf });
}

/** Each theme's contributions, position by position in report order: grouped once, not one scan of every position per theme. */
export function contributionsByTheme(r: Exposure): Map<string, { position: ExposurePosition; theme: ExposurePosition['themes'][number] }[]> {
  const byTheme = new Map<string, { position: ExposurePosition; theme: ExposurePosition['themes'][number] }[]>();
  for (const position of r.positions) {
    for (const theme of position.themes) {
      const list = byTheme.get(theme.id);
      if (list) list.push({ position, theme });
      else byTheme.set(theme.id, [{ position, theme }]);
    }
  }
  return byTheme;
}
