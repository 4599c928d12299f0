import type { Db } from '../connection';
import { listThemes } from '../repos/themes';
import type { CurrencyFactor } from './rates';
import { snapshotBasis } from './scan';
import { tagsByGroup } from './group-summary';
import { groupsWithPositions, scaleHalfUp, valuation, valuesOf } from './loaded-groups';

/** One account's sums in cents: value, positions, and each theme's contribution (null: no valued position tagged with it). */
export interface AccountSums {
  account: string;
  total: number;
  n: number;
  /** By theme, in listThemes order. */
  themes: (number | null)[];
}

/**
 * Each account's total and per-theme contributions in one snapshot, from its position groups and
 * index (each position's account): 6-9 ms at 100,000 positions, where the grouped SQL scan of the
 * positions took 27-60. The arithmetic is the summary's, position by
 * position (group-summary.ts): |base value| rounded half away from zero, each contribution
 * |base value| x weight / 10000 rounded half away from zero, signed like the position. A position
 * without a value in the base currency counts in its account's positions, in no sum.
 */
export function accountSums(db: Db, baseCurrency: string, snapshotId: number): AccountSums[] {
  const basis = snapshotBasis(db, baseCurrency, snapshotId);
  const themes = listThemes(db);
  const factorOf = new Map<string, CurrencyFactor>(basis.factors.map((f) => [f.currency, f]));
  const broker = basis.broker !== null;
  const groups = groupsWithPositions(db, snapshotId);
  const tags = tagsByGroup(db, 'tags', themes, snapshotId, groups);
  // Every account of the snapshot, in the order first met (an account of cash only, or of unrated positions, too).
  const slots: AccountSums[] = (groups[0]?.positions.accounts ?? []).map((account) => ({ account, total: 0, n: 0, themes: new Array<number | null>(themes.length).fill(null) }));
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const from = tags.start[gi] as number;
    const to = tags.start[gi + 1] as number;
    const { accountOf } = g.positions;
    const how = valuation(g, factorOf.get(g.currency), broker);
    const values = valuesOf(g);
    for (let k = 0; k < g.n; k++) {
      const sums = slots[accountOf ? (accountOf[k] as number) : 0] as AccountSums;
      sums.n++;
      if (how === 'unrated') continue;
      const v = values[k] as number;
      const a = how === 'plain' ? Math.abs(v) : (how[k] as number);
      if (a !== a) continue; // no rate: in no sum, as SQL's NULL
      sums.total += v < 0 ? -a : v > 0 ? a : 0;
      for (let t = from; t < to; t++) {
        const i = tags.theme[t] as number;
        const w = tags.weight[t] as number;
        const x = a * w + 5000;
        const c = x <= Number.MAX_SAFE_INTEGER ? Math.floor(x / 10000) : scaleHalfUp(a, w, 5000, 10000);
        sums.themes[i] = (sums.themes[i] ?? 0) + (v < 0 ? -c : v > 0 ? c : 0);
      }
    }
  }
  return slots;
}
