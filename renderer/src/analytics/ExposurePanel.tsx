import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { UNTAGGED_COLOR } from '../../../shared/domain/default-themes';
import type { SnapshotExposure } from '../../../shared/exposure/model';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowIssue } from '../../../shared/import/types';
import { api } from '../api';
import { formatDate, formatMoney, formatMoneyShort, formatShare } from '../format';
import { ExposureTable } from './ExposureTable';
import { warningWords } from './warning-words';
import { WrappedTick } from './charts/WrappedTick';
import { niceTicks } from './charts/axis-ticks';
import { IssuesTable } from '../import/IssuesTable';
import { Modal } from '../ui/Modal';
import { msg } from '../i18n';

/** Where the window goes to act on a warning: the rates (Currencies view), Needs review, or Update prices. */
export type WarningAction = 'rates' | 'review' | 'prices';

/** A warning the window can act on in place, with the button's label (where the command line names a command). */
const ACTIONS: Partial<Record<SnapshotExposure['warnings'][number]['code'], { action: WarningAction; label: string }>> = {
  MISSING_FX: { action: 'rates', label: msg('Set rates') },
  FX_NOT_AS_OF: { action: 'rates', label: msg('Set rates') },
  UNRESOLVED_SECURITIES: { action: 'review', label: msg('Review them') },
  KEPT_LAST_VALUE: { action: 'prices', label: msg('Update prices…') },
};

interface Datum {
  id: string;
  name: string;
  value: number;
  share: number;
  color: string;
}

/**
 * The figures above one bar: its value (compact) and, below it, its share of the portfolio. Drawn
 * above a positive bar and below a negative (short) one, so neither overlaps the bar.
 */
function BarLabel({ viewBox, datum, currency }: { viewBox: unknown; datum: Datum | undefined; currency: string }) {
  const box = viewBox as { x?: number; y?: number; width?: number; height?: number } | undefined;
  if (!datum || !box || box.x === undefined || box.y === undefined) return null;
  const cx = box.x + (box.width ?? 0) / 2;
  const top = Math.min(box.y, box.y + (box.height ?? 0));
  const bottom = Math.max(box.y, box.y + (box.height ?? 0));
  const below = datum.value < 0;
  return (
    <text x={cx} y={below ? bottom + 12 : top - 20} textAnchor="middle" className="bar-label" fontSize={11}>
      <tspan x={cx} className="bar-label-value">
        {formatMoneyShort(datum.value, currency)}
      </tspan>
      <tspan x={cx} dy={12}>
        {formatShare(datum.share)}
      </tspan>
    </text>
  );
}

/** The exposure chart (one bar per theme plus untagged) and the table of the same figures; `onAction` acts on a warning. */
export function ExposurePanel({ exposure, onAction }: { exposure: SnapshotExposure; onAction?: (action: WarningAction) => void }) {
  const { t } = useTranslation();
  const [rejected, setRejected] = useState<RowIssue[] | null>(null);
  const showRejected = async () => setRejected(await api().listImportIssues({ snapshotId: exposure.snapshotId }));
  const cur = exposure.baseCurrency;
  const untaggedShare = exposure.totalValue === 0 ? 0 : exposure.untaggedValue / exposure.totalValue;
  const data: Datum[] = [
    // Sub-themes are inside their parent's bar; the table lists them.
    ...exposure.themes.filter((th) => !th.parentId).map((th) => ({ id: th.id, name: th.name, value: th.value, share: th.share, color: th.color })),
    { id: 'untagged', name: t('Untagged'), value: exposure.untaggedValue, share: untaggedShare, color: UNTAGGED_COLOR },
  ];
  const ticks = niceTicks(Math.min(0, ...data.map((d) => d.value)), Math.max(0, ...data.map((d) => d.value)));
  // Bars of nothing on an axis of one tick read as a broken chart: say why there is none.
  const nothingToChart = data.every((d) => d.value === 0);
  return (
    <section className="exposure" aria-label={t('Theme exposure')}>
      <div className="section-head">
        <h2>{t('Theme exposure')}</h2>
        <span className="muted">{t('{{value}} total', { value: formatMoney(exposure.totalValue, cur) })}</span>
      </div>
      {exposure.warnings.length > 0 && (
        <div className="alert" role="alert" data-testid="exposure-warnings">
          {exposure.warnings.map((w, i) => {
            const act = onAction ? ACTIONS[w.code] : undefined;
            return (
              <p key={i}>
                {warningWords(t, w)}{' '}
                {w.code === 'UNPARSED_CELL' && (
                  <button type="button" className="small" data-testid="show-rejected-rows" onClick={() => void showRejected()}>
                    {t('Show rows')}
                  </button>
                )}
                {act && (
                  <button type="button" className="small" data-testid={`warning-action-${act.action}`} onClick={() => onAction?.(act.action)}>
                    {t(act.label)}
                  </button>
                )}
              </p>
            );
          })}
        </div>
      )}
      <figure className="chart" data-testid="exposure-chart" aria-label={nothingToChart ? undefined : t('Bar chart of theme exposure; the same figures are in the exposure table below it')}>
        <figcaption>{t('Value by theme ({{currency}})', { currency: cur })}</figcaption>
        {nothingToChart ? (
          <p className="muted empty-chart" data-testid="exposure-chart-empty">
            {t('Nothing to chart: every theme and Untagged come to {{zero}} in this snapshot. Long · short · gross, under the chart, shows what offsets what.', { zero: formatMoney(0, cur) })}
          </p>
        ) : (
          <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 480, height: 300 }}>
            <BarChart data={data} margin={{ top: 32, right: 12, bottom: 8, left: 24 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} className="grid" />
              <XAxis
                dataKey="name"
                tick={<WrappedTick />}
                interval={0}
                height={48}
                label={{ value: t('Theme'), position: 'insideBottom', offset: 0, style: { fontSize: 11 } }}
              />
              <YAxis
                // Round ticks with headroom above the tallest bar, so its share label is never clipped.
                domain={[ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0]}
                ticks={ticks}
                tickFormatter={(v: number) => formatMoneyShort(v, cur)}
                tick={{ fontSize: 11 }}
                width={64}
                label={{ value: t('Value ({{currency}})', { currency: cur }), angle: -90, position: 'insideLeft', offset: -12, style: { fontSize: 11 } }}
              />
              <Tooltip
                cursor={{ fillOpacity: 0.08 }}
                content={({ active, payload }) => {
                  const d = active ? (payload?.[0]?.payload as Datum | undefined) : undefined;
                  return d ? (
                    <div className="chart-tooltip" data-testid="chart-tooltip">
                      <strong>{d.name}</strong>
                      <div>{formatMoney(d.value, cur)}</div>
                      <div className="muted">{t('{{share}} of the portfolio', { share: formatShare(d.share) })}</div>
                    </div>
                  ) : null;
                }}
              />
              <Bar dataKey="value" isAnimationActive={false} radius={[3, 3, 0, 0]}>
                {data.map((d) => (
                  <Cell key={d.id} fill={d.color} />
                ))}
                <LabelList dataKey="value" content={(props) => <BarLabel viewBox={props.viewBox} datum={data[props.index ?? -1]} currency={cur} />} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )}
      </figure>
      <ExposureTable exposure={exposure} />
      {rejected && (
        <Modal title={t('Rows of {{file}} that were not imported', { file: exposure.sourceFile })} testId="rejected-rows-dialog" onClose={() => setRejected(null)}>
          <IssuesTable issues={rejected} />
          <div className="actions">
            <button type="button" onClick={() => setRejected(null)}>
              {t('Close')}
            </button>
          </div>
        </Modal>
      )}
      <p className="muted small method">
        {t("A theme's value is each position's value times its weight, summed. Untagged is what no theme claims; cash is a part of it. Shares are rounded each on its own, so they may not add up to exactly 100%. As of {{date}}.", { date: formatDate(exposure.asOf) })}
      </p>
    </section>
  );
}
