import type { Snapshot } from '../../../shared/domain/types';
import { formatDate } from '../format';
import { markSwitchStart } from './timing';

/** Picks one of the portfolio's snapshots (newest first); the latest is the default. */
export function SnapshotPicker({ snapshots, value, onChange, label = 'Snapshot', testId = 'snapshot-picker' }: { snapshots: readonly Snapshot[]; value: number | null; onChange: (id: number) => void; label?: string; testId?: string }) {
  return (
    <label className="inline-field">
      <span>{label}</span>
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
            {formatDate(s.asOf)} · {s.sourceFile}
            {i === 0 ? ' (latest)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
