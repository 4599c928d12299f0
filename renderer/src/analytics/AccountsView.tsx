import { useTranslation } from 'react-i18next';
import type { AccountBreakdown } from '../../../shared/exposure/analytics';
import { AccountBars, type AccountDatum } from './charts/AccountBars';
import { ChartFrame } from './charts/ChartFrame';
import { seriesOf } from './charts/colors';
import { formatDate, formatMoney } from '../format';
import type { ViewProps } from './AnalyticsViews';
import { centsSum } from './column-total';

/** Exposure by account: a stacked bar per account and the same figures as a table. */
export function AccountsView({ breakdown: b, portfolioName, onMessage }: ViewProps & { breakdown: AccountBreakdown }) {
  const { t } = useTranslation();
  const cur = b.baseCurrency;
  const series = seriesOf(b.themes);
  // The breakdown's total is the accounts' sum (db/exposure/breakdowns.ts): no second figure to check it against.
  const sum = centsSum(b.accounts.map((a) => a.totalValue));
  const nothingToChart = b.accounts.every((a) => a.totalValue === 0 && a.untaggedValue === 0 && b.themes.every((th) => (a.themes[th.id] ?? 0) === 0));
  const data: AccountDatum[] = b.accounts.map((a) => ({ account: a.account || t('(none)'), total: a.totalValue, untagged: a.untaggedValue, ...Object.fromEntries(b.themes.map((t) => [t.id, a.themes[t.id] ?? 0])) }));
  return (
    <div className="view-grid" data-testid="accounts-view">
      <ChartFrame title={t('Theme exposure by account, {{date}}', { date: formatDate(b.asOf) })} description={t("Stacked bar chart of each account's value by theme")} testId="accounts-chart" legend={series} fileName={`${portfolioName} - accounts ${b.asOf}`} onMessage={onMessage} empty={nothingToChart} data={{ head: [t('Account'), ...series.map((s) => s.name), t('Total')], rows: data.map((d) => [d.account, ...series.map((s) => formatMoney(Number(d[s.id] ?? 0), cur)), formatMoney(d.total, cur)]) }}>
        {/* Bare axes and one "$0" tick said nothing: said in words, as the Positions view's chart does. */}
        {nothingToChart ? (
          <p className="muted empty-chart" data-testid="accounts-chart-empty">
            {t('Nothing to chart: every account comes to {{zero}} in this snapshot, its themes and Untagged too. The table below has each account.', { zero: formatMoney(0, cur) })}
          </p>
        ) : (
          <AccountBars data={data} series={series} currency={cur} />
        )}
      </ChartFrame>
      <section className="panel wide" aria-label={t('Accounts table')}>
        <table className="compact" data-testid="accounts-table">
          <thead>
            <tr>
              <th>{t('Account')}</th>
              {series.map((s) => (
                <th key={s.id} className="num">
                  <span className="swatch" style={{ background: s.color }} />
                  {s.name}
                </th>
              ))}
              <th className="num">{t('Total')}</th>
              <th className="num">{t('Positions')}</th>
            </tr>
          </thead>
          <tbody>
            {b.accounts.map((a, i) => (
              <tr key={a.account} data-testid={`account-row-${a.account}`}>
                <td className="symbol">{a.account || t('(none)')}</td>
                {series.map((s) => (
                  <td key={s.id} className="num">
                    {formatMoney(Number(data[i]![s.id] ?? 0), cur)}
                  </td>
                ))}
                <td className="num">{formatMoney(a.totalValue, cur)}</td>
                <td className="num">{a.positionCount}</td>
              </tr>
            ))}
          </tbody>
          {b.accounts.length > 1 && (
            <tfoot>
              <tr className="total-row" data-testid="accounts-total">
                <th scope="row">{t('All accounts')}</th>
                {series.map((s) => (
                  <td key={s.id} className="num">
                    {formatMoney(centsSum(data.map((d) => Number(d[s.id] ?? 0))), cur)}
                  </td>
                ))}
                <td className="num">{formatMoney(sum, cur)}</td>
                <td className="num">{b.accounts.reduce((n, a) => n + a.positionCount, 0)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </section>
    </div>
  );
}
