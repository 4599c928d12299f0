import { wrapLabel } from './wrap-label';

/** About how wide a narrow character of an 11-pixel tick label is (DejaVu Sans and friends). */
const CHAR_PX = 6.4;

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  /** The axis' width: recharts passes it to a custom tick. */
  width?: number | string;
  visibleTicksCount?: number;
  fill?: string;
  fontSize?: number;
}

/**
 * A category tick whose label is broken into two lines under its bar (wrap-label.ts) instead of
 * running into its neighbours, with the whole name in a tooltip (<title>) when it had to be shortened.
 */
export function WrappedTick({ x = 0, y = 0, payload, width = 0, visibleTicksCount = 1, fill = '#666', fontSize = 11 }: TickProps) {
  const name = String(payload?.value ?? '');
  const band = Number(width) / Math.max(1, visibleTicksCount);
  const lines = wrapLabel(name, (band - 6) / CHAR_PX);
  return (
    <g className="category-tick" transform={`translate(${x},${y})`}>
      <text textAnchor="middle" fontSize={fontSize} fill={fill} className="recharts-cartesian-axis-tick-value">
        {lines.join('') !== name.replace(/\s+/g, '') && <title>{name}</title>}
        {lines.map((line, i) => (
          <tspan key={i} x={0} dy={i === 0 ? '0.71em' : '1.2em'}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
