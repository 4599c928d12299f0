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

const money = (c: bigint) => Number(c) / 100;

const E8 = 100_000_000;

/** floor(x / 10^8) and the remainder (0 <= r < 10^8), exactly, for a safe integer x. */
function floorE8(x: number): [number, number] {
  let q = Math.floor(x / E8);
  let r = x - q * E8;
  // The division is a float's: the remainder, exact, corrects it by one where it rounded over.
  if (r < 0) [q, r] = [q - 1, r + E8];
  else if (r >= E8) [q, r] = [q + 1, r - E8];
  return [q, r];
}

/** The indexes of `rests` from the largest remainder down, the first listed first among equal ones. */
const byRest = <T extends number | bigint>(rests: readonly T[]): number[] => rests.map((_, i) => i).sort((a, b) => (rests[b]! > rests[a]! ? 1 : rests[b]! < rests[a]! ? -1 : a - b));

/**
 * A position's move and its part in each of its shocked themes, in cents: `v` (its value in cents)
 * times the sum of `cs` (each theme's weight in basis points times its shock in basis points) over
 * 10^8, rounded half away from zero once, so "1.00% of 301.00" is 3.01. Each part is its own
 * v x c / 10^8 rounded down or up so that the parts add up to the move: the odd cents go to the parts
 * with the largest remainders (the first listed of equal ones). With one theme its part is the move.
 */
export function splitMove(v: number, cs: readonly number[]): { move: number; parts: number[] } {
  const xs = cs.map((c) => v * c);
  if (!xs.every(Number.isSafeInteger) || xs.reduce((a, x) => a + Math.abs(x), 0) > Number.MAX_SAFE_INTEGER) return splitMoveBig(v, cs);
  const sum = xs.reduce((a, x) => a + x, 0);
  const [q, r] = floorE8(Math.abs(sum));
  const size = r * 2 >= E8 ? q + 1 : q;
  const move = sum < 0 ? 0 - size : size; // never -0
  if (xs.length === 1) return { move, parts: [move] };
  const floors = xs.map(floorE8);
  const parts = floors.map(([f]) => f);
  const odd = move - parts.reduce((a, f) => a + f, 0);
  const order = byRest(floors.map(([, rest]) => rest));
  for (let k = 0; k < odd; k++) parts[order[k]!]! += 1;
  return { move, parts: parts.map((x) => x + 0) }; // never -0
}

/** splitMove where a product or the sum would pass 2^53: the same, in BigInt. */
function splitMoveBig(v: number, cs: readonly number[]): { move: number; parts: number[] } {
  const d = 100_000_000n;
  const xs = cs.map((c) => BigInt(v) * BigInt(c));
  const sum = xs.reduce((a, x) => a + x, 0n);
  const size = ((sum < 0n ? -sum : sum) + d / 2n) / d;
  const move = sum < 0n ? -size : size;
  const floors = xs.map((x) => (x % d < 0n ? x / d - 1n : x / d));
  const parts = [...floors];
  let odd = move - floors.reduce((a, f) => a + f, 0n);
  for (const i of byRest(xs.map((x, i) => x - floors[i]! * d))) {
    if (odd <= 0n) break;
    parts[i]! += 1n;
    odd -= 1n;
  }
  return { move: Number(move), parts: parts.map(Number) };
}

/**
 * What a set of theme shocks does to a snapshot (the rule, also in the README): each position moves
 * by its value times the sum over its themes of weight x shock, so a position 60% data-centers and 20%
 * diamond, with shocks of -20% and +10%, moves by -10%. A sub-theme without a shock of its own takes
 * its parent's. Cash does not move, nor does a position with no rate. Each position's move is rounded
 * half away from zero to the cent once (splitMove), and split among its themes in cents that add up to
 * it; every total is the sum of those, so the figures add up by hand.
 */
export function applyShocks(report: Exposure, shocks: Shocks): ScenarioResult {
  const parentOf = new Map(report.themes.map((t) => [t.id, t.parentId ?? null]));
  const shockOf = (id: string): number => shocks.get(id) ?? (parentOf.get(id) ? (shocks.get(parentOf.get(id) as string) ?? 0) : 0);
  const themeImpact = new Map<string, bigint>();
  const positions: ScenarioResult['positions'] = [];
  let total = 0n;
  for (const p of report.positions) {
    if (p.isCash || p.value === null) continue;
    const shocked = p.themes.filter((t) => shockOf(t.id) !== 0);
    if (shocked.length === 0) continue;
    // value (cents) x weight (basis points) x shock (basis points) / 10^8, summed, then rounded.
    const { move, parts } = splitMove(Math.round(p.value * 100), shocked.map((t) => Math.round(t.weight * 10_000) * shockOf(t.id)));
    shocked.forEach((t, i) => themeImpact.set(t.id, (themeImpact.get(t.id) ?? 0n) + BigInt(parts[i]!)));
    if (move === 0) continue;
    total += BigInt(move);
    positions.push({ symbol: p.symbol, account: p.account, value: p.value, impact: move / 100 });
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
