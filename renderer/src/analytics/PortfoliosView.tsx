import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfoliosOverview } from '../../../shared/exposure/analytics';
import { api } from '../api';
import { ChartFrame } from './charts/ChartFrame';
import { seriesOf } from './charts/colors';
import { OverviewBars, type OverviewDatum } from './charts/OverviewBars';
import { formatDate, formatMoney, formatShare } from '../format';
import { Modal } from '../ui/Modal';
import type { ViewProps } from './AnalyticsViews';
import { offerDeletionUndo, undoDeletionAndSay, useDeletionUndo } from './deletion-undo';
import { UndoBanner } from '../ui/UndoBanner';
import { ConfirmDelete } from '../ui/ConfirmDelete';
import { errorWords } from '../failure-words';

/** Every portfolio's theme shares side by side, grouped by client; rename, duplicate, delete (with undo). */
export function PortfoliosView({ overview: o, onMessage, onPortfoliosChanged }: ViewProps & { overview: PortfoliosOverview }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState<{ id: number; name: string; client: string } | null>(null);
  const [confirming, setConfirming] = useState<{ id: number; name: string } | null>(null);
  const deletion = useDeletionUndo();
  const undo = deletion?.kind === 'portfolio' ? deletion : null;
  const series = seriesOf(o.themes);
  const data: OverviewDatum[] = o.portfolios
    .filter((p) => p.snapshotId !== null)
    .map((p) => ({ name: p.name, total: p.totalValue, currency: p.baseCurrency, untagged: p.untaggedShare, ...Object.fromEntries(o.themes.map((th) => [th.id, p.shares[th.id] ?? 0])) }));
  // `ok` null: said already on the page (a deletion's undo banner, role status), not again in a toast.
  const run = async (what: () => Promise<unknown>, ok: string | null, select?: () => number | undefined) => {
    try {
      await what();
      if (ok !== null) onMessage(ok, 'ok');
      onPortfoliosChanged(select?.());
    } catch (err) {
      onMessage(errorWords(err), 'error');
    }
  };
  const groups = new Map<string, typeof o.portfolios>();
  for (const p of o.portfolios) groups.set(p.clientName ?? '', [...(groups.get(p.clientName ?? '') ?? []), p]);
  return (
    <div className="view-grid" data-testid="portfolios-view">
      <ChartFrame title={t('Theme shares of every portfolio')} description={t("Stacked horizontal bars of each portfolio's theme shares")} testId="overview-chart" wide legend={series} fileName="portfolios overview" onMessage={onMessage} data={{ head: [t('Portfolio'), ...series.map((s) => s.name), t('Total')], rows: data.map((d) => [d.name, ...series.map((s) => formatShare(Number(d[s.id] ?? 0))), formatMoney(d.total, d.currency)]) }}>
        <OverviewBars data={data} series={series} />
      </ChartFrame>
      {undo && (
        <UndoBanner
          text={t('Deleted “{{name}}”.', { name: undo.name })}
          testId="undo-delete"
          onUndo={() => void undoDeletionAndSay(undo, { onMessage, onPortfoliosChanged })}
        />
      )}
      <section className="panel wide" aria-label={t('Portfolios')}>
        <table className="compact" data-testid="portfolios-table">
          <thead>
            <tr>
              <th>{t('Portfolio')}</th>
              <th>{t('Latest snapshot')}</th>
              <th className="num">{t('Total')}</th>
              {series.map((s) => (
                <th key={s.id} className="num">
                  <span className="swatch" style={{ background: s.color }} />
                  {s.name}
                </th>
              ))}
              <th><span className="visually-hidden">{t('Actions')}</span></th>
            </tr>
          </thead>
          {[...groups.entries()].map(([client, list]) => (
            <tbody key={client}>
              <tr className="group-row">
                <td colSpan={4 + series.length}>{client ? t('Client: {{client}}', { client }) : t('No client')}</td>
              </tr>
              {list.map((p) => (
                <tr key={p.id} data-testid={`portfolio-row-${p.id}`}>
                  <td className="symbol">{p.name}</td>
                  <td>{p.asOf ? formatDate(p.asOf) : t('none yet')}</td>
                  <td className="num">{formatMoney(p.totalValue, p.baseCurrency)}</td>
                  {series.map((s) => (
                    <td key={s.id} className="num">
                      {p.snapshotId === null ? '' : formatShare(s.id === 'untagged' ? p.untaggedShare : (p.shares[s.id] ?? 0))}
                    </td>
                  ))}
                  <td className="row-actions">
                    <button type="button" className="small" data-testid={`rename-portfolio-${p.id}`} onClick={() => setRenaming({ id: p.id, name: p.name, client: p.clientName ?? '' })}>
                      {t('Rename')}
                    </button>
                    <button
                      type="button"
                      className="small"
                      data-testid={`duplicate-portfolio-${p.id}`}
                      onClick={() => {
                        let id: number | undefined;
                        void run(async () => (id = (await api().duplicatePortfolio({ id: p.id })).id), t('Duplicated {{name}}.', { name: p.name }), () => id);
                      }}
                    >
                      {t('Duplicate')}
                    </button>
                    <button type="button" className="small" data-testid={`delete-portfolio-${p.id}`} onClick={() => setConfirming({ id: p.id, name: p.name })}>
                      {t('Delete…')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </section>
      {renaming && (
        <Modal title={t('Rename portfolio')} testId="rename-dialog" onClose={() => setRenaming(null)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const r = renaming;
              setRenaming(null);
              void run(() => api().renamePortfolio({ id: r.id, name: r.name, clientName: r.client.trim() || null }), t('Renamed to {{name}}.', { name: r.name.trim() }));
            }}
          >
            <label className="field">
              <span>{t('Name')}</span>
              <input data-testid="rename-name" value={renaming.name} onChange={(e) => setRenaming({ ...renaming, name: e.target.value })} autoFocus />
            </label>
            <label className="field">
              <span>{t('Client (groups portfolios)')}</span>
              <input data-testid="rename-client" value={renaming.client} onChange={(e) => setRenaming({ ...renaming, client: e.target.value })} />
            </label>
            <div className="actions">
              <button type="button" onClick={() => setRenaming(null)}>
                {t('Cancel')}
              </button>
              <button type="submit" className="primary" data-testid="rename-confirm" disabled={!renaming.name.trim()}>
                {t('Rename')}
              </button>
            </div>
          </form>
        </Modal>
      )}
      {confirming && (
        <ConfirmDelete
          title={t('Delete {{name}}?', { name: confirming.name })}
          testId="delete-dialog"
          confirmTestId="delete-confirm"
          onCancel={() => setConfirming(null)}
          onDelete={() => {
            const c = confirming;
            setConfirming(null);
            void run(async () => {
              const r = await api().deletePortfolio({ id: c.id });
              // The backend keeps only this deletion to undo now; the last portfolio's is offered by the empty state.
              offerDeletionUndo({ kind: 'portfolio', token: r.undoToken, name: r.name });
            }, null);
          }}
        >
          {t('Its snapshots and positions will be deleted. Tags stay (they belong to symbols). You can undo this until you quit the app.')}
        </ConfirmDelete>
      )}
    </div>
  );
}
