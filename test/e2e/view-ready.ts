import { VIEWS, type ViewId } from '../../renderer/src/analytics/ViewTabs';
import type { Harness } from './harness';

/** What each view draws once it is ready: the e2e walks wait for it after opening the tab. */
export const VIEW_READY: Record<ViewId, string> = {
  positions: 'positions-table',
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

/**
 * Imports a later snapshot into the first portfolio through the backend (so Compare and History
 * have two), reloads, then opens every view in turn and runs `each` once it is drawn.
 */
export async function walkEveryView(h: Harness, laterFile: string, each: (view: ViewId) => Promise<void>): Promise<void> {
  const portfolioId = (await h.backend.handlers.listPortfolios({}))[0]!.id;
  await h.backend.handlers.importHoldings({ path: laterFile, portfolioId, options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
  await h.page.reload();
  await h.page.getByTestId('positions-table').waitFor();
  for (const v of VIEWS) {
    await h.page.getByTestId(`view-tab-${v.id}`).click();
    await h.page.getByTestId(VIEW_READY[v.id]).waitFor();
    await each(v.id);
  }
}
