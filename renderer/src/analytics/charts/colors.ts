import { UNTAGGED_COLOR } from '../../../../shared/domain/default-themes';
import { t } from '../../i18n';

export { UNTAGGED_COLOR };

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
