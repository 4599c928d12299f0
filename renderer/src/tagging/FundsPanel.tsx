import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundSummary } from '../../../shared/api/contract';
import { api } from '../api';
import { useLoadedList } from '../ui/useLoadedList';
import { formatDate } from '../format';

/** ETF look-through: import an issuer's holdings file for a fund; its themes then follow its constituents' tags. */
export function FundsPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [symbol, setSymbol] = useState('');
  const load = useCallback(() => api().listFunds({}), []);
  const { items: funds, message, run } = useLoadedList<FundSummary>(load, onChanged);
  const importFile = async () => {
    const file = await api().chooseImportFile({});
    if (!file) return;
    await run(async () => {
      const f = await api().importFundHoldings({ fundSymbol: symbol.trim(), path: file.path });
      setSymbol('');
      return f.asOf
        ? t("{{fund}}: {{n}} holdings as of {{date}}. Its themes now follow its holdings' tags.", { fund: f.fundKey, n: f.constituents, date: formatDate(f.asOf) })
        : t("{{fund}}: {{n}} holdings as of an unknown date. Its themes now follow its holdings' tags.", { fund: f.fundKey, n: f.constituents });
    });
  };
  const stale = (asOf: string | null) => asOf !== null && Date.now() - new Date(`${asOf}T00:00:00`).getTime() > 90 * 86_400_000;
  return (
    <div data-testid="funds-panel">
      <p className="muted small">
        {t("A fund you hold (an ETF) counts towards the themes of what it holds. Download the fund's holdings file from its issuer (iShares, SPDR, Global X) and import it here; tagging the fund by hand instead overrides this.")}
      </p>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (symbol.trim()) void importFile();
        }}
      >
        <label className="field">
          <span>{t('Fund symbol')}</span>
          <input value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder={t('e.g. {{example}}', { example: 'DTCR' })} data-testid="fund-symbol" maxLength={32} />
        </label>
        <button type="submit" className="primary small" disabled={!symbol.trim()} data-testid="fund-import">
          {t('Import holdings file…')}
        </button>
      </form>
      {message && <p className="small">{message}</p>}
      <div className="issues">
        <table>
          <thead>
            <tr>
              <th>{t('Fund')}</th>
              <th className="num">{t('Holdings', { context: 'count' })}</th>
              <th>{t('As of')}</th>
              <th>{t('File')}</th>
            </tr>
          </thead>
          <tbody>
            {funds.map((f) => (
              <tr key={f.fundKey}>
                <td className="symbol">{f.fundKey}</td>
                <td className="num">{f.constituents}</td>
                <td className={stale(f.asOf) ? 'warn' : undefined} title={stale(f.asOf) ? t('More than 90 days old: import a newer file') : undefined}>
                  {f.asOf ? formatDate(f.asOf) : '—'}
                </td>
                <td>{f.sourceFile}</td>
              </tr>
            ))}
            {funds.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {t('No fund holdings imported yet.')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
