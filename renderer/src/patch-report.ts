import type { TagChange } from '../../shared/api/contract';
import { contributionCents } from '../../shared/exposure/contribution';
import type { ExposureReport } from '../../shared/report/model';

/**
 * The report with tag edits applied to its positions, the way the backend computes them, so the
 * table updates at once; totals come from a light server call.
 */
export function patchPositions(report: ExposureReport, changes: readonly TagChange[]): ExposureReport {
  const bySymbol = new Map<string, Map<string, TagChange>>();
  for (const c of changes) {
    const m = bySymbol.get(c.symbolKey) ?? new Map<string, TagChange>();
    m.set(c.themeId, c);
    bySymbol.set(c.symbolKey, m);
  }
  return {
    ...report,
    positions: report.positions.map((p) => {
      const edits = bySymbol.get(p.symbolKey);
      if (!edits) return p;
      const themes = p.themes.filter((t) => !edits.has(t.id));
      for (const [id, c] of edits) {
        const bp = c.weightBp;
        if (bp === null || bp === 0) continue;
        themes.push({
          id,
          weight: bp / 10000,
          value: p.value === null ? 0 : contributionCents(Math.round(p.value * 100), bp) / 100,
          ...(c.source && c.source !== 'manual' ? { source: c.source } : {}),
        });
      }
      themes.sort((a, b) => (a.id < b.id ? -1 : 1));
      return { ...p, themes };
    }),
  };
}

/** Fresh totals and themes from the server on top of the positions already shown. */
export function withTotals(current: ExposureReport, fresh: ExposureReport): ExposureReport {
  return { ...fresh, positions: current.positions };
}
