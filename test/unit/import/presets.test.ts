import { describe, it, expect } from 'vitest';
import { PRESETS } from '../../../shared/import/presets';
import { bySymbolKey, fixture as parseBytes, parseOk, totals } from './helpers';

describe('broker presets', () => {
  it('lists the built-in presets for the UI', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['ibkr-activity', 'ibkr-flex', 'fidelity', 'schwab', 'vanguard', 'etrade', 'degiro', 'sbi', 'rakuten']);
    for (const p of PRESETS) expect(p.name.length).toBeGreaterThan(3);
  });

  it('fidelity: current layout, BOM, two accounts, core cash, pending activity, footer date', () => {
    const r = parseOk('fidelity-current.csv');
    expect(r.format).toMatchObject({ preset: 'fidelity', encoding: 'utf-8', hadBom: true, headerLine: 1, asOf: '2026-11-24', delimiter: ',' });
    expect(r.format.headers[0]).toBe('Account Number');
    expect(r.positions).toHaveLength(9);
    expect(r.rejected).toEqual([]);
    // 2314.07 + 45900.35 + 15750.00 + 2924.00 + 9952.30 - 120.50 + 1050.00 + 5172.00 + 3425.50
    expect(totals(r.positions)).toEqual({ USD: 8636772 });
    expect(new Set(r.positions.map((p) => p.account))).toEqual(new Set(['Z12345678', '234567890']));
    const cash = r.positions.filter((p) => p.isCash);
    expect(cash.map((p) => [p.symbol, p.description, p.valueCents, p.symbolKey])).toEqual([
      ['SPAXX', 'HELD IN MONEY MARKET', 231407, 'CASH:USD'],
      [null, 'Pending activity', -12050, 'CASH:USD'],
      ['FDRXX', 'HELD IN MONEY MARKET', 105000, 'CASH:USD'],
    ]);
    const nvda = bySymbolKey(r.positions, 'NVDA');
    expect(nvda).toMatchObject({ line: 3, quantity: '250', price: '183.6014', valueCents: 4590035, currency: 'USD', securityType: null });
    // Bonds by CUSIP; plan rows without a symbol keyed by description; `--` price stays null.
    expect(bySymbolKey(r.positions, '912797LN5').cusip).toBe('912797LN5');
    expect(bySymbolKey(r.positions, 'FIDELITY 500 INDEX FUND')).toMatchObject({ symbol: null, price: null, valueCents: 342550 });
  });

  it('fidelity: older layout, CORE**, `--` value computed from quantity x price, older footer date', () => {
    const r = parseOk('fidelity-older.csv');
    expect(r.format).toMatchObject({ preset: 'fidelity', hadBom: false, asOf: '2021-07-30' });
    expect(r.positions).toHaveLength(6);
    // 512.34 + 1425.00 + 3705.00 + 2797.40 + (10 x 58.905 = 589.05) + 611.06
    expect(totals(r.positions)).toEqual({ USD: 963985 });
    expect(bySymbolKey(r.positions, 'XOM')).toMatchObject({ valueCents: 58905, price: '58.905' });
    expect(bySymbolKey(r.positions, 'CASH:USD')).toMatchObject({ symbol: 'CORE', isCash: true, valueCents: 51234 });
  });

  it('schwab: 2025 headers, title account and date, cash row, Account Total kept as checksum', () => {
    const r = parseOk('schwab-2025.csv');
    expect(r.format).toMatchObject({ preset: 'schwab', headerLine: 3, asOf: '2025-05-04', fileTotalCents: 2323062 });
    expect(r.format.mapping).toMatchObject({ quantity: 'Qty (Quantity)', value: 'Mkt Val (Market Value)', price: 'Price' });
    expect(r.positions).toHaveLength(5);
    expect(totals(r.positions)).toEqual({ USD: 2323062 });
    expect(r.warnings).toEqual([]);
    expect(r.positions.every((p) => p.account === 'Individual ...123')).toBe(true);
    expect(r.positions.some((p) => p.description === 'Account Total' || p.symbol === 'Account Total')).toBe(false);
    expect(bySymbolKey(r.positions, 'CASH:USD')).toMatchObject({ description: 'Cash & Cash Investments', valueCents: 127752, quantity: null });
  });

  it('schwab: older headers and date format', () => {
    const r = parseOk('schwab-older.csv');
    expect(r.format).toMatchObject({ preset: 'schwab', asOf: '2021-09-26', fileTotalCents: 397080 });
    expect(r.format.mapping).toMatchObject({ quantity: 'Quantity', value: 'Market Value' });
    expect(r.positions).toHaveLength(3);
    expect(totals(r.positions)).toEqual({ USD: 397080 });
    expect(r.positions[0]!.account).toBe('Roth IRA ...456');
  });

  it('schwab: all-accounts file, each block account from its title, totals summed', () => {
    const r = parseOk('schwab-all-accounts.csv');
    expect(r.positions).toHaveLength(6);
    // (13740.00 - 2849.50 + 5000.00) + (2053.50 + 5742.00 + 204.50)
    expect(totals(r.positions)).toEqual({ USD: 2389050 });
    expect(r.format.fileTotalCents).toBe(2389050);
    expect(r.warnings).toEqual([]);
    const accounts = r.positions.map((p) => `${p.account}:${p.symbolKey}`);
    expect(accounts).toEqual([
      'Individual ...123:NVDA',
      'Individual ...123:TSLA',
      'Individual ...123:CASH:USD',
      'Roth IRA ...456:AAPL',
      'Roth IRA ...456:VTI',
      'Roth IRA ...456:CASH:USD',
    ]);
    expect(bySymbolKey(r.positions, 'TSLA')).toMatchObject({ quantity: '-10', valueCents: -284950 });
  });

  it('schwab: warns when the positions do not add up to Account Total', () => {
    const text = new TextDecoder().decode(parseBytes('schwab-2025.csv')).replace('"$2,701.00"', '"$2,700.00"');
    const r = parseOk(new TextEncoder().encode(text));
    expect(r.format.fileTotalCents).toBe(2323062);
    expect(totals(r.positions)).toEqual({ USD: 2322962 });
    // The value edited is no longer its quantity x price either: said too (VALUE_DIFFERS).
    expect(r.checks.map((c) => c.kind)).toEqual(['total', 'differs']);
    expect(r.warnings[0]).toContain('23,230.62');
    expect(r.warnings[0]).toContain('23,229.62');
  });

  it('vanguard: only the first table', () => {
    const r = parseOk('vanguard-ofx.csv');
    expect(r.format).toMatchObject({ preset: 'vanguard', asOf: null });
    expect(r.positions).toHaveLength(4);
    // 14499.14 + 6492.00 + 1234.56 + 2754.00
    expect(totals(r.positions)).toEqual({ USD: 2497970 });
    expect(r.rejected).toEqual([]);
    expect(new Set(r.positions.map((p) => p.account))).toEqual(new Set(['12345678', '23456789']));
    expect(r.warnings.join(' ')).toContain('line 9');
    // A note, not a figure to check: the app's import does not ask the user to look into it.
    expect(r.checks).toEqual([]);
  });

  it('ibkr activity statement: Summary rows only, currency per row, base currency, cash report, period', () => {
    const r = parseOk('ibkr-activity.csv');
    expect(r.format).toMatchObject({ preset: 'ibkr-activity', headerLine: 23, asOf: '2026-11-24', baseCurrency: 'USD' });
    expect(r.positions).toHaveLength(6);
    // JPY: 1902500 + 340500 + 150000 cash; USD: 18360 - 2625 + 5234.50 cash
    expect(totals(r.positions)).toEqual({ JPY: 239300000, USD: 2096950 });
    expect(r.positions.every((p) => p.account === 'U1234567')).toBe(true);
    expect(bySymbolKey(r.positions, '9984')).toMatchObject({ currency: 'JPY', quantity: '200', price: '9512.5', description: 'SOFTBANK GROUP CORP', isin: 'JP3436100006' });
    expect(bySymbolKey(r.positions, 'VRT')).toMatchObject({ quantity: '-20', valueCents: -262500 });
    expect(r.positions.filter((p) => p.isCash).map((p) => p.symbolKey)).toEqual(['CASH:USD', 'CASH:JPY']);
  });

  it('ibkr flex query: accounts, listing currencies, codes kept as text, report date', () => {
    const r = parseOk('ibkr-flex.csv');
    expect(r.format).toMatchObject({ preset: 'ibkr-flex', asOf: '2026-11-24' });
    expect(r.positions).toHaveLength(4);
    expect(totals(r.positions)).toEqual({ USD: 1645400, JPY: 190250000, HKD: 18375000 });
    expect(bySymbolKey(r.positions, '0700')).toMatchObject({ symbol: '0700', account: 'U7654321', currency: 'HKD' });
    expect(bySymbolKey(r.positions, 'IREN')).toMatchObject({ quantity: '-50', valueCents: -190600 });
  });

  it('etrade: account summary, CASH row, TOTAL excluded, Generated at footer, leading-dot decimals', () => {
    const r = parseOk('etrade.csv');
    expect(r.format).toMatchObject({ preset: 'etrade', headerLine: 8, asOf: '2026-11-24', fileTotalCents: null });
    expect(r.positions).toHaveLength(5);
    // 6896.00 + 3880.00 + 4051.50 + 1758.00 + 1304.92
    expect(totals(r.positions)).toEqual({ USD: 1789042 });
    expect(r.positions.every((p) => p.account === 'Individual Brokerage -4321')).toBe(true);
    expect(bySymbolKey(r.positions, 'CASH:USD')).toMatchObject({ isCash: true, valueCents: 130492 });
    expect(r.positions.some((p) => p.symbol === 'TOTAL')).toBe(false);
  });

  it('degiro: currency in Local value, amount in the unnamed column, decimal commas, ISIN routed, cash per currency', () => {
    const r = parseOk('degiro.csv');
    expect(r.format).toMatchObject({ preset: 'degiro' });
    expect(r.format.mapping).toMatchObject({ currency: 'Local value', value: '', quantity: 'Amount', price: 'Closing' });
    expect(r.positions).toHaveLength(7);
    // EUR: 1234.56 + 3062.00 + 3924.80 + 1079.92; USD: 12.34 + 3672.00; JPY 244350
    expect(totals(r.positions)).toEqual({ EUR: 930128, USD: 368434, JPY: 24435000 });
    expect(r.positions.filter((p) => p.isCash).map((p) => p.symbolKey)).toEqual(['CASH:EUR', 'CASH:USD']);
    expect(bySymbolKey(r.positions, 'NL0010273215')).toMatchObject({ symbol: null, isin: 'NL0010273215', price: '612.4', quantity: '5', currency: 'EUR' });
    expect(bySymbolKey(r.positions, 'IE00BMC38736').valueCents).toBe(107992);
  });
});
