import { describe, expect, it } from 'vitest';
import { computeExposure } from '../../../db/exposure/compute';
import { getPortfolio } from '../../../db/repos/portfolios';
import { getSnapshot } from '../../../db/repos/snapshots';
import { addSnapshot, makeDb, tag } from './fixture';

/**
 * The positions an exposure lists carry their tags, whether it lists a few (a screen: the tags of
 * those rows) or thousands (a report: every tag, matched to the rows).
 */
describe("an exposure's positions and their tags", () => {
  const db = makeDb();
  const positions = Array.from({ length: 1500 }, (_, i) => ({ account: `A${i % 3}`, symbol: i % 2 ? 'NVDA' : `S${i}`, valueCents: 10_000 + i }));
  const sid = addSnapshot(db, '2026-11-24', '2026-11-24T10:00:00Z', positions);
  tag(db, 'NVDA', 'data-centers', 6000, '2026-11-24T11:00:00Z');
  const portfolio = getPortfolio(db, 1);

  it.each([
    ['every position (a report)', undefined, 1500],
    ['a few (a screen)', 10, 10],
  ])('%s', (_, limit, listed) => {
    const e = computeExposure(db, portfolio, getSnapshot(db, sid), '2026-11-25T00:00:00Z', limit);
    expect(e.positions).toHaveLength(listed);
    const nvda = e.positions.filter((p) => p.symbolKey === 'NVDA');
    expect(nvda.length).toBeGreaterThan(0);
    for (const p of nvda) expect(p.themes).toEqual([{ id: 'data-centers', weight: 0.6, value: Math.round((p.value ?? 0) * 60) / 100 }]);
    expect(e.positions.filter((p) => p.symbolKey !== 'NVDA').every((p) => p.themes.length === 0)).toBe(true);
    // The theme's value is the sum of what the listed positions contribute, when all are listed.
    if (listed === 1500) expect(Math.round(nvda.reduce((s, p) => s + p.themes[0]!.value * 100, 0))).toBe(Math.round(e.themes.find((t) => t.id === 'data-centers')!.value * 100));
  });
});
