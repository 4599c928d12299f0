import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/api/contract';
import { api } from '../api';
import { useLoadedList } from '../ui/useLoadedList';
import { formatDateTime, locale } from '../format';
import { msg } from '../i18n';
import { EncryptionSetting } from './EncryptionSetting';
import { Modal } from '../ui/Modal';
import { refusedWhenReadOnly, useReadOnly } from '../ui/read-only';

const REASON: Record<string, string> = { import: msg('Before an import'), migration: msg('Before an upgrade'), manual: msg('Made by you'), 'before-restore': msg('Before a restore') };

/** Verified copies of the database: made before every import, on demand, and restorable. */
export function BackupsDialog({ onClose, onRestored }: { onClose: () => void; onRestored: () => void }) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState<string | null>(null);
  // A restore writes the database: refused where it starts, not after "Replace everything?".
  const readOnly = useReadOnly();
  const load = useCallback(() => api().listBackups({}), []);
  const { items: backups, message, run } = useLoadedList<BackupInfo>(load);
  return (
    <Modal title={t('Backups')} testId="backups-dialog" onClose={onClose} wide>
      <p className="muted small">
        {t("ThemeLens checks each copy with SQLite's integrity check before keeping it, and keeps the 10 newest plus the newest of each day for 30 days.")}
      </p>
      <div className="form-row">
        <button type="button" className="small primary" data-testid="create-backup" onClick={() => void run(async () => t('Saved {{file}}', { file: (await api().createBackup({})).file }))}>
          {t('Back up now')}
        </button>
      </div>
      {message && <p className="small" data-testid="backups-message">{message}</p>}
      <div className="issues">
        <table data-testid="backups-table">
          <thead>
            <tr>
              <th>{t('Taken')}</th>
              <th>{t('Why')}</th>
              <th className="num">{t('Size')}</th>
              <th><span className="visually-hidden">{t('Actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.file}>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{REASON[b.reason] ? t(REASON[b.reason]!) : b.reason}</td>
                {/* i18n-ignore: "KB" is the unit's symbol in Japanese too */}
                <td className="num">{(b.bytes / 1024).toLocaleString(locale(), { maximumFractionDigits: 0 })} KB</td>
                <td className="row-actions">
                  {confirm === b.file ? (
                    <button
                      type="button"
                      className="small danger"
                      data-testid="confirm-restore"
                      onClick={() =>
                        void run(async () => {
                          const r = await api().restoreBackup({ file: b.file });
                          setConfirm(null);
                          onRestored();
                          // The desktop app restarts so every window and cache reads the restored file.
                          if (r.restartRequired) await api().relaunchApp({});
                          return r.restartRequired
                            ? t('Restored. The state before it is kept as a backup ({{file}}). ThemeLens is restarting…', { file: r.safetyCopy })
                            : t('Restored. The state before it is kept as a backup ({{file}}).', { file: r.safetyCopy });
                        })
                      }
                    >
                      {t('Replace everything with this copy?')}
                    </button>
                  ) : (
                    <button type="button" className="small" onClick={() => (readOnly ? readOnly.refuse() : setConfirm(b.file))} data-testid={`restore-${b.reason}`} {...refusedWhenReadOnly(readOnly)}>
                      {t('Restore…')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {backups.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {t('No backups yet: one is made before every import.')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <EncryptionSetting />
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('Close')}
        </button>
      </div>
    </Modal>
  );
}
