import type { ApiFailure } from '../api';
import { IssuesTable } from './IssuesTable';
import { Modal } from './Modal';

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
  const issues = failure.details?.issues ?? [];
  const count = (key: 'rejectedCount' | 'validCount') => (typeof failure.details?.[key] === 'number' ? (failure.details[key] as number) : null);
  const rejected = count('rejectedCount');
  // Skipping the bad rows is pointless when no row is good (the backend says how many are).
  const canSkip = failure.code === 'IMPORT_INVALID_ROWS' && count('validCount') !== 0;
  const title = failure.code === 'ALREADY_IMPORTED' ? 'Already imported' : failure.code === 'IMPORT_INVALID_ROWS' ? 'Some rows could not be read' : 'The file could not be imported';
  return (
    <Modal title={title} testId="import-error-dialog" onClose={onCancel}>
      <p className="error-message">{failure.message}</p>
      {issues.length > 0 && <IssuesTable issues={issues} />}
      {rejected !== null && rejected > issues.length && (
        <p className="muted small" data-testid="issues-more">
          The first {issues.length} of {rejected} rows that could not be read are listed.
        </p>
      )}
      <p className="muted small">Nothing was written: your data is as it was before.</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {canSkip && (
          <button type="button" className="primary" data-testid="import-valid-rows" onClick={() => onRetry({ skipInvalid: true })}>
            Import valid rows only
          </button>
        )}
        {failure.code === 'ALREADY_IMPORTED' && (
          <button type="button" className="primary" data-testid="import-again" onClick={() => onRetry({ allowDuplicate: true })}>
            Import again anyway
          </button>
        )}
      </div>
    </Modal>
  );
}
