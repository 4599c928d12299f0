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
  const title = failure.code === 'ALREADY_IMPORTED' ? 'Already imported' : failure.code === 'IMPORT_INVALID_ROWS' ? 'Some rows could not be read' : 'The file could not be imported';
  return (
    <Modal title={title} testId="import-error-dialog" onClose={onCancel}>
      <p className="error-message">{failure.message}</p>
      {issues.length > 0 && <IssuesTable issues={issues} />}
      <p className="muted small">Nothing was written: your data is as it was before.</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {failure.code === 'IMPORT_INVALID_ROWS' && (
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
