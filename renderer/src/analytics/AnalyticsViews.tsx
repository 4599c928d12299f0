import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioSummary, Snapshot } from '../../../shared/domain/types';
import { AccountsView } from './AccountsView';
import { CompareView } from './CompareView';
import { CurrenciesView } from './CurrenciesView';
import { HistoryView } from './HistoryView';
import { HouseholdView } from './HouseholdView';
import { OverlapView } from './OverlapView';
import { PortfoliosView } from './PortfoliosView';
import { SnapshotPicker } from './SnapshotPicker';
import { SnapshotsPanel } from './SnapshotsPanel';
import { ScenariosView } from './ScenariosView';
import { ThemesView } from './ThemesView';
import { useSwitchMeasure } from './timing';
import { answerName, keptAnswer } from './kept-answers';
import { compareCall, PREFETCHED_VIEWS, snapshotsCall, usePrefetch, viewCall } from './prefetch';
import { householdCall } from './household-calls';
import { useCall } from '../ui/useCall';
import type { ViewId } from './ViewTabs';

/** The views that show one snapshot (and have a snapshot picker). */
const SNAPSHOT_VIEWS: readonly string[] = ['themes', 'accounts', 'currencies', 'overlap', 'scenarios'];

/** What every analytics view gets from the app. */
export interface ViewProps {
  portfolio: PortfolioSummary;
  portfolioName: string;
  onMessage: (text: string, kind: 'ok' | 'error') => void;
  /** Figures changed (an FX rate was set): fetch again. */
  onChanged: () => void;
  /** Portfolios were renamed, duplicated, deleted or restored; select this one if given. */
  onPortfoliosChanged: (select?: number) => void;
}

/** The analytics views of a portfolio (every tab but Positions), each fetching only what it shows. */
export function AnalyticsViews(
  props: Omit<ViewProps, 'onChanged'> & {
    view: Exclude<ViewId, 'positions'>;
    version: number;
    /** The window's generation of figures: answers kept in it are drawn at once (kept-answers.ts). */
    generation: number;
    onChanged: () => void;
  },
) {
  const { t } = useTranslation();
  const { view, portfolio, version, generation } = props;
  const [snapshotId, setSnapshotId] = useState<number | null>(null);
  const snaps = useCall<Snapshot[]>(snapshotsCall(portfolio.id, generation), `${portfolio.id}:${version}`, keptAnswer(answerName('snapshots', portfolio.id, null), generation));
  const snapshots = snaps.data?.filter((s) => s.portfolioId === portfolio.id) ?? [];
  // The picked snapshot if it belongs to this portfolio, else its latest. The latest is known from
  // the portfolio itself, so a view's data is asked for at once, not after the snapshot list.
  const sid = snapshots.some((s) => s.id === snapshotId) ? snapshotId : (snapshots[0]?.id ?? portfolio.latestSnapshotId ?? null);
  // The generation, not only the version: a tag edit or an undo made while this view is shown changes the figures too.
  const key = `${view}:${portfolio.id}:${sid}:${generation}`;
  const { data, error } = useCall<unknown>(() => {
    if ((!sid && view !== 'portfolios') || view === 'household') return Promise.resolve(null);
    return viewCall(view, portfolio.id, sid, generation)?.() ?? Promise.resolve(null);
  }, key, keptAnswer(answerName(view, portfolio.id, sid), generation));
  // Only this view's answer for this snapshot counts as ready (the previous one's stays while loading).
  const ready = data && view !== 'compare' && view !== 'scenarios' && view !== 'household' && matches(view, data as Record<string, unknown>, portfolio.id, sid) ? data : null;
  // Then the other views of this snapshot, the household's, and this view for the most recent other
  // snapshots. The household before those: a user clicking through the views reaches it next, while
  // six older snapshots at 100,000 positions are 40-70 ms each, and the queue restarts with every
  // switch, so behind them it was computed on the click (125-133 ms in the perf walk).
  usePrefetch(
    () => [
      ...PREFETCHED_VIEWS.filter((v) => v !== view).map((v) => viewCall(v, portfolio.id, sid, generation)),
      view === 'household' ? null : householdCall(portfolio, generation),
      ...(SNAPSHOT_VIEWS.includes(view) ? snapshots.filter((s) => s.id !== sid).slice(0, 6).map((s) => viewCall(view, portfolio.id, s.id, generation)) : []),
      compareCall(portfolio.id, generation),
    ].filter((c) => c !== null),
    ready ? key : null,
  );
  useSwitchMeasure(key, ready);
  const picker = SNAPSHOT_VIEWS.includes(view) && snapshots.length > 0;

  const waiting = useWaitingTooLong(key, !ready && !error && view !== 'compare' && view !== 'scenarios' && view !== 'household');
  let body: ReactNode = null;
  const d = ready as never;
  // Each view asks for its figures again with every generation (a tag edit or an undo made while it is shown too).
  // No snapshot left (the last one deleted, an import that failed): say so, and offer the undo, rather than wait for figures that cannot come.
  if (snaps.data && snapshots.length === 0 && portfolio.snapshotCount === 0 && view !== 'portfolios' && view !== 'household') body = <div className="view-grid"><SnapshotsPanel {...props} snapshots={[]} /></div>;
  else if (view === 'compare') body = snaps.data ? <CompareView {...props} snapshots={snapshots} version={generation} /> : null;
  else if (view === 'scenarios') body = <ScenariosView {...props} snapshotId={sid} version={generation} />;
  else if (view === 'household') body = <HouseholdView {...props} version={generation} />;
  else if (error) body = <p className="warn">{error}</p>;
  else if (d) {
    if (view === 'themes') body = <ThemesView {...props} breakdown={d} version={generation} />;
    else if (view === 'accounts') body = <AccountsView {...props} breakdown={d} />;
    else if (view === 'currencies') body = <CurrenciesView {...props} breakdown={d} />;
    else if (view === 'overlap') body = <OverlapView {...props} overlap={d} />;
    else if (view === 'history') body = <HistoryView {...props} history={d} snapshots={snapshots} />;
    else if (view === 'portfolios') body = <PortfoliosView {...props} overview={d} />;
  }
  // While the next view's figures are on their way, the last view drawn stays (the same element,
  // so nothing is drawn again) and is marked busy; only a wait longer than WAIT_MS says "Loading…".
  // Most switches answer sooner, and the window then draws once, not twice, per switch.
  const shown = useRef<ReactNode>(null);
  const loading = body === null;
  if (!loading) shown.current = body;
  const stale = loading && !waiting && shown.current !== null;
  return (
    <main className="analytics" data-testid="analytics" aria-busy={loading || undefined}>
      {picker && (
        <div className="view-head">
          <SnapshotPicker snapshots={snapshots} value={sid} onChange={setSnapshotId} />
        </div>
      )}
      {!loading ? body : stale ? shown.current : <p className="muted loading-inline">{t('Loading…')}</p>}
    </main>
  );
}

/** How long the last view may stay on screen while the next one's figures are computed. */
const WAIT_MS = 250;

/** Whether `pending` has held for more than WAIT_MS since `key` last changed. */
function useWaitingTooLong(key: string, pending: boolean): boolean {
  const [late, setLate] = useState<string | null>(null);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setLate(key), WAIT_MS);
    return () => clearTimeout(timer);
  }, [key, pending]);
  return pending && late === key;
}

/** The data on hand is this view's answer for this portfolio and snapshot (not a previous view's, still shown while loading). */
function matches(view: string, d: Record<string, unknown>, portfolioId: number, snapshotId: number | null): boolean {
  if (view === 'portfolios') return 'portfolios' in d;
  if (view === 'history') return 'points' in d && d['portfolioId'] === portfolioId;
  if (d['portfolioId'] !== portfolioId || d['snapshotId'] !== snapshotId) return false;
  if (view === 'themes') return Array.isArray(d['themes']) && (d['themes'] as { top?: unknown }[]).every((t) => 'top' in t);
  if (view === 'accounts') return 'accounts' in d;
  if (view === 'currencies') return 'currencies' in d;
  if (view === 'overlap') return 'cells' in d;
  return false;
}
