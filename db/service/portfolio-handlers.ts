import type { BackendHandlers } from '../../shared/api/contract';
import * as portfolioEdits from '../repos/portfolio-edits';
import * as portfolios from '../repos/portfolios';
import * as snapshotDelete from '../repos/snapshot-delete';
import * as snapshots from '../repos/snapshots';
import * as targets from '../repos/targets';
import type { HandlerContext } from './handler-context';

/** Portfolios, their snapshots and their target mix: list, create, rename, duplicate, delete and undo a delete. */
export function portfolioHandlers({ db, now }: HandlerContext) {
  return {
    listPortfolios: () => portfolios.listPortfolios(db),
    createPortfolio: (input) => portfolios.createPortfolio(db, input, now()),
    renamePortfolio: (input) => portfolioEdits.renamePortfolio(db, input.id, input.name, input.clientName),
    duplicatePortfolio: (input) => portfolioEdits.duplicatePortfolio(db, input.id, input.name),
    deletePortfolio: (input) => portfolioEdits.deletePortfolio(db, input.id),
    restorePortfolio: (input) => portfolioEdits.restoreDeletedPortfolio(db, input.undoToken),
    deleteSnapshot: (input) => snapshotDelete.deleteSnapshot(db, input.id),
    restoreSnapshot: (input) => snapshotDelete.restoreDeletedSnapshot(db, input.undoToken),
    listSnapshots: (input) => snapshots.listSnapshots(db, portfolios.getPortfolio(db, input.portfolioId).id),
    listImportIssues: (input) => snapshots.listImportIssues(db, input.snapshotId),
    setThemeTarget: (input) => targets.setTarget(db, { portfolioId: portfolios.getPortfolio(db, input.portfolioId).id, themeId: input.themeId, shareBp: input.shareBp, bandBp: input.bandBp }),
    listThemeTargets: (input) => targets.listTargets(db, portfolios.getPortfolio(db, input.portfolioId).id),
    removeThemeTarget: (input) => targets.removeTarget(db, input.portfolioId, input.themeId),
  } satisfies Pick<
    BackendHandlers,
    | 'listPortfolios'
    | 'createPortfolio'
    | 'renamePortfolio'
    | 'duplicatePortfolio'
    | 'deletePortfolio'
    | 'restorePortfolio'
    | 'deleteSnapshot'
    | 'restoreSnapshot'
    | 'listSnapshots'
    | 'listImportIssues'
    | 'setThemeTarget'
    | 'listThemeTargets'
    | 'removeThemeTarget'
  >;
}
