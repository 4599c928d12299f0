import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

/** Asks before a deletion: what goes and that it can be undone, then Cancel or Delete. */
export function ConfirmDelete({ title, testId, confirmTestId, children, onCancel, onDelete }: { title: string; testId: string; confirmTestId: string; children: ReactNode; onCancel: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={title} testId={testId} onClose={onCancel}>
      <p>{children}</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('Cancel')}
        </button>
        <button type="button" className="danger" data-testid={confirmTestId} onClick={onDelete}>
          {t('Delete')}
        </button>
      </div>
    </Modal>
  );
}
