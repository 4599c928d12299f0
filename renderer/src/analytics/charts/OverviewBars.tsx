import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, formatShare } from '../../format';
import { ChartTooltipBox } from './ChartFrame';
import type { Series } from './colors';
import { ChartBox } from './ChartBox';
import { EVERY_TICK } from './axis-ticks';

export type OverviewDatum = { name: string; total: number; currency: string } & Record<string, number | string>;

/** One horizontal bar per portfolio, its theme shares and Untagged side by side (100% each). */
export function OverviewBars({ data, series }: { data: readonly OverviewDatum[]; series: readonly Series[] }) {
  const { t } = useTranslation();
  const tooltip = (
    <Tooltip
      cursor={{ fillOpacity: 0.08 }}
      content={({ active, payload }) => {
        const d = active ? (payload?.[0]?.payload as OverviewDatum | undefined) : undefined;
        if (!d) return null;
        return (
          <ChartTooltipBox
            title={`${d.name}: ${formatMoney(d.total, d.currency)}`}
            rows={series.map((s) => ({ name: s.name, color: s.color, value: formatShare(d[s.id] as number), detail: formatMoney((d[s.id] as number) * d.total, d.currency) }))}
          />
        );
      }}
    />
  );
  return (
    <ChartBox kind="overview" height={Math.max(200, 60 + data.length * 40)} tooltip={tooltip}>
      <BarChart data={data as OverviewDatum[]} layout="vertical" stackOffset="sign" margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} className="grid" />
        <XAxis type="number" interval={EVERY_TICK} tickFormatter={(v: number) => formatShare(v)} tick={{ fontSize: 11 }} height={40} label={{ value: t('Share of portfolio'), position: 'insideBottom', offset: 0, style: { fontSize: 11 } }} />
        {/* One bar, and its name, per 40 pixels of height: names never overlap. */}
        <YAxis type="category" dataKey="name" interval={EVERY_TICK} tick={{ fontSize: 11 }} width={150} label={{ value: t('Portfolio'), angle: -90, position: 'insideLeft', offset: -12, style: { fontSize: 11 } }} />
        {series.map((s) => (
          <Bar key={s.id} dataKey={s.id} name={s.name} stackId="a" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartBox>
  );
}
