import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../shared/api/contract';
import { formatCount } from '../format';

/** Import progress; indeterminate until the backend reports the first figures. */
export function ProgressBar({ progress, onCancel }: { progress: ImportProgress | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const percent = progress ? Math.round(progress.percent) : null;
  return (
    <div className="progress" role="progressbar" aria-label={t('Importing')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined}>
      <div className={percent === null ? 'progress-fill indeterminate' : 'progress-fill'} style={percent === null ? undefined : { width: `${percent}%` }} />
      <span className="progress-label">
        {progress ? t('Importing… {{rows}} rows ({{percent}}%)', { rows: formatCount(progress.rows), percent }) : t('Importing…')}
      </span>
      <button type="button" className="small progress-cancel" data-testid="import-cancel" onClick={onCancel}>
        {t('Cancel import')}
      </button>
    </div>
  );
}
