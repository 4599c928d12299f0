import { useTranslation } from 'react-i18next';
import type { ThemeOverlap } from '../../../shared/exposure/analytics';
import { formatCount, formatDate, formatMoney, formatShare } from '../format';
import type { ViewProps } from './AnalyticsViews';

/** The theme overlap matrix: value of positions counted in both themes of a pair (diagonal: in the theme at all). */
export function OverlapView({ overlap: o }: ViewProps & { overlap: ThemeOverlap }) {
  const { t } = useTranslation();
  const cur = o.baseCurrency;
  // Looked up per matrix cell: a map, not a search of every cell.
  const byPair = new Map(o.cells.map((c) => [`${c.a}\u0000${c.b}`, c]));
  const cell = (a: string, b: string) => byPair.get(`${a}\u0000${b}`) ?? byPair.get(`${b}\u0000${a}`);
  const max = Math.max(0, ...o.cells.filter((c) => c.a !== c.b).map((c) => Math.abs(c.value)));
  return (
    <section className="panel" data-testid="overlap-view" aria-label={t('Theme overlap')}>
      <h2>{t('Theme overlap, {{date}}', { date: formatDate(o.asOf) })}</h2>
      <p className="muted small">{t('Each cell is the whole value of the positions tagged with both themes, whatever their weights (on the diagonal: the positions tagged with that theme at all), and its share of the portfolio. So a diagonal cell is more than that theme under Themes, which counts each position at its weight.')}</p>
      <table className="overlap-matrix" data-testid="overlap-matrix">
        <thead>
          <tr>
            <th><span className="visually-hidden">{t('Theme')}</span></th>
            {o.themes.map((th) => (
              <th key={th.id} className="num">
                <span className="swatch" style={{ background: th.color }} />
                {th.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {o.themes.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <span className="swatch" style={{ background: row.color }} />
                {row.name}
              </th>
              {o.themes.map((col) => {
                const c = cell(row.id, col.id);
                const diag = row.id === col.id;
                const heat = !diag && c && max > 0 ? Math.abs(c.value) / max : 0;
                return (
                  <td key={col.id} data-testid={`overlap-${row.id}-${col.id}`} className={`num${diag ? ' diagonal' : ''}`} style={heat ? { background: `rgba(37, 99, 235, ${0.08 + heat * 0.22})` } : undefined} title={c ? (c.positionCount === 1 ? t('1 position') : t('{{n}} positions', { n: formatCount(c.positionCount) })) : t('No position in both')}>
                    {c ? (
                      <>
                        {formatMoney(c.value, cur)}
                        <div className="muted small">
                          {formatShare(o.totalValue === 0 ? 0 : c.value / o.totalValue)} · {c.positionCount}
                        </div>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
