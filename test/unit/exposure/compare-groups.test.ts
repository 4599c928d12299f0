import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearAnalyticsCache } from '../../../db/exposure/cache';
import { compareSnapshots } from '../../../db/exposure/compare';
import { tagCutoff } from '../../../db/exposure/tag-tables';
import { setFxRate } from '../../../db/repos/fx';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { createTheme } from '../../../db/repos/theme-edits';
import { scanCompare } from '../../reference/scan-compare';
import { addSnapshot, makeDb, tag, type PositionSpec } from './fixture';

/**
 * The comparison of two snapshots reads their position groups and quantities in JavaScript
 * (db/exposure/compare-sides.ts). Whatever the holdings and tag edits, it equals the SQL over every
 * position it replaced (test/reference/scan-compare.ts), figure for figure: counts, each row shown
 * and its order, each theme's effects, the totals.
 */

/** Accounts whose order differs by UTF-8 bytes and by UTF-16 units (an emoji against a CJK letter past U+E000). */
const ACCOUNTS = ['A1', 'A2', 'b', '\uff21', '\u{1f600}'];
const SYMBOLS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
const QUANTITIES = ['0.1', '0.2', '0.3', '1.5', '3', '10.25', '100', '7'];

const position = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  symbol: fc.constantFrom(...SYMBOLS),
  /** The symbol as the file wrote it: the key's own, or another spelling of it. */
  spelling: fc.constantFrom('', '.X', '/Y'),
  quantity: fc.option(fc.constantFrom(...QUANTITIES), { nil: null, freq: 4 }),
  valueCents: fc.oneof(fc.constant(0), fc.integer({ min: -2_000_000, max: 9_000_000 })),
  currency: fc.constantFrom('USD', 'USD', 'EUR', 'GBP'),
  broker: fc.option(fc.integer({ min: 0, max: 9_000_000 }), { nil: null }),
});

const edit = fc.record({ symbol: fc.constantFrom(...SYMBOLS), theme: fc.constantFrom('data-centers', 'oil-logistics', 'diamond-semiconductors', 'sub'), weightBp: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2400 })) });
// (At most 24% each: four themes never tag a symbol past 100%.)

const pair = fc.record({
  from: fc.array(position, { maxLength: 16 }),
  to: fc.array(position, { maxLength: 16 }),
  /** The later file gave values in USD (a broker's "Value (USD)" column). */
  brokerValues: fc.boolean(),
  /** Tags set before the first import, between the two, and after the second. */
  before: fc.array(edit, { maxLength: 5 }),
  between: fc.array(edit, { maxLength: 5 }),
  after: fc.array(edit, { maxLength: 3 }),
  limit: fc.constantFrom(1, 3, 300),
  /** Then: tags edited, and the euro's rate changed or not, before the first pair is compared again. */
  then: fc.array(edit, { maxLength: 3 }),
  newRate: fc.option(fc.constantFrom('0.9', '1.25'), { nil: null }),
});

describe('comparing two snapshots from their position groups', () => {
  it('equals the SQL over every position, figure for figure (property)', () => {
    fc.assert(
      fc.property(pair, ({ from, to, brokerValues, before, between, after, limit, then, newRate }) => {
        const db = makeDb();
        setFxRate(db, { currency: 'EUR', quote: 'USD', rate: '1.1' }, '2026-01-01');
        const sub = createTheme(db, { name: 'Sub', parentId: 'data-centers' }).id;
        const edits = (list: typeof before, day: string) => list.forEach((e, i) => tag(db, e.symbol, e.theme === 'sub' ? sub : e.theme, e.weightBp, `2026-${day}T00:00:0${i}Z`));
        const specs = (list: typeof from, broker: boolean): PositionSpec[] =>
          list.map((p) => ({ account: p.account, symbol: p.symbol, quantity: p.quantity, valueCents: p.valueCents, currency: p.currency, baseValueCents: broker ? p.broker : null }));
        edits(before, '01-02');
        const a = addSnapshot(db, '2026-03-31', '2026-04-01T00:00:00Z', specs(from, false));
        edits(between, '05-02');
        const b = addSnapshot(db, '2026-06-30', '2026-07-01T00:00:00Z', specs(to, brokerValues));
        if (brokerValues) {
          const by = db.prepare('SELECT currency, count(base_value_cents) AS valued, count(*) AS n FROM positions WHERE snapshot_id = ? GROUP BY currency ORDER BY currency').all(b) as { currency: string; valued: number; n: number }[];
          db.prepare("UPDATE snapshots SET base_value_currency = 'USD', base_value_column = 'Value (USD)', base_valued_some = ?, base_valued_all = ? WHERE id = ?").run(
            by.filter((c) => c.valued > 0).map((c) => c.currency).join(','),
            by.filter((c) => c.valued === c.n).map((c) => c.currency).join(','),
            b,
          );
        }
        edits(after, '08-02');
        // Spellings other than the key's own (the symbol column; the key stays the security's).
        [...from, ...to].forEach((p, i) => p.spelling && db.prepare('UPDATE positions SET symbol = symbol || ? WHERE id = ?').run(p.spelling, i + 1));
        const portfolio = getPortfolio(db, 1);
        const compared = (x: number, y: number) => {
          const sx = getSnapshot(db, x);
          const sy = getSnapshot(db, y);
          clearAnalyticsCache(db);
          const got = compareSnapshots(db, portfolio, sx, sy, limit);
          const want = scanCompare(db, portfolio, sx, sy, limit, { from: tagCutoff(db, sx), to: tagCutoff(db, sy) });
          // Untagged is a difference of sums added in another order: equal to a millionth of a cent.
          const { untagged: u, ...rest } = got;
          const { untagged: wu, ...wantRest } = want;
          expect(rest).toEqual(wantRest);
          for (const k of Object.keys(wu) as (keyof typeof wu)[]) expect(u[k]).toBeCloseTo(wu[k], 8);
          // The themes and untagged add up to the totals, value for value and effect for effect.
          const rows = [...got.themes, u];
          const sum = (pick: (r: typeof u) => number) => rows.reduce((s, r) => s + pick(r), 0);
          expect(sum((r) => r.fromValue)).toBeCloseTo(got.from.totalValue, 6);
          expect(sum((r) => r.toValue)).toBeCloseTo(got.to.totalValue, 6);
          expect(sum((r) => r.tagEffect)).toBeCloseTo(0, 6);
          expect(sum((r) => r.quantityEffect + r.priceEffect + r.tagEffect)).toBeCloseTo(got.to.totalValue - got.from.totalValue, 6);
        };
        compared(a, b);
        compared(b, a);
        compared(b, b);
        // The sides kept from (b, b) serve it again after tag edits, and never past a new rate.
        edits(then, '09-02');
        if (newRate) setFxRate(db, { currency: 'EUR', quote: 'USD', rate: newRate }, '2026-02-01');
        compared(b, b);
        compared(a, b);
        db.close();
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
