import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, formatMoneyShort, formatShare } from '../../format';
import { ChartTooltipBox } from './ChartFrame';
import type { Series } from './colors';
import { ChartBox } from './ChartBox';
import { categoryTicks, EVERY_TICK, niceTicks } from './axis-ticks';
import { WrappedTick } from './WrappedTick';

export type AccountDatum = { account: string; total: number } & Record<string, number | string>;

/** One bar per account, stacked by theme plus Untagged (shorts stack below zero). */
export function AccountBars({ data, series, currency }: { data: readonly AccountDatum[]; series: readonly Series[]; currency: string }) {
  const { t } = useTranslation();
  // The stacks' extent: longs above zero, shorts below (stackOffset "sign").
  let lowest = 0;
  let highest = 0;
  for (const d of data) {
    let below = 0;
    let above = 0;
    for (const s of series) {
      const v = typeof d[s.id] === 'number' ? (d[s.id] as number) : 0;
      if (v < 0) below += v;
      else above += v;
    }
    lowest = Math.min(lowest, below);
    highest = Math.max(highest, above);
  }
  const ticks = niceTicks(lowest, highest, 1);
  const tooltip = (
    <Tooltip
      cursor={{ fillOpacity: 0.08 }}
      content={({ active, payload, label }) => {
        const d = active ? (payload?.[0]?.payload as AccountDatum | undefined) : undefined;
        if (!d) return null;
        const total = d.total;
        return (
          <ChartTooltipBox
            title={t('Account {{account}}: {{value}}', { account: String(label), value: formatMoney(total, currency) })}
            rows={series
              .filter((s) => typeof d[s.id] === 'number' && d[s.id] !== 0)
              .map((s) => ({ name: s.name, color: s.color, value: formatMoney(d[s.id] as number, currency), detail: total === 0 ? undefined : formatShare((d[s.id] as number) / total) }))}
          />
        );
      }}
    />
  );
  return (
    <ChartBox kind="accounts" height={320} tooltip={tooltip}>
      <BarChart data={data as AccountDatum[]} stackOffset="sign" margin={{ top: 12, right: 16, bottom: 8, left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} className="grid" />
        {/* Account numbers (about 60 pixels each at 11 px) side by side in a half-width chart; a
            Japanese account's long name goes on two lines. */}
        <XAxis dataKey="account" interval={categoryTicks(data.length, 8)} tick={<WrappedTick />} height={48} label={{ value: t('Account'), position: 'insideBottom', offset: 0, style: { fontSize: 11 } }} />
        <YAxis
          interval={EVERY_TICK}
          domain={[ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0]}
          ticks={ticks}
          tickFormatter={(v: number) => formatMoneyShort(v, currency)}
          tick={{ fontSize: 11 }}
          width={64}
          label={{ value: t('Value ({{currency}})', { currency }), angle: -90, position: 'insideLeft', offset: -12, style: { fontSize: 11 } }}
        />
        {series.map((s) => (
          <Bar key={s.id} dataKey={s.id} name={s.name} stackId="a" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartBox>
  );
}
