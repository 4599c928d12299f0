import type { ThemeBreakdown } from '../../../shared/exposure/analytics';
import type { TreeNode } from './charts/ThemeTreemap';
import { formatWeight } from '../format';

/**
 * Treemap nodes: each theme's top positions, plus "Other" (`other`, in the interface's language,
 * with how many positions it holds) for the rest of its value. A leaf is a contribution (a position
 * tagged with a theme and one of its sub-themes is two leaves); Other's count is of positions, each
 * once, as the theme's count is: the theme's positions less those drawn.
 */
export function treeOf(b: ThemeBreakdown, other: (positions: number) => string): TreeNode[] {
  const share = (v: number) => (b.totalValue === 0 ? 0 : v / b.totalValue);
  return b.themes
    .filter((t) => t.value > 0)
    .map((t) => {
      const drawn = t.top.filter((c) => c.value > 0);
      const leaves = drawn.map((c) => ({ name: c.symbol, theme: t.name, color: t.color, value: c.value, share: share(c.value), detail: `${c.account} · ${formatWeight(c.weight)}` }));
      const rest = Math.round((t.value - leaves.reduce((s, l) => s + l.value, 0)) * 100) / 100;
      const positions = new Set(drawn.map((c) => c.positionId)).size;
      if (rest > 0) leaves.push({ name: other(t.positionCount - positions), theme: t.name, color: t.color, value: rest, share: share(rest), detail: '' });
      return { name: t.name, color: t.color, children: leaves };
    });
}
