import { Tooltip, Treemap } from 'recharts';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMoneyShort, formatShare } from '../../format';
import { ChartTooltipBox } from './ChartFrame';
import { ChartBox } from './ChartBox';

export interface TreeLeaf {
  [key: string]: unknown;
  name: string;
  /** Theme name, for the tooltip. */
  theme: string;
  color: string;
  value: number;
  share: number;
  detail: string;
}

export interface TreeNode {
  [key: string]: unknown;
  name: string;
  color: string;
  children: TreeLeaf[];
}

interface CellProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  depth?: number;
  name?: string;
  color?: string;
  value?: number;
  index?: number;
}

/** A leaf is drawn in its theme's color; the label shows only where it fits. */
function TreeCell({ x = 0, y = 0, width = 0, height = 0, depth = 0, name = '', color = '#999', value = 0, currency }: CellProps & { currency: string }) {
  if (depth === 1) {
    return <rect x={x} y={y} width={width} height={height} fill="none" className="treemap-theme" strokeWidth={2} />;
  }
  const fits = width > 56 && height > 30;
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill={color} className="treemap-leaf" />
      {fits && (
        <text x={x + 6} y={y + 16} fontSize={11} className="treemap-label">
          {name.length > width / 7 ? `${name.slice(0, Math.max(1, Math.floor(width / 7) - 1))}…` : name}
        </text>
      )}
      {fits && height > 44 && (
        <text x={x + 6} y={y + 30} fontSize={10} className="treemap-label treemap-value">
          {formatMoneyShort(value, currency)}
        </text>
      )}
    </g>
  );
}

/** Themes as areas, each split into its largest positions (and "Other"), sized by contribution. */
export function ThemeTreemap({ data, currency }: { data: readonly TreeNode[]; currency: string }) {
  const { t } = useTranslation();
  const tooltip = (
    <Tooltip
      content={({ active, payload }) => {
        const d = active ? (payload?.[0]?.payload as TreeLeaf | undefined) : undefined;
        return d && d.theme ? (
          <ChartTooltipBox title={t('{{name}} in {{theme}}', { name: d.name, theme: d.theme })} rows={[{ name: t('Contribution'), color: d.color, value: formatMoney(d.value, currency), detail: t('{{share}} of the portfolio', { share: formatShare(d.share) }) }]} />
        ) : null;
      }}
    />
  );
  return (
    <ChartBox kind="treemap" height={340} tooltip={tooltip}>
      <Treemap data={data as TreeNode[]} dataKey="value" nameKey="name" isAnimationActive={false} aspectRatio={4 / 3} content={<TreeCell currency={currency} />} />
    </ChartBox>
  );
}
