import type { ThemeTarget } from '../../shared/domain/types';
import { AppError } from '../../shared/api/errors';
import type { Db } from '../connection';

interface TargetRow {
  portfolio_id: number;
  theme_id: string;
  share_bp: number;
  band_bp: number;
}

const toTarget = (r: TargetRow): ThemeTarget => ({ portfolioId: r.portfolio_id, themeId: r.theme_id, shareBp: r.share_bp, bandBp: r.band_bp });

/** A portfolio's targets, in theme order. */
export function listTargets(db: Db, portfolioId: number): ThemeTarget[] {
  return (
    db
      .prepare('SELECT t.* FROM theme_targets t JOIN themes th ON th.id = t.theme_id WHERE t.portfolio_id = ? ORDER BY th.sort_order, th.id')
      .all(portfolioId) as TargetRow[]
  ).map(toTarget);
}

/** Sets (or replaces) one theme's target; the targets of a portfolio may not add up past 100%. */
export function setTarget(db: Db, t: ThemeTarget): ThemeTarget[] {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM themes WHERE id = ?').get(t.themeId)) throw new AppError('NOT_FOUND', `There is no theme with id ${t.themeId}. Run "themelens themes" to list them.`);
    db.prepare(
      `INSERT INTO theme_targets (portfolio_id, theme_id, share_bp, band_bp) VALUES (?, ?, ?, ?)
       ON CONFLICT (portfolio_id, theme_id) DO UPDATE SET share_bp = excluded.share_bp, band_bp = excluded.band_bp`,
    ).run(t.portfolioId, t.themeId, t.shareBp, t.bandBp);
    // Top-level themes only: a sub-theme's share is part of its parent's.
    const sum = db
      .prepare('SELECT coalesce(sum(t.share_bp), 0) FROM theme_targets t JOIN themes th ON th.id = t.theme_id WHERE t.portfolio_id = ? AND th.parent_id IS NULL')
      .pluck()
      .get(t.portfolioId) as number;
    if (sum > 10_000) throw new AppError('VALIDATION', `The targets of this portfolio would add up to ${(sum / 100).toFixed(2)}%, more than 100%. Lower another target first. Nothing was changed.`);
    return listTargets(db, t.portfolioId);
  })();
}

export function removeTarget(db: Db, portfolioId: number, themeId: string): ThemeTarget[] {
  db.prepare('DELETE FROM theme_targets WHERE portfolio_id = ? AND theme_id = ?').run(portfolioId, themeId);
  return listTargets(db, portfolioId);
}
