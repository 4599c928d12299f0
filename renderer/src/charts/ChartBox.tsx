import { Children, cloneElement, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';

/** The width each kind of chart was last drawn at: a view opened again draws at it straight away. */
const lastWidth = new Map<string, number>();

/**
 * Gives a recharts chart the width of its box and a fixed height, in place of recharts'
 * ResponsiveContainer. That one reads the box with getBoundingClientRect() when it mounts (a
 * forced layout in the middle of React's commit) and then draws the chart a second time at the
 * size it read. Here the width comes from a ResizeObserver, which reports after the browser's own
 * layout, and a chart drawn before starts at the width its kind was last drawn at, so switching
 * back to a view draws each chart once.
 *
 * The chart's tooltip is added once the pointer or the keyboard focus first enters the box: a
 * recharts Tooltip measures itself with getBoundingClientRect() when it mounts, a forced layout
 * every chart would pay on every view switch for a tooltip nobody has asked for yet.
 */
export function ChartBox({
  kind,
  height,
  initialWidth = 640,
  tooltip,
  children,
}: {
  kind: string;
  height: number;
  initialWidth?: number;
  tooltip?: ReactElement;
  children: ReactElement<{ width?: number; height?: number; children?: ReactNode }>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(() => lastWidth.get(kind) ?? initialWidth);
  const [engaged, setEngaged] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w <= 0) return;
      lastWidth.set(kind, w);
      setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [kind]);
  const engage = () => setEngaged(true);
  // The same keyed children either way, so adding the tooltip mounts only the tooltip.
  const chartChildren = [...Children.toArray(children.props.children), engaged && tooltip ? cloneElement(tooltip, { key: 'tooltip' }) : null];
  return (
    <div ref={ref} className="chart-box" style={{ width: '100%', height, overflow: 'hidden' }} onPointerEnter={engage} onPointerMove={engaged ? undefined : engage} onFocus={engage}>
      {cloneElement(children, { width, height }, chartChildren)}
    </div>
  );
}
