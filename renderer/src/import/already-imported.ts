import type { TFunction } from 'i18next';
import type { ApiFailure } from '../api';
import { formatDate } from '../format';

/**
 * Why a file was not imported again, in the interface's language, from the figures the backend
 * sends with ALREADY_IMPORTED (db/import/import-file.ts). The app's way to keep both is its
 * "Import again anyway" button, not the command line's --allow-duplicate. Null when the failure
 * carries no figures (its English message is shown).
 */
export function alreadyImportedWords(t: TFunction, failure: ApiFailure): string | null {
  const d = failure.details;
  if (failure.code !== 'ALREADY_IMPORTED' || !d) return null;
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : null);
  const [file, portfolio, asOf] = [text('file'), text('portfolio'), text('asOf')];
  const snapshot = typeof d['snapshotId'] === 'number' ? d['snapshotId'] : null;
  if (file === null || portfolio === null || asOf === null || snapshot === null) return null;
  const importedAt = text('importedAt');
  if (d['same'] === 'file' && importedAt !== null) {
    return t('{{file}} was already imported into {{portfolio}} on {{date}} (snapshot {{snapshot}}, as of {{asOf}}). Nothing was imported.', { file, portfolio, date: formatDate(importedAt), snapshot, asOf: formatDate(asOf) });
  }
  const sourceFile = text('sourceFile');
  if (d['same'] === 'content' && sourceFile !== null) {
    return t('{{file}} holds the same positions (quantities and values) as of {{asOf}} as snapshot {{snapshot}} of {{portfolio}} ({{sourceFile}}), already imported. Nothing was imported; to keep both, choose Import again anyway.', {
      file,
      portfolio,
      asOf: formatDate(asOf),
      snapshot,
      sourceFile,
    });
  }
  return null;
}
