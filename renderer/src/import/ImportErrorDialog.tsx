import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../api';
import { IssuesTable } from './IssuesTable';
import { failureWords } from '../failure-words';
import { Modal } from '../ui/Modal';
import { formatCount } from '../format';

/** Why an import stopped, row by row, and what the user can do about it. */
export function ImportErrorDialog({
  failure,
  onRetry,
  onCancel,
}: {
  failure: ApiFailure;
  onRetry: (extra: { skipInvalid?: boolean; allowDuplicate?: boolean }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const issues = failure.details?.issues ?? [];
  const count = (key: 'rejectedCount' | 'validCount') => (typeof failure.details?.[key] === 'number' ? (failure.details[key] as number) : null);
  const rejected = count('rejectedCount');
  // Skipping the bad rows is pointless when no row is good (the backend says how many are).
  const valid = count('validCount');
  const canSkip = failure.code === 'IMPORT_INVALID_ROWS' && valid !== 0;
  const alreadyImported = failure.code === 'ALREADY_IMPORTED';
  // The button says how many rows it imports, so the choice is made knowing what it keeps.
  const skipLabel = valid === null ? t('Import valid rows only') : valid === 1 ? t('Import the 1 valid row only') : t('Import the {{n}} valid rows only', { n: formatCount(valid) });
  const title = alreadyImported ? t('Already imported') : failure.code === 'IMPORT_INVALID_ROWS' ? t('Some rows could not be read') : t('The file could not be imported');
  return (
    <Modal title={title} testId="import-error-dialog" onClose={onCancel}>
      {/* An import's own refusal placed as the import places it; any other (a name taken, an import running) from its template. */}
      <p className="error-message">{failureWords(t, failure)}</p>
      {issues.length > 0 && <IssuesTable issues={issues} />}
      {rejected !== null && rejected > issues.length && (
        <p className="muted small" data-testid="issues-more">
          {t('The first {{n}} of {{total}} rows that could not be read are listed.', { n: issues.length, total: rejected })}
        </p>
      )}
      <p className="muted small">{t('Nothing was written: your data is as it was before.')}</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {/* Cancel beside another way on; alone, there is nothing to cancel: Close. */}
          {canSkip || alreadyImported ? t('Cancel') : t('Close')}
        </button>
        {canSkip && (
          <button type="button" className="primary" data-testid="import-valid-rows" onClick={() => onRetry({ skipInvalid: true })}>
            {skipLabel}
          </button>
        )}
        {alreadyImported && (
          <button type="button" className="primary" data-testid="import-again" onClick={() => onRetry({ allowDuplicate: true })}>
            {t('Import again anyway')}
          </button>
        )}
      </div>
    </Modal>
  );
}
