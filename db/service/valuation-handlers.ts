import type { BackendHandlers } from '../../shared/api/contract';
import { accountBreakdown, accountsKey, currencyBreakdown, themeBreakdown, themeOverlap, themesKey } from '../exposure/breakdowns';
import { compareSnapshots, comparisonKey } from '../exposure/compare';
import { aheadOf, figuresAhead } from '../exposure/figures-ahead';
import { computeExposure } from '../exposure/compute';
import { historyKey, portfoliosOverview, themeHistory } from '../exposure/history';
import { listPositions } from '../exposure/position-list';
import { applyShocks } from '../../shared/exposure/scenario';
import type { ExposureWarning } from '../../shared/exposure/model';
import { scenarioFromGroups } from '../exposure/group-scenario';
import { applyExtras, resolveExtras } from '../report/extras';
import { localDate } from '../repos/clock';
import * as fx from '../repos/fx';
import { importFxRatesFile } from '../repos/fx-import';
import * as portfolios from '../repos/portfolios';
import * as snapshots from '../repos/snapshots';
import { resolveSnapshot, type HandlerContext } from './handler-context';

/** Exposure and the views built on it, and the exchange rates that value it. */
export function valuationHandlers({ db, now, settings, scoped }: HandlerContext) {
  /** The portfolio and the two snapshots a comparison names. */
  const compared = (input: { portfolioId: number; fromSnapshotId: number; toSnapshotId: number }) => {
    const portfolio = portfolios.getPortfolio(db, input.portfolioId);
    return [portfolio, resolveSnapshot(db, portfolio, input.fromSnapshotId), resolveSnapshot(db, portfolio, input.toSnapshotId)] as const;
  };
  /**
   * What `read` gives, once the figure `keyOf` names is in, if it is being computed ahead; read
   * again after a wait, so a write meanwhile (a base currency changed, a snapshot deleted) is
   * answered as it now stands.
   */
  const afterAhead = async <T>(read: () => T, keyOf: (read: T) => string): Promise<T> => {
    const first = read();
    return (await aheadOf(db, keyOf(first))) ? read() : first;
  };
  return {
    getExposure: (input) => applyExtras(computeExposure(db, ...scoped(input), now(), input.positionLimit), resolveExtras(db, input)).exposure,
    listPositions: (input) => {
      const snapshot = snapshots.getSnapshot(db, input.snapshotId);
      return listPositions(db, portfolios.getPortfolio(db, snapshot.portfolioId), snapshot, input.offset, input.limit);
    },
    // Being computed ahead on the figures thread (a large portfolio's, prepareFigures): waiting
    // for it is sooner than computing here, and holds up no other call.
    getThemeBreakdown: async (input) => themeBreakdown(db, ...(await afterAhead(() => scoped(input), ([p, s]) => themesKey(p, s.id, input.top))), input.top),
    getAccountBreakdown: async (input) => accountBreakdown(db, ...(await afterAhead(() => scoped(input), ([p, s]) => accountsKey(p, s.id)))),
    getCurrencyBreakdown: (input) => currencyBreakdown(db, ...scoped(input)),
    getThemeOverlap: (input) => themeOverlap(db, ...scoped(input)),
    getThemeHistory: async (input) => themeHistory(db, await afterAhead(() => portfolios.getPortfolio(db, input.portfolioId), historyKey)),
    compareSnapshots: async (input) => compareSnapshots(db, ...(await afterAhead(() => compared(input), ([p, from, to]) => comparisonKey(db, p, from, to, input.limit).key)), input.limit),
    prepareFigures: (input) => {
      const portfolio = portfolios.getPortfolio(db, input.portfolioId);
      const comparison = input.comparison && ([resolveSnapshot(db, portfolio, input.comparison.fromSnapshotId), resolveSnapshot(db, portfolio, input.comparison.toSnapshotId)] as const);
      const shown = input.snapshotId === undefined ? undefined : resolveSnapshot(db, portfolio, input.snapshotId);
      const connection = { dbPath: settings.dbPath, nativeBinding: settings.nativeBinding, key: settings.key, cipherNativeBinding: settings.cipherNativeBinding, readonly: Boolean(settings.readOnlyMessage) };
      return { ahead: figuresAhead(db, connection, portfolio, { shown, comparison, household: input.household }) };
    },
    getPortfoliosOverview: () => portfoliosOverview(db),
    runScenario: (input) => {
      const [portfolio, snapshot] = scoped(input);
      const shocks = new Map(input.shocks.map((s) => [s.themeId, s.shockBp]));
      const about = (exposure: { warnings: ExposureWarning[] }) => ({ portfolio: portfolio.name, portfolioId: portfolio.id, snapshotId: snapshot.id, asOf: snapshot.asOf, warnings: exposure.warnings.filter((w) => w.code === 'MISSING_FX') });
      // A few positions asked for: the figures from the groups, only those positions read.
      if (input.positionLimit !== undefined) {
        const totals = computeExposure(db, portfolio, snapshot, now(), 0);
        const fromGroups = scenarioFromGroups(db, totals, snapshot.id, shocks, input.positionLimit);
        if (fromGroups) return { ...about(totals), ...fromGroups };
      }
      const exposure = computeExposure(db, portfolio, snapshot, now());
      const all = applyShocks(exposure, shocks);
      const positions = input.positionLimit === undefined ? all.positions : all.positions.slice(0, input.positionLimit);
      return { ...about(exposure), ...all, positions, movedPositions: all.positions.length };
    },
    setFxRate: (input) => fx.setFxRate(db, { currency: input.currency, quote: input.quote, rate: input.rate }, input.asOf ?? localDate()),
    listFxRates: () => fx.listFxRates(db),
    importFxRates: (input) => importFxRatesFile(db, input.path, input.base ?? null),
  } satisfies Pick<
    BackendHandlers,
    | 'getExposure'
    | 'listPositions'
    | 'getThemeBreakdown'
    | 'getAccountBreakdown'
    | 'getCurrencyBreakdown'
    | 'getThemeOverlap'
    | 'getThemeHistory'
    | 'compareSnapshots'
    | 'prepareFigures'
    | 'getPortfoliosOverview'
    | 'runScenario'
    | 'setFxRate'
    | 'listFxRates'
    | 'importFxRates'
  >;
}
