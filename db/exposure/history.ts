import type { Portfolio } from '../../shared/domain/types';
import type { HistoryPoint, PortfoliosOverview, ThemeHistory } from '../../shared/exposure/analytics';
import type { Db } from '../connection';
import { listPortfolios } from '../repos/portfolios';
import { listSnapshots } from '../repos/snapshots';
import { topThemes } from './breakdowns';
import { snapshotSummary } from './summary';
import { cached } from './cache';
import { summaryFromGroups } from './group-summary';
import { tagCutoff, tagsAsOf, type TagTable } from './tag-tables';

const money = (cents: number): number => cents / 100;

/** Total, untagged and per top-level theme cents of one snapshot, read with the given tag table (from its position groups). */
export function snapshotThemeSums(db: Db, baseCurrency: string, snapshotId: number, tagTable: TagTable): { total: number; tagged: number; byRoot: Map<string, number> } {
  const sums = summaryFromGroups(db, baseCurrency, snapshotId, tagTable);
  return { total: sums.totalCents, tagged: sums.taggedCents, byRoot: new Map([...sums.roots].map(([id, r]) => [id, r.net])) };
}

/**
 * Each top-level theme's value and share at every snapshot of a portfolio, oldest first. A
 * snapshot is read with the tags as they stood until the next snapshot was imported (the latest
 * with today's), so a retag shows up as a change between snapshots rather than rewriting the past.
 */
export function themeHistory(db: Db, portfolio: Portfolio): ThemeHistory {
  return cached(db, historyKey(portfolio), () => historyOf(db, portfolio));
}

/** The name a portfolio's history is kept under (figures-ahead.ts waits for it by it). */
export function historyKey(portfolio: Portfolio): string {
  return `history:${portfolio.id}:${portfolio.baseCurrency}`;
}

/** A snapshot's sums with the tags as they stood at `cutoff` (null: today's, the summary's). */
function sumsAsOf(db: Db, baseCurrency: string, snapshotId: number, cutoff: string | null): { total: number; tagged: number; byRoot: Map<string, number> } {
  if (cutoff === null) return summarySums(db, baseCurrency, snapshotId);
  return cached(db, `asof:${baseCurrency}:${snapshotId}:${cutoff}`, () => {
    tagsAsOf(db, 'temp.tags_from', cutoff);
    return snapshotThemeSums(db, baseCurrency, snapshotId, 'temp.tags_from');
  });
}

function summarySums(db: Db, baseCurrency: string, snapshotId: number): { total: number; tagged: number; byRoot: Map<string, number> } {
  const s = snapshotSummary(db, baseCurrency, snapshotId);
  return { total: s.totalCents, tagged: s.taggedCents, byRoot: new Map([...s.roots].map(([id, r]) => [id, r.net])) };
}

function historyOf(db: Db, portfolio: Portfolio): ThemeHistory {
  const themes = topThemes(db);
  const snaps = listSnapshots(db, portfolio.id).reverse();
  const points: HistoryPoint[] = snaps.map((s) => {
    const sums = sumsAsOf(db, portfolio.baseCurrency, s.id, tagCutoff(db, s));
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
      const sums = summarySums(db, p.baseCurrency, p.latestSnapshotId);
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
