import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyShocks, splitMove } from '../../../shared/exposure/scenario';
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

  it("rounds a position's move once, so its label redoes it, and splits it among its themes in cents that add up", () => {
    // 301.00 half in each of two themes, both +1%: 301.00 x (0.5 x 1% + 0.5 x 1%) = 3.01 (each part
    // rounded on its own made 1.51 + 1.51 = 3.02, under a label "1.00% of 301.00"). The parts are
    // 1.505 each: the odd cent goes to the first listed, 1.51 and 1.50.
    const r4 = makeReport({
      totalValue: 301,
      cashValue: 0,
      untaggedValue: 0,
      themes: [theme('data-centers', 150.5), theme('oil-logistics', 150.5)],
      positions: [{ account: 'X1', symbol: 'NVDA', symbolKey: 'NVDA', description: '', quantity: 1, value: 301, localValue: 301, currency: 'USD', isCash: false, themes: [{ id: 'data-centers', weight: 0.5, value: 150.5 }, { id: 'oil-logistics', weight: 0.5, value: 150.5 }] }],
    });
    const r = applyShocks(r4, new Map([['data-centers', 100], ['oil-logistics', 100]]));
    expect(r.positions).toEqual([{ symbol: 'NVDA', account: 'X1', value: 301, impact: 3.01 }]);
    expect(r.impact).toBe(3.01);
    expect(r.impactShare).toBeCloseTo(0.01, 15);
    expect(r.themes.map((t) => t.impact)).toEqual([1.51, 1.5]);
  });

  it('splits every move exactly: rounded once, parts each rounded down or up, adding up to it (past 2^53 too)', () => {
    const exact = (x: bigint) => ({ floor: x / 10n ** 8n - (x % 10n ** 8n < 0n ? 1n : 0n), rest: ((x % 10n ** 8n) + 10n ** 8n) % 10n ** 8n });
    fc.assert(
      fc.property(
        // Values up to 2^53 / 1000 cents: products of v x c pass 2^53 (the BigInt path), moves stay exact numbers.
        fc.oneof(fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }), fc.integer({ min: -9_007_199_254_740, max: 9_007_199_254_740 })),
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 10_000 }), shock: fc.integer({ min: -10_000, max: 100_000 }) }), { minLength: 1, maxLength: 5 }),
        (v, tags) => {
          const cs = tags.map((t) => t.weight * t.shock);
          const { move, parts } = splitMove(v, cs);
          const xs = cs.map((c) => BigInt(v) * BigInt(c));
          const sum = xs.reduce((a, x) => a + x, 0n);
          const size = ((sum < 0n ? -sum : sum) + 5n * 10n ** 7n) / 10n ** 8n;
          expect(move).toBe(Number(sum < 0n ? -size : size));
          expect(parts.reduce((a, p) => a + BigInt(p), 0n)).toBe(BigInt(move));
          parts.forEach((p, i) => {
            const { floor, rest } = exact(xs[i]!);
            expect(BigInt(p) === floor || (BigInt(p) === floor + 1n && rest > 0n)).toBe(true);
            expect(Object.is(p, -0)).toBe(false);
          });
        },
      ),
      { numRuns: 3000 },
    );
    // Halves away from zero, both signs; a single theme's part is the move.
    expect(splitMove(5, [10_000_000])).toEqual({ move: 1, parts: [1] });
    expect(splitMove(-5, [10_000_000])).toEqual({ move: -1, parts: [-1] });
    // Opposite shocks that cancel: no move, parts +1.51 and -1.51 (the odd cent to the larger remainder).
    expect(splitMove(301_00, [5000 * 100, 5000 * -100])).toEqual({ move: 0, parts: [151, -151] });
  });
});
