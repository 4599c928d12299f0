import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioSummary } from '../../../shared/domain/types';
import { api } from '../api';
import { errorWords } from '../failure-words';

/**
 * Gives the portfolio on screen a client, from the Household view's empty state: the household is
 * one field away, where it was a Rename in another view (or a command) to find.
 */
export function SetClientForm({ portfolio, onDone, onMessage }: { portfolio: PortfolioSummary; onDone: () => void; onMessage: (text: string, kind: 'ok' | 'error') => void }) {
  const { t } = useTranslation();
  const [client, setClient] = useState('');
  const [busy, setBusy] = useState(false);
  const name = client.trim();
  return (
    <form
      className="form-row set-client"
      data-testid="set-client-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name || busy) return;
        setBusy(true);
        api()
          .renamePortfolio({ id: portfolio.id, name: portfolio.name, clientName: name })
          .then(
            () => {
              onMessage(t('{{portfolio}} now belongs to {{client}}.', { portfolio: portfolio.name, client: name }), 'ok');
              onDone();
            },
            (err: unknown) => onMessage(errorWords(err), 'error'),
          )
          .finally(() => setBusy(false));
      }}
    >
      <label className="field">
        <span>{t('Client name')}</span>
        <input data-testid="set-client-name" value={client} onChange={(e) => setClient(e.target.value)} maxLength={200} />
      </label>
      <button type="submit" className="primary small" data-testid="set-client-save" disabled={!name || busy}>
        {t('Set client')}
      </button>
    </form>
  );
}
