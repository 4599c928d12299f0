import type { Portfolio } from '../../shared/domain/types';
import type { HistoryPoint, PortfoliosOverview, ThemeHistory } from '../../shared/exposure/analytics';
import type { Db } from '../connection';
import { listPortfolios } from '../repos/portfolios';
import { listSnapshots } from '../repos/snapshots';
import { snapshotScope, topThemes } from './breakdowns';
import { tagCutoff, tagsAsOf, type TagTable } from './tag-tables';

const money = (cents: number): number => cents / 100;

/** Total, untagged and per top-level theme cents of one snapshot, read with the given tag table. */
export function snapshotThemeSums(db: Db, baseCurrency: string, snapshotId: number, tagTable: TagTable): { total: number; tagged: number; byRoot: Map<string, number> } {
  const scope = snapshotScope(db, baseCurrency, snapshotId, tagTable);
  const t = db
    .prepare(`${scope.with} SELECT coalesce((SELECT sum(v) FROM pos), 0) AS total, coalesce((SELECT sum(c) FROM contrib), 0) AS tagged`)
    .get(scope.params) as { total: number; tagged: number };
  const rows = db.prepare(`${scope.with} SELECT root, sum(c) AS value FROM contrib GROUP BY root`).all(scope.params) as { root: string; value: number }[];
  return { total: t.total, tagged: t.tagged, byRoot: new Map(rows.map((r) => [r.root, r.value])) };
}

/**
 * Each top-level theme's value and share at every snapshot of a portfolio, oldest first. A
 * snapshot is read with the tags as they stood until the next snapshot was imported (the latest
 * with today's), so a retag shows up as a change between snapshots rather than rewriting the past.
 */
export function themeHistory(db: Db, portfolio: Portfolio): ThemeHistory {
  const themes = topThemes(db);
  const snaps = listSnapshots(db, portfolio.id).reverse();
  const points: HistoryPoint[] = snaps.map((s) => {
    tagsAsOf(db, 'temp.tags_from', tagCutoff(db, s));
    const sums = snapshotThemeSums(db, portfolio.baseCurrency, s.id, 'temp.tags_from');
    const share = (c: number) => (sums.total === 0 ? 0 : c / sums.total);
    return {
      snapshotId: s.id,
      asOf: s.asOf,
      totalValue: money(sums.total),
      untaggedValue: money(sums.total - sums.tagged),
      shares: Object.fromEntries(themes.map((t) => [t.id, share(sums.byRoot.get(t.id) ?? 0)])),
      values: Object.fromEntries(themes.map((t) => [t.id, money(sums.byRoot.get(t.id) ?? 0)])),
    };
  });
  return { portfolioId: portfolio.id, baseCurrency: portfolio.baseCurrency, themes, points };
}

/** Every portfolio's theme shares at its latest snapshot (today's tags), side by side. */
export function portfoliosOverview(db: Db): PortfoliosOverview {
  const themes = topThemes(db);
  return {
    themes,
    portfolios: listPortfolios(db).map((p) => {
      if (p.latestSnapshotId === null) {
        return { id: p.id, name: p.name, clientName: p.clientName, baseCurrency: p.baseCurrency, snapshotId: null, asOf: null, totalValue: 0, untaggedShare: 0, shares: {} };
      }
      const sums = snapshotThemeSums(db, p.baseCurrency, p.latestSnapshotId, 'tags');
      const share = (c: number) => (sums.total === 0 ? 0 : c / sums.total);
      return {
        id: p.id,
        name: p.name,
        clientName: p.clientName,
        baseCurrency: p.baseCurrency,
        snapshotId: p.latestSnapshotId,
        asOf: p.latestAsOf,
        totalValue: money(sums.total),
        untaggedShare: share(sums.total - sums.tagged),
        shares: Object.fromEntries(themes.map((t) => [t.id, share(sums.byRoot.get(t.id) ?? 0)])),
      };
    }),
  };
}
