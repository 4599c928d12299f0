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
      const leaves = drawn.map((c) => ({ name: leafName(c, drawn), theme: t.name, color: t.color, value: c.value, share: share(c.value), detail: `${c.account} · ${formatWeight(c.weight)}` }));
      const rest = Math.round((t.value - leaves.reduce((s, l) => s + l.value, 0)) * 100) / 100;
      const positions = new Set(drawn.map((c) => c.positionId)).size;
      if (rest > 0) leaves.push({ name: other(t.positionCount - positions), theme: t.name, color: t.color, value: rest, share: share(rest), detail: '' });
      return { name: t.name, color: t.color, children: leaves };
    });
}

type Contributor = ThemeBreakdown['themes'][number]['top'][number];

/**
 * A block's name: its symbol, and where the same symbol is drawn twice in the theme, what tells the
 * blocks apart, so they do not read as one holding counted twice: the account (held in two), or
 * the sub-theme it counts through (tagged with the theme and one of its sub-themes).
 */
function leafName(c: Contributor, drawn: readonly Contributor[]): string {
  const same = drawn.filter((d) => d.symbol === c.symbol);
  const symbol = named(c);
  if (same.length === 1) return symbol;
  const parts = [symbol];
  if (new Set(same.map((d) => d.account)).size > 1) parts.push(c.account);
  const via = c.viaThemeName ?? c.viaThemeId;
  if (via && same.some((d) => d.account === c.account && d !== c)) parts.push(via);
  return parts.join(' · ');
}

/** A code of digits names no company to a reader: Tokyo's 7203 and 130A, Seoul's 005930, Hong Kong's 0700. */
const NUMBER_CODE = /^(\d{3}[0-9A-Z]|\d{5,6})$/;

/** The symbol, and after a code of digits the holding's name ("7203 トヨタ自動車"), where it had none of its own. */
function named(c: Contributor): string {
  const name = c.description.trim();
  return NUMBER_CODE.test(c.symbol) && name && !name.startsWith(c.symbol) ? `${c.symbol} ${name}` : c.symbol;
}
