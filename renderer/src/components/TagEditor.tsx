import { useEffect, useMemo, useState } from 'react';
import type { Theme } from '../../../shared/domain/types';
import type { ReportPositionTheme as FullTheme } from '../../../shared/report/model';
import { formatWeight } from '../format';
import { api, asFailure } from '../api';

/** "Applies to 3 positions in 2 portfolios": a tag is the security's, wherever it is held. */
function useReach(symbolKey: string): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(() => api().showSecurity({ text: symbolKey }))
      .then(
        (s) => live && setText(`Applies to ${s.positions} position${s.positions === 1 ? '' : 's'} in ${s.portfolios} portfolio${s.portfolios === 1 ? '' : 's'}${s.key !== symbolKey ? ` (as ${s.key})` : ''}`),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [symbolKey]);
  return text;
}

/** What the editor needs of a position's current tags. */
type ReportPositionTheme = Pick<FullTheme, 'id' | 'weight'>;

/** "60" or "33.33" (percent) -> basis points; null when it is not a number with at most 2 decimals. */
export function percentToBp(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const toBp = (weight: number) => Math.round(weight * 10000);

/** Basis points a theme may take on a holding: 100% minus what its other themes already hold. */
export function availableFor(current: readonly ReportPositionTheme[], themeId: string): number {
  return 10000 - current.filter((c) => c.id !== themeId).reduce((s, c) => s + toBp(c.weight), 0);
}

/** The weight the editor proposes: the theme's current weight if it has one, else all that is left. */
export function defaultWeightBp(current: readonly ReportPositionTheme[], themeId: string): number {
  const existing = current.find((c) => c.id === themeId);
  return existing ? toBp(existing.weight) : Math.max(0, availableFor(current, themeId));
}

/** The first theme the holding does not have yet; on a fully tagged holding, its first theme (to reweight it). */
function initialTheme(current: readonly ReportPositionTheme[], themes: readonly Theme[]): string {
  const firstFree = themes.find((t) => !current.some((c) => c.id === t.id));
  if (firstFree && availableFor(current, firstFree.id) > 0) return firstFree.id;
  return current[0]?.id ?? firstFree?.id ?? themes[0]?.id ?? '';
}

interface Props {
  symbolKey: string;
  current: ReportPositionTheme[];
  themes: Theme[];
  onSave: (themeId: string, weightBp: number, note: { rationale?: string; sourceUrl?: string }) => Promise<void>;
  onCancel: () => void;
  /** After "Same security as…" linked this holding to another security. */
  onLinked?: () => void;
}

/** Inline editor: pick a theme and a weight; shows what stays untagged as you type. */
export function TagEditor({ symbolKey, current, themes, onSave, onCancel, onLinked }: Props) {
  const reach = useReach(symbolKey);
  const [sameAs, setSameAs] = useState<string | null>(null);
  const [themeId, setThemeId] = useState(() => initialTheme(current, themes));
  const availableBp = useMemo(() => availableFor(current, themeId), [current, themeId]);
  const [text, setText] = useState(String(defaultWeightBp(current, themeId) / 100));
  // Until the user types a weight, picking another theme proposes that theme's own default.
  const [typed, setTyped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [rationale, setRationale] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [noteOpen, setNoteOpen] = useState(false);
  const bp = percentToBp(text);
  const remainingAfter = bp === null ? null : availableBp - bp;

  const save = async () => {
    if (saving) return;
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

  const linkTo = async (text: string) => {
    try {
      await api().linkSecurities({ key: symbolKey, canonical: text });
      onLinked?.();
    } catch (err) {
      setError(asFailure(err).message);
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
      <select
        data-testid="tag-theme-select"
        aria-label="Theme"
        value={themeId}
        onChange={(e) => {
          setThemeId(e.target.value);
          setError(null);
          if (!typed) setText(String(defaultWeightBp(current, e.target.value) / 100));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
        autoFocus
      >
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
          setTyped(true);
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
      {onLinked && (
        <button type="button" className="small ghost" onClick={() => setSameAs((v) => (v === null ? '' : null))} aria-expanded={sameAs !== null} data-testid="same-security-toggle">
          Same security as…
        </button>
      )}
      {reach && (
        <span className="muted small tag-reach" data-testid="tag-reach">
          {reach}
        </span>
      )}
      {sameAs !== null && (
        <div className="tag-note">
          <input
            aria-label="Ticker or ISIN of the same security"
            placeholder="Ticker or ISIN, e.g. US67066G1040"
            value={sameAs}
            onChange={(e) => setSameAs(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && sameAs.trim()) {
                e.preventDefault();
                void linkTo(sameAs.trim());
              }
            }}
            maxLength={64}
            data-testid="same-security-input"
          />
          <button type="button" className="small primary" disabled={!sameAs.trim()} onClick={() => void linkTo(sameAs.trim())} data-testid="same-security-link">
            Link
          </button>
        </div>
      )}
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
