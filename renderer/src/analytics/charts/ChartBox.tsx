import { Children, cloneElement, useEffect, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';

/** The width each kind of chart was last drawn at: a view opened again draws at it straight away. */
const lastWidth = new Map<string, number>();
/** Set while views are drawn unseen (analytics/warm-up.tsx): their boxes' widths are not the window's. */
let unseen = false;

/** Runs `draw` (drawing charts off screen) without it changing the widths charts are drawn at. */
export function drawingUnseen(draw: () => void): void {
  unseen = true;
  try {
    draw();
  } finally {
    unseen = false;
  }
}

/**
 * Gives a recharts chart the width of its box and a fixed height, in place of recharts'
 * ResponsiveContainer. That one reads the box with getBoundingClientRect() when it mounts and
 * then draws the chart a second time at the size it read. Here a chart kind drawn before starts
 * at the width it was last drawn at, so switching back to a view draws each chart once; the
 * first time, the box is read once before the browser paints (a layout effect, with the whole
 * view already in the page, so a scroll bar it brings is counted) and the chart drawn once at
 * that width. A ResizeObserver follows the box afterwards (a resized window).
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
  // null: not known yet; the box is read before the first paint.
  const [width, setWidth] = useState<number | null>(() => (unseen ? null : (lastWidth.get(kind) ?? null)));
  const [engaged, setEngaged] = useState(false);
  useLayoutEffect(() => {
    if (width !== null) return;
    const w = Math.round(ref.current?.getBoundingClientRect().width ?? 0);
    if (w > 0 && !unseen) lastWidth.set(kind, w);
    setWidth(w > 0 ? w : initialWidth);
  }, [width, kind, initialWidth]);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w <= 0 || unseen) return;
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
      {width !== null && cloneElement(children, { width, height }, chartChildren)}
    </div>
  );
}
