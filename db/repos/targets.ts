import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { portfolioNameKey } from '../../shared/domain/portfolio-name';
import type { ClientTarget, ThemeTarget } from '../../shared/domain/types';
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
    themeMustExist(db, t.themeId);
    db.prepare(
      `INSERT INTO theme_targets (portfolio_id, theme_id, share_bp, band_bp) VALUES (?, ?, ?, ?)
       ON CONFLICT (portfolio_id, theme_id) DO UPDATE SET share_bp = excluded.share_bp, band_bp = excluded.band_bp`,
    ).run(t.portfolioId, t.themeId, t.shareBp, t.bandBp);
    // Top-level themes only: a sub-theme's share is part of its parent's.
    const sum = db
      .prepare('SELECT coalesce(sum(t.share_bp), 0) FROM theme_targets t JOIN themes th ON th.id = t.theme_id WHERE t.portfolio_id = ? AND th.parent_id IS NULL')
      .pluck()
      .get(t.portfolioId) as number;
    refuseOver100(sum, null);
    return listTargets(db, t.portfolioId);
  })();
}

export function removeTarget(db: Db, portfolioId: number, themeId: string): ThemeTarget[] {
  db.prepare('DELETE FROM theme_targets WHERE portfolio_id = ? AND theme_id = ?').run(portfolioId, themeId);
  return listTargets(db, portfolioId);
}

function themeMustExist(db: Db, themeId: string): void {
  if (!db.prepare('SELECT 1 FROM themes WHERE id = ?').get(themeId)) throw new AppError('NOT_FOUND', `There is no theme with id ${themeId}. Run "themelens themes" to list them.`);
}

/** Thrown inside the setting transaction, so the new target is rolled back with it. */
function refuseOver100(sumBp: number, client: string | null): void {
  if (sumBp <= 10_000) return;
  const total = (sumBp / 100).toFixed(2);
  throw client === null ? saidError('VALIDATION', ERROR_TEXT.targetsOverPortfolio, { total }) : saidError('VALIDATION', ERROR_TEXT.targetsOverClient, { client, total });
}

/** A client's targets (migration 11), in theme order; `client` is shown as the caller wrote it. */
export function listClientTargets(db: Db, client: string): ClientTarget[] {
  return (
    db
      .prepare('SELECT t.theme_id AS themeId, t.share_bp AS shareBp, t.band_bp AS bandBp FROM client_targets t JOIN themes th ON th.id = t.theme_id WHERE t.client_key = ? ORDER BY th.sort_order, th.id')
      .all(portfolioNameKey(client)) as Omit<ClientTarget, 'client'>[]
  ).map((t) => ({ client, ...t }));
}

/** Sets (or replaces) one theme's target for a client; a client's targets may not add up past 100% either. */
export function setClientTarget(db: Db, t: ClientTarget): ClientTarget[] {
  return db.transaction(() => {
    themeMustExist(db, t.themeId);
    const key = portfolioNameKey(t.client);
    db.prepare(
      `INSERT INTO client_targets (client_key, theme_id, share_bp, band_bp) VALUES (?, ?, ?, ?)
       ON CONFLICT (client_key, theme_id) DO UPDATE SET share_bp = excluded.share_bp, band_bp = excluded.band_bp`,
    ).run(key, t.themeId, t.shareBp, t.bandBp);
    const sum = db
      .prepare('SELECT coalesce(sum(t.share_bp), 0) FROM client_targets t JOIN themes th ON th.id = t.theme_id WHERE t.client_key = ? AND th.parent_id IS NULL')
      .pluck()
      .get(key) as number;
    refuseOver100(sum, t.client);
    return listClientTargets(db, t.client);
  })();
}

export function removeClientTarget(db: Db, client: string, themeId: string): ClientTarget[] {
  db.prepare('DELETE FROM client_targets WHERE client_key = ? AND theme_id = ?').run(portfolioNameKey(client), themeId);
  return listClientTargets(db, client);
}
