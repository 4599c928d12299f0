import type { ViewId } from '../../renderer/src/views/ViewTabs';

/** What each view draws once it is ready: the e2e walks wait for it after opening the tab. */
export const VIEW_READY: Record<ViewId, string> = {
  holdings: 'holdings-table',
  themes: 'donut-chart',
  accounts: 'accounts-chart',
  currencies: 'fx-table',
  overlap: 'overlap-matrix',
  history: 'history-chart',
  compare: 'compare-themes',
  scenarios: 'scenarios-view',
  household: 'household-view',
  portfolios: 'overview-chart',
};
