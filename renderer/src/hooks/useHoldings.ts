import { useEffect, useMemo, useState } from 'react';
import type { Tag } from '../../../shared/domain/types';
import type { ExposureReport } from '../../../shared/report/model';
import { api, asFailure } from '../api';
import { buildHoldings, type Holding } from '../components/holdings-view';
import { useCall } from '../views/useCall';

/**
 * The snapshot's positions with their current tags. Positions are loaded once per snapshot (and
 * again when base currency or rates change their values); tags reload with every new report, that
 * is after every edit, and are small next to the positions.
 */
export function useHoldings(report: ExposureReport): { holdings: Holding[] | null; total: number; error: string | null } {
  const valuesKey = `${report.snapshotId}|${report.baseCurrency}|${report.fxRates.map((r) => `${r.currency}=${r.rate}`).join(',')}|${report.warnings.filter((w) => w.code === 'MISSING_FX').length}`;
  const list = useCall(() => api().listHoldings({ snapshotId: report.snapshotId }), valuesKey);
  const [tags, setTags] = useState<Tag[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api()
      .listTags({})
      .then(
        (t) => current && setTags(t),
        (err) => current && setError(asFailure(err).message),
      );
    return () => {
      current = false;
    };
  }, [report]);

  const rows = list.data?.snapshotId === report.snapshotId ? list.data.rows : null;
  const holdings = useMemo(() => (rows && tags ? buildHoldings(rows, tags) : null), [rows, tags]);
  return { holdings, total: list.data?.total ?? report.positionCount, error: list.error ?? error };
}
