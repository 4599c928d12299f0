import type { BackendHandlers } from '../../shared/api/contract';
import { previewImport } from '../import/preview-import';
import { repricePortfolio } from '../import/reprice';
import { importRunner } from '../import/run-import';
import type { HandlerContext } from './handler-context';

/** Whether an import is running: a restore must wait for it. */
export interface ImportState {
  running(): boolean;
  /** Resolves once the last import's thread has finished with the file (run-import.ts). */
  housekeeping(): Promise<void>;
}

/** Holdings-file imports (db/import/run-import.ts runs them) and repricing. */
export function importHandlers({ db, now, settings }: HandlerContext) {
  const runner = importRunner(db, {
    connection: { dbPath: settings.dbPath, nativeBinding: settings.nativeBinding, key: settings.key, cipherNativeBinding: settings.cipherNativeBinding },
    readOnlyMessage: settings.readOnlyMessage,
    onProgress: (p) => settings.emit?.('importProgress', p),
    onStages: settings.onImportStages,
  });
  const handlers = {
    previewImport: (input) => previewImport(db, input),
    importHoldings: (input) => runner.run(input, now()),
    cancelImport: () => ({ cancelled: runner.cancel() }),
    repricePortfolio: (input) => repricePortfolio(db, input, now()),
  } satisfies Pick<BackendHandlers, 'previewImport' | 'importHoldings' | 'cancelImport' | 'repricePortfolio'>;
  const state: ImportState = { running: runner.running, housekeeping: runner.housekeeping };
  return { handlers, state };
}
