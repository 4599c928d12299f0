import { useState } from 'react';
import type { CurrencyBreakdown } from '../../../shared/exposure/analytics';
import { rateProblem } from '../../../shared/fx/rate-text';
import { api, asFailure } from '../api';
import { formatDate, formatMoney, formatShare } from '../format';
import type { ViewProps } from './AnalyticsViews';

/** The FX rate screen: every currency the snapshot holds, its rate and as-of date, missing rates flagged and settable. */
export function CurrenciesView({ breakdown: b, onMessage, onChanged }: ViewProps & { breakdown: CurrencyBreakdown }) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const cur = b.baseCurrency;
  const save = async (currency: string) => {
    const rate = (drafts[currency] ?? '').trim();
    const problem = rateProblem(rate);
    setInvalid((d) => ({ ...d, [currency]: problem ?? '' }));
    if (problem) return;
    try {
      await api().setFxRate({ currency, quote: cur, rate });
      setDrafts((d) => ({ ...d, [currency]: '' }));
      onMessage(`1 ${currency} = ${rate} ${cur} saved.`, 'ok');
      onChanged();
    } catch (err) {
      onMessage(asFailure(err).message, 'error');
    }
  };
  return (
    <section className="panel" data-testid="currencies-view" aria-label="Currencies and exchange rates">
      <h2>Currencies held on {formatDate(b.asOf)} (base {cur})</h2>
      {b.missingCurrencies.length > 0 && (
        <div className="alert" role="alert" data-testid="fx-missing-warning">
          <p>
            No exchange rate to {cur} for {b.missingCurrencies.join(', ')}: those positions are left out of every total (never valued at 1.0). Enter a rate below.
          </p>
        </div>
      )}
      <table className="compact" data-testid="fx-table">
        <thead>
          <tr>
            <th>Currency</th>
            <th className="num">Positions</th>
            <th className="num">Value in currency</th>
            <th>Rate</th>
            <th>As of</th>
            <th className="num">Value ({cur})</th>
            <th className="num">Share</th>
            <th>Set rate (1 unit = ? {cur})</th>
          </tr>
        </thead>
        <tbody>
          {b.currencies.map((c) => (
            <tr key={c.currency} data-testid={`fx-row-${c.currency}`} className={c.missing ? 'missing' : undefined}>
              <td className="symbol">{c.currency}</td>
              <td className="num">{c.positionCount}</td>
              <td className="num">{formatMoney(c.localValue, c.currency)}</td>
              <td>{c.missing ? <span className="warn">⚠ missing</span> : c.currency === cur ? 'base currency' : c.rate}</td>
              <td>{c.rateAsOf ? formatDate(c.rateAsOf) : ''}</td>
              <td className="num">{c.value === null ? '—' : formatMoney(c.value, cur)}</td>
              <td className="num">{c.share === null ? '—' : formatShare(c.share)}</td>
              <td>
                {c.currency !== cur && (
                  <form
                    className="fx-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void save(c.currency);
                    }}
                  >
                    <input
                      aria-label={`Rate for ${c.currency}`}
                      data-testid={`fx-input-${c.currency}`}
                      inputMode="decimal"
                      placeholder={c.missing ? 'e.g. 1.0845' : 'new rate'}
                      value={drafts[c.currency] ?? ''}
                      aria-invalid={invalid[c.currency] ? true : undefined}
                      aria-describedby={invalid[c.currency] ? `fx-error-${c.currency}` : undefined}
                      onChange={(e) => setDrafts((d) => ({ ...d, [c.currency]: e.target.value }))}
                    />
                    <button type="submit" className="small" data-testid={`fx-save-${c.currency}`} disabled={!(drafts[c.currency] ?? '').trim()}>
                      Save
                    </button>
                    {invalid[c.currency] && (
                      <span className="field-error" role="alert" id={`fx-error-${c.currency}`} data-testid={`fx-error-${c.currency}`}>
                        {invalid[c.currency]}
                      </span>
                    )}
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
