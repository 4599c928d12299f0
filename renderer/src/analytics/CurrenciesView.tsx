import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FxRate } from '../../../shared/domain/types';
import type { CurrencyBreakdown, CurrencyBreakdownRow } from '../../../shared/exposure/analytics';
import { rateProblem } from '../../../shared/fx/rate-text';
import { api } from '../api';
import { formatCount, formatDate, formatMoney, formatShare } from '../format';
import type { ViewProps } from './AnalyticsViews';
import { RateHistory } from './RateHistory';
import { errorWords } from '../failure-words';
import { centsSum, disagree } from './column-total';

/**
 * The FX rate screen: every currency the snapshot holds, the rate that values it and that rate's date,
 * missing rates flagged and settable. Rates are dated: one entered here is as of the snapshot's date
 * unless the user picks another, so it values this snapshot without revaluing older ones.
 */
export function CurrenciesView({ breakdown: b, onMessage, onChanged }: ViewProps & { breakdown: CurrencyBreakdown }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [asOf, setAsOf] = useState(b.asOf);
  const [history, setHistory] = useState<FxRate[]>([]);
  const [historyStamp, setHistoryStamp] = useState(0);
  const cur = b.baseCurrency;
  // What the rated currencies come to (one without a rate is left out of every figure, the total too).
  const valued = centsSum(b.currencies.map((c) => c.value ?? 0));
  const unrated = b.currencies.some((c) => c.value === null);
  useEffect(() => setAsOf(b.asOf), [b.asOf]);
  useEffect(() => {
    let live = true;
    api()
      .listFxRates({})
      .then((r) => live && setHistory(r))
      .catch(() => live && setHistory([]));
    return () => {
      live = false;
    };
  }, [b.snapshotId, b.currencies, historyStamp]);
  const changed = () => {
    setHistoryStamp((n) => n + 1);
    onChanged();
  };
  const importRates = async () => {
    const file = await api().chooseImportFile({});
    if (!file) return;
    try {
      const r = await api().importFxRates({ path: file.path });
      const values = { n: formatCount(r.imported), file: r.file, dates: r.firstDate === r.lastDate ? r.firstDate : t('{{from}} to {{to}}', { from: r.firstDate, to: r.lastDate }) };
      const imported = r.imported === 1 ? t('Imported 1 rate from {{file}} ({{dates}}).', values) : t('Imported {{n}} rates from {{file}} ({{dates}}).', values);
      // A stored rate replaced changes the snapshots valued with it: said, as the command line says it.
      const replaced = r.replaced.count === 0 ? '' : r.replaced.count === 1 ? t("1 stored rate was replaced with the file's: the snapshots valued with it change.") : t("{{n}} stored rates were replaced with the file's: the snapshots valued with them change.", { n: formatCount(r.replaced.count) });
      onMessage(replaced ? `${imported} ${replaced}` : imported, 'ok');
      changed();
    } catch (err) {
      onMessage(errorWords(err), 'error');
    }
  };
  const save = async (currency: string) => {
    const rate = (drafts[currency] ?? '').trim();
    const problem = rateProblem(rate);
    setInvalid((d) => ({ ...d, [currency]: problem ?? '' }));
    if (problem) return;
    try {
      const saved = await api().setFxRate({ currency, quote: cur, rate, asOf });
      setDrafts((d) => ({ ...d, [currency]: '' }));
      onMessage(t('1 {{currency}} = {{rate}} {{base}} saved as of {{date}}.', { currency, rate, base: cur, date: formatDate(saved.asOf) }), 'ok');
      changed();
    } catch (err) {
      onMessage(errorWords(err), 'error');
    }
  };
  // Valued by the broker: its column named, and the rate held, if any, beside it.
  const brokerRate = (broker: NonNullable<CurrencyBreakdownRow['broker']>) =>
    broker.rate ? t('valued by the broker ("{{column}}"); the rate says {{rate}}', { column: broker.column, rate: broker.rate }) : t('valued by the broker ("{{column}}")', { column: broker.column });
  return (
    <section className="panel" data-testid="currencies-view" aria-label={t('Currencies and exchange rates')}>
      <h2>{t('Currencies held on {{date}} (base {{currency}})', { date: formatDate(b.asOf), currency: cur })}</h2>
      {b.missingCurrencies.length > 0 && (
        <div className="alert" role="alert" data-testid="fx-missing-warning">
          <p>
            {t('No exchange rate to {{base}} for {{currencies}}: those positions are left out of every total (never valued at 1.0). Enter a rate below.', { base: cur, currencies: b.missingCurrencies.join(', ') })}
          </p>
        </div>
      )}
      <div className="fx-toolbar">
        <label>
          {t('Rates entered below are as of')}{' '}
          <input type="date" data-testid="fx-as-of" value={asOf} max="9999-12-31" required onChange={(e) => setAsOf(e.target.value || b.asOf)} />
        </label>
        <span className="hint">{t('Each snapshot uses the latest rate on or before its date.')}</span>
        <button type="button" className="small" data-testid="fx-import" onClick={() => void importRates()}>
          {t('Import rates…')}
        </button>
      </div>
      <table className="compact" data-testid="fx-table">
        <thead>
          <tr>
            <th>{t('Currency')}</th>
            <th className="num">{t('Positions')}</th>
            <th className="num">{t('Value in currency')}</th>
            <th>{t('Rate')}</th>
            <th>{t('As of')}</th>
            <th className="num">{t('Value ({{currency}})', { currency: cur })}</th>
            <th className="num">{t('Share')}</th>
            <th>{t('Set rate (1 unit = ? {{currency}})', { currency: cur })}</th>
          </tr>
        </thead>
        <tbody>
          {b.currencies.map((c) => (
            <tr key={c.currency} data-testid={`fx-row-${c.currency}`} className={c.missing ? 'missing' : undefined}>
              <td className="symbol">{c.currency}</td>
              <td className="num">{c.positionCount}</td>
              <td className="num">{formatMoney(c.localValue, c.currency)}</td>
              <td>{c.missing ? <span className="warn">⚠ {t('missing')}</span> : c.currency === cur ? t('base currency') : c.broker ? brokerRate(c.broker) : c.rate}</td>
              <td>
                {c.rateAsOf ? formatDate(c.rateAsOf) : ''}
                {c.rateAsOf && c.rateAsOf > b.asOf && (
                  <span className="warn" data-testid={`fx-late-${c.currency}`} title={t("No rate on or before this snapshot's date: the earliest later one is used.")}>
                    {' '}
                    ⚠ {t('after {{date}}', { date: formatDate(b.asOf) })}
                  </span>
                )}
              </td>
              <td className="num">
                {c.value === null ? '—' : formatMoney(c.value, cur)}
                {c.broker?.ratedValue != null && c.broker.apart !== null && (
                  // The broker's figure is the one used; the rate's is said beside it, so the two are never taken for one.
                  <span
                    className="warn fx-broker-differs"
                    data-testid={`fx-broker-differs-${c.currency}`}
                    title={t("The broker's value is used: it is of the file's own day. At {{rate}} (as of {{date}}) it would be {{rated}}, {{apart}} apart: check the rate, or the file.", { rate: c.broker.rate ?? '', date: c.broker.rateAsOf ? formatDate(c.broker.rateAsOf) : '', rated: formatMoney(c.broker.ratedValue, cur), apart: formatShare(c.broker.apart) })}
                  >
                    {' '}
                    ⚠ {t('{{apart}} from the rate', { apart: formatShare(c.broker.apart) })}
                  </span>
                )}
              </td>
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
                      aria-label={t('Rate for {{currency}}', { currency: c.currency })}
                      data-testid={`fx-input-${c.currency}`}
                      inputMode="decimal"
                      // What to type, not a number that could be taken for a suggested rate (1.0845 was offered for yen).
                      placeholder={c.missing ? t('{{base}} for 1 {{currency}}', { base: cur, currency: c.currency }) : t('new rate')}
                      value={drafts[c.currency] ?? ''}
                      aria-invalid={invalid[c.currency] ? true : undefined}
                      aria-describedby={invalid[c.currency] ? `fx-error-${c.currency}` : undefined}
                      onChange={(e) => setDrafts((d) => ({ ...d, [c.currency]: e.target.value }))}
                    />
                    <button type="submit" className="small" data-testid={`fx-save-${c.currency}`} disabled={!(drafts[c.currency] ?? '').trim()}>
                      {t('Save')}
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
        {b.currencies.length > 1 && (
          <tfoot>
            <tr className="total-row" data-testid="fx-total">
              {/* A currency without a rate is in no figure: the row is of those with one, and says so (7 positions at 100.0% read as all of them). */}
              <th scope="row">{unrated ? t('All currencies with a rate') : t('All currencies')}</th>
              <td className="num">{b.currencies.reduce((n, c) => n + (c.value === null ? 0 : c.positionCount), 0)}</td>
              {/* Sums of different currencies are no figure: left empty. */}
              <td />
              <td />
              <td />
              <td className="num">{formatMoney(valued, cur)}</td>
              <td className="num">{b.totalValue === 0 ? '—' : formatShare(valued / b.totalValue)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
      {/* A currency without a rate may still be valued in part by the broker (in the total, not on its row): no disagreement then. */}
      {disagree(valued, b.totalValue) && !unrated && (
        <p className="field-error" role="alert" data-testid="fx-disagree">
          {t('The currencies add up to {{sum}}, but the portfolio totals {{total}}.', { sum: formatMoney(valued, cur), total: formatMoney(b.totalValue, cur) })}
        </p>
      )}
      <RateHistory rates={history} currencies={b.currencies.map((c) => c.currency)} base={cur} />
    </section>
  );
}
