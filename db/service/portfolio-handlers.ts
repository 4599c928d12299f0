import type { BackendHandlers } from '../../shared/api/contract';
import * as portfolioEdits from '../repos/portfolio-edits';
import * as portfolios from '../repos/portfolios';
import * as snapshots from '../repos/snapshots';
import type { HandlerContext } from './handler-context';

/** Portfolios and their snapshots: list, create, rename, duplicate, delete and undo a delete. */
export function portfolioHandlers({ db, now }: HandlerContext) {
  return {
    listPortfolios: () => portfolios.listPortfolios(db),
    createPortfolio: (input) => portfolios.createPortfolio(db, input, now()),
    renamePortfolio: (input) => portfolioEdits.renamePortfolio(db, input.id, input.name, input.clientName),
    duplicatePortfolio: (input) => portfolioEdits.duplicatePortfolio(db, input.id, input.name),
    deletePortfolio: (input) => portfolioEdits.deletePortfolio(db, input.id),
    restorePortfolio: (input) => portfolioEdits.restoreDeletedPortfolio(db, input.undoToken),
    listSnapshots: (input) => snapshots.listSnapshots(db, portfolios.getPortfolio(db, input.portfolioId).id),
    listImportIssues: (input) => snapshots.listImportIssues(db, input.snapshotId),
  } satisfies Pick<
    BackendHandlers,
    'listPortfolios' | 'createPortfolio' | 'renamePortfolio' | 'duplicatePortfolio' | 'deletePortfolio' | 'restorePortfolio' | 'listSnapshots' | 'listImportIssues'
  >;
}
