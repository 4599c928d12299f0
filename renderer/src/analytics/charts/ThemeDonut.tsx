import { Cell, Pie, PieChart, Tooltip } from 'recharts';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMoneyShort, formatShare } from '../../format';
import { ChartTooltipBox } from './ChartFrame';
import { ChartBox } from './ChartBox';

export interface Slice {
  id: string;
  name: string;
  color: string;
  value: number;
  share: number;
}

/**
 * Characters of the total that fit the donut's hole at its smallest (a 280 px chart: the hole is
 * about 150 px across, 14 px bold figures about 8.5 px each).
 */
const CENTER_CHARACTERS = 14;

/** The total as the donut's hole shows it: whole where it fits, else compact ("$23.1B"), the whole amount kept for its tooltip. */
export function donutCenter(total: number, currency: string): { shown: string; full: string } {
  const full = formatMoney(total, currency);
  return { shown: full.length <= CENTER_CHARACTERS ? full : formatMoneyShort(total, currency), full };
}

/** Slices narrower than this go without a label (their share is in the tooltip and the table). */
const LABELLED_SHARE = 0.03;

/** Each slice's share beside it, so the donut reads without hovering. */
function shareLabel(props: { cx?: number | string; cy?: number | string; midAngle?: number; outerRadius?: number | string; payload?: unknown }) {
  const s = props.payload as Slice | undefined;
  if (!s || s.share < LABELLED_SHARE) return null;
  const cx = Number(props.cx);
  const cy = Number(props.cy);
  const r = Number(props.outerRadius) + 10;
  const angle = (-(props.midAngle ?? 0) * Math.PI) / 180;
  const x = cx + r * Math.cos(angle);
  const y = cy + r * Math.sin(angle);
  return (
    <text x={x} y={y} textAnchor={x >= cx ? 'start' : 'end'} dominantBaseline="central" fontSize={11} className="donut-share" data-testid={`donut-share-${s.id}`}>
      {formatShare(s.share)}
    </text>
  );
}

/** A donut of the portfolio's shares by theme plus Untagged (slices with a positive value only). */
export function ThemeDonut({ slices, currency, total }: { slices: readonly Slice[]; currency: string; total: number }) {
  const { t } = useTranslation();
  const drawn = slices.filter((s) => s.value > 0);
  const center = donutCenter(total, currency);
  const tooltip = (
    <Tooltip
      content={({ active, payload }) => {
        const s = active ? (payload?.[0]?.payload as Slice | undefined) : undefined;
        return s ? <ChartTooltipBox title={s.name} rows={[{ name: t('Value'), color: s.color, value: formatMoney(s.value, currency), detail: t('{{share}} of the portfolio', { share: formatShare(s.share) }) }]} /> : null;
      }}
    />
  );
  return (
    <ChartBox kind="donut" height={280} initialWidth={420} tooltip={tooltip}>
      <PieChart>
        <Pie data={drawn} dataKey="value" nameKey="name" innerRadius="52%" outerRadius="78%" paddingAngle={1} isAnimationActive={false} stroke="none" label={shareLabel} labelLine={false}>
          {drawn.map((s) => (
            <Cell key={s.id} fill={s.color} data-testid={`donut-slice-${s.id}`} />
          ))}
        </Pie>
        <text x="50%" y="48%" textAnchor="middle" className="donut-center-label" fontSize={11}>
          {t('Total')}
        </text>
        <text x="50%" y="56%" textAnchor="middle" className="donut-center-value" fontSize={14} fontWeight={600} data-testid="donut-total">
          {center.shown !== center.full && <title>{center.full}</title>}
          {center.shown}
        </text>
      </PieChart>
    </ChartBox>
  );
}
