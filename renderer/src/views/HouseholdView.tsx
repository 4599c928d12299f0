import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClientSummary } from '../../../shared/api/contract';
import { portfolioNameKey } from '../../../shared/domain/portfolio-name';
import type { ExposureReport } from '../../../shared/report/model';
import { api, asFailure } from '../api';
import { ChartBox } from '../charts/ChartBox';
import { ChartFrame, ChartTooltipBox } from '../charts/ChartFrame';
import { EVERY_TICK } from '../charts/axis-ticks';
import { ExportReportDialog } from '../components/ExportReportDialog';
import { formatDate, formatMoney, formatShare, formatWeight } from '../format';
import type { ViewProps } from './AnalyticsViews';
import { HouseholdTargets } from './HouseholdTargets';
import { useCall } from './useCall';
import { formatPoints } from '../../../shared/report/html-extras';

/** Positions shown in the combined table (the report lists them all). */
const TOP_POSITIONS = 15;


/**
 * The household: every portfolio of this portfolio's client combined (the latest snapshot of each,
 * in one currency at each snapshot's own rates), with its theme shares against the client's target
 * mix, its portfolios and its largest positions (the same security in several accounts is one line).
 */
export function HouseholdView({ portfolio, portfolioName, onMessage, version }: ViewProps & { version: number }) {
  const clients = useCall<ClientSummary[]>(() => api().listClients({}), `clients:${version}`);
  const [currency, setCurrency] = useState<string | null>(null);
  const [edits, setEdits] = useState(0);
  const [exporting, setExporting] = useState(false);
  const client = portfolio.clientName ? clients.data?.find((c) => portfolioNameKey(c.name) === portfolioNameKey(portfolio.clientName as string)) : undefined;
  // The portfolios' shared currency; when they differ, the one chosen here (this portfolio's until then), shown as a choice.
  const base = client ? (currency && client.baseCurrencies.includes(currency) ? currency : client.baseCurrencies.length === 1 ? client.baseCurrencies[0]! : portfolio.baseCurrency) : null;
  const exposure = useCall<ExposureReport | null>(
    () => (client && base ? api().getClientExposure({ client: client.name, baseCurrency: base, positionLimit: TOP_POSITIONS }) : Promise.resolve(null)),
    `household:${client?.name ?? ''}:${base ?? ''}:${version}:${edits}`,
  );
  if (!portfolio.clientName) {
    return (
      <section className="panel wide" data-testid="household-view">
        <h2>No household yet</h2>
        <p>
          {portfolioName} belongs to no client. Give it one (and the other portfolios of the same household) with <strong>Rename</strong> in the Portfolios view, or on the
          command line: <code>themelens client set &quot;{portfolioName}&quot; &quot;Client name&quot;</code>. Their combined exposure then shows here.
        </p>
      </section>
    );
  }
  if (clients.error || exposure.error) return <p className="warn" data-testid="household-view">{clients.error ?? exposure.error}</p>;
  const r = exposure.data;
  if (!client || !r || !base) return <p className="muted loading-inline" data-testid="household-view">Loading…</p>;
  const cur = r.baseCurrency;
  const roots = r.themes.filter((t) => !t.parentId);
  const hasTargets = r.themes.some((t) => t.target);
  const chart = roots.map((t) => ({ id: t.id, name: t.name, color: t.color, share: t.share * 100, target: t.target ? t.target.share * 100 : null, value: t.value }));
  return (
    <div className="view-grid" data-testid="household-view">
      <section className="panel wide" aria-label="Household">
        <div className="view-head-row">
          <h2>Household: {r.portfolio}</h2>
          <button type="button" className="small" data-testid="household-export" onClick={() => setExporting(true)}>
            Export household report…
          </button>
        </div>
        <p data-testid="household-total">
          {r.portfolios?.filter((p) => p.snapshotId !== null).length} portfolios, <strong>{formatMoney(r.totalValue, cur)}</strong> in total, latest holdings as of {formatDate(r.asOf)}.
        </p>
        {client.baseCurrencies.length > 1 ? (
          <label className="inline-field">
            Combined in{' '}
            <select value={base} data-testid="household-currency" onChange={(e) => setCurrency(e.target.value)}>
              {client.baseCurrencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>{' '}
            <span className="muted small">(the portfolios are in {client.baseCurrencies.join(' and ')}; each is converted at the rates of its own date)</span>
          </label>
        ) : (
          <p className="muted small">All figures in {cur}.</p>
        )}
        {r.warnings.map((w) => (
          <p key={w.message} className="warn small">
            {w.message}
          </p>
        ))}
      </section>
      {exporting && (
        <ExportReportDialog
          subject={{ client: client.name, baseCurrency: cur }}
          naming={{ clientName: null, portfolio: `${client.name} household`, asOf: r.asOf }}
          onClose={() => setExporting(false)}
          onSaved={(saved) => onMessage(`Household report saved to ${saved.path}`, 'ok')}
        />
      )}
      <ChartFrame
        title={`${r.portfolio}: theme shares${hasTargets ? ' and targets' : ''}`}
        description={`Bar chart of the household's share in each theme${hasTargets ? ' beside its target' : ''}`}
        testId="household-chart"
        legend={[{ id: 'share', name: 'Share now', color: '#2563eb' }, ...(hasTargets ? [{ id: 'target', name: 'Target', color: '#9ca3af' }] : [])]}
        fileName={`${r.portfolio} - household themes ${r.asOf}`}
        onMessage={onMessage}
        data={{ head: ['Theme', `Value (${r.baseCurrency})`, 'Share now', ...(hasTargets ? ['Target'] : [])], rows: chart.map((d) => [d.name, formatMoney(d.value, r.baseCurrency), formatShare(d.share / 100), ...(hasTargets ? [d.target === null ? '—' : formatShare(d.target / 100)] : [])]) }}
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
                      { name: 'Share now', color: d.color, value: formatShare(d.share / 100), detail: formatMoney(d.value, cur) },
                      ...(d.target !== null ? [{ name: 'Target', color: '#9ca3af', value: formatShare(d.target / 100), detail: formatPoints((d.share - d.target) / 100) }] : []),
                    ]}
                  />
                ) : null;
              }}
            />
          }
        >
          <BarChart data={chart} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} className="grid" />
            <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} height={40} />
            <YAxis interval={EVERY_TICK} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 11 }} width={48} />
            <Bar dataKey="share" name="Share now" fill="#2563eb" isAnimationActive={false} />
            {hasTargets && <Bar dataKey="target" name="Target" fill="#9ca3af" isAnimationActive={false} />}
          </BarChart>
        </ChartBox>
      </ChartFrame>
      <section className="panel" aria-label="Themes of the household">
        <table className="compact exposure-table" data-testid="household-themes">
          <thead>
            <tr>
              <th>Theme</th>
              <th className="num">Value</th>
              <th className="num">Share</th>
              <th className="num">Target · drift</th>
            </tr>
          </thead>
          <tbody>
            {r.themes.map((t) => (
              <tr key={t.id} className={t.parentId ? 'sub-theme' : undefined} data-testid={`household-theme-${t.id}`}>
                <td>
                  <span className="swatch" style={{ background: t.color }} />
                  {t.name}
                </td>
                <td className="num">{formatMoney(t.value, cur)}</td>
                <td className="num">{formatShare(t.share)}</td>
                <td
                  className={t.target?.outside ? 'num drift-outside' : 'num'}
                  data-testid={`household-target-${t.id}`}
                  title={t.target ? `Target ${formatShare(t.target.share)} ± ${(t.target.band * 100).toFixed(1)} points; ${t.target.outside ? 'outside' : 'within'} the band` : undefined}
                >
                  {t.target ? `${formatShare(t.target.share)} · ${formatPoints(t.target.drift)}${t.target.outside ? ' ⚠' : ''}` : '—'}
                </td>
              </tr>
            ))}
            <tr>
              <td>Untagged (cash {formatMoney(r.cashValue, cur)})</td>
              <td className="num">{formatMoney(r.untaggedValue, cur)}</td>
              <td className="num">{formatShare(r.totalValue === 0 ? 0 : r.untaggedValue / r.totalValue)}</td>
              <td />
            </tr>
          </tbody>
        </table>
        <HouseholdTargets
          client={client.name}
          themes={r.themes}
          onSaved={(text) => {
            onMessage(text, 'ok');
            setEdits((n) => n + 1);
          }}
          onError={(err) => onMessage(asFailure(err).message, 'error')}
        />
      </section>
      <section className="panel" aria-label="Portfolios of the household">
        <table className="compact" data-testid="household-portfolios">
          <thead>
            <tr>
              <th>Portfolio</th>
              <th>As of</th>
              <th className="num">Positions</th>
              <th className="num">Value ({cur})</th>
              <th className="num">Share</th>
            </tr>
          </thead>
          <tbody>
            {(r.portfolios ?? []).map((p) => (
              <tr key={p.name}>
                <td>{p.name}{p.baseCurrency !== cur ? <span className="muted small"> ({p.baseCurrency})</span> : null}</td>
                <td>{p.asOf ? formatDate(p.asOf) : 'no snapshot yet'}</td>
                <td className="num">{p.positionCount}</td>
                <td className="num">{formatMoney(p.totalValue, cur)}</td>
                <td className="num">{formatShare(r.totalValue === 0 ? 0 : p.totalValue / r.totalValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel wide" aria-label="Largest positions of the household">
        <h3>Largest positions, all accounts together</h3>
        <table className="compact" data-testid="household-positions">
          <thead>
            <tr>
              <th>Symbol</th>
              <th>Description</th>
              <th>Held in</th>
              <th className="num">Value ({cur})</th>
              <th>Themes</th>
            </tr>
          </thead>
          <tbody>
            {r.positions.map((p) => (
              <tr key={`${p.symbolKey}|${p.currency}|${p.account}`} data-testid={`household-position-${p.symbolKey}`}>
                <td className="symbol">{p.symbol}</td>
                <td className="description">{p.description}</td>
                <td>{p.account}</td>
                <td className="num">{p.value === null ? 'no rate' : formatMoney(p.value, cur)}</td>
                <td>{p.themes.map((t) => `${t.id} ${formatWeight(t.weight)}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.positionCount > r.positions.length && <p className="muted small">The {r.positions.length} largest of {r.positionCount}; a client report (themelens report --client) lists them all.</p>}
      </section>
    </div>
  );
}
