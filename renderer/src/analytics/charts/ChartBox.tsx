import { Children, cloneElement, useEffect, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';

/**
 * The width each kind of chart was last drawn at, and the window's width then: a view opened again
 * in a window as wide draws at it straight away. In a window resized since (reading its width forces
 * no layout), the box is measured again, so no chart paints once at a width that is no longer its.
 */
const lastWidth = new Map<string, { width: number; windowWidth: number }>();
const keepWidth = (kind: string, width: number) => lastWidth.set(kind, { width, windowWidth: window.innerWidth });
function knownWidth(kind: string): number | null {
  const saved = lastWidth.get(kind);
  return saved && saved.windowWidth === window.innerWidth ? saved.width : null;
}
/** Set while views are drawn unseen (analytics/warm-up.tsx). */
let unseen = false;
/** Set when the unseen drawing is as wide as the window's views are: its boxes' widths are kept. */
let widthsAsShown = false;

/**
 * Runs `draw` (drawing charts off screen). The widths its boxes are drawn at are kept for the
 * window's first drawing of each chart kind only when `asShown` says the off-screen element is as
 * wide as the views on screen: then that first drawing reads no box (a forced layout of the whole
 * view before its first paint: 25-30 ms of the first switch to Themes at 100,000 positions).
 */
export function drawingUnseen(draw: () => void, asShown = false): void {
  unseen = true;
  widthsAsShown = asShown;
  try {
    draw();
  } finally {
    unseen = false;
    widthsAsShown = false;
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
  const [width, setWidth] = useState<number | null>(() => (unseen ? null : knownWidth(kind)));
  const [engaged, setEngaged] = useState(false);
  const drawnWidth = useRef<number | null>(null);
  useLayoutEffect(() => {
    drawnWidth.current = width;
  }, [width]);
  useLayoutEffect(() => {
    if (width !== null) return;
    const w = Math.round(ref.current?.getBoundingClientRect().width ?? 0);
    if (w > 0 && (!unseen || widthsAsShown)) keepWidth(kind, w);
    setWidth(w > 0 ? w : initialWidth);
  }, [width, kind, initialWidth]);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w <= 0 || unseen) return;
      keepWidth(kind, w);
      // Drawn at a width that was not the box's (a resized window, or a warm-up's width that was
      // wrong): said, so the e2e perf walk can tell that a first drawing was not the last.
      const from = drawnWidth.current;
      if (from !== null && from !== w) performance.mark('themelens:chart-redrawn', { detail: { kind, from, to: w } });
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
