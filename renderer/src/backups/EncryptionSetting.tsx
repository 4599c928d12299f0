import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncryptionStatus } from '../../../shared/api/contract';
import { api } from '../api';
import { errorWords } from '../failure-words';
import { refusedWhenReadOnly, useReadOnly } from '../ui/read-only';

/**
 * Encryption at rest, off by default: turning it on keeps a key in the system key store and
 * restarts ThemeLens, which then encrypts the database and its backups. Where the system has no
 * real key store, this says why it cannot be turned on.
 */
export function EncryptionSetting() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<EncryptionStatus | null>(null);
  const [step, setStep] = useState<'idle' | 'confirm' | 'working' | 'restarting'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState<string | null>(null);
  // Encrypting rewrites the file at the next start: a read-only one cannot be (the host refuses too).
  const readOnly = useReadOnly();
  useEffect(() => {
    void api()
      .encryptionStatus({})
      .then(setStatus)
      .catch((err) => setError(errorWords(err)));
  }, []);
  const enable = async () => {
    setStep('working');
    setError(null);
    try {
      await api().enableEncryption({});
      setStep('restarting');
    } catch (err) {
      setError(errorWords(err));
      setStep('idle');
    }
  };
  const showKey = async () => {
    setError(null);
    try {
      setKey((await api().showDatabaseKey({})).key);
    } catch (err) {
      setError(errorWords(err));
    }
  };
  return (
    <section className="encryption-setting" data-testid="encryption-setting" aria-label={t('Encryption at rest')}>
      <h3>{t('Encryption at rest')}</h3>
      {status === null ? (
        !error && <p className="muted small">{t('Checking…')}</p>
      ) : status.enabled ? (
        <>
          <p className="small" data-testid="encryption-state">
            {t('On: the database and its backups are encrypted, with a key kept in this computer’s key store.')}
          </p>
          {key === null ? (
            <button type="button" className="small" data-testid="encryption-show-key" onClick={() => void showKey()}>
              {t('Show key for the command line…')}
            </button>
          ) : (
            <div className="form-row" data-testid="encryption-key">
              <span className="small">
                {/* i18n-ignore: THEMELENS_DB_KEY is an environment variable's name, typed as it is */}
                {t('The command line opens this database with')} <code>THEMELENS_DB_KEY</code> {t('set to this key. Anyone with it and the file can read your portfolios.')}
              </span>
              <input className="small mono" readOnly aria-label={t('Database key')} value={key} onFocus={(e) => e.currentTarget.select()} data-testid="encryption-key-value" />
              <button type="button" className="small" onClick={() => setKey(null)}>
                {t('Hide')}
              </button>
            </div>
          )}
        </>
      ) : !status.available ? (
        <p className="small" data-testid="encryption-state">
          {t('Off. It cannot be turned on here. {{reason}}', { reason: status.reason })}
        </p>
      ) : (
        <>
          <p className="small" data-testid="encryption-state">
            {t('Off. Turned on, the database and every backup are encrypted with a key kept in this computer’s key store; ThemeLens restarts to do it.')}
          </p>
          {step === 'idle' && (
            <button type="button" className="small" data-testid="encryption-enable" onClick={() => (readOnly ? readOnly.refuse() : setStep('confirm'))} {...refusedWhenReadOnly(readOnly)}>
              {t('Encrypt the database…')}
            </button>
          )}
          {(step === 'confirm' || step === 'working') && (
            <div className="form-row">
              <span className="small">{t('Without this computer’s key store (your login keyring) the database cannot be opened. Encrypt and restart?')}</span>
              <button type="button" className="small danger" data-testid="encryption-confirm" disabled={step === 'working'} onClick={() => void enable()}>
                {t('Encrypt and restart')}
              </button>
              <button type="button" className="small" disabled={step === 'working'} onClick={() => setStep('idle')}>
                {t('Cancel')}
              </button>
            </div>
          )}
          {step === 'restarting' && (
            <p className="small" role="status" data-testid="encryption-restarting">
              {t('ThemeLens is restarting to encrypt the database…')}
            </p>
          )}
        </>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="encryption-error">
          {error}
        </p>
      )}
    </section>
  );
}
