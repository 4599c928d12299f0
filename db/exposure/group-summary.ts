import type { Theme } from '../../shared/domain/types';
import type { Db } from '../connection';
import { listThemes } from '../repos/themes';
import type { CurrencyFactor } from './rates';
import { snapshotBasis } from './scan';
import type { SnapshotSummary } from './summary';
import { checkTagTable, type TagTable } from './tag-tables';
import { loadGroups, scaleHalfUp, valuation, valuesOf, type LoadedGroup } from './loaded-groups';
import { indexed, integer, join, sql, table } from '../sql';

/**
 * A snapshot's summary (summary.ts) from its position groups (position-groups.ts): a few thousand
 * rows whatever the number of positions, kept in memory per connection, and the tags joined here,
 * so a tag edit costs a re-read of the tags, not of every position.
 *
 * The arithmetic is position by position, as the SQL scan's was: |base value| = |value| x num / den
 * rounded half away from zero (or the broker's base value where the file gave one), and a theme's
 * contribution = |base value| x weight / 10000 rounded half away from zero, signed like the
 * position. Integers stay exact: past 2^53 a step is done in BigInt (where SQLite's 64-bit
 * integers overflowed past 2^63 and fell back to floating point, this stays exact).
 * test/integration/position-groups.test.ts checks every figure equals a scan of the positions.
 */

/**
 * The tags of a snapshot's groups, flat: group i (in loadGroups order) has its tags at
 * start[i] .. start[i + 1] - 1 of `theme` (an index into the themes) and `weight` (bp).
 */
export interface GroupTags {
  start: Int32Array;
  theme: Int32Array;
  weight: Int32Array;
}

/**
 * Long and short contributions (cents, both >= 0) of a group's positions at weight `w`, written to
 * `out` [long, short]: each |base value| x w / 10000 rounded half away from zero, long where the
 * value is above 0, short where below. `abs` is the |base value| of each (NaN: none), or the values
 * themselves.
 */
function contributions(out: Float64Array, values: ArrayLike<number>, abs: ArrayLike<number>, w: number): void {
  let long = 0;
  let short = 0;
  const same = abs === values;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (v === 0) continue;
    const a = same ? (v < 0 ? -v : v) : (abs[k] as number);
    if (a !== a) continue;
    const x = a * w + 5000;
    const c = x <= Number.MAX_SAFE_INTEGER ? Math.floor(x / 10000) : scaleHalfUp(a, w, 5000, 10000);
    if (v > 0) long += c;
    else short += c;
  }
  out[0] = long;
  out[1] = short;
}

/** The themes in the weight table's order, their top-level themes and which root each rolls into. */
export function layoutOf(themes: Theme[]): { roots: Theme[]; rootOf: number[] } {
  const roots = themes.filter((t) => !t.parentId);
  const rootIndex = new Map(roots.map((r, j) => [r.id, j]));
  return { roots, rootOf: themes.map((t) => rootIndex.get(t.parentId ?? t.id) ?? -1) };
}

/**
 * The tags of each of a snapshot's `groups` (as loadGroups gives them): one join of its groups to
 * the tag table, the theme given as its index, laid out flat. Read again after every tag edit, so
 * no string crosses into JavaScript and no object is made per group: keyed by the symbol's text,
 * 5,000 tags took 12 ms (most of it collecting the strings kept in the map); like this, about 3.
 */
export function tagsByGroup(db: Db, tagTable: TagTable, themes: Theme[], snapshotId: number, groups: readonly LoadedGroup[]): GroupTags {
  const start = new Int32Array(groups.length + 1);
  if (themes.length === 0 || groups.length === 0) return { start, theme: new Int32Array(0), weight: new Int32Array(0) };
  const themeIndex = sql`CASE t.theme_id ${join(themes.map((_, i) => sql`WHEN ${indexed('@t', i)} THEN ${integer(i)}`), sql` `)} END`;
  const named: Record<string, string | number> = { sid: snapshotId };
  themes.forEach((t, i) => (named[`t${i}`] = t.id));
  const rows = db
    .prepare(
      sql`SELECT g.id, ${themeIndex}, t.weight_bp FROM position_groups g JOIN ${table(checkTagTable(tagTable))} t ON t.symbol_key = g.symbol_key
       WHERE g.snapshot_id = @sid AND t.weight_bp > 0`.text,
    )
    .raw()
    .all(named) as [number, number | null, number][];
  // A group's place from its row id: the ids of one snapshot's groups run on (written together).
  const first = (groups[0] as LoadedGroup).gid;
  const runOn = groups.every((g, k) => g.gid === first + k);
  const placeOf = runOn ? null : new Map(groups.map((g, k) => [g.gid, k]));
  const place = (gid: number) => {
    const k = placeOf ? (placeOf.get(gid) ?? -1) : gid - first;
    // Groups read before and kept must be the table's (loadGroups keeps them under the snapshot's identity).
    if (k < 0 || k >= groups.length) throw new Error(`Position group ${gid} is not among the ${groups.length} groups read for snapshot ${snapshotId}.`);
    return k;
  };
  for (const [gid, i] of rows) {
    if (i === null) continue;
    const k = place(gid) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let k = 0; k < groups.length; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const next = start.slice(0, groups.length);
  const theme = new Int32Array(start[groups.length] as number);
  const weight = new Int32Array(theme.length);
  for (const [gid, i, w] of rows) {
    if (i === null) continue;
    const at = (next[place(gid)] as number)++;
    theme[at] = i;
    weight[at] = w;
  }
  return { start, theme, weight };
}

/** The summary of one snapshot with the tags of `tagTable` (today's, or as they stood at a moment). */
export function summaryFromGroups(db: Db, baseCurrency: string, snapshotId: number, tagTable: TagTable = 'tags'): SnapshotSummary {
  const basis = snapshotBasis(db, baseCurrency, snapshotId);
  const themes = listThemes(db);
  const { roots, rootOf } = layoutOf(themes);
  const factorOf = new Map<string, CurrencyFactor>(basis.factors.map((f) => [f.currency, f]));
  const missing = new Set(basis.missing);
  const broker = basis.broker !== null;
  const groups = loadGroups(db, snapshotId);
  const tags = tagsByGroup(db, tagTable, themes, snapshotId, groups);
  const pair = new Float64Array(2);
  // A group's top-level themes, distinct and in order (made again for each group).
  const rs: number[] = [];

  const long = new Array<number>(themes.length).fill(0);
  const short = new Array<number>(themes.length).fill(0);
  const count = new Array<number>(themes.length).fill(0);
  const rootCount = new Array<number>(roots.length).fill(0);
  const rootValue = new Array<number>(roots.length).fill(0);
  const pairs = new Map<number, { value: number; n: number }>();
  const byCurrency = new Map<string, { n: number; local: number; base: number; valued: boolean }>();
  let total = 0;
  let cash = 0;

  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi] as LoadedGroup;
    const from = tags.start[gi] as number;
    const to = tags.start[gi + 1] as number;
    const factor = factorOf.get(g.currency);
    let signed = 0;
    let valued = 0;
    const how = valuation(g, factor, broker);
    const abs = typeof how === 'string' ? null : how;
    if (how === 'plain') {
      signed = g.local;
      valued = g.n;
    } else if (abs !== null) {
      const values = valuesOf(g);
      for (let k = 0; k < abs.length; k++) {
        const a = abs[k] as number;
        if (a !== a) continue; // no rate: left out of every sum, as SQL's NULL is
        valued++;
        const v = values[k] as number;
        signed += v < 0 ? -a : v > 0 ? a : 0;
      }
    }
    total += signed;
    if (g.isCash === 1) cash += signed;
    const cur = byCurrency.get(g.currency) ?? { n: 0, local: 0, base: 0, valued: false };
    cur.n += g.n;
    cur.local += g.local;
    cur.base += signed;
    cur.valued ||= valued > 0;
    byCurrency.set(g.currency, cur);
    if (from === to) continue;
    // Counts are of positions with a rate (their currency is not missing one).
    const counted = missing.has(g.currency) ? 0 : g.n;
    rs.length = 0;
    for (let t = from; t < to; t++) {
      const i = tags.theme[t] as number;
      if (how !== 'unrated') {
        const values = valuesOf(g);
        contributions(pair, values, abs ?? values, tags.weight[t] as number);
        long[i] = (long[i] as number) + (pair[0] as number);
        short[i] = (short[i] as number) + (pair[1] as number);
      }
      count[i] = (count[i] as number) + counted;
      const j = rootOf[i] ?? -1;
      if (j >= 0 && !rs.includes(j)) rs.push(j);
    }
    if (rs.length > 1) rs.sort((a, b) => a - b);
    for (let x = 0; x < rs.length; x++) {
      const ja = rs[x] as number;
      rootCount[ja] = (rootCount[ja] as number) + counted;
      rootValue[ja] = (rootValue[ja] as number) + signed;
      for (let y = x + 1; y < rs.length; y++) {
        const id = ja * roots.length + (rs[y] as number);
        const cell = pairs.get(id) ?? { value: 0, n: 0 };
        cell.value += signed;
        cell.n += valued;
        pairs.set(id, cell);
      }
    }
  }

  const themeSums = new Map<string, { long: number; short: number; net: number; count: number }>();
  const rootSums = new Map<string, { net: number; count: number }>(roots.map((r, j) => [r.id, { net: 0, count: rootCount[j] ?? 0 }]));
  let tagged = 0;
  themes.forEach((t, i) => {
    const lo = long[i] ?? 0;
    const sh = 0 - (short[i] ?? 0); // not -0
    const net = lo + sh;
    themeSums.set(t.id, { long: lo, short: sh, net, count: count[i] ?? 0 });
    tagged += net;
    const root = roots[rootOf[i] ?? -1];
    if (root) (rootSums.get(root.id) as { net: number }).net += net;
  });
  // Currencies in the snapshot's own order (then any other held, which an import never leaves).
  const order = [...basis.currencies, ...[...byCurrency.keys()].filter((c) => !basis.currencies.includes(c)).sort()];
  const currencies = order.flatMap((c) => {
    const r = byCurrency.get(c);
    return r && r.n > 0 ? [{ currency: c, n: r.n, local: r.local, base: missing.has(c) || !r.valued ? null : r.base }] : [];
  });
  // Overlap cells keyed as the matrix is (a <= b by id); only those with a position.
  const overlap: SnapshotSummary['overlap'] = roots.flatMap((r, j) => ((rootCount[j] ?? 0) > 0 ? [{ a: r.id, b: r.id, value: rootValue[j] ?? 0, n: rootCount[j] ?? 0 }] : []));
  for (const [id, cell] of pairs) {
    if (cell.n === 0) continue;
    const a = roots[Math.floor(id / roots.length)] as Theme;
    const b = roots[id % roots.length] as Theme;
    overlap.push(a.id < b.id ? { a: a.id, b: b.id, value: cell.value, n: cell.n } : { a: b.id, b: a.id, value: cell.value, n: cell.n });
  }
  return {
    factors: basis.factors,
    missing: basis.missing,
    broker: basis.broker,
    totalCents: total,
    cashCents: cash,
    taggedCents: tagged,
    themes: themeSums,
    roots: rootSums,
    currencies,
    overlap,
  };
}

/**
 * Each group's position count and how many of its positions have a value in `baseCurrency` (a
 * rate or the broker's value): what a client's position list counts without reading a position
 * (computeClientExposure merges valued positions per line key; an unvalued one stays its own line).
 */
export function valuedCounts(db: Db, baseCurrency: string, snapshotId: number): { symbolKey: string; currency: string; isCash: boolean; n: number; valued: number }[] {
  const basis = snapshotBasis(db, baseCurrency, snapshotId);
  const factorOf = new Map<string, CurrencyFactor>(basis.factors.map((f) => [f.currency, f]));
  return loadGroups(db, snapshotId).map((g) => {
    const how = valuation(g, factorOf.get(g.currency), basis.broker !== null);
    let valued = how === 'plain' ? g.n : 0;
    if (typeof how !== 'string') for (let k = 0; k < how.length; k++) if (how[k] === how[k]) valued++;
    return { symbolKey: g.key, currency: g.currency, isCash: g.isCash === 1, n: g.n, valued };
  });
}
