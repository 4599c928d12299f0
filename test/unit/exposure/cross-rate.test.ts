import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../db/report/xlsx';
import { documentOf } from '../../../shared/report/document';
import { makeReport } from '../../helpers/report';
import { computeExposure, listReportPositions } from '../../../db/exposure/compute';
import { convertCents, currencyFactors, MAX_FACTOR_DEN, nearestRational } from '../../../db/exposure/rates';
import { scaleHalfUp } from '../../../db/exposure/loaded-groups';
import { setFxRate } from '../../../db/repos/fx';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import type { FxRate } from '../../../shared/domain/types';
import { addSnapshot, makeDb } from './fixture';

const rate = (currency: string, quote: string, r: string): FxRate => ({ currency, quote, rate: r, asOf: '2026-05-01' });

/** |cents| x num / den rounded half away from zero, signed like cents: by hand, in BigInt. */
function byHand(cents: bigint, num: bigint, den: bigint): number {
  const a = cents < 0n ? -cents : cents;
  const q = (2n * a * num + den) / (2n * den);
  return Number(cents < 0n ? -q : q);
}

/** The portfolio (base USD) holding one yen position of `cents`, at these two rates; its total as the exposure and the positions list give it. */
function valued(cents: number, usd: string, jpy: string) {
  const db = makeDb();
  const sid = addSnapshot(db, '2026-05-01', '2026-05-01T10:00:00Z', [{ account: 'F1', symbol: 'JPBIG', valueCents: cents, currency: 'JPY' }]);
  setFxRate(db, { currency: 'EUR', quote: 'USD', rate: usd }, '2026-05-01');
  setFxRate(db, { currency: 'EUR', quote: 'JPY', rate: jpy }, '2026-05-01');
  const exposure = computeExposure(db, getPortfolio(db, 1), getSnapshot(db, sid), 'now');
  const listed = listReportPositions(db, sid, currencyFactors([rate('EUR', 'USD', usd), rate('EUR', 'JPY', jpy)], ['JPY'], 'USD').factors, false);
  return { total: Math.round(exposure.totalValue * 100), listed: Math.round((listed[0]!.value as number) * 100) };
}

describe('a cross rate through a third currency', () => {
  it('is the exact product of its legs: ¥987,654,321 x 1.08453 / 162.37 = USD 6,596,912.86', () => {
    const { factors } = currencyFactors([rate('EUR', 'USD', '1.08453'), rate('EUR', 'JPY', '162.37')], ['JPY'], 'USD');
    // 1.08453 / 162.37 = 108453/100000 x 100/16237, reduced.
    expect(factors[0]).toMatchObject({ num: 108453, den: 16237000 });
    expect(byHand(98_765_432_100n, 108453n, 16237000n)).toBe(659_691_286);
    expect(valued(98_765_432_100, '1.08453', '162.37')).toEqual({ total: 659_691_286, listed: 659_691_286 });
  });

  it('whose exact product passes the bounds is the nearest rational within them, still right to the cent on large values', () => {
    // 1.084537291 / 162.3719383 = 1084537291 / 162371938300: a denominator past 3,037,000,499.
    const [usd, jpy] = ['1.084537291', '162.3719383'];
    const exact = { num: 1084537291n, den: 162371938300n };
    const { factors } = currencyFactors([rate('EUR', 'USD', usd), rate('EUR', 'JPY', jpy)], ['JPY'], 'USD');
    const f = factors[0]!;
    expect(BigInt(f.den) <= MAX_FACTOR_DEN && f.num <= Number.MAX_SAFE_INTEGER).toBe(true);
    // Nearer than the 1e9 scaling it replaces.
    const error = (num: bigint, den: bigint) => Math.abs(Number(num * exact.den - exact.num * den)) / Number(den * exact.den);
    expect(error(BigInt(f.num), BigInt(f.den))).toBeLessThan(1e-18);
    for (const cents of [98_765_432_100, 123_456_789_012_345, 4_503_599_627_370_495, Number.MAX_SAFE_INTEGER, -777_777_777_777_777]) {
      const hand = byHand(BigInt(cents), exact.num, exact.den);
      expect(convertCents(cents, f)).toBe(hand);
      expect(Math.sign(cents) * scaleHalfUp(Math.abs(cents), f.num, Math.floor(f.den / 2), f.den)).toBe(hand);
    }
    for (const cents of [98_765_432_100, 4_503_599_627_370_495]) expect(valued(cents, usd, jpy)).toEqual({ total: byHand(BigInt(cents), exact.num, exact.den), listed: byHand(BigInt(cents), exact.num, exact.den) });
  });

  it('nearestRational keeps what fits and is the best approximation otherwise', () => {
    expect(nearestRational(10845300n, 1623700000n)).toEqual({ num: 108453n, den: 16237000n });
    // pi to 20 digits, with a denominator of at most 1000: 355/113.
    expect(nearestRational(314159265358979323846n, 100000000000000000000n, 10n ** 6n, 1000n)).toEqual({ num: 355n, den: 113n });
    // 0.38 with a denominator of at most 5: 2/5 (not 1/3, the convergent before it).
    expect(nearestRational(38n, 100n, 100n, 5n)).toEqual({ num: 2n, den: 5n });
  });

  it("fills the XLSX FX sheet's USD per unit for a chained rate", async () => {
    const doc = documentOf(makeReport({ fxRates: [{ currency: 'JPY', rate: '1 EUR = 162.37 JPY; 1 EUR = 1.08453 USD', asOf: '2026-05-01' }, { currency: 'EUR', rate: '1 EUR = 1.08453 USD', asOf: '2026-05-01' }] }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(doc)) as unknown as ArrayBuffer);
    const fx = wb.getWorksheet('FX')!;
    const rows = new Map<string, unknown>();
    fx.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(3).value));
    expect(rows.get('EUR')).toBe(1.08453);
    expect(rows.get('JPY') as number).toBeCloseTo(1.08453 / 162.37, 15);
  });
});
