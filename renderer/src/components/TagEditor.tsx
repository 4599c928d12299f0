import { useMemo, useState } from 'react';
import type { Theme } from '../../../shared/domain/types';
import type { ReportPositionTheme } from '../../../shared/report/model';
import { formatWeight } from '../format';

/** "60" or "33.33" (percent) -> basis points; null when it is not a number with at most 2 decimals. */
export function percentToBp(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

interface Props {
  symbolKey: string;
  current: ReportPositionTheme[];
  themes: Theme[];
  onSave: (themeId: string, weightBp: number, note: { rationale?: string; sourceUrl?: string }) => Promise<void>;
  onCancel: () => void;
}

/** Inline editor: pick a theme and a weight; shows what stays untagged as you type. */
export function TagEditor({ symbolKey, current, themes, onSave, onCancel }: Props) {
  const firstFree = themes.find((t) => !current.some((c) => c.id === t.id)) ?? themes[0];
  const [themeId, setThemeId] = useState(firstFree?.id ?? '');
  const usedByOthersBp = useMemo(
    () => current.filter((c) => c.id !== themeId).reduce((s, c) => s + Math.round(c.weight * 10000), 0),
    [current, themeId],
  );
  const availableBp = 10000 - usedByOthersBp;
  const [text, setText] = useState(String(availableBp / 100));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [rationale, setRationale] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [noteOpen, setNoteOpen] = useState(false);
  const bp = percentToBp(text);
  const remainingAfter = bp === null ? null : availableBp - bp;

  const save = async () => {
    if (bp === null) return setError('Enter a weight in percent, e.g. 60 or 12.5.');
    if (bp > availableBp) return setError(`At most ${formatWeight(availableBp / 10000)} is left for ${symbolKey}.`);
    if (sourceUrl.trim() && !/^https?:\/\/\S+$/.test(sourceUrl.trim())) return setError('The source link must start with https:// (or http://).');
    setSaving(true);
    setError(null);
    try {
      await onSave(themeId, bp, { ...(rationale.trim() ? { rationale: rationale.trim() } : {}), ...(sourceUrl.trim() ? { sourceUrl: sourceUrl.trim() } : {}) });
    } catch (err) {
      setError((err as Error).message);
      setSaving(false);
    }
  };

  return (
    <div
      className="tag-editor"
      role="group"
      aria-label={`Tag ${symbolKey}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <select data-testid="tag-theme-select" aria-label="Theme" value={themeId} onChange={(e) => setThemeId(e.target.value)} autoFocus>
        {themes.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <input
        data-testid="tag-weight-input"
        aria-label="Weight in percent"
        inputMode="decimal"
        value={text}
        size={5}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
      />
      <span className="pct-sign">%</span>
      <span className={remainingAfter !== null && remainingAfter < 0 ? 'remaining over' : 'remaining'} data-testid="tag-remaining">
        {remainingAfter === null ? '' : remainingAfter < 0 ? `${formatWeight(-remainingAfter / 10000)} too much` : `Remaining: ${formatWeight(remainingAfter / 10000)} untagged`}
      </span>
      <button type="button" className="primary small" data-testid="tag-save" onClick={() => void save()} disabled={saving}>
        Save
      </button>
      <button type="button" className="small" onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className="small ghost" onClick={() => setNoteOpen((o) => !o)} aria-expanded={noteOpen} data-testid="tag-note-toggle">
        Note…
      </button>
      {noteOpen && (
        <div className="tag-note">
          <input aria-label="Why this weight" placeholder="Why (e.g. 60% of revenue is data-center)" value={rationale} onChange={(e) => setRationale(e.target.value)} maxLength={2000} data-testid="tag-rationale" />
          <input aria-label="Source link" placeholder="https:// source" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} maxLength={2000} data-testid="tag-source-url" />
        </div>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
