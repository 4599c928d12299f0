import { splitMove, type Shocks, type ScenarioResult } from '../../shared/exposure/scenario';
import type { Db } from '../connection';
import { listThemes } from '../repos/themes';
import { placeholders, sql } from '../sql';
import { tagsByGroup } from './group-summary';
import { groupsWithPositions, valuation, valuesOf } from './loaded-groups';
import type { CurrencyFactor } from './rates';
import { snapshotBasis } from './scan';

/**
 * A scenario (shared/exposure/scenario.ts has the rule) computed from the snapshot's position groups,
 * for a screen or a table that shows only the positions that move most: every position's move is
 * computed as applyShocks computes it (the same rounding and split, position by position), but from the
 * groups' packed values, and only the positions shown are read from `positions`. applyShocks over
 * the whole exposure read every position into an object first: 0.5 s at 100,000 positions, 10 s at
 * a million. The figures equal applyShocks' (test/integration/position-groups.test.ts, "a scenario
 * from the position groups").
 */

/** v x c / 10^8 rounded half away from zero, exactly: v a value in cents, c a weight (bp) x a shock (bp). */
export function shockPartCents(v: number, c: number): number {
  const x = v * c;
  if (Math.abs(x) > Number.MAX_SAFE_INTEGER) {
    const b = BigInt(v) * BigInt(c);
    const d = 100_000_000n;
    const a = b < 0n ? -b : b;
    const q = (a + d / 2n) / d;
    return Number(b < 0n ? -q : q);
  }
  const a = Math.abs(x);
  let q = Math.floor(a / 1e8);
  // The division is a float's: the remainder, exact, corrects it by one where it rounded over.
  let r = a - q * 1e8;
  if (r < 0) {
    q -= 1;
    r += 1e8;
  } else if (r >= 1e8) {
    q += 1;
    r -= 1e8;
  }
  if (r * 2 >= 1e8) q += 1;
  return x < 0 ? 0 - q : q; // never -0
}

/** A theme's line of the exposure the scenario starts from. */
interface ThemeLine {
  id: string;
  parentId?: string | null | undefined;
  value: number;
}

/**
 * The scenario of a snapshot, with its `limit` largest moves (by size, then symbol, then as the
 * positions are listed: size of value, account, key) and how many positions move. null when a sum
 * would pass 2^53 cents: the caller then computes it from every position (applyShocks, in BigInt).
 */
export function scenarioFromGroups(
  db: Db,
  exposure: { baseCurrency: string; totalValue: number; themes: readonly ThemeLine[] },
  snapshotId: number,
  shocks: Shocks,
  limit: number,
): (ScenarioResult & { movedPositions: number }) | null {
  const basis = snapshotBasis(db, exposure.baseCurrency, snapshotId);
  const factorOf = new Map<string, CurrencyFactor>(basis.factors.map((f) => [f.currency, f]));
  const broker = basis.broker !== null;
  const themes = listThemes(db);
  const parentOf = new Map(themes.map((t) => [t.id, t.parentId ?? null]));
  const shockOf = (id: string): number => shocks.get(id) ?? (parentOf.get(id) ? (shocks.get(parentOf.get(id) as string) ?? 0) : 0);
  const shockAt = themes.map((t) => shockOf(t.id));
  const groups = groupsWithPositions(db, snapshotId);
  const tags = tagsByGroup(db, 'tags', themes, snapshotId, groups);
  const themeImpact = new Array<number>(themes.length).fill(0);

  // Each moving group's shocked tags (theme index, weight x shock), then each of its positions'
  // move. `visit` sees every position that moves; it runs twice (the cut, then the candidates).
  const parts: number[] = [];
  const walk = (visit: (gi: number, k: number, value: number, impact: number) => void, sumThemes: boolean) => {
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      if (g.isCash === 1) continue;
      parts.length = 0;
      for (let t = tags.start[gi]!; t < tags.start[gi + 1]!; t++) {
        const s = shockAt[tags.theme[t]!]!;
        if (s !== 0) parts.push(tags.theme[t]!, tags.weight[t]! * s);
      }
      if (parts.length === 0) continue;
      const weightShocks = parts.filter((_, i) => i % 2 === 1);
      const how = valuation(g, factorOf.get(g.currency), broker);
      if (how === 'unrated') continue;
      const values = valuesOf(g);
      for (let k = 0; k < g.n; k++) {
        const local = values[k]!;
        let v = local;
        if (how !== 'plain') {
          const a = how[k]!;
          if (a !== a) continue; // no rate: it does not move, as in applyShocks
          v = local < 0 ? -a : local > 0 ? a : 0;
        }
        let impact: number;
        if (parts.length === 2) {
          // One shocked theme (most positions): its part is the move.
          impact = shockPartCents(v, parts[1]!);
          if (sumThemes) themeImpact[parts[0]!] = themeImpact[parts[0]!]! + impact;
        } else {
          // Several: the move rounded once, split among them in cents that add up to it (splitMove).
          const split = splitMove(v, weightShocks);
          impact = split.move;
          if (sumThemes) for (let p = 0; p < parts.length; p += 2) themeImpact[parts[p]!] = themeImpact[parts[p]!]! + split.parts[p / 2]!;
        }
        if (impact !== 0) visit(gi, k, v, impact);
      }
    }
  };

  // First pass: the sums, the count, and the `limit` largest moves' sizes (a small min-heap).
  let total = 0;
  let moved = 0;
  const heap: number[] = [];
  walk((_gi, _k, _v, impact) => {
    total += impact;
    moved++;
    const size = Math.abs(impact);
    if (heap.length < limit) {
      heap.push(size);
      for (let i = heap.length - 1; i > 0; ) {
        const up = (i - 1) >> 1;
        if (heap[up]! <= heap[i]!) break;
        [heap[up], heap[i]] = [heap[i]!, heap[up]!];
        i = up;
      }
    } else if (limit > 0 && size > heap[0]!) {
      heap[0] = size;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]! < heap[m]!) m = l;
        if (r < heap.length && heap[r]! < heap[m]!) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
  }, true);
  if (Math.abs(total) > Number.MAX_SAFE_INTEGER || themeImpact.some((c) => Math.abs(c) > Number.MAX_SAFE_INTEGER)) return null;

  // Second pass: every move at least as large as the cut (ties at it included: symbol and listing
  // order decide among them), then only those positions are read.
  const cut = heap.length < limit ? 0 : heap[0]!;
  const candidates: { id: number; value: number; impact: number }[] = [];
  if (limit > 0) {
    walk((gi, k, value, impact) => {
      if (Math.abs(impact) >= cut) candidates.push({ id: groups[gi]!.positions.ids[k]!, value, impact });
    }, false);
  }
  const rows = new Map<number, { account: string; symbol: string | null; symbol_key: string }>();
  for (let i = 0; i < candidates.length; i += 500) {
    const chunk = candidates.slice(i, i + 500).map((c) => c.id);
    const read = db.prepare(sql`SELECT id, account, symbol, symbol_key FROM positions WHERE id IN (${placeholders(chunk.length)})`.text).all(...chunk) as { id: number; account: string; symbol: string | null; symbol_key: string }[];
    for (const r of read) rows.set(r.id, r);
  }
  // SQLite's order for the listing's account and key (BINARY: the UTF-8 bytes).
  const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  const shown = candidates
    .map((c) => {
      const r = rows.get(c.id)!;
      return { ...c, account: r.account, symbol: r.symbol ?? r.symbol_key, key: r.symbol_key };
    })
    .sort(
      (a, b) =>
        Math.abs(b.impact) - Math.abs(a.impact) ||
        (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0) ||
        Math.abs(b.value) - Math.abs(a.value) ||
        bytes(a.account, b.account) ||
        bytes(a.key, b.key) ||
        a.id - b.id,
    )
    .slice(0, limit)
    .map((c) => ({ symbol: c.symbol, account: c.account, value: c.value / 100, impact: c.impact / 100 }));

  const indexOf = new Map(themes.map((t, i) => [t.id, i]));
  const own = (id: string) => themeImpact[indexOf.get(id) ?? -1] ?? 0;
  return {
    baseCurrency: exposure.baseCurrency,
    totalValue: exposure.totalValue,
    impact: total / 100,
    impactShare: exposure.totalValue === 0 ? 0 : total / 100 / exposure.totalValue,
    // A parent's line counts its sub-themes' moves too, as its value counts their exposure.
    themes: exposure.themes.map((t) => ({
      id: t.id,
      shock: shockOf(t.id) / 100,
      value: t.value,
      impact: (own(t.id) + exposure.themes.filter((c) => c.parentId === t.id).reduce((sum, c) => sum + own(c.id), 0)) / 100,
    })),
    positions: shown,
    movedPositions: moved,
  };
}
