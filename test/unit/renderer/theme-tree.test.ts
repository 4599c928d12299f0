/**
 * The Themes view's treemap: "Other (N positions)" counts the positions not drawn, each once. A leaf
 * is a contribution, and a position tagged with a theme and one of its sub-themes is two of them: the
 * count took one position off per leaf, so such a position was taken off twice.
 */
import { describe, expect, it } from 'vitest';
import { themeBreakdown } from '../../../db/exposure/breakdowns';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { createTheme } from '../../../db/repos/theme-edits';
import { treeOf } from '../../../renderer/src/analytics/theme-tree';
import { addSnapshot, makeDb, tag } from '../exposure/fixture';

describe("the treemap's Other", () => {
  it('counts the positions it holds, a position drawn as two leaves (a theme and its sub-theme) taken off once', () => {
    const db = makeDb();
    const sid = addSnapshot(db, '2026-11-24', '2026-11-24T10:00:00Z', [
      { symbol: 'NVDA', valueCents: 100_000 },
      { symbol: 'EQIX', valueCents: 40_000 },
      { symbol: 'AAPL', valueCents: 30_000 },
      { symbol: 'MSFT', valueCents: 20_000 },
    ]);
    const sub = createTheme(db, { name: 'Power and grid', parentId: 'data-centers' });
    tag(db, 'NVDA', 'data-centers', 5000, '2026-11-24T11:00:00Z');
    tag(db, 'NVDA', sub.id, 5000, '2026-11-24T11:00:00Z');
    tag(db, 'EQIX', 'data-centers', 10_000, '2026-11-24T11:00:00Z');
    tag(db, 'AAPL', sub.id, 10_000, '2026-11-24T11:00:00Z');
    tag(db, 'MSFT', 'data-centers', 10_000, '2026-11-24T11:00:00Z');
    // The three largest contributions: NVDA 500 (twice, one position) and EQIX 400.
    const b = themeBreakdown(db, getPortfolio(db, 1), getSnapshot(db, sid), 3);
    const dc = b.themes.find((t) => t.id === 'data-centers')!;
    expect(dc.positionCount).toBe(4);
    expect(dc.top.map((c) => c.symbol)).toEqual(['NVDA', 'NVDA', 'EQIX']);
    expect(new Set(dc.top.map((c) => c.positionId)).size).toBe(2);

    const node = treeOf(b, (n) => `Other (${n})`).find((x) => x.name === dc.name)!;
    // AAPL 300 and MSFT 200: two positions, not 4 - 3 leaves = 1. NVDA's second block says the
    // sub-theme it counts through.
    expect(node.children.map((c) => [c.name, c.value])).toEqual([
      ['NVDA', 500],
      ['NVDA · Power and grid', 500],
      ['EQIX', 400],
      ['Other (2)', 500],
    ]);
  });

  it('names a symbol held in two accounts with each account: two blocks, not one counted twice', () => {
    const db = makeDb();
    const sid = addSnapshot(db, '2026-11-24', '2026-11-24T10:00:00Z', [
      { symbol: 'NVDA', account: 'IRA', valueCents: 100_000 },
      { symbol: 'NVDA', account: 'Taxable', valueCents: 60_000 },
      { symbol: 'EQIX', valueCents: 40_000 },
    ]);
    tag(db, 'NVDA', 'data-centers', 10_000, '2026-11-24T11:00:00Z');
    tag(db, 'EQIX', 'data-centers', 10_000, '2026-11-24T11:00:00Z');
    const b = themeBreakdown(db, getPortfolio(db, 1), getSnapshot(db, sid), 3);
    const node = treeOf(b, (n) => `Other (${n})`).find((x) => x.name === b.themes.find((t) => t.id === 'data-centers')!.name)!;
    expect(node.children.map((c) => [c.name, c.value])).toEqual([
      ['NVDA · IRA', 1000],
      ['NVDA · Taxable', 600],
      ['EQIX', 400],
    ]);
  });

  it("names a code of digits with the holding's name: a block read \"7203\" said nothing of Toyota", () => {
    const db = makeDb();
    const sid = addSnapshot(db, '2026-11-24', '2026-11-24T10:00:00Z', [
      { symbol: '7203', valueCents: 100_000, currency: 'JPY' },
      { symbol: '130A', valueCents: 50_000, currency: 'JPY' },
      { symbol: 'NVDA', valueCents: 40_000 },
    ]);
    db.prepare("UPDATE positions SET description = 'トヨタ自動車' WHERE symbol = '7203'").run();
    // A name that starts with the code already ("130A VERITAS…", a broker's) is not said twice.
    db.prepare("UPDATE positions SET description = '130A VERITAS IN SILICO' WHERE symbol = '130A'").run();
    db.prepare("INSERT INTO fx_rates (currency, quote, rate, as_of) VALUES ('JPY', 'USD', '0.0067', '2026-01-01')").run();
    for (const s of ['7203', '130A', 'NVDA']) tag(db, s, 'data-centers', 10_000, '2026-11-24T11:00:00Z');
    const b = themeBreakdown(db, getPortfolio(db, 1), getSnapshot(db, sid), 3);
    const node = treeOf(b, (n) => `Other (${n})`).find((x) => x.name === b.themes.find((t) => t.id === 'data-centers')!.name)!;
    expect(node.children.map((c) => c.name).sort()).toEqual(['130A', '7203 トヨタ自動車', 'NVDA']);
  });
});
