import type { ImportProgress } from '../../../shared/api/contract';

/** Import progress; indeterminate until the backend reports the first figures. */
export function ProgressBar({ progress, onCancel }: { progress: ImportProgress | null; onCancel: () => void }) {
  const percent = progress ? Math.round(progress.percent) : null;
  return (
    <div className="progress" role="progressbar" aria-label="Importing" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined}>
      <div className={percent === null ? 'progress-fill indeterminate' : 'progress-fill'} style={percent === null ? undefined : { width: `${percent}%` }} />
      <span className="progress-label">
        {progress ? `Importing… ${progress.rows.toLocaleString()} rows (${percent}%)` : 'Importing…'}
      </span>
      <button type="button" className="small progress-cancel" data-testid="import-cancel" onClick={onCancel}>
        Cancel import
      </button>
    </div>
  );
}
