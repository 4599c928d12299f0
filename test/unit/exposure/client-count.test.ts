import { describe, expect, it } from 'vitest';
import { computeClientExposure } from '../../../db/exposure/client';
import { createTheme } from '../../../db/repos/theme-edits';
import { reportBreakdowns } from '../../../shared/report/breakdowns';
import { addSnapshot, makeDb, tag } from './fixture';

/**
 * Household Fam: PA holds NVDA and KMI in ACC1, PB holds NVDA in BRK1 and COHR. NVDA is tagged
 * data-centers 50% and its sub-theme 50%, COHR the sub-theme. Listed: NVDA one line (two
 * positions), KMI, COHR. Data-centers holds two lines (NVDA, COHR), never the 2 + 1 + 1 positions
 * the portfolios' counts add up to.
 */
describe("a household's theme counts", () => {
  it('count the lines listed, each once, as the overlap does', () => {
    const db = makeDb();
    db.prepare("UPDATE portfolios SET client_name = 'Fam' WHERE id = 1").run();
    db.prepare("INSERT INTO portfolios (id, name, base_currency, client_name, created_at) VALUES (2, 'PB', 'USD', 'Fam', '2026-01-01T00:00:00Z')").run();
    addSnapshot(db, '2026-03-31', '2026-03-31T10:00:00Z', [
      { account: 'ACC1', symbol: 'NVDA', valueCents: 10_000 },
      { account: 'ACC1', symbol: 'KMI', valueCents: 5_000 },
    ]);
    addSnapshot(db, '2026-06-15', '2026-06-15T10:00:00Z', [{ account: 'BRK1', symbol: 'NVDA', valueCents: 10_000 }, { account: 'BRK1', symbol: 'COHR', valueCents: 4_000 }], 2);
    const sub = createTheme(db, { name: 'Power and grid', parentId: 'data-centers' });
    tag(db, 'NVDA', 'data-centers', 5000, '2026-06-16T00:00:00Z');
    tag(db, 'NVDA', sub.id, 5000, '2026-06-16T00:00:00Z');
    tag(db, 'COHR', sub.id, 10000, '2026-06-16T00:00:00Z');
    for (const options of [{}, { positionLimit: 1 }]) {
      const r = computeClientExposure(db, 'Fam', 'now', options);
      expect(r.themes.find((t) => t.id === 'data-centers')).toMatchObject({ value: 240, positionCount: 2 });
      expect(r.themes.find((t) => t.id === sub.id)).toMatchObject({ value: 140, positionCount: 2 });
    }
    const full = computeClientExposure(db, 'Fam', 'now');
    expect(full.positions.filter((p) => p.themes.length > 0)).toHaveLength(2);
    expect(reportBreakdowns(full).overlap.find((c) => c.a === 'data-centers' && c.b === 'data-centers')?.positionCount).toBe(2);
  });
});
