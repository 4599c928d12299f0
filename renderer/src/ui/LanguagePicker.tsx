import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, isLanguage, setLanguage } from '../i18n';

/** The interface's language, beside View › Language in the menu; each language is named in itself. */
export function LanguagePicker() {
  const { t } = useTranslation();
  return (
    <label className="picker language-picker">
      <span className="visually-hidden">{t('Language')}</span>
      <select
        data-testid="language-picker"
        aria-label={t('Language')}
        value={currentLanguage()}
        onChange={(e) => {
          if (isLanguage(e.target.value)) void setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
