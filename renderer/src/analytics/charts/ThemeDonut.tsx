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
        <Pie data={drawn} dataKey="value" nameKey="name" innerRadius="55%" outerRadius="85%" paddingAngle={1} isAnimationActive={false} stroke="none">
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
