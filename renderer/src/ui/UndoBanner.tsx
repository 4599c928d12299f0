import { useTranslation } from 'react-i18next';

/**
 * What a deletion did, with its Undo, above what it changed: a status (read out when it appears),
 * so the deletion needs no toast of its own. `testId` names the banner, `${testId}-button` its Undo.
 */
export function UndoBanner({ text, testId, onUndo }: { text: string; testId: string; onUndo: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert undo-banner" role="status" data-testid={testId}>
      <p>
        {text}{' '}
        <button type="button" className="small" data-testid={`${testId}-button`} onClick={onUndo}>
          {t('Undo')}
        </button>
      </p>
    </div>
  );
}
