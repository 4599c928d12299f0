import { useEffect, useMemo, useState } from 'react';
import type { Tag } from '../../../shared/domain/types';
import type { HoldingsList } from '../../../shared/exposure/holdings';
import type { SnapshotExposure } from '../../../shared/report/model';
import { api, asFailure } from '../api';
import { buildHoldings, type Holding } from '../components/holdings-view';
import { useCall } from '../views/useCall';

/**
 * What the holdings screen last showed: going back to it from another view shows the same
 * positions at once (100,000 of them took 1.2 s to load and build again) instead of asking again.
 * The positions hold while their values cannot have changed (same snapshot, base currency and
 * rates) and no portfolio or snapshot came or went (App forgets them then: a deleted snapshot's
 * id can be given to the next import); the tags, and the rows built from both, while the exposure
 * report is the same one (a tag edit brings a new report).
 */
let kept: { valuesKey: string; list: HoldingsList; report: SnapshotExposure; tags: Tag[]; holdings: Holding[] } | null = null;

/** Drops what the holdings screen last showed (portfolios or snapshots changed; tests start clean). */
export function forgetHoldings(): void {
  kept = null;
}

/**
 * The snapshot's positions with their current tags. Positions are loaded once per snapshot (and
 * again when base currency or rates change their values); tags reload with every new report, that
 * is after every edit, and are small next to the positions.
 */
export function useHoldings(report: SnapshotExposure): { holdings: Holding[] | null; total: number; error: string | null } {
  const valuesKey = `${report.snapshotId}|${report.baseCurrency}|${report.fxRates.map((r) => `${r.currency}=${r.rate}`).join(',')}|${report.warnings.filter((w) => w.code === 'MISSING_FX').length}`;
  const list = useCall(() => api().listHoldings({ snapshotId: report.snapshotId }), valuesKey, kept?.valuesKey === valuesKey ? kept.list : null);
  const [tags, setTags] = useState<{ report: SnapshotExposure; tags: Tag[] } | null>(() => (kept?.report === report ? { report, tags: kept.tags } : null));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (tags?.report === report) return;
    let current = true;
    api()
      .listTags({})
      .then(
        (t) => current && setTags({ report, tags: t }),
        (err) => current && setError(asFailure(err).message),
      );
    return () => {
      current = false;
    };
    // Asked again for every new report; the tags on hand say whether they are this report's.
  }, [report]);

  const rows = list.data?.snapshotId === report.snapshotId ? list.data.rows : null;
  const tagList = tags?.tags ?? null;
  const holdings = useMemo(() => {
    if (!rows || !tagList) return null;
    if (kept && kept.list.rows === rows && kept.tags === tagList) return kept.holdings;
    return buildHoldings(rows, tagList);
  }, [rows, tagList]);
  if (holdings && list.data && tags) kept = { valuesKey, list: list.data, report: tags.report, tags: tags.tags, holdings };
  return { holdings, total: list.data?.total ?? report.positionCount, error: list.error ?? error };
}
