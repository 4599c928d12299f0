import { applyShocks } from '../../shared/exposure/scenario';
import type { ReportPreferences, ReportScenario } from '../../shared/report/document';
import type { ReportLanguage } from '../../shared/report/i18n';
import { getReportPreferences } from './preferences';
import type { Exposure } from '../../shared/exposure/model';
import type { Db } from '../connection';
import { benchmarkOf, benchmarkRecord, withBenchmark, type Benchmark } from '../exposure/benchmark';

export interface Shock {
  themeId: string;
  shockBp: number;
}

/**
 * What one report asks for beyond the snapshot: a benchmark to compare with, theme shocks to apply,
 * and the language of its readable parts (null: the preference's).
 */
export interface ReportExtras {
  /** With its theme weights as they were when the report was made (recorded, so regenerate shows the same). */
  benchmark: Benchmark | null;
  shocks: Shock[];
  language?: ReportLanguage | null;
}

export const NO_EXTRAS: ReportExtras = { benchmark: null, shocks: [] };

/** The adviser's preferences for this report: the language asked for, else the saved one (recorded with the report's inputs). */
export function preferencesFor(db: Db, extras: Pick<ReportExtras, 'language'>): ReportPreferences {
  const saved = getReportPreferences(db);
  return extras.language ? { ...saved, language: extras.language } : saved;
}

/** The extras a call asked for, the benchmark looked up (refused when it is not a look-through fund). */
export function resolveExtras(db: Db, input: { benchmark?: string | undefined; shocks?: readonly Shock[] | undefined; language?: ReportLanguage | undefined }): ReportExtras {
  return { benchmark: input.benchmark ? benchmarkOf(db, input.benchmark) : null, shocks: [...(input.shocks ?? [])], language: input.language ?? null };
}

/** The exposure with the benchmark's shares beside each theme, and the scenario of the shocks (null without). */
export function applyExtras<R extends Exposure>(exposure: R, extras: ReportExtras): { exposure: R; scenario: ReportScenario | null } {
  const b = extras.benchmark;
  const compared = b ? { ...exposure, themes: withBenchmark(exposure.themes, b), benchmark: benchmarkRecord(b) } : exposure;
  if (extras.shocks.length === 0) return { exposure: compared, scenario: null };
  const result = applyShocks(compared, new Map(extras.shocks.map((s) => [s.themeId, s.shockBp])));
  return { exposure: compared, scenario: { ...result, shocks: extras.shocks } };
}
