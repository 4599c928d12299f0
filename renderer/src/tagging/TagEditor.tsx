import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../shared/domain/types';
import type { ExposurePositionTheme as FullTheme } from '../../../shared/exposure/model';
import { formatCount, formatWeight } from '../format';
import { api } from '../api';
import { errorWords } from '../failure-words';

/** "Applies to 3 positions in 2 portfolios": a tag is the security's, wherever it is held. */
function useReach(symbolKey: string): string | null {
  const { t } = useTranslation();
  const [reach, setReach] = useState<{ positions: number; portfolios: number; as: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(() => api().showSecurity({ text: symbolKey }))
      .then(
        (s) => live && setReach({ positions: s.positions, portfolios: s.portfolios, as: s.key !== symbolKey ? s.key : null }),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [symbolKey]);
  if (!reach) return null;
  // The text is made here, not when the answer came, so that it follows the interface language.
  const values = { positions: formatCount(reach.positions), portfolios: formatCount(reach.portfolios), key: reach.as };
  const one = { positions: reach.positions === 1, portfolios: reach.portfolios === 1 };
  if (reach.as !== null) {
    if (one.positions) return one.portfolios ? t('Applies to 1 position in 1 portfolio (as {{key}})', values) : t('Applies to 1 position in {{portfolios}} portfolios (as {{key}})', values);
    return one.portfolios ? t('Applies to {{positions}} positions in 1 portfolio (as {{key}})', values) : t('Applies to {{positions}} positions in {{portfolios}} portfolios (as {{key}})', values);
  }
  if (one.positions) return one.portfolios ? t('Applies to 1 position in 1 portfolio') : t('Applies to 1 position in {{portfolios}} portfolios', values);
  return one.portfolios ? t('Applies to {{positions}} positions in 1 portfolio', values) : t('Applies to {{positions}} positions in {{portfolios}} portfolios', values);
}

/** What the editor needs of a position's current tags. */
type ExposurePositionTheme = Pick<FullTheme, 'id' | 'weight'>;

/** "60" or "33.33" (percent) -> basis points; null when it is not a number with at most 2 decimals. */
export function percentToBp(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const toBp = (weight: number) => Math.round(weight * 10000);

/** Basis points a theme may take on a position: 100% minus what its other themes already hold. */
export function availableFor(current: readonly ExposurePositionTheme[], themeId: string): number {
  return 10000 - current.filter((c) => c.id !== themeId).reduce((s, c) => s + toBp(c.weight), 0);
}

/** The weight the editor proposes: the theme's current weight if it has one, else all that is left. */
export function defaultWeightBp(current: readonly ExposurePositionTheme[], themeId: string): number {
  const existing = current.find((c) => c.id === themeId);
  return existing ? toBp(existing.weight) : Math.max(0, availableFor(current, themeId));
}

/** The first theme the position does not have yet; on a fully tagged position, its first theme (to reweight it). */
function initialTheme(current: readonly ExposurePositionTheme[], themes: readonly Theme[]): string {
  const firstFree = themes.find((t) => !current.some((c) => c.id === t.id));
  if (firstFree && availableFor(current, firstFree.id) > 0) return firstFree.id;
  return current[0]?.id ?? firstFree?.id ?? themes[0]?.id ?? '';
}

interface Props {
  symbolKey: string;
  current: readonly ExposurePositionTheme[];
  themes: Theme[];
  onSave: (themeId: string, weightBp: number, note: { rationale?: string; sourceUrl?: string }) => Promise<void>;
  onCancel: () => void;
  /** After "Same security as…" linked this position to another security. */
  onLinked?: () => void;
}

/** Inline editor: pick a theme and a weight; shows what stays untagged as you type. */
export function TagEditor({ symbolKey, current, themes, onSave, onCancel, onLinked }: Props) {
  const { t } = useTranslation();
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
    if (bp === null) return setError(t('Enter a weight in percent, e.g. 60 or 12.5.'));
    if (bp > availableBp) return setError(t('At most {{weight}} is left for {{symbol}}.', { weight: formatWeight(availableBp / 10000), symbol: symbolKey }));
    if (sourceUrl.trim() && !/^https?:\/\/\S+$/.test(sourceUrl.trim())) return setError(t('The source link must start with https:// (or http://).'));
    setSaving(true);
    setError(null);
    try {
      await onSave(themeId, bp, { ...(rationale.trim() ? { rationale: rationale.trim() } : {}), ...(sourceUrl.trim() ? { sourceUrl: sourceUrl.trim() } : {}) });
    } catch (err) {
      setError(errorWords(err));
      setSaving(false);
    }
  };

  const linkTo = async (text: string) => {
    try {
      await api().linkSecurities({ key: symbolKey, canonical: text });
      onLinked?.();
    } catch (err) {
      setError(errorWords(err));
    }
  };

  return (
    <div
      className="tag-editor"
      role="group"
      aria-label={t('Tag {{symbol}}', { symbol: symbolKey })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <select
        data-testid="tag-theme-select"
        aria-label={t('Theme')}
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
        {themes.map((th) => (
          <option key={th.id} value={th.id}>
            {th.name}
          </option>
        ))}
      </select>
      {/* The weight and its sign wrap together: never "60" at the end of a line and "%" on the next. */}
      <span className="weight-field">
        <input
          data-testid="tag-weight-input"
          aria-label={t('Weight in percent')}
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
      </span>
      <span className={remainingAfter !== null && remainingAfter < 0 ? 'remaining over' : 'remaining'} data-testid="tag-remaining">
        {remainingAfter === null ? '' : remainingAfter < 0 ? t('{{weight}} too much', { weight: formatWeight(-remainingAfter / 10000) }) : t('Remaining: {{weight}} untagged', { weight: formatWeight(remainingAfter / 10000) })}
      </span>
      <button type="button" className="primary small" data-testid="tag-save" onClick={() => void save()} disabled={saving}>
        {t('Save')}
      </button>
      <button type="button" className="small" onClick={onCancel}>
        {t('Cancel')}
      </button>
      <button type="button" className="small ghost" onClick={() => setNoteOpen((o) => !o)} aria-expanded={noteOpen} data-testid="tag-note-toggle">
        {t('Note…')}
      </button>
      {onLinked && (
        <button type="button" className="small ghost" onClick={() => setSameAs((v) => (v === null ? '' : null))} aria-expanded={sameAs !== null} data-testid="same-security-toggle">
          {t('Same security as…')}
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
            aria-label={t('Ticker or ISIN of the same security')}
            placeholder={t('Ticker or ISIN, e.g. US67066G1040')}
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
            {t('Link')}
          </button>
        </div>
      )}
      {noteOpen && (
        <div className="tag-note">
          <input aria-label={t('Why this weight')} placeholder={t('Why (e.g. 60% of revenue is data-center)')} value={rationale} onChange={(e) => setRationale(e.target.value)} maxLength={2000} data-testid="tag-rationale" />
          <input aria-label={t('Source link')} placeholder={t('https:// source')} value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} maxLength={2000} data-testid="tag-source-url" />
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
