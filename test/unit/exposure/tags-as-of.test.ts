import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tagsAsOf } from '../../../db/exposure/tag-tables';
import { makeDb } from './fixture';

/**
 * The tags as they stood at a moment (history and comparison read older snapshots with them):
 * today's tags with every later change undone, newest first. The table is filled set-based; here
 * it is checked against that definition, undone one change at a time, on random tags and changes
 * (re-tags, removals, re-creations, several changes at the same instant).
 */
function undoneOneByOne(today: Map<string, number>, events: { k: string; t: string; o: number | null; at: string; id: number }[], cutoff: string): Map<string, number> {
  const state = new Map(today);
  const later = events.filter((e) => e.at > cutoff).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  for (const e of later) {
    if (e.o === null || e.o === 0) state.delete(`${e.k}|${e.t}`);
    else state.set(`${e.k}|${e.t}`, e.o);
  }
  return state;
}

const key = fc.constantFrom('NVDA', 'KMI', 'SAP');
const theme = fc.constantFrom('data-centers', 'oil-logistics', 'diamond-semiconductors');
const at = fc.integer({ min: 1, max: 9 }).map((d) => `2026-11-0${d}T00:00:00Z`);

describe('tags as of a moment', () => {
  it('equal today\'s tags with every later change undone, newest first', () => {
    fc.assert(
      fc.property(
        // At most a third per theme: a symbol's tags never add up to more than 100% (a trigger refuses that).
        fc.uniqueArray(fc.record({ k: key, t: theme, w: fc.integer({ min: 1, max: 3333 }) }), { selector: (r) => `${r.k}|${r.t}` }),
        fc.array(fc.record({ k: key, t: theme, o: fc.option(fc.integer({ min: 0, max: 10000 })), at }), { maxLength: 25 }),
        at,
        (tags, changes, cutoff) => {
          const db = makeDb();
          for (const r of tags) db.prepare("INSERT INTO tags (symbol_key, theme_id, weight_bp, source, updated_at) VALUES (?, ?, ?, 'manual', '2026-11-01T00:00:00Z')").run(r.k, r.t, r.w);
          const events = changes.map((c, i) => ({ ...c, id: i + 1 }));
          for (const e of events) db.prepare("INSERT INTO tag_events (id, symbol_key, theme_id, old_weight_bp, new_weight_bp, source, at) VALUES (?, ?, ?, ?, NULL, 'rule', ?)").run(e.id, e.k, e.t, e.o, e.at);
          tagsAsOf(db, 'temp.tags_from', cutoff);
          const got = new Map((db.prepare('SELECT symbol_key AS k, theme_id AS t, weight_bp AS w FROM temp.tags_from').all() as { k: string; t: string; w: number }[]).map((r) => [`${r.k}|${r.t}`, r.w]));
          expect(got).toEqual(undoneOneByOne(new Map(tags.map((r) => [`${r.k}|${r.t}`, r.w])), events, cutoff));
          db.close();
        },
      ),
      { numRuns: 300, seed: 1130 },
    );
  });
});
