import { UNTAGGED_COLOR } from '../../../../shared/domain/default-themes';
import { t } from '../../i18n';
import { formatShare } from '../../format';

export { UNTAGGED_COLOR };

/**
 * A reference a figure is read against (a household's target, a benchmark): a neutral slate that
 * neither Untagged's gray nor any default or pack theme's colour (blues, purples, ambers) is.
 */
export const REFERENCE_COLOR = '#64748b';

/** A bar's value written on it: a share in percent (a chart's 41.0 -> "41.0%"); nothing for none. */
export const percentLabel = (v: unknown): string => (v === null || v === undefined ? '' : formatShare(Number(v) / 100));

/** One series of a chart: what the legend shows and the color every view uses for it. */
export interface Series {
  id: string;
  name: string;
  color: string;
  /** Said after the name in the legend (a slice's share of the donut), where the chart has no room for it. */
  detail?: string | undefined;
}

/** The themes' own colors plus Untagged in gray, in the user's theme order: the same in every chart. */
export function seriesOf(themes: readonly { id: string; name: string; color: string }[], withUntagged = true): Series[] {
  return [...themes.map((t) => ({ id: t.id, name: t.name, color: t.color })), ...(withUntagged ? [{ id: 'untagged', name: t('Untagged'), color: UNTAGGED_COLOR }] : [])];
}
