import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';

/** Brokers by name (never translated); the Japanese brokers and the mapped CSV are added, translated, where shown. */
const BROKERS = ['Fidelity', 'Charles Schwab', 'Vanguard', 'Interactive Brokers', 'E*TRADE', 'DEGIRO'];

/** What a new user sees first: what ThemeLens does and the one thing to do next. */
export function EmptyState({ onImport, onSample, busy }: { onImport: () => void; onSample: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <main className="empty-state" data-testid="empty-state">
      <h1>{t('See how much of your portfolio rides on each theme')}</h1>
      <p>{t('Import the positions file your broker exports, tag positions with themes such as data-center infrastructure or crude-oil logistics, and ThemeLens charts your exposure.')}</p>
      <button type="button" className="primary large" data-testid="import-button" onClick={onImport} disabled={busy} autoFocus>
        {t('Import your first holdings file…')}
      </button>
      <p>
        <button type="button" className="link-button" data-testid="try-sample" onClick={onSample} disabled={busy}>
          {t('Or try a sample household first')}
        </button>{' '}
        <span className="muted small">{t("(three brokers' files and an ETF, invented, removed in one click)")}</span>
      </p>
      <p className="muted">{t('Works with exports from {{brokers}}.', { brokers: [...BROKERS, t('SBI and Rakuten Securities'), t('any CSV with columns you map')].join(currentLanguage() === 'ja' ? '、' : ', ') })}</p>
      <p className="muted small">{t('Everything stays on this computer: ThemeLens makes no network requests.')}</p>
    </main>
  );
}
