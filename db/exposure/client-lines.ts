import type { Db } from '../connection';
import { groupsWithPositions, loadGroups, valuation, valuesOf } from './loaded-groups';
import type { CurrencyFactor } from './rates';
import { snapshotBasis } from './scan';

/**
 * A client's list of positions puts one security on one line across its accounts and portfolios
 * (client.ts, mergePositions): the same key, currency and cash flag, every valued position added
 * up; a position without a value in the client's currency stays a line of its own. The Household
 * view shows the largest few. Reading every position of every portfolio to find them took 0.9 s
 * for two portfolios of 100,000 positions, every time the view was opened.
 *
 * The lines are the position groups (position-groups.ts, grouped by exactly that key), so their
 * values come from the groups: each position valued as the exposure values it (loaded-groups.ts,
 * valuation), added up per line. Then only the positions of the lines kept are read, and merged
 * as before, so each line shown is the same, to the cent, as in the full list.
 */

/** A line, or a group's positions without a value: each of those is a line of its own, all of |value| 0. */
interface Entry {
  isCash: number;
  key: string;
  /** |value| in cents, as the list sorts by it (0 for positions without a value). */
  a: number;
  /** Valued: the groups (snapshot, group index) whose valued positions the line adds up. */
  parts: { sid: number; gi: number; how: 'plain' | Float64Array }[];
  /** Not valued: this many positions of group (sid, gi), each a line. */
  unvalued: { sid: number; gi: number; how: 'unrated' | Float64Array; n: number } | null;
  signed: number;
}

const lineKey = (key: string, currency: string, isCash: number) => `${key}\u0000${currency}\u0000${isCash}`;

/**
 * The ids of the positions that make up the `limit` largest lines of these snapshots' combined
 * list in `baseCurrency` (ordered as the list is: securities before cash, largest |value| first,
 * then by key), per snapshot. Which of several lines equal in all three at the cut are kept is not
 * defined.
 */
export function largestClientLines(db: Db, baseCurrency: string, snapshotIds: readonly number[], limit: number): Map<number, number[]> {
  const lines = new Map<string, Entry>();
  const entries: Entry[] = [];
  for (const sid of snapshotIds) {
    const basis = snapshotBasis(db, baseCurrency, sid);
    const factorOf = new Map<string, CurrencyFactor>(basis.factors.map((f) => [f.currency, f]));
    loadGroups(db, sid).forEach((g, gi) => {
      const how = valuation(g, factorOf.get(g.currency), basis.broker !== null);
      if (how === 'unrated') {
        entries.push({ isCash: g.isCash, key: g.key, a: 0, parts: [], unvalued: { sid, gi, how, n: g.n }, signed: 0 });
        return;
      }
      const values = valuesOf(g);
      let signed = 0;
      let valued = 0;
      if (how === 'plain') {
        for (let k = 0; k < g.n; k++) signed += values[k] as number;
        valued = g.n;
      } else {
        // A position's base value carries its own value's sign (scan.ts: sign(value) x |base value|).
        for (let k = 0; k < g.n; k++) {
          const a = how[k] as number;
          if (a !== a) continue;
          signed += Math.sign(values[k] as number) * a;
          valued++;
        }
        if (valued < g.n) entries.push({ isCash: g.isCash, key: g.key, a: 0, parts: [], unvalued: { sid, gi, how, n: g.n - valued }, signed: 0 });
      }
      if (valued === 0) return;
      const name = lineKey(g.key, g.currency, g.isCash);
      let line = lines.get(name);
      if (!line) {
        line = { isCash: g.isCash, key: g.key, a: 0, parts: [], unvalued: null, signed: 0 };
        lines.set(name, line);
        entries.push(line);
      }
      line.signed += signed;
      line.parts.push({ sid, gi, how });
    });
  }
  for (const line of lines.values()) line.a = Math.abs(line.signed);
  entries.sort((x, y) => x.isCash - y.isCash || y.a - x.a || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  const ids = new Map<number, number[]>();
  const idsOf = (sid: number) => ids.get(sid) ?? (ids.set(sid, []).get(sid) as number[]);
  // Each snapshot's position index read once, and only for a snapshot with a line kept.
  const withIds = new Map<number, ReturnType<typeof groupsWithPositions>>();
  const groupAt = (sid: number, gi: number) => (withIds.get(sid) ?? (withIds.set(sid, groupsWithPositions(db, sid)).get(sid) as ReturnType<typeof groupsWithPositions>))[gi]!;
  let left = limit;
  for (const e of entries) {
    if (left <= 0) break;
    if (e.unvalued) {
      const { sid, gi, how, n } = e.unvalued;
      const take = Math.min(left, n);
      const g = groupAt(sid, gi);
      const out = idsOf(sid);
      for (let k = 0, taken = 0; k < g.n && taken < take; k++) {
        if (how !== 'unrated' && how[k] === how[k]) continue;
        out.push(g.positions.ids[k] as number);
        taken++;
      }
      left -= take;
      continue;
    }
    for (const { sid, gi, how } of e.parts) {
      const g = groupAt(sid, gi);
      const out = idsOf(sid);
      for (let k = 0; k < g.n; k++) if (how === 'plain' || how[k] === how[k]) out.push(g.positions.ids[k] as number);
    }
    left--;
  }
  return ids;
}
