import { warningWords } from './warning-words';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ApiOutputs } from '../../../shared/api/contract';
import type { Theme } from '../../../shared/domain/types';
import { api } from '../api';
import { ChartBox } from './charts/ChartBox';
import { ChartFrame, ChartTooltipBox } from './charts/ChartFrame';
import { EVERY_TICK, niceTicks } from './charts/axis-ticks';
import { ExportReportDialog } from '../reports/ExportReportDialog';
import { formatCount, formatDate, formatMoney, formatMoneyShort, formatShare } from '../format';
import type { ViewProps } from './AnalyticsViews';
import { WrappedTick } from './charts/WrappedTick';
import { errorWords } from '../failure-words';
import { useSwitchMeasure } from './timing';

type Result = ApiOutputs['runScenario'];

/** The positions that move most, as many as the view lists. */
const SHOWN = 20;

/** How long the sliders must rest before the scenario is computed again. */
const SETTLE_MS = 200;

/** A slider's range, in percent. */
const SHOCK_MIN = -50;
const SHOCK_MAX = 50;
/** Half the width of the slider's thumb (styles.css): its centre runs from this far inside one end to as far inside the other. */
const THUMB_HALF_PX = 8;

/** Where a value's thumb centre sits along the slider, as CSS. */
const along = (v: number) => `calc(${THUMB_HALF_PX}px + (100% - ${2 * THUMB_HALF_PX}px) * ${(v - SHOCK_MIN) / (SHOCK_MAX - SHOCK_MIN)})`;

/** The slider's fill, from no move to its value, in its theme's colour (styles.css, .shock-slider). */
const sliderFill = (color: string, v: number) => ({ '--shock-color': color, '--shock-from': along(Math.min(0, v)), '--shock-to': along(Math.max(0, v)) }) as CSSProperties;

/**
 * What-if: a slider per top-level theme (-50% to +50%, in steps of 5); each position moves by the sum
 * over its themes of weight x shock (the rule is under the chart). The result: the portfolio's move,
 * each theme's part as a bar chart, and the positions that move most.
 */
export function ScenariosView({ portfolio, portfolioName, snapshotId, onMessage, version }: ViewProps & { snapshotId: number | null; version: number }) {
  const { t } = useTranslation();
  const [themes, setThemes] = useState<Theme[]>([]);
  const [shocks, setShocks] = useState<Record<string, number>>({});
  const [result, setResult] = useState<Result | null>(null);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    void api()
      .listThemes({})
      .then((list) => setThemes(list.filter((x) => !x.parentId)));
  }, []);
  // Drawn once its sliders are (the perf walk times the switch).
  useSwitchMeasure('scenarios', themes.length > 0 ? themes : null);
  const moved = Object.entries(shocks).filter(([, v]) => v !== 0);
  // The figures' version too: a tag edit or an undo made on this view runs the scenario again.
  const key = JSON.stringify([portfolio.id, snapshotId, moved, version]);
  useEffect(() => {
    if (moved.length === 0) {
      setResult(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api()
        // Only the positions shown: at 100,000 positions all of them took half a second to compute and 2.5 MB to send.
        .runScenario({ portfolioId: portfolio.id, ...(snapshotId ? { snapshotId } : {}), shocks: moved.map(([themeId, pct]) => ({ themeId, shockBp: pct * 100 })), positionLimit: SHOWN })
        .then((r) => live && setResult(r))
        .catch((err) => live && onMessage(errorWords(err), 'error'));
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` names everything the call depends on.
  }, [key]);
  const cur = result?.baseCurrency ?? '';
  const names = new Map(themes.map((x) => [x.id, x]));
  const data = (result?.themes ?? []).filter((x) => names.has(x.id)).map((x) => ({ id: x.id, name: names.get(x.id)!.name, color: names.get(x.id)!.color, impact: x.impact, shock: x.shock, value: x.value }));
  // Round ticks with room above (and below) the bars for their labels.
  const ticks = niceTicks(Math.min(0, ...data.map((d) => d.impact)), Math.max(0, ...data.map((d) => d.impact)));
  return (
    <div className="view-grid" data-testid="scenarios-view">
      <section className="panel" aria-label={t('Theme shocks')}>
        <h2>{t('What if a theme moves?')}</h2>
        <p className="muted small">{t('Move a theme; every position moves by its weight in that theme times the move. Cash does not move.')}</p>
        {themes.map((theme) => (
          <label key={theme.id} className="shock-slider">
            <span>
              <span className="swatch" style={{ background: theme.color }} />
              {theme.name}
            </span>
            <input
              type="range"
              min={SHOCK_MIN}
              max={SHOCK_MAX}
              step={5}
              value={shocks[theme.id] ?? 0}
              data-testid={`shock-${theme.id}`}
              aria-valuetext={`${shocks[theme.id] ?? 0}%`}
              style={sliderFill(theme.color, shocks[theme.id] ?? 0)}
              onChange={(e) => setShocks((s) => ({ ...s, [theme.id]: Number(e.target.value) }))}
            />
            <output className="num">{`${(shocks[theme.id] ?? 0) > 0 ? '+' : ''}${shocks[theme.id] ?? 0}%`}</output>
          </label>
        ))}
        {themes.length > 0 && (
          // The sliders' ends and middle, under the slider column (the thumb's value alone says nothing about its range).
          <div className="shock-slider shock-scale" aria-hidden="true" data-testid="shock-scale">
            <span />
            <span className="shock-scale-marks">
              {[SHOCK_MIN, 0, SHOCK_MAX].map((v) => (
                <span key={v} style={{ left: along(v) }}>{`${v > 0 ? '+' : ''}${v}%`}</span>
              ))}
            </span>
            <span />
          </div>
        )}
        <button type="button" className="small" data-testid="shock-reset" disabled={moved.length === 0} onClick={() => setShocks({})}>
          {t('Reset')}
        </button>{' '}
        <button type="button" className="small" data-testid="scenario-export" disabled={result === null} onClick={() => setExporting(true)}>
          {t('Export report with this scenario…')}
        </button>
        {exporting && result && (
          <ExportReportDialog
            subject={{ portfolioId: portfolio.id, snapshotId: result.snapshotId }}
            shocks={moved.map(([themeId, pct]) => ({ themeId, shockBp: pct * 100 }))}
            themeNames={Object.fromEntries(moved.map(([themeId]) => [themeId, names.get(themeId)?.name ?? themeId]))}
            naming={{ clientName: portfolio.clientName, portfolio: portfolioName, asOf: result.asOf }}
            onClose={() => setExporting(false)}
            onSaved={(saved) => onMessage(t('Report saved to {{path}}', { path: saved.path }), 'ok')}
          />
        )}
      </section>
      {result === null ? (
        <section className="panel" aria-live="polite">
          <p className="muted">{t('Move a slider to see what it does to {{name}}.', { name: portfolioName })}</p>
        </section>
      ) : (
        <>
          <section className="panel" aria-live="polite">
            <p className="scenario-total" data-testid="scenario-total">
              {portfolioName}: <strong className={result.impact < 0 ? 'down' : 'up'}>{`${result.impact > 0 ? '+' : ''}${formatMoney(result.impact, cur)}`}</strong>{' '}
              {t('({{share}} of {{total}}, as of {{date}})', { share: formatShare(result.impactShare), total: formatMoney(result.totalValue, cur), date: formatDate(result.asOf) })}
            </p>
            {result.warnings.map((w) => (
              <p key={w.message} className="warn small">
                {warningWords(t, w)}
              </p>
            ))}
          </section>
          <ChartFrame title={t('Scenario by theme, {{date}}', { date: formatDate(result.asOf) })} description={t("Bar chart of each theme's part of the move")} testId="scenario-chart" legend={data.map((d) => ({ id: d.id, name: d.name, color: d.color }))} fileName={t('{{name}} - scenario {{date}}', { name: portfolioName, date: result.asOf })} onMessage={onMessage} data={{ head: [t('Theme'), t('Shock'), t('Exposure ({{currency}})', { currency: cur }), t('Move ({{currency}})', { currency: cur })], rows: data.map((d) => [d.name, `${d.shock > 0 ? '+' : ''}${d.shock}%`, formatMoney(d.value, cur), formatMoney(d.impact, cur)]) }}>
            <ChartBox
              kind="scenario"
              height={280}
              tooltip={
                <Tooltip
                  cursor={{ fillOpacity: 0.08 }}
                  content={({ active, payload }) => {
                    const d = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
                    return d ? <ChartTooltipBox title={`${d.name}: ${d.shock > 0 ? '+' : ''}${d.shock}%`} rows={[{ name: t('Move'), color: d.color, value: formatMoney(d.impact, cur), detail: t('of {{total}}', { total: formatMoney(d.value, cur) }) }]} /> : null;
                  }}
                />
              }
            >
              <BarChart data={data} margin={{ top: 20, right: 16, bottom: 8, left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} className="grid" />
                <XAxis dataKey="name" tick={<WrappedTick />} interval={0} height={48} />
                <YAxis interval={EVERY_TICK} domain={[ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0]} ticks={ticks} tickFormatter={(v: number) => formatMoneyShort(v, cur)} tick={{ fontSize: 11 }} width={64} label={{ value: t('Move ({{currency}})', { currency: cur }), angle: -90, position: 'insideLeft', offset: -12, style: { fontSize: 11 } }} />
                <ReferenceLine y={0} stroke="#9ca3af" />
                <Bar dataKey="impact" isAnimationActive={false}>
                  {data.map((d) => (
                    <Cell key={d.id} fill={d.color} />
                  ))}
                  <LabelList dataKey="impact" position="top" formatter={(v: unknown) => formatMoneyShort(Number(v), cur)} style={{ fontSize: 11 }} />
                </Bar>
              </BarChart>
            </ChartBox>
          </ChartFrame>
          <section className="panel wide" aria-label={t('Positions that move most')}>
            <table className="compact" data-testid="scenario-positions">
              <thead>
                <tr>
                  <th>{t('Symbol')}</th>
                  <th>{t('Account')}</th>
                  <th className="num">{t('Value')}</th>
                  <th className="num">{t('Move')}</th>
                </tr>
              </thead>
              <tbody>
                {result.positions.map((p, i) => (
                  <tr key={`${i}\u0000${p.account}\u0000${p.symbol}`} data-testid={`scenario-row-${p.symbol}`}>
                    <td className="symbol">{p.symbol}</td>
                    <td>{p.account}</td>
                    <td className="num">{formatMoney(p.value, cur)}</td>
                    <td className={`num ${p.impact < 0 ? 'down' : 'up'}`}>{`${p.impact > 0 ? '+' : ''}${formatMoney(p.impact, cur)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {result.movedPositions > result.positions.length && (
              <p className="muted small">{t('and {{n}} more; themelens scenario --format json lists them all', { n: formatCount(result.movedPositions - result.positions.length) })}</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
