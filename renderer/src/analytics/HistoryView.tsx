import { useTranslation } from 'react-i18next';
import type { ThemeHistory } from '../../../shared/exposure/analytics';
import { ChartFrame } from './charts/ChartFrame';
import { seriesOf } from './charts/colors';
import { HistoryLines, type HistoryDatum } from './charts/HistoryLines';
import { formatMoney, formatShare } from '../format';
import type { ViewProps } from './AnalyticsViews';
import type { Snapshot } from '../../../shared/domain/types';
import { SnapshotsPanel } from './SnapshotsPanel';

/** Each theme's share across the portfolio's snapshots, and the snapshots themselves (one can be deleted). */
export function HistoryView({ history: h, portfolio, portfolioName, onMessage, onPortfoliosChanged, snapshots }: ViewProps & { history: ThemeHistory; snapshots: readonly Snapshot[] }) {
  const { t } = useTranslation();
  const series = seriesOf(h.themes);
  const data: HistoryDatum[] = h.points.map((p) => {
    const untaggedShare = p.totalValue === 0 ? 0 : p.untaggedValue / p.totalValue;
    return {
      asOf: p.asOf,
      total: p.totalValue,
      untagged: untaggedShare,
      'untagged:value': p.untaggedValue,
      ...Object.fromEntries(h.themes.flatMap((x) => [[x.id, p.shares[x.id] ?? 0], [`${x.id}:value`, p.values[x.id] ?? 0]])),
    };
  });
  // A theme at 0% on every date draws its line under another's (or along the axis): the legend says
  // so, where the chart cannot.
  const legend = series.map((s) => (data.length > 0 && data.every((d) => Number(d[s.id] ?? 0) === 0) ? { ...s, detail: t('0% on every date') } : s));
  return (
    <div className="view-grid" data-testid="history-view">
      <ChartFrame title={t('Theme shares over time')} description={t("Line chart of each theme's share of the portfolio at every snapshot")} testId="history-chart" wide legend={legend} fileName={t('{{name}} - theme history', { name: portfolioName })} onMessage={onMessage} data={{ head: [t('As of'), ...series.map((s) => s.name), t('Total ({{currency}})', { currency: h.baseCurrency })], rows: data.map((d) => [d.asOf, ...series.map((s) => formatShare(Number(d[s.id] ?? 0))), formatMoney(d.total, h.baseCurrency)]) }}>
        {h.points.length < 2 && <p className="muted small">{t('One snapshot so far: import another holdings file into this portfolio to see a line.')}</p>}
        <HistoryLines data={data} series={series} currency={h.baseCurrency} />
      </ChartFrame>
      <p className="muted small method">{t("Each snapshot is read with the tags as they stood until the next snapshot was imported; the latest with today's tags.")}</p>
      <SnapshotsPanel portfolio={portfolio} snapshots={snapshots} onMessage={onMessage} onPortfoliosChanged={onPortfoliosChanged} />
    </div>
  );
}
