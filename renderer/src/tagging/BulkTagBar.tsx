import { useReadOnly } from '../ui/read-only';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../shared/domain/types';
import { formatCount } from '../format';
import { percentToBp } from './TagEditor';
import { errorWords } from '../failure-words';

/** Tags every selected position at once: one theme, one weight, one undoable step. */
export function BulkTagBar({
  count,
  alsoTagged = 0,
  themes,
  focusToken,
  onApply,
  onClear,
}: {
  count: number;
  /** Positions not selected that hold a selected symbol: a tag is of the symbol, so they are tagged too. */
  alsoTagged?: number;
  themes: Theme[];
  /** Changes when the user asks for the bar from the keyboard ("t"): the theme select takes focus. */
  focusToken: number;
  onApply: (themeId: string, weightBp: number) => Promise<void>;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const [themeId, setThemeId] = useState(themes[0]?.id ?? '');
  const [text, setText] = useState('100');
  const [error, setError] = useState<string | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (focusToken > 0) select.current?.focus();
  }, [focusToken]);
  const apply = async () => {
    const bp = percentToBp(text);
    if (bp === null || bp > 10000) return setError(t('Enter a weight in percent, from 0 to 100.'));
    try {
      await onApply(themeId, bp);
      setError(null);
    } catch (err) {
      setError(errorWords(err));
    }
  };
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('Tag selected positions')} data-testid="bulk-bar" onKeyDown={(e) => e.key === 'Escape' && onClear()}>
      <strong>{t('{{n}} selected', { n: formatCount(count) })}</strong>
      <select ref={select} aria-label={t('Theme for selected positions')} data-testid="bulk-theme" value={themeId} onChange={(e) => setThemeId(e.target.value)}>
        {themes.map((th) => (
          <option key={th.id} value={th.id}>
            {th.name}
          </option>
        ))}
      </select>
      <input
        aria-label={t('Weight in percent for selected positions')}
        data-testid="bulk-weight"
        value={text}
        size={5}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void apply();
          }
        }}
      />
      <span className="pct-sign">%</span>
      {/* Read-only: greyed, its tooltip saying why (Enter in the weight says it too). */}
      <button type="button" className="primary small" data-testid="bulk-apply" onClick={() => void apply()} disabled={readOnly !== null} title={readOnly?.message}>
        {/* The positions the click tags: the selected ones and those holding the same symbols ("Tag 3" tagged 4). */}
        {t('Tag {{n}}', { n: formatCount(count + alsoTagged) })}
      </button>
      <button type="button" className="small" onClick={onClear}>
        {t('Clear selection')}
      </button>
      {alsoTagged > 0 && (
        <span className="muted small" data-testid="bulk-also-tagged">
          {alsoTagged === 1
            ? t('1 more position holds one of these symbols and is tagged too (a tag is of the symbol).')
            : t('{{n}} more positions hold these symbols and are tagged too (a tag is of the symbol).', { n: formatCount(alsoTagged) })}
        </span>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
