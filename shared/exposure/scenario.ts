import type { Exposure } from '../exposure/model';

/** A shock per theme, in basis points of value: -20% is -2000. */
export type Shocks = ReadonlyMap<string, number>;

export interface ScenarioResult {
  baseCurrency: string;
  totalValue: number;
  impact: number;
  impactShare: number;
  themes: { id: string; shock: number; value: number; impact: number }[];
  positions: { symbol: string; account: string; value: number; impact: number }[];
}

/** a / b rounded half away from zero, exactly (BigInt). */
function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < b) return q;
  return a < 0n ? q - 1n : q + 1n;
}

const cents = (money: number) => BigInt(Math.round(money * 100));
const money = (c: bigint) => Number(c) / 100;

/**
 * What a set of theme shocks does to a snapshot (the rule, also in the README): each position moves
 * by the sum over its themes of weight x shock, so a position 60% data-centers and 20% diamond, with
 * shocks of -20% and +10%, moves by -10%. A sub-theme without a shock of its own takes its parent's.
 * Cash does not move, nor does a position with no rate. Each position's move in each theme is rounded
 * half away from zero to the cent, and every total is the sum of those, so the figures add up by hand.
 */
export function applyShocks(report: Exposure, shocks: Shocks): ScenarioResult {
  const parentOf = new Map(report.themes.map((t) => [t.id, t.parentId ?? null]));
  const shockOf = (id: string): number => shocks.get(id) ?? (parentOf.get(id) ? (shocks.get(parentOf.get(id) as string) ?? 0) : 0);
  const themeImpact = new Map<string, bigint>();
  const positions: ScenarioResult['positions'] = [];
  let total = 0n;
  for (const p of report.positions) {
    if (p.isCash || p.value === null) continue;
    const value = cents(p.value);
    let impact = 0n;
    for (const t of p.themes) {
      const s = shockOf(t.id);
      if (s === 0) continue;
      // value (cents) x weight (basis points) x shock (basis points) / 10^8.
      const part = divRound(value * BigInt(Math.round(t.weight * 10_000)) * BigInt(s), 100_000_000n);
      impact += part;
      themeImpact.set(t.id, (themeImpact.get(t.id) ?? 0n) + part);
    }
    if (impact === 0n) continue;
    total += impact;
    positions.push({ symbol: p.symbol, account: p.account, value: p.value, impact: money(impact) });
  }
  positions.sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  // A parent's line counts its sub-themes' moves too, as its value counts their exposure.
  const themes = report.themes.map((t) => {
    const own = themeImpact.get(t.id) ?? 0n;
    const children = report.themes.filter((c) => c.parentId === t.id).reduce((sum, c) => sum + (themeImpact.get(c.id) ?? 0n), 0n);
    return { id: t.id, shock: shockOf(t.id) / 100, value: t.value, impact: money(own + children) };
  });
  return {
    baseCurrency: report.baseCurrency,
    totalValue: report.totalValue,
    impact: money(total),
    impactShare: report.totalValue === 0 ? 0 : money(total) / report.totalValue,
    themes,
    positions,
  };
}
