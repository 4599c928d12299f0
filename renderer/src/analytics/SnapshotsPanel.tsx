import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../shared/domain/types';
import { api } from '../api';
import { errorWords } from '../failure-words';
import { formatCount, formatDate, formatDateTime } from '../format';
import { ConfirmDelete } from '../ui/ConfirmDelete';
import type { ViewProps } from './AnalyticsViews';
import { offerDeletionUndo, undoDeletionAndSay, useSnapshotUndo } from './deletion-undo';
import { UndoBanner } from '../ui/UndoBanner';

/**
 * The portfolio's snapshots, newest first, each with the file it came from; one imported by
 * mistake (another account's file, the wrong month) can be deleted, with undo until the app quits.
 */
export function SnapshotsPanel({ portfolio, snapshots, onMessage, onPortfoliosChanged }: Pick<ViewProps, 'portfolio' | 'onMessage' | 'onPortfoliosChanged'> & { snapshots: readonly Snapshot[] }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<Snapshot | null>(null);
  const undo = useSnapshotUndo(portfolio.id);
  const named = (s: { asOf: string; file: string }) => ({ date: formatDate(s.asOf), file: s.file });
  // A deletion is said by its undo banner (role status), not again in a toast.
  const run = async (what: () => Promise<unknown>) => {
    try {
      await what();
      onPortfoliosChanged();
    } catch (err) {
      onMessage(errorWords(err), 'error');
    }
  };
  return (
    <section className="panel wide" aria-label={t('Snapshots')} data-testid="snapshots-panel">
      <h2>{t('Snapshots')}</h2>
      {undo && (
        <UndoBanner
          text={t('Deleted the snapshot of {{date}} ({{file}}).', named(undo))}
          testId="undo-snapshot-delete"
          onUndo={() => void undoDeletionAndSay(undo, { onMessage, onPortfoliosChanged })}
        />
      )}
      {snapshots.length === 0 && <p className="muted">{t('This portfolio has no snapshots yet: import a holdings file.')}</p>}
      {snapshots.length > 0 && (
        <table className="compact" data-testid="snapshots-table">
          <thead>
            <tr>
              <th>{t('As of')}</th>
              <th>{t('File')}</th>
              <th className="num">{t('Rows')}</th>
              <th>{t('Imported')}</th>
              <th>
                <span className="visually-hidden">{t('Actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s, i) => (
              <tr key={s.id} data-testid={`snapshot-row-${s.id}`}>
                <td>{i === 0 ? t('{{date}} (latest)', { date: formatDate(s.asOf) }) : formatDate(s.asOf)}</td>
                <td className="description">{s.sourceFile}</td>
                <td className="num">{formatCount(s.rowCount)}</td>
                <td>{formatDateTime(s.importedAt)}</td>
                <td className="num">
                  <button type="button" className="small" data-testid={`snapshot-delete-${s.id}`} onClick={() => setConfirming(s)} aria-label={t('Delete the snapshot of {{date}} ({{file}})…', { date: formatDate(s.asOf), file: s.sourceFile })}>
                    {t('Delete…')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDelete
          title={t('Delete the snapshot of {{date}}?', { date: formatDate(confirming.asOf) })}
          testId="snapshot-delete-dialog"
          confirmTestId="snapshot-delete-confirm"
          onCancel={() => setConfirming(null)}
          onDelete={() => {
            const s = confirming;
            setConfirming(null);
            void run(async () => {
              const r = await api().deleteSnapshot({ id: s.id });
              offerDeletionUndo({ kind: 'snapshot', token: r.undoToken, portfolioId: r.portfolioId, asOf: r.asOf, file: r.sourceFile });
            });
          }}
        >
          {snapshots[0]?.id === confirming.id && snapshots.length > 1
            ? t("Its positions from {{file}} will be deleted, and the portfolio's figures will become those of its snapshot of {{before}}. Tags stay. You can undo this until you quit the app.", { file: confirming.sourceFile, before: formatDate(snapshots[1]!.asOf) })
            : snapshots.length === 1
              ? t('Its positions from {{file}} will be deleted, and the portfolio will have no holdings until the next import. Tags stay. You can undo this until you quit the app.', { file: confirming.sourceFile })
              : t('Its positions from {{file}} will be deleted; the latest figures will not change. Tags stay. You can undo this until you quit the app.', { file: confirming.sourceFile })}
        </ConfirmDelete>
      )}
    </section>
  );
}
