import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrations';
import { listTags, removeTag, setTag, tagsOf } from '../../../db/repos/tags';

const fresh = () => {
  const db = openDatabase(':memory:');
  migrate(db);
  return db;
};
const NOW = '2026-11-25T00:00:00.000Z';

describe('tags', () => {
  it('stores weights per symbol key, case-insensitively, and records every change', () => {
    const db = fresh();
    setTag(db, { symbolKey: 'nvda', themeId: 'data-centers', weightBp: 5000 }, NOW);
    setTag(db, { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000 }, NOW);
    setTag(db, { symbolKey: 'NVDA', themeId: 'diamond-semiconductors', weightBp: 4000 }, NOW);
    expect(tagsOf(db, 'NVDA').map((t) => [t.themeId, t.weightBp])).toEqual([['data-centers', 6000], ['diamond-semiconductors', 4000]]);
    removeTag(db, { symbolKey: 'nvda', themeId: 'data-centers' }, NOW);
    const events = db.prepare('SELECT theme_id, old_weight_bp, new_weight_bp FROM tag_events ORDER BY id').raw().all();
    expect(events).toEqual([
      ['data-centers', null, 5000],
      ['data-centers', 5000, 6000],
      ['diamond-semiconductors', null, 4000],
      ['data-centers', 6000, null],
    ]);
  });

  it('refuses a weight that takes a symbol over 100%, and the database refuses it too', () => {
    const db = fresh();
    setTag(db, { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 7000 }, NOW);
    expect(() => setTag(db, { symbolKey: 'KMI', themeId: 'data-centers', weightBp: 3001 }, NOW)).toThrow(/at most 30% is left/);
    expect(() =>
      db.prepare("INSERT INTO tags (symbol_key, theme_id, weight_bp, updated_at) VALUES ('KMI', 'data-centers', 3001, 'x')").run(),
    ).toThrow(/WEIGHT_OVER_100/);
    expect(() => db.prepare("UPDATE tags SET weight_bp = 10001 WHERE symbol_key = 'KMI'").run()).toThrow();
    expect(tagsOf(db, 'KMI')).toHaveLength(1);
  });

  it('refuses unknown themes', () => {
    expect(() => setTag(fresh(), { symbolKey: 'X', themeId: 'nope', weightBp: 1 }, NOW)).toThrow(/no theme "nope"/);
  });

  it('property: whatever sequence of tag edits, no symbol ever exceeds 100%', () => {
    const themes = ['data-centers', 'oil-logistics', 'diamond-semiconductors'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ symbol: fc.constantFrom('A', 'B', 'C'), theme: fc.constantFrom(...themes), bp: fc.integer({ min: 0, max: 10000 }), remove: fc.boolean() }), { maxLength: 40 }),
        (ops) => {
          const db = fresh();
          for (const op of ops) {
            try {
              if (op.remove) removeTag(db, { symbolKey: op.symbol, themeId: op.theme }, NOW);
              else setTag(db, { symbolKey: op.symbol, themeId: op.theme, weightBp: op.bp }, NOW);
            } catch {
              // refused edits are expected; the invariant is what matters
            }
          }
          const sums = new Map<string, number>();
          for (const t of listTags(db)) sums.set(t.symbolKey, (sums.get(t.symbolKey) ?? 0) + t.weightBp);
          for (const s of sums.values()) expect(s).toBeLessThanOrEqual(10000);
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
