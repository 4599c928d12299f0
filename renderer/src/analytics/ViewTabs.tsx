import { useTranslation } from 'react-i18next';
import { msg } from '../i18n';
import { markSwitchStart } from './timing';

export const VIEWS = [
  { id: 'positions', label: msg('Positions') },
  { id: 'themes', label: msg('Themes') },
  { id: 'accounts', label: msg('Accounts') },
  { id: 'currencies', label: msg('Currencies') },
  { id: 'overlap', label: msg('Overlap') },
  { id: 'history', label: msg('History') },
  { id: 'compare', label: msg('Compare') },
  { id: 'scenarios', label: msg('Scenarios') },
  { id: 'household', label: msg('Household') },
  { id: 'portfolios', label: msg('Portfolios') },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

/** The views of a portfolio, as tabs (arrow keys move between them). */
export function ViewTabs({ view, onView }: { view: ViewId; onView: (v: ViewId) => void }) {
  const { t } = useTranslation();
  const go = (v: ViewId) => {
    if (v === view) return;
    markSwitchStart(v);
    onView(v);
  };
  return (
    <nav className="view-tabs" aria-label={t('Views')}>
      <div className="view-tabs-list" role="tablist" aria-label={t('Views')}>
      {VIEWS.map((v, i) => (
        <button
          key={v.id}
          type="button"
          role="tab"
          aria-selected={view === v.id}
          tabIndex={view === v.id ? 0 : -1}
          className={`tab${view === v.id ? ' active' : ''}`}
          data-testid={`view-tab-${v.id}`}
          onClick={() => go(v.id)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            const next = VIEWS[(i + step + VIEWS.length) % VIEWS.length]!;
            go(next.id);
            (e.currentTarget.parentElement?.children[(i + step + VIEWS.length) % VIEWS.length] as HTMLElement | undefined)?.focus();
          }}
        >
          {/* The tab's own word where it differs ("Positions" is a count in a column's header). */}
          {t(v.label, { context: 'view' })}
        </button>
      ))}
      </div>
    </nav>
  );
}
