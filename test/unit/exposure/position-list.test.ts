import { describe, expect, it } from 'vitest';
import { listPositions } from '../../../db/exposure/position-list';
import { setFxRate } from '../../../db/repos/fx';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { addSnapshot, makeDb } from './fixture';

describe('listPositions: the positions of a snapshot for the positions table', () => {
  const db = makeDb();
  const sid = addSnapshot(db, '2026-11-24', '2026-11-24T10:00:00Z', [
    { account: 'X1', symbol: 'KMI', quantity: '200', valueCents: 500_000 },
    { account: 'Z9', symbol: 'SAP', quantity: '5', valueCents: 100_001, currency: 'EUR' },
    { account: 'Z9', symbol: 'CASH', valueCents: 30_000, isCash: true },
    { account: 'Z9', symbol: 'SHORT', quantity: '-10', valueCents: -600_000 },
    { account: 'X1', symbol: 'TM', quantity: '1', valueCents: 1_000_000, currency: 'JPY' },
  ]);
  setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.0845' }, '2026-11-20');
  addSnapshot(db, '2026-12-24', '2026-12-24T10:00:00Z', [{ symbol: 'OTHER', valueCents: 1 }]);
  const portfolio = getPortfolio(db, 1);

  it('gives every position once, largest |base value| first, cash last, values to the cent in base currency', () => {
    const list = listPositions(db, portfolio, getSnapshot(db, sid), 0, 1000);
    expect(list.total).toBe(5);
    expect(list.baseCurrency).toBe('USD');
    expect(list.rows).toEqual([
      // 1,000.01 EUR x 1.0845 = 1,084.510845 -> 1,084.51
      ['Z9', 'SHORT', 'SHORT', 'SHORT INC', '-10', -6000, -6000, 'USD', false],
      ['X1', 'KMI', 'KMI', 'KMI INC', '200', 5000, 5000, 'USD', false],
      ['Z9', 'SAP', 'SAP', 'SAP INC', '5', 1084.51, 1000.01, 'EUR', false],
      // No JPY rate: no base value (never 1.0), its own value kept.
      ['X1', 'TM', 'TM', 'TM INC', '1', null, 10000, 'JPY', false],
      ['Z9', 'CASH', 'CASH', 'CASH INC', null, 300, 300, 'USD', true],
    ]);
  });

  it('caps the rows at the limit and still counts them all', () => {
    const list = listPositions(db, portfolio, getSnapshot(db, sid), 0, 2);
    expect(list.rows.map((r) => r[2])).toEqual(['SHORT', 'KMI']);
    expect(list.total).toBe(5);
  });

  it('gives the list in pages that add up to the whole, in the same order, with one values stamp', () => {
    const whole = listPositions(db, portfolio, getSnapshot(db, sid), 0, 1000);
    const pages = [0, 2, 4].map((offset) => listPositions(db, portfolio, getSnapshot(db, sid), offset, 2));
    expect(pages.map((p) => p.offset)).toEqual([0, 2, 4]);
    expect(pages.flatMap((p) => p.rows)).toEqual(whole.rows);
    expect(new Set(pages.map((p) => p.valuesStamp))).toEqual(new Set([whole.valuesStamp]));
    // A new rate changes the values, and the stamp says so.
    setFxRate(db, { currency: 'JPY', quote: 'USD', rate: '0.0066' }, '2026-11-20');
    expect(listPositions(db, portfolio, getSnapshot(db, sid), 0, 2).valuesStamp).not.toBe(whole.valuesStamp);
  });

  it('ties in value are ordered by row, so no page repeats or skips a position', () => {
    const tied = addSnapshot(db, '2027-01-24', '2027-01-24T10:00:00Z', Array.from({ length: 7 }, (_, i) => ({ account: 'X1', symbol: 'SAME', quantity: String(i + 1), valueCents: 100 })));
    const pages = [0, 3, 6].map((offset) => listPositions(db, portfolio, getSnapshot(db, tied), offset, 3).rows.map((r) => r[4]));
    // The quantity as stored (text): the table shows every decimal of it.
    expect(pages.flat()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });
});
