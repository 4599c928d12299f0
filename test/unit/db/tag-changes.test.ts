import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrations';
import { applyTagChanges, listTags, setTag } from '../../../db/repos/tags';
import { validateInput } from '../../../shared/api/validate';

const NOW = '2026-11-25T00:00:00.000Z';
const fresh = () => {
  const db = openDatabase(':memory:');
  migrate(db);
  return db;
};
const snapshot = (db: ReturnType<typeof fresh>) => listTags(db).map((t) => [t.symbolKey, t.themeId, t.weightBp]);

describe('applyTagChanges: bulk edits as one step, undoable', () => {
  it('tags many symbols at once and reports the weights before', () => {
    const db = fresh();
    setTag(db, { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 2000 }, NOW);
    const r = applyTagChanges(db, ['NVDA', 'eqix', 'VRT'].map((s) => ({ symbolKey: s, themeId: 'data-centers', weightBp: 5000 })), NOW);
    expect(snapshot(db)).toEqual([['EQIX', 'data-centers', 5000], ['NVDA', 'data-centers', 5000], ['VRT', 'data-centers', 5000]]);
    expect(r.before).toEqual([
      { symbolKey: 'VRT', themeId: 'data-centers', weightBp: null },
      { symbolKey: 'EQIX', themeId: 'data-centers', weightBp: null },
      { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 2000 },
    ]);
  });

  it('keeps a rationale and source link with the tag, without a history event when only the note changes', () => {
    const db = fresh();
    applyTagChanges(db, [{ symbolKey: 'VRT', themeId: 'data-centers', weightBp: 8000, rationale: 'Most sales are data-center cooling', sourceUrl: 'https://investors.vertiv.com/' }], NOW);
    applyTagChanges(db, [{ symbolKey: 'VRT', themeId: 'data-centers', weightBp: 8000, rationale: 'Updated note' }], NOW);
    expect(db.prepare("SELECT rationale, source_url FROM tags WHERE symbol_key = 'VRT'").raw().get()).toEqual(['Updated note', 'https://investors.vertiv.com/']);
    expect(db.prepare("SELECT count(*) FROM tag_events WHERE symbol_key = 'VRT'").pluck().get()).toBe(1);
  });

  it('refuses a source link that is not http(s)', () => {
    expect(() => validateInput('applyTagChanges', { changes: [{ symbolKey: 'X', themeId: 'data-centers', weightBp: 1, sourceUrl: 'javascript:alert(1)' }] })).toThrow(/sourceUrl/);
  });

  it('applies nothing when one edit would take a symbol over 100%', () => {
    const db = fresh();
    setTag(db, { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 8000 }, NOW);
    const before = snapshot(db);
    expect(() =>
      applyTagChanges(db, [{ symbolKey: 'ET', themeId: 'data-centers', weightBp: 5000 }, { symbolKey: 'KMI', themeId: 'data-centers', weightBp: 5000 }], NOW),
    ).toThrow(/KMI is already 80% tagged/);
    expect(snapshot(db)).toEqual(before);
  });

  it('property: applying `before` undoes any sequence of edits exactly; applying the edits again redoes it', () => {
    const edit = fc.record({
      symbolKey: fc.constantFrom('A', 'B', 'C'),
      themeId: fc.constantFrom('data-centers', 'oil-logistics', 'diamond-semiconductors'),
      weightBp: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (setup, changes) => {
        const db = fresh();
        for (const s of setup) {
          try {
            if (s.weightBp !== null) setTag(db, { ...s, weightBp: s.weightBp }, NOW);
          } catch {
            // a setup edit over 100% is refused; the rest still sets the scene
          }
        }
        const original = snapshot(db);
        let r: ReturnType<typeof applyTagChanges>;
        try {
          r = applyTagChanges(db, changes, NOW);
        } catch {
          expect(snapshot(db)).toEqual(original); // refused as a whole
          return;
        }
        const done = snapshot(db);
        applyTagChanges(db, r.before, NOW);
        expect(snapshot(db)).toEqual(original);
        applyTagChanges(db, r.after, NOW);
        expect(snapshot(db)).toEqual(done);
        db.close();
      }),
      { numRuns: 80 },
    );
  });

  it('moves weight from one theme to another in either order: the 100% cap holds for the result, not each step', () => {
    const db = fresh();
    applyTagChanges(db, [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000 }, { symbolKey: 'NVDA', themeId: 'diamond-semiconductors', weightBp: 4000 }], NOW);
    // The raise first, as a diff of the tags before and after a tag file's import gives it for undo.
    const r = applyTagChanges(db, [{ symbolKey: 'NVDA', themeId: 'diamond-semiconductors', weightBp: 7000 }, { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 3000 }], NOW);
    expect(snapshot(db)).toEqual([['NVDA', 'data-centers', 3000], ['NVDA', 'diamond-semiconductors', 7000]]);
    applyTagChanges(db, r.before, NOW);
    expect(snapshot(db)).toEqual([['NVDA', 'data-centers', 6000], ['NVDA', 'diamond-semiconductors', 4000]]);
    // A batch whose result is over 100% is still refused as a whole, whatever its order.
    expect(() => applyTagChanges(db, [{ symbolKey: 'NVDA', themeId: 'oil-logistics', weightBp: 2000 }, { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 5000 }], NOW)).toThrow(/NVDA is already/);
    expect(snapshot(db)).toEqual([['NVDA', 'data-centers', 6000], ['NVDA', 'diamond-semiconductors', 4000]]);
  });

  it("moves weight in either order for a security with a linked key too (a diff of all tags names its tags twice: its own key's, and the linked copy's)", () => {
    const db = fresh();
    db.prepare("INSERT INTO security_links (key, canonical_key, reason, source, created_at) VALUES ('NVDA.OLD', 'NVDA', 'user', 'test', ?)").run(NOW);
    applyTagChanges(db, [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 3000 }, { symbolKey: 'NVDA', themeId: 'diamond-semiconductors', weightBp: 7000 }], NOW);
    // Undo as the window's diff gives it: the linked key's edits and the security's own, raises first.
    applyTagChanges(
      db,
      [
        { symbolKey: 'NVDA.OLD', themeId: 'data-centers', weightBp: 6000, source: 'linked' },
        { symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000 },
        { symbolKey: 'NVDA.OLD', themeId: 'diamond-semiconductors', weightBp: 4000, source: 'linked' },
        { symbolKey: 'NVDA', themeId: 'diamond-semiconductors', weightBp: 4000 },
      ],
      NOW,
    );
    expect(snapshot(db)).toEqual([['NVDA', 'data-centers', 6000], ['NVDA', 'diamond-semiconductors', 4000]]);
    // An unknown theme is refused before anything, wherever it stands in the batch.
    expect(() => applyTagChanges(db, [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 9000 }, { symbolKey: 'NVDA', themeId: 'nope', weightBp: null }], NOW)).toThrow(/There is no theme "nope"/);
  });

  it('property: a batch editing each tag once is applied, in any order, exactly when its result is within 100%', () => {
    const themes = ['data-centers', 'oil-logistics', 'diamond-semiconductors'] as const;
    const weights = fc.tuple(...themes.map(() => fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null })));
    fc.assert(
      fc.property(weights, weights, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (start, end, order) => {
        const startSum = start.reduce<number>((a, w) => a + (w ?? 0), 0);
        fc.pre(startSum <= 10_000);
        const db = fresh();
        applyTagChanges(db, themes.flatMap((themeId, i) => (start[i] !== null ? [{ symbolKey: 'X', themeId, weightBp: start[i]! }] : [])), NOW);
        const original = snapshot(db);
        const changes = themes.map((themeId, i) => ({ symbolKey: 'X', themeId, weightBp: end[i]! }));
        const shuffled = changes.map((c, i) => ({ c, k: order[i]! })).sort((a, b) => a.k - b.k).map((x) => x.c);
        const fits = end.reduce<number>((a, w) => a + (w ?? 0), 0) <= 10_000;
        if (fits) {
          applyTagChanges(db, shuffled, NOW);
          expect(new Set(snapshot(db).map((t) => t.join(' ')))).toEqual(new Set(themes.flatMap((themeId, i) => (end[i] !== null ? [`X ${themeId} ${end[i]}`] : []))));
        } else {
          expect(() => applyTagChanges(db, shuffled, NOW)).toThrow(/X is already/);
          expect(snapshot(db)).toEqual(original);
        }
        db.close();
      }),
      { numRuns: 200 },
    );
  });
});
