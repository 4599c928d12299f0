import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrations';
import { applyRules, createRule, planRules, previewRule, type RuleInput } from '../../../db/repos/rules';
import { setTag, tagsOf } from '../../../db/repos/tags';

const NOW = '2026-11-25T00:00:00.000Z';

/** A database with one portfolio whose latest snapshot holds these positions. */
function withPositions(rows: { symbol: string; description?: string; account?: string }[]) {
  const db = openDatabase(':memory:');
  migrate(db);
  db.prepare("INSERT INTO portfolios (id, name, base_currency, created_at) VALUES (1, 'P', 'USD', ?)").run(NOW);
  db.prepare("INSERT INTO snapshots (id, portfolio_id, as_of, source_file, file_sha256, row_count, imported_at) VALUES (1, 1, '2026-11-24', 'h.csv', 'x', ?, ?)").run(rows.length, NOW);
  const insert = db.prepare("INSERT INTO positions (snapshot_id, account, symbol, symbol_key, description, value_cents, currency) VALUES (1, ?, ?, ?, ?, 100000, 'USD')");
  for (const r of rows) insert.run(r.account ?? 'A1', r.symbol, r.symbol, r.description ?? '');
  return db;
}

const rule = (over: Partial<RuleInput>): RuleInput => ({ kind: 'symbols', pattern: 'EQIX', themeId: 'data-centers', weightBp: 10_000, priority: 0, ...over });

describe('rules of the same priority that disagree', () => {
  it('leave the pair untagged and name it, whichever rule was saved first', () => {
    for (const order of [[0, 1], [1, 0]]) {
      const db = withPositions([{ symbol: 'EQIX', description: 'EQUINIX REALTY' }, { symbol: 'DLR', description: 'DIGITAL REALTY' }]);
      const both = [rule({ kind: 'description', pattern: '*REALTY*', weightBp: 5000 }), rule({ pattern: 'EQIX', weightBp: 3000 })];
      const saved = order.map((i) => createRule(db, both[i]!, NOW));
      const r = applyRules(db, NOW);
      // DLR matches only the description rule; EQIX matches both, at priority 0, with 0.5 and 0.3.
      expect(tagsOf(db, 'DLR').map((t) => [t.themeId, t.weightBp])).toEqual([['data-centers', 5000]]);
      expect(tagsOf(db, 'EQIX')).toEqual([]);
      expect(r.tagged).toBe(1);
      const [first, second] = [...saved].sort((a, b) => a.id - b.id);
      expect(r.conflicts).toEqual([
        {
          symbolKey: 'EQIX',
          themeId: 'data-centers',
          priority: 0,
          rules: [first, second].map((s) => ({ id: s!.id, kind: s!.kind, pattern: s!.pattern, weightBp: s!.weightBp })),
        },
      ]);
    }
  });

  it('are no conflict when they give the same weight, nor when a higher priority decides', () => {
    const db = withPositions([{ symbol: 'EQIX', description: 'EQUINIX REALTY' }]);
    expect(planRules(db, [rule({ kind: 'description', pattern: 'REALTY', weightBp: 5000 }), rule({ weightBp: 5000 })])).toMatchObject({ conflicts: [], positions: 1 });
    const decided = planRules(db, [rule({ kind: 'description', pattern: 'REALTY', weightBp: 5000 }), rule({ weightBp: 3000, priority: 1 })]);
    expect(decided.conflicts).toEqual([]);
    expect(decided.tags.get('EQIX')).toEqual(new Map([['data-centers', 3000]]));
  });

  it('do not let a lower-priority rule fill the pair in, and other themes are still tagged', () => {
    const db = withPositions([{ symbol: 'EQIX', description: 'EQUINIX REALTY' }]);
    const plan = planRules(db, [
      { ...rule({ weightBp: 5000, priority: 2 }), id: 1 },
      { ...rule({ kind: 'description', pattern: 'EQUINIX', weightBp: 4000, priority: 2 }), id: 2 },
      { ...rule({ kind: 'description', pattern: 'REALTY', weightBp: 1000, priority: 1 }), id: 3 },
      { ...rule({ themeId: 'oil-logistics', weightBp: 2000 }), id: 4 },
    ]);
    expect(plan.tags.get('EQIX')).toEqual(new Map([['oil-logistics', 2000]]));
    expect(plan.conflicts.map((c) => [c.symbolKey, c.themeId, c.priority, c.rules.map((r) => r.id)])).toEqual([['EQIX', 'data-centers', 2, [1, 2]]]);
  });

  it('on different positions of one symbol (two accounts) are a conflict too, and the higher priority wins whichever row comes first', () => {
    const db = withPositions([{ symbol: 'EQIX', account: 'A1' }, { symbol: 'EQIX', account: 'B2' }]);
    const tie = planRules(db, [rule({ kind: 'account', pattern: 'a1', weightBp: 5000 }), rule({ kind: 'account', pattern: 'b2', weightBp: 3000 })]);
    expect(tie.tags.size).toBe(0);
    expect(tie.conflicts).toHaveLength(1);
    const ranked = planRules(db, [rule({ kind: 'account', pattern: 'a1', weightBp: 5000 }), rule({ kind: 'account', pattern: 'b2', weightBp: 3000, priority: 1 })]);
    expect(ranked.tags.get('EQIX')).toEqual(new Map([['data-centers', 3000]]));
  });

  it('leave a symbol with a manual tag alone, with no conflict to report', () => {
    const db = withPositions([{ symbol: 'EQIX' }]);
    setTag(db, { symbolKey: 'EQIX', themeId: 'oil-logistics', weightBp: 1000 }, NOW);
    expect(planRules(db, [rule({ weightBp: 5000 }), rule({ pattern: 'EQIX, DLR', weightBp: 3000 })]).conflicts).toEqual([]);
  });

  it('previewing a rule names the conflicts it would make with the saved rules', () => {
    const db = withPositions([{ symbol: 'EQIX' }, { symbol: 'DLR' }]);
    const saved = createRule(db, rule({ pattern: 'EQIX, DLR', weightBp: 5000 }), NOW);
    expect(previewRule(db, rule({ weightBp: 3000 }))).toEqual({
      positions: 1,
      symbols: ['EQIX'],
      conflicts: [
        {
          symbolKey: 'EQIX',
          themeId: 'data-centers',
          priority: 0,
          rules: [
            { id: saved.id, kind: 'symbols', pattern: 'EQIX, DLR', weightBp: 5000 },
            { id: null, kind: 'symbols', pattern: 'EQIX', weightBp: 3000 },
          ],
        },
      ],
    });
    expect(previewRule(db, rule({ weightBp: 3000, priority: 1 })).conflicts).toEqual([]);
    expect(previewRule(db, rule({ weightBp: 5000 })).conflicts).toEqual([]);
  });
});
