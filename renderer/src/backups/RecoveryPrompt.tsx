import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DamagedAtStart } from '../../../shared/api/contract';
import { api } from '../api';
import { msg } from '../i18n';
import { Modal } from '../ui/Modal';
import { errorWords } from '../failure-words';
import { formatDateTime } from '../format';

const REASON: Record<string, string> = {
  import: msg('taken before an import'),
  migration: msg('taken before an upgrade'),
  manual: msg('made by you'),
  'before-restore': msg('taken before a restore'),
};

/**
 * Start-up found the database damaged: it was moved aside (never deleted) and ThemeLens opened an
 * empty one. This offers the newest backup that passes its integrity check; restoring it restarts
 * the app so everything reads the restored file.
 */
export function RecoveryPrompt({ damaged, onStartEmpty }: { damaged: DamagedAtStart; onStartEmpty: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ kind: 'idle' | 'working' | 'restarting' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const { backup } = damaged;
  const restore = async () => {
    if (!backup) return;
    setState({ kind: 'working' });
    try {
      const result = await api().restoreBackup({ file: backup.file });
      if (result.restartRequired) {
        setState({ kind: 'restarting' });
        await api().relaunchApp({});
      } else {
        onStartEmpty();
      }
    } catch (err) {
      setState({ kind: 'error', message: errorWords(err) });
    }
  };
  return (
    <Modal title={t('Your database was damaged')} testId="recovery-prompt" onClose={() => state.kind !== 'restarting' && state.kind !== 'working' && onStartEmpty()}>
      <p>
        {t('ThemeLens found its database damaged at start-up. The damaged file was moved aside, unchanged, to')}{' '}
        <code data-testid="recovery-moved-to">{damaged.movedTo}</code>
        {t('. Nothing was deleted.')}
      </p>
      {backup ? (
        <p data-testid="recovery-backup">
          {t('The newest backup that passes its integrity check is from')} <strong>{formatDateTime(backup.createdAt)}</strong>{' '}
          {t('({{reason}}, {{file}}). Restore it, or start with an empty database (the backup stays available under Backups).', {
            reason: REASON[backup.reason] ? t(REASON[backup.reason]!) : backup.reason,
            file: backup.file,
          })}
        </p>
      ) : (
        <p data-testid="recovery-backup">{t('There is no verified backup to restore: ThemeLens starts with an empty database.')}</p>
      )}
      {state.kind === 'error' && (
        <p className="field-error" role="alert" data-testid="recovery-error">
          {state.message}
        </p>
      )}
      {state.kind === 'restarting' && (
        <p role="status" data-testid="recovery-restarting">
          {t('Restored. ThemeLens is restarting…')}
        </p>
      )}
      <div className="actions">
        <button type="button" data-testid="recovery-start-empty" onClick={onStartEmpty} disabled={state.kind === 'working' || state.kind === 'restarting'}>
          {t('Start empty')}
        </button>
        {backup && (
          // Focused first: Enter restores the user's data, where it started empty (Start empty came first).
          <button type="button" className="primary" data-testid="recovery-restore" data-autofocus onClick={() => void restore()} disabled={state.kind === 'working' || state.kind === 'restarting'}>
            {t('Restore this backup')}
          </button>
        )}
      </div>
    </Modal>
  );
}
