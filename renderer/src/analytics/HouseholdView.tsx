import { warningWords } from './warning-words';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { UNTAGGED_COLOR } from '../../../shared/domain/default-themes';
import type { ClientSummary } from '../../../shared/api/contract';
import type { Exposure } from '../../../shared/exposure/model';
import { ChartBox } from './charts/ChartBox';
import { percentLabel, REFERENCE_COLOR, seriesOf } from './charts/colors';
import { ChartFrame, ChartTooltipBox } from './charts/ChartFrame';
import { EVERY_TICK } from './charts/axis-ticks';
import { ExportReportDialog } from '../reports/ExportReportDialog';
import { formatDate, formatMoney, formatPoints, formatShare, formatWeight } from '../format';
import type { ViewProps } from './AnalyticsViews';
import { TargetCell } from './TargetCell';
import { SetClientForm } from './SetClientForm';
import { HouseholdTargets } from './HouseholdTargets';
import { useCall } from '../ui/useCall';
import { clientOf, clientsCall, CLIENTS_ANSWER, householdAnswer, householdCurrency, householdFiguresCall } from './household-calls';
import { keptAnswer } from './kept-answers';
import { useSwitchMeasure } from './timing';
import { WrappedTick } from './charts/WrappedTick';
import { errorWords } from '../failure-words';


/**
 * The household: every portfolio of this portfolio's client combined (the latest snapshot of each,
 * in one currency at each snapshot's own rates), with its theme shares against the client's target
 * mix, its portfolios and its largest positions (the same security in several accounts is one line).
 */
export function HouseholdView({ portfolio, portfolioName, onMessage, onPortfoliosChanged, version }: ViewProps & { version: number }) {
  const { t } = useTranslation();
  // Drawn at once from answers fetched ahead in this generation of figures (household-calls.ts).
  const clients = useCall<ClientSummary[]>(clientsCall(version), `clients:${version}`, keptAnswer<ClientSummary[]>(CLIENTS_ANSWER, version));
  const [currency, setCurrency] = useState<string | null>(null);
  const [edits, setEdits] = useState(0);
  const [exporting, setExporting] = useState(false);
  const client = clientOf(clients.data, portfolio.clientName);
  // The portfolios' shared currency; when they differ, the one chosen here (this portfolio's until then), shown as a choice.
  const base = client ? householdCurrency(client, currency, portfolio.baseCurrency) : null;
  const exposure = useCall<Exposure | null>(
    () => (client && base ? householdFiguresCall(client.name, base, version)() : Promise.resolve(null)),
    `household:${client?.name ?? ''}:${base ?? ''}:${version}:${edits}`,
    // Not after targets were saved here: the kept answer has the targets before.
    client && base && edits === 0 ? keptAnswer<Exposure>(householdAnswer(client.name, base), version) : undefined,
  );
  // Drawn once its figures are in (or it says there is no household, or why not): the perf walk times the switch.
  useSwitchMeasure('household', !portfolio.clientName || clients.error || exposure.error || (!exposure.loading && exposure.data) ? true : null);
  if (!portfolio.clientName) {
    return (
      <section className="panel wide" data-testid="household-view">
        <h2>{t('No household yet')}</h2>
        {/* The field below does it: one way said, not a Rename in another view and a command as well. */}
        <p>{t('{{name}} belongs to no client. Name its client below, and give the same client to the other portfolios of the household (here, or with Rename in the Portfolios view): their combined exposure then shows here.', { name: portfolioName })}</p>
        <SetClientForm portfolio={portfolio} onMessage={onMessage} onDone={() => onPortfoliosChanged(portfolio.id)} />
      </section>
    );
  }
  if (clients.error || exposure.error) return <p className="warn" data-testid="household-view">{clients.error ?? exposure.error}</p>;
  const r = exposure.data;
  if (!client || !r || !base) return <p className="muted loading-inline" data-testid="household-view">{t('Loading…')}</p>;
  return (
    <HouseholdFigures
      r={r}
      client={client.name}
      currencies={client.baseCurrencies}
      base={base}
      onCurrency={setCurrency}
      onExport={() => setExporting(true)}
      onMessage={onMessage}
      onTargetsSaved={() => setEdits((n) => n + 1)}
      dialog={
        exporting && (
          <ExportReportDialog
            subject={{ client: client.name, baseCurrency: r.baseCurrency }}
            naming={{ clientName: null, portfolio: t('{{name}} household', { name: client.name }), asOf: r.asOf }}
            onClose={() => setExporting(false)}
            onSaved={(saved) => onMessage(t('Household report saved to {{path}}', { path: saved.path }), 'ok')}
          />
        )
      }
    />
  );
}

/**
 * A household's figures as the Household view draws them: without calls of its own, so the window
 * can draw it once unseen to warm its code (warm-up.tsx), as it does every other view.
 */
export function HouseholdFigures({
  r,
  client,
  currencies,
  base,
  onCurrency,
  onExport,
  onMessage,
  onTargetsSaved,
  dialog,
}: {
  r: Exposure;
  /** The client's name as stored (its targets are kept under it). */
  client: string;
  /** The base currencies of the client's portfolios; with more than one, the figures' is chosen. */
  currencies: string[];
  base: string;
  onCurrency: (currency: string) => void;
  onExport: () => void;
  onMessage: ViewProps['onMessage'];
  onTargetsSaved: () => void;
  dialog?: ReactNode;
}) {
  const { t } = useTranslation();
  const cur = r.baseCurrency;
  const roots = r.themes.filter((x) => !x.parentId);
  // A position's tags name their themes as the rest of the app does, not by id.
  const nameOf = new Map(r.themes.map((x) => [x.id, x.name]));
  const hasTargets = r.themes.some((x) => x.target);
  // Untagged too, as the table beside: the share no theme claims is part of the picture.
  const untaggedShare = r.totalValue === 0 ? 0 : r.untaggedValue / r.totalValue;
  const chart = [
    ...roots.map((x) => ({ id: x.id, name: x.name, color: x.color, share: x.share * 100, target: x.target ? x.target.share * 100 : null, value: x.value })),
    { id: 'untagged', name: t('Untagged'), color: UNTAGGED_COLOR, share: untaggedShare * 100, target: null, value: r.untaggedValue },
  ];
  return (
    <div className="view-grid" data-testid="household-view">
      <section className="panel wide" aria-label={t('Household')}>
        <div className="view-head-row">
          <h2>{t('Household: {{name}}', { name: r.portfolio })}</h2>
          <button type="button" className="small" data-testid="household-export" onClick={onExport}>
            {t('Export household report…')}
          </button>
        </div>
        <p data-testid="household-total">
          {t('{{n}} portfolios,', { n: r.portfolios?.filter((p) => p.snapshotId !== null).length ?? '' })} <strong>{formatMoney(r.totalValue, cur)}</strong>{' '}
          {t('in total, latest holdings as of {{date}}.', { date: formatDate(r.asOf) })}
        </p>
        {currencies.length > 1 ? (
          <label className="inline-field">
            {t('Combined in')}{' '}
            <select value={base} data-testid="household-currency" onChange={(e) => onCurrency(e.target.value)}>
              {currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>{' '}
            <span className="muted small">{t('(the portfolios are in {{currencies}}; each is converted at the rates of its own date)', { currencies: currencies.join(` ${t('and')} `) })}</span>
          </label>
        ) : (
          <p className="muted small">{t('All figures in {{currency}}.', { currency: cur })}</p>
        )}
        {r.warnings.map((w) => (
          <p key={w.message} className="warn small">
            {warningWords(t, w)}
          </p>
        ))}
      </section>
      {dialog}
      <ChartFrame
        title={hasTargets ? t('{{name}}: theme shares and targets', { name: r.portfolio }) : t('{{name}}: theme shares', { name: r.portfolio })}
        description={hasTargets ? t("Bar chart of the household's share in each theme beside its target") : t("Bar chart of the household's share in each theme")}
        testId="household-chart"
        legend={[...seriesOf(roots), ...(hasTargets ? [{ id: 'target', name: t('Target'), color: REFERENCE_COLOR }] : [])]}
        fileName={t('{{name}} - household themes {{date}}', { name: r.portfolio, date: r.asOf })}
        onMessage={onMessage}
        data={{ head: [t('Theme'), t('Value ({{currency}})', { currency: r.baseCurrency }), t('Share now'), ...(hasTargets ? [t('Target')] : [])], rows: chart.map((d) => [d.name, formatMoney(d.value, r.baseCurrency), formatShare(d.share / 100), ...(hasTargets ? [d.target === null ? '—' : formatShare(d.target / 100)] : [])]) }}
      >
        <ChartBox
          kind="household"
          height={260}
          tooltip={
            <Tooltip
              cursor={{ fillOpacity: 0.08 }}
              content={({ active, payload }) => {
                const d = active ? (payload?.[0]?.payload as (typeof chart)[number] | undefined) : undefined;
                return d ? (
                  <ChartTooltipBox
                    title={d.name}
                    rows={[
                      { name: t('Share now'), color: d.color, value: formatShare(d.share / 100), detail: formatMoney(d.value, cur) },
                      ...(d.target !== null ? [{ name: t('Target'), color: REFERENCE_COLOR, value: formatShare(d.target / 100), detail: formatPoints((d.share - d.target) / 100) }] : []),
                    ]}
                  />
                ) : null;
              }}
            />
          }
        >
          <BarChart data={chart} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} className="grid" />
            <XAxis dataKey="name" tick={<WrappedTick />} interval={0} height={48} />
            <YAxis interval={EVERY_TICK} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 11 }} width={48} />
            <Bar dataKey="share" name={t('Share now')} isAnimationActive={false}>
              {chart.map((d) => (
                <Cell key={d.id} fill={d.color} />
              ))}
              <LabelList dataKey="share" position="top" formatter={percentLabel} style={{ fontSize: 11 }} />
            </Bar>
            {hasTargets && (
              <Bar dataKey="target" name={t('Target')} fill={REFERENCE_COLOR} isAnimationActive={false}>
                <LabelList dataKey="target" position="top" formatter={percentLabel} style={{ fontSize: 11 }} />
              </Bar>
            )}
          </BarChart>
        </ChartBox>
      </ChartFrame>
      <section className="panel" aria-label={t('Themes of the household')}>
        <table className="compact exposure-table" data-testid="household-themes">
          <thead>
            <tr>
              <th>{t('Theme')}</th>
              <th className="num">{t('Value')}</th>
              <th className="num">{t('Share')}</th>
              <th className="num">{t('Target · drift')}</th>
            </tr>
          </thead>
          <tbody>
            {r.themes.map((th) => (
              <tr key={th.id} className={th.parentId ? 'sub-theme' : undefined} data-testid={`household-theme-${th.id}`}>
                <td>
                  <span className="swatch" style={{ background: th.color }} />
                  {th.name}
                </td>
                <td className="num">{formatMoney(th.value, cur)}</td>
                <td className="num">{formatShare(th.share)}</td>
                <TargetCell target={th.target} testId={`household-target-${th.id}`} />
              </tr>
            ))}
            <tr>
              <td>{t('Untagged (cash {{cash}})', { cash: formatMoney(r.cashValue, cur) })}</td>
              <td className="num">{formatMoney(r.untaggedValue, cur)}</td>
              <td className="num">{formatShare(r.totalValue === 0 ? 0 : r.untaggedValue / r.totalValue)}</td>
              <td />
            </tr>
          </tbody>
        </table>
        <HouseholdTargets
          client={client}
          themes={r.themes}
          onSaved={(text) => {
            onMessage(text, 'ok');
            onTargetsSaved();
          }}
          onError={(err) => onMessage(errorWords(err), 'error')}
        />
      </section>
      <section className="panel" aria-label={t('Portfolios of the household')}>
        <table className="compact" data-testid="household-portfolios">
          <thead>
            <tr>
              <th>{t('Portfolio')}</th>
              <th>{t('As of')}</th>
              <th className="num">{t('Positions')}</th>
              <th className="num">{t('Value ({{currency}})', { currency: cur })}</th>
              <th className="num">{t('Share')}</th>
            </tr>
          </thead>
          <tbody>
            {(r.portfolios ?? []).map((p) => (
              <tr key={p.name}>
                {/* Its currency where it is not the figures', unless its name says it already ("SBI NISA (JPY)"). */}
                <td>{p.name}{p.baseCurrency !== cur && !p.name.endsWith(`(${p.baseCurrency})`) ? <span className="muted small"> ({p.baseCurrency})</span> : null}</td>
                <td>{p.asOf ? formatDate(p.asOf) : t('no snapshot yet')}</td>
                <td className="num">{p.positionCount}</td>
                <td className="num">{formatMoney(p.totalValue, cur)}</td>
                <td className="num">{formatShare(r.totalValue === 0 ? 0 : p.totalValue / r.totalValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel wide" aria-label={t('Largest positions of the household')}>
        <h3>{t('Largest positions, all accounts together')}</h3>
        <table className="compact" data-testid="household-positions">
          <thead>
            <tr>
              <th>{t('Symbol')}</th>
              <th>{t('Description')}</th>
              <th>{t('Held in')}</th>
              <th className="num">{t('Value ({{currency}})', { currency: cur })}</th>
              <th>{t('Themes')}</th>
            </tr>
          </thead>
          <tbody>
            {r.positions.map((p) => (
              <tr key={`${p.symbolKey}|${p.currency}|${p.account}`} data-testid={`household-position-${p.symbolKey}`}>
                <td className="symbol">{p.symbol}</td>
                <td className="description">{p.description}</td>
                <td>{p.account}</td>
                <td className="num">{p.value === null ? t('no rate') : formatMoney(p.value, cur)}</td>
                <td>{p.themes.map((x) => `${nameOf.get(x.id) ?? x.id} ${formatWeight(x.weight)}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.positionCount > r.positions.length && <p className="muted small">{t('The {{n}} largest of {{total}}; a client report (themelens report --client) lists them all.', { n: r.positions.length, total: r.positionCount })}</p>}
      </section>
    </div>
  );
}
