import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecurityReview } from '../../../shared/api/contract';
import { api } from '../api';
import { useLoadedList } from '../ui/useLoadedList';
import { resolutionWords } from './security-title';

/**
 * Needs review: positions that could be more than one security (a ticker and an ISIN that disagree,
 * a ticker listed on several exchanges). They count as untagged until the user says which it is;
 * "Leave as it is" keeps them so.
 */
export function ReviewPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const load = useCallback(async () => (await api().listSecurities({ unresolved: true })).reviews, []);
  const { items, message, run } = useLoadedList<SecurityReview>(load, onChanged);
  return (
    <div data-testid="review-panel">
      <p className="muted small">
        {t('These positions could be more than one security, so ThemeLens did not guess: they count as untagged until you say which security each is.')}
      </p>
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted" data-testid="review-empty">
          {t("Nothing waits for review: every position was identified by its ISIN, CUSIP or its ticker on its account's market.")}
        </p>
      ) : (
        <ul className="review-list">
          {items.map((r) => (
            <li key={r.id} data-testid={`review-${r.id}`}>
              <p>
                <strong>{r.symbolKey.replace(/^REVIEW:/, '')}</strong> <span className="muted small">({r.source})</span>
                <br />
                {resolutionWords(r.message)}
              </p>
              <div className="form-row">
                {r.candidates.map((c) => (
                  <button
                    key={c}
                    type="button"
                    className="small"
                    data-testid={`review-${r.id}-confirm-${c}`}
                    onClick={() => void run(async () => (await api().decideSecurityReview({ id: r.id, decision: 'confirm', candidate: c }), t("{{symbol}} is {{candidate}}: it takes {{candidate}}'s tags.", { symbol: r.symbolKey.replace(/^REVIEW:/, ''), candidate: c })))}
                  >
                    {t('It is {{candidate}}', { candidate: c })}
                  </button>
                ))}
                <button type="button" className="small ghost" data-testid={`review-${r.id}-reject`} onClick={() => void run(async () => (await api().decideSecurityReview({ id: r.id, decision: 'reject' }), t('Left as it is: it stays untagged until you tag it.')))}>
                  {t('Leave as it is')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
