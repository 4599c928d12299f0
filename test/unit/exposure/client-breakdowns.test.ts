import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeClientExposure } from '../../../db/exposure/client';
import { setFxRate } from '../../../db/repos/fx';
import { recordPositionGroups } from '../../../db/exposure/position-groups';
import { renderXlsx } from '../../../db/report/xlsx';
import { reportBreakdowns } from '../../../shared/report/breakdowns';
import { DEFAULT_PREFERENCES, documentOf } from '../../../shared/report/document';
import { renderReportCsv } from '../../../shared/report/report-csv';
import { renderReportHtml } from '../../../shared/report/report-html';
import { addSnapshot, makeDb, tag } from './fixture';

/**
 * Household Fam (the tester's repro): PA as of 2026-03-31 holds NVDA 100 and KMI 50 in ACC1 and
 * ZZEU EUR 100 in ACC2; PB as of 2026-06-15 holds NVDA 100 and ZZEU EUR 100 in BRK1. EUR is 1.10
 * USD at PA's date and 1.20 at PB's: PA = 260, PB = 220, total 480. NVDA and ZZEU are one line each
 * across the two portfolios.
 */
function household() {
  const db = makeDb();
  db.prepare("UPDATE portfolios SET name = 'PA', client_name = 'Fam' WHERE id = 1").run();
  db.prepare("INSERT INTO portfolios (id, name, base_currency, client_name, created_at) VALUES (2, 'PB', 'USD', 'Fam', '2026-01-01T00:00:00Z')").run();
  setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.1000' }, '2026-03-30');
  setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.2000' }, '2026-06-10');
  addSnapshot(db, '2026-03-31', '2026-03-31T10:00:00Z', [
    { account: 'ACC1', symbol: 'NVDA', quantity: '1', valueCents: 10_000 },
    { account: 'ACC1', symbol: 'KMI', quantity: '1', valueCents: 5_000 },
    { account: 'ACC2', symbol: 'ZZEU', quantity: '1', valueCents: 10_000, currency: 'EUR' },
  ]);
  addSnapshot(db, '2026-06-15', '2026-06-15T10:00:00Z', [
    { account: 'BRK1', symbol: 'NVDA', quantity: '1', valueCents: 10_000 },
    { account: 'BRK1', symbol: 'ZZEU', quantity: '1', valueCents: 10_000, currency: 'EUR' },
  ], 2);
  tag(db, 'NVDA', 'data-centers', 10_000, '2026-06-16T00:00:00Z');
  tag(db, 'ZZEU', 'data-centers', 5_000, '2026-06-16T00:00:00Z');
  return db;
}

describe("a household's breakdowns", () => {
  it('by account: each real account with its full value, adding up to the total', () => {
    const r = computeClientExposure(household(), 'Fam', '2026-06-16T12:00:00Z');
    expect(r.totalValue).toBe(480);
    // The combined lines are as before: one per security, its accounts listed.
    expect(r.positions.map((p) => [p.symbol, p.account, p.value])).toEqual([
      ['ZZEU', 'PA · ACC2; PB · BRK1', 230],
      ['NVDA', 'PA · ACC1; PB · BRK1', 200],
      ['KMI', 'PA · ACC1', 50],
    ]);
    const b = reportBreakdowns(r);
    expect(b.accounts.map((a) => [a.account, a.positionCount, a.value, a.themes['data-centers'], a.untaggedValue, a.withoutRate])).toEqual([
      ['PB · BRK1', 2, 220, 160, 60, 0],
      ['PA · ACC1', 2, 150, 100, 50, 0],
      ['PA · ACC2', 1, 110, 55, 55, 0],
    ]);
    const sum = (pick: (a: (typeof b.accounts)[number]) => number) => b.accounts.reduce((c, a) => c + Math.round(pick(a) * 100), 0) / 100;
    expect(sum((a) => a.value)).toBe(r.totalValue);
    expect(sum((a) => a.themes['data-centers'] ?? 0)).toBe(r.themes.find((t) => t.id === 'data-centers')?.value);
    expect(sum((a) => a.untaggedValue)).toBe(r.untaggedValue);
    // As many positions as the portfolios hold.
    expect(b.accounts.reduce((n, a) => n + a.positionCount, 0)).toBe(5);
  });

  it('by currency: a currency valued at two rates names each with its portfolio and date, and counts its positions', () => {
    const r = computeClientExposure(household(), 'Fam', '2026-06-16T12:00:00Z');
    const b = reportBreakdowns(r);
    const both = '1 EUR = 1.1000 USD (PA, 2026-03-31); 1 EUR = 1.2000 USD (PB, 2026-06-15)';
    // 100 x 1.10 + 100 x 1.20 = 230: two positions (one line listed), each at its portfolio's rate.
    expect(b.currencies).toEqual([
      { currency: 'USD', positionCount: 3, localValue: 250, value: 250, share: 250 / 480, rate: '' },
      {
        currency: 'EUR', positionCount: 2, localValue: 200, value: 230, share: 230 / 480, rate: both,
        rates: [{ rate: '1 EUR = 1.1000 USD', portfolio: 'PA', asOf: '2026-03-31' }, { rate: '1 EUR = 1.2000 USD', portfolio: 'PB', asOf: '2026-06-15' }],
      },
    ]);
    // Every rate used, each naming the portfolio valued at it.
    expect(r.fxRates).toEqual([
      { currency: 'EUR', rate: '1 EUR = 1.1000 USD', asOf: '2026-03-30', portfolios: ['PA'] },
      { currency: 'EUR', rate: '1 EUR = 1.2000 USD', asOf: '2026-06-10', portfolios: ['PB'] },
    ]);

    const csv = renderReportCsv(documentOf(r)).split('\r\n');
    expect(csv).toContain(`EUR,2,200.00,230.00,0.479167,"${both}"`);
    expect(csv).toContain('Currency,Exchange rate used,As of,Used for (portfolio, as of)');
    expect(csv).toContain('EUR,1 EUR = 1.1000 USD,2026-03-30,"PA, 2026-03-31"');
    expect(csv).toContain('EUR,1 EUR = 1.2000 USD,2026-06-10,"PB, 2026-06-15"');

    for (const [language, head] of [['en', 'Used for (portfolio, as of)'], ['ja', '適用したポートフォリオ（基準日）']] as const) {
      const html = renderReportHtml(documentOf(r, { preferences: { ...DEFAULT_PREFERENCES, language } }));
      expect(html).toContain(`<td>${both}</td>`);
      expect(html).toContain(head);
      expect(html).toContain('<td>1 EUR = 1.1000 USD</td><td>2026-03-30</td><td>PA, 2026-03-31</td>');
    }
  });

  it('XLSX: the Currencies sheet names both rates, the FX sheet the portfolio of each', async () => {
    const r = computeClientExposure(household(), 'Fam', '2026-06-16T12:00:00Z');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(documentOf(r))) as unknown as ArrayBuffer);
    const rows = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    expect(rows('Currencies')).toContainEqual(['EUR', 2, 200, 230, 230 / 480, '1 EUR = 1.1000 USD (PA, 2026-03-31); 1 EUR = 1.2000 USD (PB, 2026-06-15)']);
    expect(rows('FX').map((row) => [row[0], row[1], row[3], row[4]])).toEqual([
      ['Currency', 'Rate used', 'As of', 'Used for (portfolio, as of)'],
      ['EUR', '1 EUR = 1.1000 USD', '2026-03-30', 'PA, 2026-03-31'],
      ['EUR', '1 EUR = 1.2000 USD', '2026-06-10', 'PB, 2026-06-15'],
    ]);
  });

  it('the same security in two currencies is a line for each, and the report says that only the same currency is one line', () => {
    const db = household();
    // NVDA bought on Xetra in EUR too (the same security key), in PB.
    db.prepare("UPDATE positions SET currency = 'EUR', value_cents = 9_000 WHERE symbol = 'NVDA' AND snapshot_id = 2").run();
    db.prepare("UPDATE snapshots SET currencies = 'EUR' WHERE id = 2").run();
    recordPositionGroups(db, 2);
    const r = computeClientExposure(db, 'Fam', '2026-06-16T12:00:00Z');
    // Local values in two currencies do not add: EUR 90 at 1.20 = 108 is its own line.
    expect(r.positions.filter((p) => p.symbol === 'NVDA').map((p) => [p.account, p.currency, p.localValue, p.value])).toEqual([
      ['PB · BRK1', 'EUR', 90, 108],
      ['PA · ACC1', 'USD', 100, 100],
    ]);
    expect(r.positionCount).toBe(4);
    for (const [language, said] of [
      ['en', 'the same security held in the same currency in several accounts is one line below (held in two currencies, a line for each).'],
      ['ja', '複数の口座で同じ通貨建てで保有する同一銘柄は、以下では 1 行にまとめています（異なる通貨建てで保有する場合は通貨ごとに 1 行）。'],
    ] as const) {
      expect(renderReportHtml(documentOf(r, { preferences: { ...DEFAULT_PREFERENCES, language } }))).toContain(said);
    }
  });
});
