import { describe, expect, it } from 'vitest';
import { applyShocks } from '../../../shared/exposure/scenario';
import { makeReport } from '../../helpers/report';

const theme = (id: string, value: number, parentId?: string) => ({ id, name: id, color: '#000000', ...(parentId ? { parentId } : {}), value, grossValue: value, longValue: value, shortValue: 0, share: 0, positionCount: 1 });

describe('theme shocks', () => {
  const report = makeReport({
    totalValue: 1000.01,
    themes: [theme('ai', 600), theme('chips', 300, 'ai'), theme('oil', 0)],
    positions: [
      { account: 'A', symbol: 'X', symbolKey: 'X', description: '', quantity: 1, value: 333.33, localValue: 333.33, currency: 'USD', isCash: false, themes: [{ id: 'chips', weight: 1, value: 333.33 }] },
      { account: 'A', symbol: 'Y', symbolKey: 'Y', description: '', quantity: 1, value: -100.05, localValue: -100.05, currency: 'USD', isCash: false, themes: [{ id: 'ai', weight: 0.5, value: -50.03 }] },
      { account: 'A', symbol: 'Z', symbolKey: 'Z', description: '', quantity: 1, value: null, localValue: 5, currency: 'JPY', isCash: false, themes: [{ id: 'ai', weight: 1, value: 0 }] },
      { account: 'A', symbol: 'CASH', symbolKey: 'CASH:USD', description: '', quantity: null, value: 500, localValue: 500, currency: 'USD', isCash: true, themes: [{ id: 'ai', weight: 1, value: 500 }] },
    ],
  });

  it('a sub-theme takes its parent\'s shock; shorts move the other way; half a cent rounds away from zero', () => {
    const r = applyShocks(report, new Map([['ai', -1500]]));
    // X: 333.33 x 1 x -15% = -49.9995 -> -50.00. Y (short): -100.05 x 0.5 x -15% = +7.50375 -> +7.50.
    // Z has no rate and cash does not move.
    expect(r.positions).toEqual([
      { symbol: 'X', account: 'A', value: 333.33, impact: -50 },
      { symbol: 'Y', account: 'A', value: -100.05, impact: 7.5 },
    ]);
    expect(r.impact).toBe(-42.5);
    expect(r.themes.find((t) => t.id === 'chips')).toMatchObject({ shock: -15, impact: -50 });
    // The parent counts its sub-theme's move too.
    expect(r.themes.find((t) => t.id === 'ai')).toMatchObject({ shock: -15, impact: -42.5 });
  });

  it('a sub-theme\'s own shock wins over its parent\'s', () => {
    const r = applyShocks(report, new Map([['ai', -1500], ['chips', 1000]]));
    // X: 333.33 x +10% = 33.333 -> 33.33; Y as before +7.50.
    expect(r.impact).toBe(40.83);
  });
});
