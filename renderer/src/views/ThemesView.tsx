import type { ThemeBreakdown } from '../../../shared/exposure/analytics';
import { ChartFrame } from '../charts/ChartFrame';
import { seriesOf, UNTAGGED_COLOR } from '../charts/colors';
import { ThemeDonut } from '../charts/ThemeDonut';
import { ThemeTreemap, type TreeNode } from '../charts/ThemeTreemap';
import { formatMoney, formatShare, formatWeight } from '../format';
import type { ViewProps } from './AnalyticsViews';
import { BenchmarkPanel } from './BenchmarkPanel';
import { ProjectFacts } from './ProjectFacts';

/** Treemap nodes: each theme's top positions, plus "Other" for the rest of its value. */
function treeOf(b: ThemeBreakdown): TreeNode[] {
  const share = (v: number) => (b.totalValue === 0 ? 0 : v / b.totalValue);
  return b.themes
    .filter((t) => t.value > 0)
    .map((t) => {
      const leaves = t.top
        .filter((c) => c.value > 0)
        .map((c) => ({ name: c.symbol, theme: t.name, color: t.color, value: c.value, share: share(c.value), detail: `${c.account} · ${formatWeight(c.weight)}` }));
      const rest = Math.round((t.value - leaves.reduce((s, l) => s + l.value, 0)) * 100) / 100;
      if (rest > 0) leaves.push({ name: 'Other', theme: t.name, color: t.color, value: rest, share: share(rest), detail: '' });
      return { name: t.name, color: t.color, children: leaves };
    });
}

/** Exposure by theme: donut of shares, treemap theme -> position, and each theme's top contributors. */
export function ThemesView({ breakdown: b, portfolioName, onMessage, version }: ViewProps & { breakdown: ThemeBreakdown; version: number }) {
  const cur = b.baseCurrency;
  const untaggedShare = b.totalValue === 0 ? 0 : b.untaggedValue / b.totalValue;
  const slices = [...b.themes.map((t) => ({ id: t.id, name: t.name, color: t.color, value: t.value, share: t.share })), { id: 'untagged', name: 'Untagged', color: UNTAGGED_COLOR, value: b.untaggedValue, share: untaggedShare }];
  const negative = slices.filter((s) => s.value < 0);
  const tree = treeOf(b);
  return (
    <div className="view-grid" data-testid="themes-view">
      <ChartFrame title={`Portfolio by theme, ${b.asOf}`} description="Donut chart of the portfolio's shares by theme" testId="donut-chart" legend={seriesOf(b.themes)} fileName={`${portfolioName} - themes donut ${b.asOf}`} onMessage={onMessage} data={{ head: ['Theme', `Value (${cur})`, 'Share'], rows: slices.map((s) => [s.name, formatMoney(s.value, cur), formatShare(s.share)]) }}>
        <ThemeDonut slices={slices} currency={cur} total={b.totalValue} />
        {negative.length > 0 && <p className="muted small">Net short, not drawn: {negative.map((s) => `${s.name} ${formatMoney(s.value, cur)}`).join(', ')}.</p>}
      </ChartFrame>
      <ChartFrame title={`Themes and their largest positions, ${b.asOf}`} description="Treemap of each theme split into its largest positions" testId="treemap-chart" legend={seriesOf(b.themes, false)} fileName={`${portfolioName} - themes treemap ${b.asOf}`} onMessage={onMessage} data={{ head: ['Theme: position', `Value (${cur})`, 'Share', 'Account and weight'], rows: tree.flatMap((t) => t.children.map((c) => [`${t.name}: ${c.name}`, formatMoney(c.value, cur), formatShare(c.share), c.detail])) }}>
        {tree.length > 0 ? <ThemeTreemap data={tree} currency={cur} /> : <p className="muted empty-chart" data-testid="treemap-empty">No position is tagged yet: tag holdings on the Holdings tab (or accept the pack's suggestions in Themes…) to see each theme split into its positions.</p>}
      </ChartFrame>
      <ProjectFacts themes={b.themes} />
      <BenchmarkPanel portfolioId={b.portfolioId} snapshotId={b.snapshotId} portfolioName={portfolioName} version={version} onMessage={onMessage} />
      <section className="panel wide" aria-label="Top contributors by theme">
        <h2>Top contributors</h2>
        {b.themes.map((t) => (
          <details key={t.id} open={t.top.length > 0} data-testid={`contributors-${t.id}`}>
            <summary>
              <span className="swatch" style={{ background: t.color }} />
              {t.name}: {formatMoney(t.value, cur)} · {formatShare(t.share)} · {t.positionCount} position{t.positionCount === 1 ? '' : 's'}
            </summary>
            {t.top.length === 0 ? (
              <p className="muted small">No position is tagged with this theme.</p>
            ) : (
              <table className="compact">
                <thead>
                  <tr>
                    <th>Symbol</th>
                    <th>Account</th>
                    <th>Description</th>
                    <th className="num">Position value</th>
                    <th className="num">Weight</th>
                    <th>Source</th>
                    <th className="num">Contribution</th>
                  </tr>
                </thead>
                <tbody>
                  {t.top.map((c) => (
                    <tr key={`${c.account}|${c.symbolKey}|${c.viaThemeId ?? ''}`}>
                      <td className="symbol">{c.symbol}</td>
                      <td>{c.account}</td>
                      <td className="description">{c.description}</td>
                      <td className="num">{formatMoney(c.positionValue, cur)}</td>
                      <td className="num">{formatWeight(c.weight)}</td>
                      <td>{c.source}{c.viaThemeId ? ` (via ${c.viaThemeId})` : ''}</td>
                      <td className="num">{formatMoney(c.value, cur)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </details>
        ))}
      </section>
    </div>
  );
}
