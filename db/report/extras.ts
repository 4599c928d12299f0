import { applyShocks } from '../../shared/exposure/scenario';
import type { ReportScenario } from '../../shared/report/document';
import type { ExposureReport } from '../../shared/report/model';
import type { Db } from '../connection';
import { benchmarkOf, benchmarkRecord, withBenchmark, type Benchmark } from '../exposure/benchmark';

export interface Shock {
  themeId: string;
  shockBp: number;
}

/** What a report may add to the exposure: a benchmark to compare with and theme shocks to apply. */
export interface ReportExtras {
  /** With its theme weights as they were when the report was made (recorded, so regenerate shows the same). */
  benchmark: Benchmark | null;
  shocks: Shock[];
}

export const NO_EXTRAS: ReportExtras = { benchmark: null, shocks: [] };

/** The extras a call asked for, the benchmark looked up (refused when it is not a look-through fund). */
export function resolveExtras(db: Db, input: { benchmark?: string | undefined; shocks?: readonly Shock[] | undefined }): ReportExtras {
  return { benchmark: input.benchmark ? benchmarkOf(db, input.benchmark) : null, shocks: [...(input.shocks ?? [])] };
}

/** The exposure with the benchmark's shares beside each theme, and the scenario of the shocks (null without). */
export function applyExtras<R extends ExposureReport>(exposure: R, extras: ReportExtras): { exposure: R; scenario: ReportScenario | null } {
  const b = extras.benchmark;
  const compared = b ? { ...exposure, themes: withBenchmark(exposure.themes, b), benchmark: benchmarkRecord(b) } : exposure;
  if (extras.shocks.length === 0) return { exposure: compared, scenario: null };
  const result = applyShocks(compared, new Map(extras.shocks.map((s) => [s.themeId, s.shockBp])));
  return { exposure: compared, scenario: { ...result, shocks: extras.shocks } };
}
