import type { Snapshot } from '../../../shared/domain/types';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { markSwitchStart } from './timing';

/** Picks one of the portfolio's snapshots (newest first); the latest is the default. */
export function SnapshotPicker({ snapshots, value, onChange, label, testId = 'snapshot-picker' }: { snapshots: readonly Snapshot[]; value: number | null; onChange: (id: number) => void; label?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <label className="inline-field">
      <span>{label ?? t('Snapshot')}</span>
      <select
        data-testid={testId}
        value={value ?? ''}
        onChange={(e) => {
          markSwitchStart('snapshot');
          onChange(Number(e.target.value));
        }}
      >
        {snapshots.map((s, i) => (
          <option key={s.id} value={s.id}>
            {i === 0 ? t('{{date}} · {{file}} (latest)', { date: formatDate(s.asOf), file: s.sourceFile }) : `${formatDate(s.asOf)} · ${s.sourceFile}`}
          </option>
        ))}
      </select>
    </label>
  );
}
