import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { PortfolioSummary } from '../../../shared/domain/types';
import { drawingUnseen } from './charts/ChartBox';
import type { AccountBreakdown, BreakdownHead, CurrencyBreakdown, PortfoliosOverview, PositionChange, SnapshotComparison, ThemeBreakdown, ThemeHistory, ThemeOverlap } from '../../../shared/exposure/analytics';
import type { Exposure } from '../../../shared/exposure/model';
import { CompareFigures } from './CompareView';
import { HouseholdFigures } from './HouseholdView';
import { AccountsView } from './AccountsView';
import type { ViewProps } from './AnalyticsViews';
import { CurrenciesView } from './CurrenciesView';
import { HistoryView } from './HistoryView';
import { OverlapView } from './OverlapView';
import { PortfoliosView } from './PortfoliosView';
import { ThemesView } from './ThemesView';
import { switchPending } from './timing';
import { whenIdle } from './idle';
import { msSinceInput } from './user-input';

/**
 * The first time a view is drawn in a window costs about 40 ms more than the next time: its code
 * (and recharts' code for its chart) runs for the first time. So, while the window is idle after
 * start-up, each view is drawn once with made-up figures into an element that is attached,
 * drawn and removed within one task (so it is never painted, never seen by assistive technology,
 * and nothing else can find it), and the user's first visit to a view is as quick as the next.
 */

const THEMES = [
  { id: 'a', name: 'A', color: '#2563eb' },
  { id: 'b', name: 'B', color: '#d97706' },
];
const HEAD: BreakdownHead = { portfolioId: 0, snapshotId: 0, asOf: '2026-01-01', baseCurrency: 'USD', totalValue: 300, untaggedValue: 100, missingCurrencies: [] };
// i18n-ignore: made-up figures drawn unseen (never painted), only to warm up the views' code
const PORTFOLIO: PortfolioSummary = { id: 0, name: 'Sample', clientName: null, notes: null, baseCurrency: 'USD', createdAt: '2026-01-01T00:00:00Z', snapshotCount: 2, latestSnapshotId: 0, latestAsOf: '2026-01-01' };
const PROPS: ViewProps = { portfolio: PORTFOLIO, portfolioName: 'Sample', onMessage: () => {}, onChanged: () => {}, onPortfoliosChanged: () => {} };

const contributor = (positionId: number, symbol: string, value: number) => ({ positionId, account: 'X1', symbol, symbolKey: symbol, description: symbol, weight: 1, source: 'manual', viaThemeId: null, viaThemeName: null, positionValue: value, value });
const themes: ThemeBreakdown = { ...HEAD, themes: THEMES.map((t, i) => ({ ...t, value: 100, share: 1 / 3, positionCount: 2, top: [contributor(2 * i, `S${i}`, 60), contributor(2 * i + 1, `T${i}`, 40)] })) };
const accounts: AccountBreakdown = { ...HEAD, themes: THEMES, accounts: ['X1', 'Z9'].map((account) => ({ account, totalValue: 150, untaggedValue: 50, positionCount: 2, themes: { a: 50, b: 50 } })) };
const currencies: CurrencyBreakdown = { ...HEAD, currencies: [{ currency: 'USD', positionCount: 2, localValue: 300, value: 300, share: 1, rate: '', rateAsOf: null, missing: false, broker: null }] };
const overlap: ThemeOverlap = { ...HEAD, themes: THEMES, cells: [{ a: 'a', b: 'a', value: 100, positionCount: 2 }, { a: 'a', b: 'b', value: 50, positionCount: 1 }, { a: 'b', b: 'b', value: 100, positionCount: 2 }] };
const history: ThemeHistory = {
  portfolioId: 0,
  baseCurrency: 'USD',
  themes: THEMES,
  points: ['2026-01-01', '2026-02-01'].map((asOf, i) => ({ snapshotId: i, asOf, totalValue: 300, untaggedValue: 100, shares: { a: 1 / 3, b: 1 / 3 }, values: { a: 100, b: 100 } })),
};
// i18n-ignore: made-up figures drawn unseen, as above
const overview: PortfoliosOverview = { themes: THEMES, portfolios: [{ id: 0, name: 'Sample', clientName: 'Client', baseCurrency: 'USD', snapshotId: 0, asOf: '2026-01-01', totalValue: 300, untaggedShare: 1 / 3, shares: { a: 1 / 3, b: 1 / 3 } }] };

const theme = (t: (typeof THEMES)[number], i: number) => ({ ...t, value: 100, grossValue: 100, longValue: 100, shortValue: 0, share: 1 / 3, positionCount: 2, ...(i === 0 ? { target: { share: 0.3, band: 0.05, drift: 0.03, outside: false } } : {}) });
const position = (symbol: string, value: number) => ({ account: 'P · X1', symbol, symbolKey: symbol, description: symbol, quantity: 1, value, localValue: value, currency: 'USD', isCash: false, themes: [{ id: 'a', weight: 1, value }] });
// i18n-ignore: made-up figures drawn unseen, as above
const household: Exposure = {
  schemaVersion: 1, portfolio: 'Client', clientName: 'Client', snapshotId: null, asOf: '2026-01-01', sourceFile: 'a.csv', baseCurrency: 'USD', totalValue: 300, cashValue: 0, untaggedValue: 100,
  themes: THEMES.map(theme), positionCount: 2, positions: [position('S', 200), position('T', 100)], fxRates: [], tagChanges: [], warnings: [], generatedAt: '',
  portfolios: [{ name: 'P', snapshotId: 0, asOf: '2026-01-01', sourceFile: 'a.csv', baseCurrency: 'USD', totalValue: 300, positionCount: 2 }],
};
const change = (symbol: string, status: PositionChange['status']): PositionChange => ({
  account: 'X1', symbolKey: symbol, symbol, description: symbol, status, fromQuantity: 1, toQuantity: 2, fromValue: 100, toValue: 200, quantityEffect: 100, priceEffect: 0, tagEffect: 0, reasons: ['quantity'],
});
const comparison: SnapshotComparison = {
  portfolioId: 0, baseCurrency: 'USD', from: { snapshotId: 0, asOf: '2026-01-01', totalValue: 200 }, to: { snapshotId: 1, asOf: '2026-02-01', totalValue: 300 },
  themes: THEMES.map((t) => ({ ...t, fromValue: 100, toValue: 150, fromShare: 0.5, toShare: 0.5, quantityEffect: 50, priceEffect: 0, tagEffect: 0 })),
  untagged: { fromValue: 0, toValue: 0, fromShare: 0, toShare: 0, quantityEffect: 0, priceEffect: 0, tagEffect: 0 },
  counts: { new: 1, gone: 0, grown: 1, shrunk: 0, unchanged: 0 }, positions: [change('S', 'grown'), change('T', 'new')], changedCount: 2, missingCurrencies: [],
};

const VIEWS: (() => ReactElement)[] = [
  () => <ThemesView {...PROPS} breakdown={themes} version={0} allAtOnce />,
  () => <AccountsView {...PROPS} breakdown={accounts} />,
  () => <HistoryView {...PROPS} history={history} snapshots={[]} />,
  () => <CurrenciesView {...PROPS} breakdown={currencies} />,
  () => <OverlapView {...PROPS} overlap={overlap} />,
  () => <PortfoliosView {...PROPS} overview={overview} />,
  () => <CompareFigures c={comparison} currency="USD" />,
  () => <HouseholdFigures r={household} client="Client" currencies={['USD']} base="USD" onCurrency={() => {}} onExport={() => {}} onMessage={() => {}} onTargetsSaved={() => {}} />,
];

const idle = (f: () => void) => whenIdle(f, 3000, 200);

/**
 * The width of the place views are drawn in: the analytics views' element, or the Positions view's
 * while that is shown (the same place, as wide). Null when neither is on screen (still loading).
 */
function viewAreaWidth(): number | null {
  const area = document.querySelector<HTMLElement>('main.analytics, main.workspace:not([hidden])');
  // Unrounded: a fractional width (a zoomed or scaled window) rounded here could make a chart's box a pixel off.
  const width = area ? area.getBoundingClientRect().width : 0;
  return width > 0 ? width : null;
}

/**
 * Draws one view, unseen, and removes it, all in the current task. It is drawn in an element styled
 * as the analytics views' (`analytics`: its padding and scroll bar gutter) and as wide, so its
 * charts' widths are the ones the view will have on screen, and its first real drawing need not
 * measure them (ChartBox.tsx).
 */
function drawOnce(view: () => ReactElement): void {
  const width = viewAreaWidth();
  const el = document.createElement('div');
  el.className = 'analytics';
  el.setAttribute('aria-hidden', 'true');
  el.inert = true;
  el.style.cssText = `position:fixed;left:-20000px;top:0;width:${width ?? 1200}px;visibility:hidden;pointer-events:none`;
  document.body.appendChild(el);
  const root = createRoot(el);
  try {
    drawingUnseen(() => flushSync(() => root.render(view())), width !== null);
  } finally {
    root.unmount();
    el.remove();
  }
}

/** No click or key for this long, and no view switch being drawn: a drawing here will not be in the way. */
const QUIET_MS = 500;

/** Draws every analytics view once, one per quiet idle moment; returns a function that stops it. */
export function warmUpViews(): () => void {
  let cancel = () => {};
  let stopped = false;
  // The window's opening counts as input: the first screen is still being drawn.
  const started = Date.now();
  const next = (i: number) => {
    if (stopped || i >= VIEWS.length) return;
    cancel = idle(() => {
      if (Math.min(msSinceInput(), Date.now() - started) < QUIET_MS || switchPending()) {
        // Someone is using the window: try again once it has been quiet for a while.
        const timer = setTimeout(() => next(i), QUIET_MS);
        cancel = () => clearTimeout(timer);
        return;
      }
      const start = performance.now();
      try {
        drawOnce(VIEWS[i]!);
        // What it cost, for the e2e perf test's printout.
        performance.measure('themelens:warm-up', { start, detail: i });
      } catch {
        // Only a head start: a view that cannot draw here shows its own error when opened.
      }
      next(i + 1);
    });
  };
  next(0);
  return () => {
    stopped = true;
    cancel();
  };
}
