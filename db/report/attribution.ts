import type { Portfolio, Snapshot } from '../../shared/domain/types';
import type { ReportAttribution } from '../../shared/report/document';
import type { Db } from '../connection';
import { compareSnapshots } from '../exposure/compare';
import { tagCutoff } from '../exposure/tag-tables';
import { getSnapshot } from '../repos/snapshots';
import type { ReportInputs } from './inputs';

/** The largest position changes a report lists beside the per-theme attribution. */
const POSITIONS = 15;

/**
 * How each theme's exposure moved since the snapshot the report compares with, split into
 * quantity, price (FX included) and tag effects (db/exposure/compare.ts). This side reads today's
 * tags, the ones the report shows; the earlier side reads the tags of the report it is compared
 * with (as they stood when it was made), else those of its snapshot's time. Computed once and
 * recorded with the report, so a regenerated report shows the same figures.
 */
export function attributionOf(db: Db, portfolio: Portfolio, snapshot: Snapshot, inputs: Pick<ReportInputs, 'previousSnapshot' | 'previousReport'>): ReportAttribution | null {
  if (!inputs.previousSnapshot) return null;
  const from = getSnapshot(db, inputs.previousSnapshot.id);
  const fromTags = inputs.previousReport ? inputs.previousReport.generatedAt : tagCutoff(db, from);
  const c = compareSnapshots(db, portfolio, from, snapshot, POSITIONS, { from: fromTags, to: null });
  return { from: c.from, to: c.to, themes: c.themes, untagged: c.untagged, counts: c.counts, positions: c.positions, missingCurrencies: c.missingCurrencies };
}
