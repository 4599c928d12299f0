/**
 * Which tick labels an axis shows. By default recharts measures every label in the page, a forced
 * layout each, to drop those that would overlap: about 9 ms of a view switch on the accounts
 * chart alone. Axes whose labels cannot overlap show every tick, measuring nothing:
 *  - value axes: recharts picks about five round values, far apart on a 300-pixel axis;
 *  - category axes with few enough categories for their labels to fit side by side.
 */
export const EVERY_TICK = 0;

/** A category axis along the chart's width: every label while `count` of them fit, else recharts drops the overlapping ones. */
export function categoryTicks(count: number, fit: number): number | 'preserveEnd' {
  return count <= fit ? EVERY_TICK : 'preserveEnd';
}

/**
 * Round ticks for a value axis (steps of 1, 2, 2.5 or 5 times a power of ten, at most six steps)
 * spanning min..max times `headroom` (room above the tallest bar for its label). Recharts' own pick
 * can be 0, 9.5K, 19K, 28.5K: correct, but not what a reader checks a bar against.
 */
export function niceTicks(min: number, max: number, headroom = 1.1): number[] {
  const lowest = min * headroom;
  const highest = max * headroom;
  const span = Math.max(Math.abs(lowest), Math.abs(highest));
  if (span === 0) return [0];
  const pow = 10 ** Math.floor(Math.log10(span / 5));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((st) => Math.ceil(highest / st) - Math.floor(lowest / st) <= 6) ?? 10 * pow;
  const lo = Math.floor(lowest / step) * step;
  const hi = Math.ceil(highest / step) * step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Math.round(t * 100) / 100);
  return ticks;
}
