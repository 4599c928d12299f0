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
