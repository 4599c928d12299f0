import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { FundSummary } from '../../../shared/api/contract';
import type { SnapshotExposure } from '../../../shared/exposure/model';
import { api } from '../api';
import { ChartBox } from './charts/ChartBox';
import { ChartFrame, ChartTooltipBox } from './charts/ChartFrame';
import { percentLabel, REFERENCE_COLOR } from './charts/colors';
import { EVERY_TICK } from './charts/axis-ticks';
import { formatDate, formatPoints, formatShare } from '../format';
import { useCall } from '../ui/useCall';
import { WrappedTick } from './charts/WrappedTick';

// A colour no default or pack theme uses (they are blues, purples and ambers), so the portfolio's
// series is not read as a theme; the benchmark in the reference slate.
const PORTFOLIO_COLOR = '#0d9488';
const BENCHMARK_COLOR = REFERENCE_COLOR;

/**
 * The portfolio's theme shares beside a benchmark's: any fund whose issuer holdings were imported
 * for look-through (its share in a theme is its look-through weight), with the active difference.
 */
export function BenchmarkPanel({ portfolioId, snapshotId, portfolioName, version, onMessage }: { portfolioId: number; snapshotId: number; portfolioName: string; version: number; onMessage: (text: string, kind: 'ok' | 'error') => void }) {
  const { t } = useTranslation();
  // Through a promise: the Themes view is also drawn unseen at start-up (warm-up.tsx), where a host may lack the call.
  const funds = useCall<FundSummary[]>(() => Promise.resolve().then(() => api().listFunds({})), `funds:${version}`);
  const [symbol, setSymbol] = useState('');
  const held = funds.data?.some((f) => f.fundKey === symbol) ? symbol : '';
  const compared = useCall<SnapshotExposure | null>(
    () => (held ? api().getExposure({ portfolioId, snapshotId, positionLimit: 0, benchmark: held }) : Promise.resolve(null)),
    `benchmark:${portfolioId}:${snapshotId}:${held}:${version}`,
  );
  const r = held && compared.data?.benchmark?.symbol === held && compared.data.snapshotId === snapshotId ? compared.data : null;
  const data = (r?.themes ?? []).filter((th) => !th.parentId).map((th) => ({ id: th.id, name: th.name, portfolio: th.share * 100, benchmark: (th.benchmark?.share ?? 0) * 100, active: th.benchmark?.active ?? 0 }));
  return (
    <section className="panel wide" aria-label={t('Against a benchmark')} data-testid="benchmark-panel">
      <h2>{t('Against a benchmark')}</h2>
      {funds.data && funds.data.length === 0 ? (
        <p className="muted small">{t("Import a fund's holdings file from its issuer (Fund look-through, in Themes…) to compare this portfolio's theme shares with that fund's.")}</p>
      ) : (
        <label className="inline-field">
          {t('Compare with')}{' '}
          <select value={held} onChange={(e) => setSymbol(e.target.value)} data-testid="benchmark-select">
            <option value="">{t('no benchmark')}</option>
            {(funds.data ?? []).map((f) => (
              <option key={f.fundKey} value={f.fundKey}>
                {f.asOf
                  ? t('{{fund}} ({{share}} of its holdings known, as of {{date}})', { fund: f.fundKey, share: formatShare(f.coverage), date: formatDate(f.asOf) })
                  : t('{{fund}} ({{share}} of its holdings known)', { fund: f.fundKey, share: formatShare(f.coverage) })}
              </option>
            ))}
          </select>
        </label>
      )}
      {compared.error && <p className="warn small">{compared.error}</p>}
      {r && (
        <>
          <ChartFrame
            title={t('{{portfolio}} against {{benchmark}}, {{date}}', { portfolio: portfolioName, benchmark: held, date: formatDate(r.asOf) })}
            description={t("Grouped bar chart of each theme's share of {{portfolio}} beside its share of the benchmark {{benchmark}}", { portfolio: portfolioName, benchmark: held })}
            testId="benchmark-chart"
            wide
            legend={[
              { id: 'portfolio', name: portfolioName, color: PORTFOLIO_COLOR },
              { id: 'benchmark', name: held, color: BENCHMARK_COLOR },
            ]}
            fileName={`${portfolioName} - against ${held} ${r.asOf}`}
            onMessage={onMessage}
            data={{ head: [t('Theme'), portfolioName, held, t('Active')], rows: data.map((d) => [d.name, formatShare(d.portfolio / 100), formatShare(d.benchmark / 100), formatPoints(d.active)]) }}
          >
            <ChartBox
              kind="benchmark"
              height={260}
              tooltip={
                <Tooltip
                  cursor={{ fillOpacity: 0.08 }}
                  content={({ active, payload }) => {
                    const d = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
                    return d ? (
                      <ChartTooltipBox
                        title={d.name}
                        rows={[
                          { name: portfolioName, color: PORTFOLIO_COLOR, value: formatShare(d.portfolio / 100), detail: '' },
                          { name: held, color: BENCHMARK_COLOR, value: formatShare(d.benchmark / 100), detail: t('active {{points}}', { points: formatPoints(d.active) }) },
                        ]}
                      />
                    ) : null;
                  }}
                />
              }
            >
              <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} className="grid" />
                <XAxis dataKey="name" tick={<WrappedTick />} interval={0} height={48} />
                <YAxis interval={EVERY_TICK} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 11 }} width={48} />
                {/* Each bar says its share, as the household's do: the comparison reads without a hover. */}
                <Bar dataKey="portfolio" name={portfolioName} fill={PORTFOLIO_COLOR} isAnimationActive={false}>
                  <LabelList dataKey="portfolio" position="top" formatter={percentLabel} style={{ fontSize: 11 }} />
                </Bar>
                <Bar dataKey="benchmark" name={held} fill={BENCHMARK_COLOR} isAnimationActive={false}>
                  <LabelList dataKey="benchmark" position="top" formatter={percentLabel} style={{ fontSize: 11 }} />
                </Bar>
              </BarChart>
            </ChartBox>
          </ChartFrame>
          <table className="compact" data-testid="benchmark-table">
            <thead>
              <tr>
                <th>{t('Theme')}</th>
                <th className="num">{portfolioName}</th>
                <th className="num">{held}</th>
                <th className="num">{t('Active')}</th>
              </tr>
            </thead>
            <tbody>
              {r.themes.map((th) => (
                <tr key={th.id} className={th.parentId ? 'sub-theme' : undefined} data-testid={`benchmark-row-${th.id}`}>
                  <td>{th.name}</td>
                  <td className="num">{formatShare(th.share)}</td>
                  <td className="num">{formatShare(th.benchmark?.share ?? 0)}</td>
                  <td className={`num ${Math.abs(th.benchmark?.active ?? 0) < 0.0005 ? '' : (th.benchmark?.active ?? 0) < 0 ? 'down' : 'up'}`}>{formatPoints(th.benchmark?.active ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            {r.benchmark?.asOf
              ? t("{{benchmark}}: {{source}}, as of {{date}}. Its share in a theme is the sum over its constituents of weight in the fund × their theme weight; active is {{portfolio}}'s share less {{benchmark}}'s.", { benchmark: held, source: r.benchmark.sourceFile, date: formatDate(r.benchmark.asOf), portfolio: portfolioName })
              : t("{{benchmark}}: {{source}}. Its share in a theme is the sum over its constituents of weight in the fund × their theme weight; active is {{portfolio}}'s share less {{benchmark}}'s.", { benchmark: held, source: r.benchmark?.sourceFile ?? '', portfolio: portfolioName })}
          </p>
        </>
      )}
    </section>
  );
}
