import { useTranslation } from 'react-i18next';
import type { FxRate } from '../../../shared/domain/types';
import { formatCount, formatDate } from '../format';

const SHOWN = 8;

/**
 * Each held currency's rates against the base, newest first: what valued which snapshot, and where
 * each rate came from (entered here, or the rates file it was imported from).
 */
export function RateHistory({ rates, currencies, base }: { rates: readonly FxRate[]; currencies: readonly string[]; base: string }) {
  const { t } = useTranslation();
  const held = currencies.filter((c) => c !== base);
  if (held.length === 0) return null;
  return (
    <section className="rate-history" data-testid="fx-history" aria-label={t('Rate history')}>
      <h3>{t('Rate history')}</h3>
      {held.map((c) => {
        const pair = rates.filter((r) => (r.currency === c && r.quote === base) || (r.currency === base && r.quote === c)).sort((a, b) => b.asOf.localeCompare(a.asOf));
        return (
          <details key={c} data-testid={`fx-history-${c}`} open={pair.length > 0 && pair.length <= SHOWN}>
            <summary>
              {c} → {base}: {pair.length === 0
                ? t('no rates yet')
                : pair.length === 1
                  ? t('1 rate, {{date}}', { date: formatDate(pair[0]!.asOf) })
                  : t('{{n}} rates, {{from}} to {{to}}', { n: formatCount(pair.length), from: formatDate(pair.at(-1)!.asOf), to: formatDate(pair[0]!.asOf) })}
            </summary>
            {pair.length > 0 && (
              <table className="compact">
                <thead>
                  <tr>
                    <th>{t('As of')}</th>
                    <th>{t('Rate')}</th>
                    <th>{t('From', { context: 'source' })}</th>
                  </tr>
                </thead>
                <tbody>
                  {pair.slice(0, SHOWN).map((r) => (
                    <tr key={`${r.currency}${r.quote}${r.asOf}`}>
                      <td>{formatDate(r.asOf)}</td>
                      <td>
                        1 {r.currency} = {r.rate} {r.quote}
                      </td>
                      <td>{r.source ?? t('entered')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {pair.length > SHOWN && (
              <p className="hint">
                {pair.length === SHOWN + 1
                  ? t('and 1 older rate; all of them: themelens fx list {{currency}}', { currency: c })
                  : t('and {{n}} older rates; all of them: themelens fx list {{currency}}', { n: formatCount(pair.length - SHOWN), currency: c })}
              </p>
            )}
          </details>
        );
      })}
    </section>
  );
}
