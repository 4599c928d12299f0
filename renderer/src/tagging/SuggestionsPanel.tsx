import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutputs } from '../../../shared/api/contract';
import { api } from '../api';
import { useLoadedList } from '../ui/useLoadedList';
import { formatDate, formatWeight } from '../format';
import type { RecordTagStep } from './ThemesDialog';
import { useReadOnly } from '../ui/read-only';

type Suggestion = ApiOutputs['listSuggestions'][number];

/** Starter suggestions the user accepts or rejects, one by one or all; never applied silently. */
export function SuggestionsPanel({ onChanged, record }: { onChanged: () => void; record: RecordTagStep }) {
  const { t } = useTranslation();
  const [onlyHeld, setOnlyHeld] = useState(true);
  const load = useCallback(() => api().listSuggestions({ onlyHeld }), [onlyHeld]);
  const { items: list, message: error, run } = useLoadedList<Suggestion>(load, onChanged);
  // Read-only: the buttons are greyed with the reason as their tooltip (the backend would refuse them).
  const readOnly = useReadOnly();
  const locked = readOnly !== null;
  const act = (kind: 'accept' | 'reject', items: Suggestion[]) =>
    run(async () => {
      const payload = { items: items.map((s) => ({ symbolKey: s.symbolKey, themeId: s.themeId })) };
      if (kind === 'accept') await record(items.length === 1 ? t('Accept 1 suggestion') : t('Accept {{n}} suggestions', { n: items.length }), () => api().acceptSuggestions(payload));
      else await api().rejectSuggestions(payload);
    });
  return (
    <div data-testid="suggestions-panel">
      <div className="form-row">
        <label className="checkbox">
          <input type="checkbox" checked={onlyHeld} onChange={(e) => setOnlyHeld(e.target.checked)} />
          {t('Only holdings in my portfolios')}
        </label>
        <span className="spacer" />
        <button type="button" className="small" disabled={list.length === 0 || locked} title={readOnly?.message} onClick={() => void act('reject', list)}>
          {t('Reject all')}
        </button>
        <button type="button" className="small primary" disabled={list.length === 0 || locked} title={readOnly?.message} onClick={() => void act('accept', list)} data-testid="accept-all-suggestions">
          {t('Accept all')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="issues">
        <table>
          <thead>
            <tr>
              <th>{t('Symbol')}</th>
              <th>{t('Theme')}</th>
              <th className="num">{t('Weight')}</th>
              <th>{t('Why', { context: 'rationale' })}</th>
              <th><span className="visually-hidden">{t('Actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={`${s.symbolKey}-${s.themeId}`} data-testid={`suggestion-${s.symbolKey}-${s.themeId}`}>
                <td className="symbol">{s.symbolKey}</td>
                <td className="suggestion-theme">
                  {/* The theme a sub-theme rolls up into, muted on its own line above it. */}
                  {s.themePath.slice(0, -1).map((th) => (
                    <span key={th.id} className="muted small theme-parent">{`${th.name} › `}</span>
                  ))}
                  {s.themePath.at(-1)?.name}
                </td>
                <td className="num">
                  {formatWeight(s.weightBp / 10000)}
                  {s.previousWeightBp !== null && (
                    <div className="muted small" data-testid={`reweighted-${s.symbolKey}-${s.themeId}`}>
                      {t('re-weighted, was {{weight}}', { weight: formatWeight(s.previousWeightBp / 10000) })}
                    </div>
                  )}
                </td>
                <td className="suggestion-why">
                  {s.name ? <strong>{s.name}: </strong> : null}
                  {s.rationale}
                  <div className="muted small">
                    {t('Source: {{source}} (checked {{date}})', { source: s.source, date: formatDate(s.asOf) })}
                  </div>
                </td>
                <td className="row-actions">
                  <button type="button" className="small primary" disabled={locked} title={readOnly?.message} onClick={() => void act('accept', [s])} data-testid={`accept-${s.symbolKey}-${s.themeId}`}>
                    {t('Accept')}
                  </button>
                  <button type="button" className="small" disabled={locked} title={readOnly?.message} onClick={() => void act('reject', [s])} data-testid={`reject-${s.symbolKey}-${s.themeId}`}>
                    {t('Reject')}
                  </button>
                </td>
              </tr>
            ))}
            {list.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {onlyHeld ? t('No open suggestions for your holdings.') : t('No open suggestions.')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
