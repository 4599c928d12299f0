import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { afterNextPaint } from './timing';
import type { ThemeBreakdown } from '../../../shared/exposure/analytics';
import { ChartFrame } from './charts/ChartFrame';
import { seriesOf, UNTAGGED_COLOR } from './charts/colors';
import { ThemeDonut } from './charts/ThemeDonut';
import { ThemeTreemap } from './charts/ThemeTreemap';
import { treeOf } from './theme-tree';
import { formatCount, formatDate, formatMoney, formatShare, formatWeight } from '../format';
import { tagSourceLabel } from '../tagging/tag-source';
import type { ViewProps } from './AnalyticsViews';
import { BenchmarkPanel } from './BenchmarkPanel';
import { ProjectFacts } from './ProjectFacts';

/** Exposure by theme: donut of shares, treemap theme -> position, and each theme's top contributors. */
export function ThemesView({ breakdown: b, portfolioName, onMessage, version, allAtOnce = false }: ViewProps & { breakdown: ThemeBreakdown; version: number; allAtOnce?: boolean }) {
  const { t } = useTranslation();
  // The top contributors' tables, below the charts, the project facts and the benchmark (out of
  // view when the view opens), are drawn in the frame after the view's first one: they were about
  // 40% of the elements its first frame styled and laid out. Only when the view opens: a new
  // snapshot or an edit redraws them in place, never blinks them out. The warm-up, drawing unseen
  // and in one go, asks for everything at once (`allAtOnce`).
  const [contributorsShown, setContributorsShown] = useState(allAtOnce);
  useEffect(() => {
    if (contributorsShown) return;
    // After the switch's measure (afterNextPaint keeps the order), as CompareView's later rows.
    return afterNextPaint(() => setContributorsShown(true));
  }, [contributorsShown]);
  const cur = b.baseCurrency;
  const untaggedShare = b.totalValue === 0 ? 0 : b.untaggedValue / b.totalValue;
  const slices = [...b.themes.map((th) => ({ id: th.id, name: th.name, color: th.color, value: th.value, share: th.share })), { id: 'untagged', name: t('Untagged'), color: UNTAGGED_COLOR, value: b.untaggedValue, share: untaggedShare }];
  const sourceLabel = (source: string) => tagSourceLabel(source, t);
  const negative = slices.filter((s) => s.value < 0);
  // In a large portfolio "Other" is nearly all of each theme: it says how many positions it holds.
  const tree = treeOf(b, (n) => (n > 1 ? t('Other ({{n}} positions)', { n: formatCount(n) }) : t('Other')));
  return (
    <div className="view-grid" data-testid="themes-view">
      <ChartFrame title={t('Portfolio by theme, {{date}}', { date: formatDate(b.asOf) })} description={t("Donut chart of the portfolio's shares by theme")} testId="donut-chart" legend={slices.map((s) => ({ id: s.id, name: s.name, color: s.color, detail: formatShare(s.share) }))} fileName={t('{{name}} - themes donut {{date}}', { name: portfolioName, date: b.asOf })} onMessage={onMessage} data={{ head: [t('Theme'), t('Value ({{currency}})', { currency: cur }), t('Share')], rows: slices.map((s) => [s.name, formatMoney(s.value, cur), formatShare(s.share)]) }}>
        <ThemeDonut slices={slices} currency={cur} total={b.totalValue} />
        {negative.length > 0 && <p className="muted small">{t('Net short, not drawn: {{list}}.', { list: negative.map((s) => `${s.name} ${formatMoney(s.value, cur)}`).join(', ') })}</p>}
      </ChartFrame>
      <ChartFrame title={t('Themes and their largest positions, {{date}}', { date: formatDate(b.asOf) })} description={t('Treemap of each theme split into its largest positions')} testId="treemap-chart" legend={seriesOf(b.themes, false)} fileName={t('{{name}} - themes treemap {{date}}', { name: portfolioName, date: b.asOf })} onMessage={onMessage} data={{ head: [t('Theme: position'), t('Value ({{currency}})', { currency: cur }), t('Share'), t('Account and weight')], rows: tree.flatMap((node) => node.children.map((c) => [`${node.name}: ${c.name}`, formatMoney(c.value, cur), formatShare(c.share), c.detail])) }}>
        {tree.length > 0 ? <ThemeTreemap data={tree} currency={cur} /> : <p className="muted empty-chart" data-testid="treemap-empty">{t("No position is tagged yet: tag positions on the Positions tab (or accept the pack's suggestions in Themes…) to see each theme split into its positions.")}</p>}
      </ChartFrame>
      <ProjectFacts themes={b.themes} />
      <BenchmarkPanel portfolioId={b.portfolioId} snapshotId={b.snapshotId} portfolioName={portfolioName} version={version} onMessage={onMessage} />
      {contributorsShown && (
        <section className="panel wide" aria-label={t('Top contributors by theme')}>
          <h2>{t('Top contributors')}</h2>
          {b.themes.map((th) => (
            <details key={th.id} open={th.top.length > 0} data-testid={`contributors-${th.id}`}>
              <summary>
                <span className="swatch" style={{ background: th.color }} />
                {th.name}: {formatMoney(th.value, cur)} · {formatShare(th.share)} · {th.positionCount === 1 ? t('1 position') : t('{{n}} positions', { n: th.positionCount })}
              </summary>
              {th.top.length === 0 ? (
                <p className="muted small">{t('No position is tagged with this theme.')}</p>
              ) : (
                <table className="compact">
                  <thead>
                    <tr>
                      <th>{t('Symbol')}</th>
                      <th>{t('Account')}</th>
                      <th>{t('Description')}</th>
                      <th className="num">{t('Position value')}</th>
                      <th className="num">{t('Weight')}</th>
                      <th>{t('Source')}</th>
                      <th className="num">{t('Contribution')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {th.top.map((c) => (
                      <tr key={`${c.account}|${c.symbolKey}|${c.viaThemeId ?? ''}`}>
                        <td className="symbol">{c.symbol}</td>
                        <td>{c.account}</td>
                        <td className="description">{c.description}</td>
                        <td className="num">{formatMoney(c.positionValue, cur)}</td>
                        <td className="num">{formatWeight(c.weight)}</td>
                        <td>{c.viaThemeId ? t('{{source}} (via {{theme}})', { source: sourceLabel(c.source), theme: c.viaThemeName ?? c.viaThemeId }) : sourceLabel(c.source)}</td>
                        <td className="num">{formatMoney(c.value, cur)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </details>
          ))}
        </section>
      )}
    </div>
  );
}
