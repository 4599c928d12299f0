/**
 * Values the broker gives in a base currency (DEGIRO "Value in EUR", a German bank's "Kurswert in EUR"):
 * a portfolio in that currency is valued at them, with no rate needed and the rates list saying
 * "valued by the broker"; where a rate also exists and the two are more than 0.5% apart, the report
 * shows both; a portfolio in another currency keeps using rates and is told so at import.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../db/service/backend';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const DEGIRO = resolve(__dirname, '../fixtures/holdings/degiro.csv');

interface Report {
  totalValue: number;
  fxRates: { currency: string; rate: string; asOf: string }[];
  warnings: { code: string; message: string }[];
  positions: { symbol: string; baseValue: number | null }[];
}

describe('values the broker gives in a base currency', () => {
  const temp = makeTempDir('themelens-broker-base-');
  const db = join(temp.dir, 'b.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  const report = (portfolio: string): Report => {
    const r = cli('report', '--portfolio', portfolio, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Report;
  };
  afterAll(() => temp.cleanup());

  it('DEGIRO in a EUR portfolio: valued at "Value in EUR", no rate needed, recorded as valued by the broker', () => {
    const r = cli('import', DEGIRO, '--portfolio', 'Degiro', '--base-currency', 'EUR', '--as-of', '2026-11-24');
    expect(r.code, r.stderr).toBe(0);
    const rep = report('Degiro');
    expect(rep.warnings.map((w) => w.code)).not.toContain('MISSING_FX');
    // The file's own "Value in EUR" column, by hand: 1,234.56 + 10.65 + 3,062.00 + 3,168.63 + 3,924.80
    // + 1,365.12 + 1,079.92 = 13,845.68.
    expect(rep.totalValue).toBe(13845.68);
    expect(rep.fxRates).toEqual([
      { currency: 'JPY', rate: 'valued by the broker ("Value in EUR")', asOf: '2026-11-24' },
      { currency: 'USD', rate: 'valued by the broker ("Value in EUR")', asOf: '2026-11-24' },
    ]);
    const csv = cli('report', '--portfolio', 'Degiro', '--format', 'csv').stdout;
    expect(csv).toContain('\r\nUSD,"valued by the broker (""Value in EUR"")",2026-11-24\r\n');
  });

  it('a rate that agrees within 0.5% is quiet; one further apart shows both figures, the broker\'s used', () => {
    expect(cli('fx', 'USD', '0.863', '--to', 'EUR', '--as-of', '2026-11-24').code).toBe(0);
    let rep = report('Degiro');
    expect(rep.warnings.map((w) => w.code)).not.toContain('BROKER_RATE_DIFFERS');
    expect(rep.totalValue).toBe(13845.68);
    expect(cli('fx', 'USD', '0.8', '--to', 'EUR', '--as-of', '2026-11-24').code).toBe(0);
    rep = report('Degiro');
    const differs = rep.warnings.filter((w) => w.code === 'BROKER_RATE_DIFFERS');
    expect(differs).toHaveLength(1);
    // Broker: 3,168.63 + 10.65 = 3,179.28 EUR; at 0.8: 2,937.60 + 9.87 = 2,947.47 EUR; 7.9% apart.
    expect(differs[0]?.message).toContain('at 3,179.28 EUR ("Value in EUR"); at 1 USD = 0.8 EUR (as of 2026-11-24) they would be 2,947.47 EUR, 7.9% apart');
    expect(rep.totalValue).toBe(13845.68);
  });

  it("the Currencies view's figures say the same: the broker's column, the rate held, and the rate's figure where they disagree", async () => {
    const backend = await openBackend({ dbPath: db });
    try {
      const portfolio = (await backend.handlers.listPortfolios({})).find((p) => p.name === 'Degiro')!;
      const rows = (await backend.handlers.getCurrencyBreakdown({ portfolioId: portfolio.id })).currencies;
      const usd = rows.find((r) => r.currency === 'USD')!;
      // The same figures as the warning above: 3,179.28 EUR used, 2,947.47 EUR at 0.8, 7.9% apart.
      expect(usd.value).toBe(3179.28);
      expect(usd.broker).toEqual({ column: 'Value in EUR', rate: '1 USD = 0.8 EUR', rateAsOf: '2026-11-24', ratedValue: 2947.47, apart: expect.closeTo(231.81 / 2947.47, 10) });
      // No JPY rate: valued by the broker, nothing to compare with.
      expect(rows.find((r) => r.currency === 'JPY')!.broker).toEqual({ column: 'Value in EUR', rate: null, rateAsOf: null, ratedValue: null, apart: null });
    } finally {
      backend.close();
    }
    // Within 0.5% (the rate of 0.863 of the test before): the rate is named, no gap.
    expect(cli('fx', 'USD', '0.863', '--to', 'EUR', '--as-of', '2026-11-24').code).toBe(0);
    const again = await openBackend({ dbPath: db });
    try {
      const portfolio = (await again.handlers.listPortfolios({})).find((p) => p.name === 'Degiro')!;
      const usd = (await again.handlers.getCurrencyBreakdown({ portfolioId: portfolio.id })).currencies.find((r) => r.currency === 'USD')!;
      expect(usd.broker).toEqual({ column: 'Value in EUR', rate: '1 USD = 0.863 EUR', rateAsOf: '2026-11-24', ratedValue: null, apart: null });
    } finally {
      again.close();
    }
    // Back to 0.8 for the tests after.
    expect(cli('fx', 'USD', '0.8', '--to', 'EUR', '--as-of', '2026-11-24').code).toBe(0);
  });

  it('the same file in a USD portfolio: values in EUR kept but not used, said at import; rates apply', () => {
    const r = cli('import', DEGIRO, '--portfolio', 'Dollars', '--base-currency', 'USD', '--as-of', '2026-11-24');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: The file\'s values in EUR ("Value in EUR") are kept, but Dollars is in USD: its figures use exchange rates.');
    const rep = report('Dollars');
    // EUR goes through the rate entered above (1 USD = 0.8 EUR); JPY has none: MISSING_FX, never the broker's euros.
    expect(rep.warnings.filter((w) => w.code === 'MISSING_FX').map((w) => w.message.slice(0, 30))).toEqual(['No exchange rate from JPY to U']);
    expect(rep.fxRates).toEqual([{ currency: 'EUR', rate: '1 USD = 0.8 EUR', asOf: '2026-11-24' }]);
    // By hand, in USD: EUR 1,234.56 + 3,062.00 + 3,924.80 + 1,079.92 at 1.25 = 1,543.20 + 3,827.50
    // + 4,906.00 + 1,349.90 = 11,626.60; USD 12.34 + 3,672.00 = 3,684.34; 15,310.94 in all.
    expect(rep.totalValue).toBe(15310.94);
  });

  it('a German bank\'s "Kurswert in EUR" beside the local Kurswert', () => {
    const file = join(temp.dir, 'depot.csv');
    writeFileSync(
      file,
      'Depotübersicht;;;;;;\nStand: 24.11.2026;;;;;;\n;;;;;;\nBezeichnung;ISIN;Stück;Kurs;Währung;Kurswert;Kurswert in EUR\n' +
        'NVIDIA CORP;US67066G1040;10;183,60;USD;1.836,00;1.584,31\nSIEMENS ENERGY AG;DE000ENER6Y0;20;98,12;EUR;1.962,40;1.962,40\n',
    );
    const r = cli('import', file, '--portfolio', 'Bank', '--base-currency', 'EUR');
    expect(r.code, r.stderr).toBe(0);
    const rep = report('Bank');
    expect(rep.totalValue).toBe(3546.71);
    expect(rep.fxRates).toEqual([{ currency: 'USD', rate: 'valued by the broker ("Kurswert in EUR")', asOf: '2026-11-24' }]);
  });

  it("IBKR Flex: value x FXRateToBase, in the base the file shows by its rate of exactly 1", () => {
    const file = join(temp.dir, 'flex.csv');
    const head = '"ClientAccountID","CurrencyPrimary","AssetClass","Symbol","Description","Quantity","MarkPrice","PositionValue","FXRateToBase","ReportDate"\n';
    writeFileSync(
      file,
      head +
        '"U1","EUR","STK","SIE","SIEMENS AG","100","98.12","9812","1","20261124"\n' +
        '"U1","USD","STK","NVDA","NVIDIA CORP","100","183.6","18360","0.8632","20261124"\n' +
        '"U1","JPY","STK","9984","SOFTBANK GROUP CORP","200","9512.5","1902500","0.00557","20261124"\n',
    );
    expect(cli('import', file, '--portfolio', 'Flex', '--base-currency', 'EUR').code).toBe(0);
    const rep = report('Flex');
    // By hand: 9,812.00 + 18,360 x 0.8632 = 15,848.352 -> 15,848.35 + 1,902,500 x 0.00557 = 10,596.925
    // -> 10,596.93 (half away from zero) = 36,257.28.
    expect(rep.totalValue).toBe(36257.28);
    expect(rep.fxRates.map((f) => f.rate)).toEqual(['valued by the broker ("FXRateToBase")', 'valued by the broker ("FXRateToBase")']);

    // No row at a rate of 1, no base stated: the rates cannot be tied to a currency, so they are not used.
    const unknown = join(temp.dir, 'flex-no-base.csv');
    writeFileSync(unknown, head + '"U1","USD","STK","NVDA","NVIDIA CORP","100","183.6","18360","0.8632","20261124"\n');
    const r = cli('import', unknown, '--portfolio', 'Flex2', '--base-currency', 'EUR');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('does not say which currency that is, so they were not used');
    // Valued through the rate entered above instead, never the unplaced broker figures.
    expect(report('Flex2').fxRates).toEqual([{ currency: 'USD', rate: '1 USD = 0.8 EUR', asOf: '2026-11-24' }]);
  });

  it('an unreadable base value is a row error naming its column', () => {
    const file = join(temp.dir, 'bad.csv');
    writeFileSync(file, 'Product,Symbol/ISIN,Amount,Closing,Local value,,Value in EUR\nNVIDIA CORP,US67066G1040,20,"183,60",USD,"3672,00",abc\n');
    const r = cli('import', file, '--portfolio', 'Bad', '--base-currency', 'EUR');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv line 2, column 7 \(Value in EUR\)/);
  });
});
