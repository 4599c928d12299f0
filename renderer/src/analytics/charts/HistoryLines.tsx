import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatMoney, formatShare } from '../../format';
import { ChartTooltipBox } from './ChartFrame';
import type { Series } from './colors';
import { ChartBox } from './ChartBox';
import { categoryTicks, EVERY_TICK } from './axis-ticks';

export type HistoryDatum = { asOf: string; total: number } & Record<string, number | string>;

/** Each theme's share of the portfolio (and Untagged) at every snapshot, oldest on the left. */
export function HistoryLines({ data, series, currency }: { data: readonly HistoryDatum[]; series: readonly Series[]; currency: string }) {
  const { t } = useTranslation();
  const tooltip = (
    <Tooltip
      content={({ active, payload, label }) => {
        const d = active ? (payload?.[0]?.payload as HistoryDatum | undefined) : undefined;
        if (!d) return null;
        return (
          <ChartTooltipBox
            title={`${formatDate(String(label))}: ${formatMoney(d.total, currency)}`}
            rows={series.map((s) => ({ name: s.name, color: s.color, value: formatShare(d[s.id] as number), detail: formatMoney(d[`${s.id}:value`] as number, currency) }))}
          />
        );
      }}
    />
  );
  return (
    <ChartBox kind="history" height={320} tooltip={tooltip}>
      {/* Room on the right for half of the last date, centred on the last snapshot (every date is shown, none shifted). */}
      <LineChart data={data as HistoryDatum[]} margin={{ top: 12, right: 48, bottom: 8, left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" className="grid" />
        {/* Dates (about 80 pixels each) along a chart as wide as the view. */}
        <XAxis dataKey="asOf" interval={categoryTicks(data.length, 10)} tickFormatter={(d: string) => formatDate(d)} tick={{ fontSize: 11 }} height={40} label={{ value: t('Snapshot date'), position: 'insideBottom', offset: 0, style: { fontSize: 11 } }} />
        <YAxis
          interval={EVERY_TICK}
          tickFormatter={(v: number) => formatShare(v)}
          tick={{ fontSize: 11 }}
          width={60}
          label={{ value: t('Share of portfolio'), angle: -90, position: 'insideLeft', offset: -10, style: { fontSize: 11 } }}
        />
        {series.map((s) => (
          <Line key={s.id} dataKey={s.id} name={s.name} stroke={s.color} strokeWidth={2} dot={{ r: 3, fill: s.color }} isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartBox>
  );
}
