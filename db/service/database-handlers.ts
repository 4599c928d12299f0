import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import type { BackendHandlers } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { refuseBackupNamedElsewhere } from '../backup/backup-folder';
import { createVerifiedBackup, listBackups, restoreBackup } from '../backup/backups';
import { sqliteVersion } from '../connection';
import { schemaVersion } from '../migrations';
import type { HandlerContext } from './handler-context';
import type { ImportState } from './import-handlers';

/** The database file itself: its status, and verified backups to take and restore. */
export function databaseHandlers({ db, settings }: HandlerContext, imports: ImportState) {
  return {
    databaseStatus: () => ({ readOnly: Boolean(settings.readOnlyMessage), message: settings.readOnlyMessage ?? null, said: settings.readOnlySaid ?? null, sqliteVersion: sqliteVersion(db), schemaVersion: schemaVersion(db), damaged: settings.damaged ?? null }),
    listBackups: () => listBackups(settings.dbPath),
    createBackup: async () => createVerifiedBackup(db, settings.dbPath, 'manual', new Date(), settings.nativeBinding),
    restoreBackup: async (input) => {
      if (settings.readOnlyMessage) throw new AppError('IO', settings.readOnlyMessage);
      if (imports.running()) throw saidError('CONFLICT', ERROR_TEXT.restoreWhileImport, {});
      // An import that has answered may still be copying its pages into the file.
      await imports.housekeeping();
      if (imports.running()) throw saidError('CONFLICT', ERROR_TEXT.restoreWhileImport, {});
      const found = listBackups(settings.dbPath).find((b) => b.file === input.file);
      // A backup by that name of another database, or of unknown origin, is refused saying so.
      if (!found) refuseBackupNamedElsewhere(settings.dbPath, input.file);
      if (!found) throw new AppError('NOT_FOUND', `There is no backup named ${input.file}. Run "themelens backup list" to see them.`);
      return restoreBackup(db, settings.dbPath, found.path, new Date(), settings.nativeBinding);
    },
  } satisfies Pick<BackendHandlers, 'databaseStatus' | 'listBackups' | 'createBackup' | 'restoreBackup'>;
}
