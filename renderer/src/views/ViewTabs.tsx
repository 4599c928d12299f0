import { markSwitchStart } from './timing';

export const VIEWS = [
  { id: 'holdings', label: 'Holdings' },
  { id: 'themes', label: 'Themes' },
  { id: 'accounts', label: 'Accounts' },
  { id: 'currencies', label: 'Currencies' },
  { id: 'overlap', label: 'Overlap' },
  { id: 'history', label: 'History' },
  { id: 'compare', label: 'Compare' },
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'household', label: 'Household' },
  { id: 'portfolios', label: 'Portfolios' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

/** The views of a portfolio, as tabs (arrow keys move between them). */
export function ViewTabs({ view, onView }: { view: ViewId; onView: (v: ViewId) => void }) {
  const go = (v: ViewId) => {
    if (v === view) return;
    markSwitchStart(v);
    onView(v);
  };
  return (
    <nav className="view-tabs" aria-label="Views">
      <div className="view-tabs-list" role="tablist" aria-label="Views">
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
          {v.label}
        </button>
      ))}
      </div>
    </nav>
  );
}
