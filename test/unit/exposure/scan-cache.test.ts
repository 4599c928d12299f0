import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { themeBreakdown } from '../../../db/exposure/breakdowns';
import { cached, cachedKeys, clearAnalyticsCache } from '../../../db/exposure/cache';
import { compareSnapshots } from '../../../db/exposure/compare';
import { computeExposureTotals } from '../../../db/exposure/compute';
import { snapshotBasis } from '../../../db/exposure/scan';
import { summaryFromGroups } from '../../../db/exposure/group-summary';
import { weightTable } from '../../../db/exposure/weight-tables';
import { migrate } from '../../../db/migrations';
import { setFxRate } from '../../../db/repos/fx';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { createTheme } from '../../../db/repos/theme-edits';
import { contributionCents } from '../../../shared/exposure/contribution';
import { makeTempDir } from '../../helpers/temp-dir';
import { addSnapshot, everyView, makeDb, tag, type PositionSpec } from './fixture';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** The same views with nothing cached: what a cached answer must equal. */
function fresh(db: ReturnType<typeof makeDb>, sid: number) {
  clearAnalyticsCache(db);
  const v = everyView(db, sid);
  clearAnalyticsCache(db);
  return v;
}

function seeded() {
  const db = makeDb();
  const a = addSnapshot(db, '2026-06-30', '2026-07-01T00:00:00Z', [
    { account: 'X1', symbol: 'NVDA', valueCents: 1_000_000 },
    { account: 'Z9', symbol: 'KMI', valueCents: 500_000 },
    { account: 'Z9', symbol: 'SAP', valueCents: 100_000, currency: 'EUR' },
  ]);
  const b = addSnapshot(db, '2026-09-30', '2026-10-01T00:00:00Z', [
    { account: 'X1', symbol: 'NVDA', valueCents: 1_200_000 },
    { account: 'Z9', symbol: 'KMI', valueCents: -300_000 },
    { account: 'Z9', symbol: 'SAP', valueCents: 100_000, currency: 'EUR' },
    { account: 'Z9', symbol: 'CASH', valueCents: 10_000, isCash: true },
  ]);
  tag(db, 'NVDA', 'data-centers', 6000, '2026-10-02T00:00:00Z');
  return { db, a, b };
}

describe('analytics cache (snapshots are immutable; any edit empties it)', () => {
  it('answers again from the cache while nothing changes, and equal to a fresh computation', () => {
    const { db, b } = seeded();
    const first = everyView(db, b);
    expect(everyView(db, b)).toEqual(first);
    expect(first).toEqual(fresh(db, b));
  });

  it('sees every kind of edit: tag, rate, theme, portfolio; and a comparison in between changes nothing', () => {
    const { db, a, b } = seeded();
    everyView(db, b);
    const edits: (() => void)[] = [
      () => tag(db, 'KMI', 'oil-logistics', 10000, '2026-10-03T00:00:00Z'),
      () => setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.0845' }, '2026-10-03'),
      () => tag(db, 'SAP', createTheme(db, { name: 'Cooling', parentId: 'data-centers' }).id, 5000, '2026-10-03T00:00:00Z'),
      () => db.prepare("UPDATE themes SET name = 'Oil' WHERE id = 'oil-logistics'").run(),
      () => db.prepare("UPDATE portfolios SET base_currency = 'EUR' WHERE id = 1").run(),
      () => tag(db, 'NVDA', 'data-centers', null, '2026-10-04T00:00:00Z'),
    ];
    for (const edit of edits) {
      const before = everyView(db, b);
      edit();
      const after = everyView(db, b);
      expect(after).toEqual(fresh(db, b));
      expect(after).not.toEqual(before);
      compareSnapshots(db, getPortfolio(db, 1), getSnapshot(db, a), getSnapshot(db, b));
      expect(everyView(db, b)).toEqual(after);
    }
  });

  it('keeps a comparison under everything it is computed from: its snapshots, limit and the moments its tags are read at', () => {
    const { db, a, b } = seeded();
    const portfolio = getPortfolio(db, 1);
    const compare = (limit: number, tagsAt?: { from: string | null; to: string | null }) => compareSnapshots(db, portfolio, getSnapshot(db, a), getSnapshot(db, b), limit, tagsAt);
    const freshly = (limit: number, tagsAt?: { from: string | null; to: string | null }) => {
      clearAnalyticsCache(db);
      return compare(limit, tagsAt);
    };
    const byDefault = compare(300);
    expect(cachedKeys(db).filter((k) => k.startsWith('compare:'))).toHaveLength(1);
    // NVDA was tagged after the first snapshot: read with today's tags on both sides, the tag effect is gone.
    const today = compare(300, { from: null, to: null });
    expect(today).not.toEqual(byDefault);
    const one = compare(1);
    expect(one.positions).toHaveLength(1);
    expect(cachedKeys(db).filter((k) => k.startsWith('compare:'))).toHaveLength(3);
    expect([compare(300), compare(300, { from: null, to: null }), compare(1)]).toEqual([byDefault, today, one]);
    expect([freshly(300), freshly(300, { from: null, to: null }), freshly(1)]).toEqual([byDefault, today, one]);
  });

  it('sees a write by another connection (PRAGMA data_version)', () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'a.db');
    const db = openDatabase(path);
    migrate(db);
    db.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (1, 'P', 'USD', 'now')").run();
    const sid = addSnapshot(db, '2026-01-01', '2026-01-01T00:00:00Z', [{ symbol: 'NVDA', valueCents: 1_000_000 }]);
    const before = themeBreakdown(db, getPortfolio(db, 1), getSnapshot(db, sid));
    const other = openDatabase(path);
    tag(other, 'NVDA', 'data-centers', 10000, '2026-01-02T00:00:00Z');
    other.close();
    const after = themeBreakdown(db, getPortfolio(db, 1), getSnapshot(db, sid));
    expect(before.themes.find((x) => x.id === 'data-centers')!.value).toBe(0);
    expect(after.themes.find((x) => x.id === 'data-centers')!.value).toBe(10000);
    db.close();
  });

  it('computes again when another connection commits during a computation (which may have read from before and after it)', () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'a.db');
    const db = openDatabase(path);
    migrate(db);
    const other = openDatabase(path);
    let calls = 0;
    const read = () => db.prepare("SELECT count(*) FROM tags WHERE symbol_key = 'NVDA'").pluck().get() as number;
    const value = cached(db, 'k', () => {
      calls++;
      const before = read();
      // The command line tags NVDA between this computation's two reads.
      if (calls === 1) tag(other, 'NVDA', 'data-centers', 10000, '2026-01-02T00:00:00Z');
      return [before, read()];
    });
    expect(value).toEqual([1, 1]);
    expect(calls).toBe(2);
    // The consistent answer is kept.
    expect(cached(db, 'k', () => [0, 0])).toEqual([1, 1]);
    other.close();
    db.close();
  });

  it('serves nothing inside a transaction, which may yet be rolled back', () => {
    const { db, b } = seeded();
    const before = everyView(db, b);
    try {
      db.transaction(() => {
        tag(db, 'KMI', 'oil-logistics', 10000, '2026-10-03T00:00:00Z');
        expect(everyView(db, b)).not.toEqual(before);
        throw new Error('roll back');
      })();
    } catch {
      // rolled back
    }
    expect(everyView(db, b)).toEqual(before);
    expect(before).toEqual(fresh(db, b));
  });

  it('a caller changing what it got does not change the next answer', () => {
    const { db, b } = seeded();
    const first = everyView(db, b);
    first.themes.themes[0]!.value = 123;
    first.accounts.accounts.length = 0;
    expect(everyView(db, b)).toEqual(fresh(db, b));
  });
});

describe('the summary from position groups against a per-position reference', () => {
  const spec = fc.record({
    account: fc.constantFrom('A', 'B'),
    symbol: fc.constantFrom('P', 'Q', 'R', 'S', 'T'),
    valueCents: fc.integer({ min: -2_000_000, max: 20_000_000 }),
    currency: fc.constantFrom('USD', 'USD', 'EUR', 'JPY', 'GBP'),
  });
  const tags = fc.array(fc.record({ symbol: fc.constantFrom('P', 'Q', 'R', 'S', 'T'), theme: fc.constantFrom('data-centers', 'oil-logistics', 'diamond-semiconductors', 'sub'), bp: fc.integer({ min: 0, max: 10_000 }) }), { maxLength: 10 });

  it('long, short, net and count of every theme equal the sums of rounded contributions', () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 30 }), tags, (positions: PositionSpec[], tagList) => {
        const db = makeDb();
        const sid = addSnapshot(db, '2026-01-01', '2026-01-01T00:00:00Z', positions);
        setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.17' }, '2026-01-01');
        setFxRate(db, { currency: 'USD', quote: 'JPY', rate: '151.37' }, '2026-01-01');
        const sub = createTheme(db, { name: 'Sub', parentId: 'oil-logistics' });
        for (const t of tagList) {
          try {
            tag(db, t.symbol, t.theme === 'sub' ? sub.id : t.theme, t.bp, '2026-01-01T01:00:00Z');
          } catch {
            // over 100%: refused
          }
        }
        const basis = snapshotBasis(db, 'USD', sid);
        const layout = weightTable(db, 'tags');
        const summary = summaryFromGroups(db, 'USD', sid);
        // Reference: each position converted and rounded in JS, then summed.
        const rows = db.prepare('SELECT symbol_key AS k, value_cents AS x, currency AS c FROM positions WHERE snapshot_id = ?').all(sid) as { k: string; x: number; c: string }[];
        const weights = db.prepare('SELECT symbol_key AS k, theme_id AS t, weight_bp AS w FROM tags WHERE weight_bp > 0').all() as { k: string; t: string; w: number }[];
        for (const theme of layout.themes) {
          let long = 0;
          let short = 0;
          let count = 0;
          for (const r of rows) {
            const f = basis.factors.find((x) => x.currency === r.c);
            const w = weights.find((x) => x.k === r.k && x.t === theme.id)?.w;
            if (!f || !w) continue;
            const v = f.num === f.den ? r.x : Math.sign(r.x) * Math.floor((Math.abs(r.x) * f.num + Math.floor(f.den / 2)) / f.den);
            const c = contributionCents(v, w);
            if (v > 0) long += c;
            if (v < 0) short += c;
            count++;
          }
          expect(summary.themes.get(theme.id)).toEqual({ long, short, net: long + short, count });
        }
        expect(computeExposureTotals(db, 'USD', sid).totalCents).toBe(summary.totalCents);
        db.close();
      }),
      { numRuns: 80 },
    );
  });
});

describe('top contributors without sorting every contribution', () => {
  it('equal the first rows of all contributions in order (|value| desc, symbol, account), small themes included', () => {
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.record({ symbol: fc.integer({ min: 0, max: 39 }), theme: fc.constantFrom('data-centers', 'oil-logistics', 'diamond-semiconductors', 'sub'), bp: fc.integer({ min: 1, max: 10_000 }) }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (n, top, tagList, seed) => {
          const db = makeDb();
          let r = seed;
          const next = () => (r = (r * 1103515245 + 12345) % 2147483648);
          // Symbols 30..39 hold only small positions: their themes' top rows are not among the largest positions.
          const positions: PositionSpec[] = Array.from({ length: n }, () => {
            const s = next() % 40;
            const small = s >= 30;
            const value = small ? (next() % 5000) - 1000 : (next() % 5_000_000) - 500_000;
            return { account: ['A', 'B', 'C'][next() % 3]!, symbol: `S${s}`, valueCents: value, currency: next() % 5 === 0 ? 'EUR' : 'USD' };
          });
          const sid = addSnapshot(db, '2026-01-01', '2026-01-01T00:00:00Z', positions);
          setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.17' }, '2026-01-01');
          const sub = createTheme(db, { name: 'Sub', parentId: 'oil-logistics' });
          for (const t of tagList) {
            try {
              tag(db, `S${t.symbol}`, t.theme === 'sub' ? sub.id : t.theme, t.bp, '2026-01-01T01:00:00Z');
            } catch {
              // over 100%: refused
            }
          }
          const b = themeBreakdown(db, getPortfolio(db, 1), getSnapshot(db, sid), top);
          // Reference: every contribution, sorted in full.
          const themes = weightTable(db, 'tags').themes;
          const rows = db.prepare('SELECT id, account, symbol_key AS k, value_cents AS x, currency AS c FROM positions WHERE snapshot_id = ?').all(sid) as { id: number; account: string; k: string; x: number; c: string }[];
          const weights = db.prepare('SELECT symbol_key AS k, theme_id AS t, weight_bp AS w FROM tags WHERE weight_bp > 0').all() as { k: string; t: string; w: number }[];
          for (const root of b.themes) {
            const all: { id: number; ti: number; account: string; k: string; m: number; c: number }[] = [];
            for (const p of rows) {
              const v = p.c === 'USD' ? p.x : Math.sign(p.x) * Math.floor((Math.abs(p.x) * 117 + 50) / 100);
              for (const w of weights.filter((x) => x.k === p.k)) {
                const ti = themes.findIndex((t) => t.id === w.t);
                if ((themes[ti]!.parentId ?? themes[ti]!.id) !== root.id) continue;
                const c = contributionCents(v, w.w);
                all.push({ id: p.id, ti, account: p.account, k: p.k, m: Math.abs(c), c });
              }
            }
            all.sort((x, y) => y.m - x.m || cmp(x.k, y.k) || cmp(x.account, y.account) || x.id - y.id || x.ti - y.ti);
            expect(root.top.map((c) => [c.symbolKey, c.account, c.value])).toEqual(all.slice(0, top).map((x) => [x.k, x.account, (x.c + 0) / 100]) /* + 0: no -0 */);
          }
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
