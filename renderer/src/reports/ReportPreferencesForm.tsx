import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DEFAULT_PREFERENCES, type ReportPreferences } from '../../../shared/report/document';
import { api } from '../api';
import { errorWords } from '../failure-words';

/** The largest logo the report takes (the backend refuses more): it is embedded in every report. */
const MAX_LOGO_BYTES = 512 * 1024;

/** Reads an image file the user picked as a data: URL (a report never links to anything). */
function readLogo(file: File, t: TFunction): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!/^image\/(png|jpeg)$/.test(file.type)) return reject(new Error(t('{{name}} is not a PNG or JPEG image.', { name: file.name })));
    if (file.size > MAX_LOGO_BYTES) return reject(new Error(t('{{name}} is {{size}} KB; a logo can be at most 512 KB.', { name: file.name, size: Math.ceil(file.size / 1024) })));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(t('{{name}} could not be read.', { name: file.name })));
    reader.readAsDataURL(file);
  });
}

/**
 * The adviser's details every report carries, set once: report title, adviser name and firm, logo
 * and disclaimer. Saved to the database (preferences), so the CLI's reports carry them too.
 */
export function ReportPreferencesForm({ onDone }: { onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [prefs, setPrefs] = useState<ReportPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const loaded = prefs !== null;
  // Focus follows the user into the form once there is something to edit.
  useEffect(() => {
    if (loaded) first.current?.focus();
  }, [loaded]);
  useEffect(() => {
    api()
      .getReportPreferences({})
      .then(setPrefs, (err) => setError(errorWords(err)));
  }, []);

  const field = (key: 'reportTitle' | 'adviserName' | 'adviserFirm' | 'disclaimer') => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setPrefs((p) => (p ? { ...p, [key]: e.target.value } : p));
  const pickLogo = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    readLogo(file, t).then(
      (logoDataUrl) => {
        setError(null);
        setPrefs((p) => (p ? { ...p, logoDataUrl } : p));
      },
      (err: Error) => setError(err.message),
    );
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!prefs || busy) return;
    setBusy(true);
    try {
      await api().setReportPreferences({ ...prefs, reportTitle: prefs.reportTitle.trim() || DEFAULT_PREFERENCES.reportTitle });
      onDone(true);
    } catch (err) {
      setError(errorWords(err));
      setBusy(false);
    }
  };

  return (
    <form className="export-options report-prefs" onSubmit={(e) => void save(e)} data-testid="report-prefs" aria-busy={busy}>
      <div className="export-fields">
        <p className="muted small">{t('Set once: every report carries these, from the app and from the command line.')}</p>
        {!prefs && !error && <p className="muted">{t('Loading…')}</p>}
        {prefs && (
          <fieldset disabled={busy}>
            <legend>{t('Adviser and disclaimer')}</legend>
            <label className="prefs-field">
              {t('Report title')}
              <input ref={first} value={prefs.reportTitle} onChange={field('reportTitle')} maxLength={200} data-testid="prefs-title" />
            </label>
            <label className="prefs-field">
              {t('Adviser name')}
              <input value={prefs.adviserName} onChange={field('adviserName')} maxLength={200} autoComplete="name" data-testid="prefs-adviser" />
            </label>
            <label className="prefs-field">
              {t('Firm')}
              <input value={prefs.adviserFirm} onChange={field('adviserFirm')} maxLength={200} autoComplete="organization" data-testid="prefs-firm" />
            </label>
            <div className="prefs-field">
              {t('Logo')} <span className="muted small">{t('(PNG or JPEG, at most 512 KB; shown on the cover)')}</span>
              <div className="prefs-logo">
                {prefs.logoDataUrl ? <img src={prefs.logoDataUrl} alt={t('Logo on the cover')} data-testid="prefs-logo-image" /> : <span className="muted small">{t('No logo')}</span>}
                <label className="button small">
                  {t('Choose…')}
                  <input type="file" accept="image/png,image/jpeg" onChange={pickLogo} className="visually-hidden" data-testid="prefs-logo-file" />
                </label>
                {prefs.logoDataUrl && (
                  <button type="button" className="small" onClick={() => setPrefs({ ...prefs, logoDataUrl: null })} data-testid="prefs-logo-remove">
                    {t('Remove')}
                  </button>
                )}
              </div>
            </div>
            <label className="prefs-field">
              {t('Disclaimer')}
              <textarea value={prefs.disclaimer} onChange={field('disclaimer')} rows={6} maxLength={10_000} data-testid="prefs-disclaimer" />
            </label>
          </fieldset>
        )}
        {error && (
          <p className="export-error" role="alert" data-testid="prefs-error">
            {error}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={() => onDone(false)} data-testid="prefs-cancel">
          {t('Cancel')}
        </button>
        <button type="submit" className="primary" disabled={!prefs || busy} data-testid="prefs-save">
          {busy ? t('Saving…') : t('Save details')}
        </button>
      </div>
    </form>
  );
}
