import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import type { RuleConflict, TagRule } from '../../shared/api/contract';
import { compileRule, type RuleTarget } from '../../shared/tags/rule-match';
import type { Db } from '../connection';
import { getTheme } from './themes';
import { sql } from '../sql';

export type Rule = TagRule;

export type RuleInput = Omit<Rule, 'id'>;

export function listRules(db: Db): Rule[] {
  return db
    .prepare('SELECT id, kind, pattern, theme_id AS themeId, weight_bp AS weightBp, priority FROM rules ORDER BY priority DESC, id')
    .all() as Rule[];
}

export function createRule(db: Db, input: RuleInput, now: string): Rule {
  if (!getTheme(db, input.themeId)) throw saidError('NOT_FOUND', ERROR_TEXT.themeGone, { themeId: input.themeId });
  if (!input.pattern.trim()) throw saidError('VALIDATION', ERROR_TEXT.ruleNeedsPattern, {});
  const id = Number(
    db
      .prepare('INSERT INTO rules (kind, pattern, theme_id, weight_bp, priority, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.kind, input.pattern.trim(), input.themeId, input.weightBp, input.priority, now).lastInsertRowid,
  );
  return listRules(db).find((r) => r.id === id) as Rule;
}

export function deleteRule(db: Db, id: number): void {
  if (db.prepare('DELETE FROM rules WHERE id = ?').run(id).changes === 0) throw saidError('NOT_FOUND', ERROR_TEXT.ruleGone, { id: String(id) });
}

/** Positions of every portfolio's latest snapshot: what rules look at "on demand". */
function latestPositions(db: Db, snapshotId?: number): RuleTarget[] {
  const where = snapshotId !== undefined
    ? sql`p.snapshot_id = @sid`
    : sql`p.snapshot_id IN (SELECT (SELECT s.id FROM snapshots s WHERE s.portfolio_id = po.id ORDER BY s.as_of DESC, s.id DESC LIMIT 1) FROM portfolios po)`;
  return db
    .prepare(sql`SELECT p.symbol_key AS symbolKey, p.description, p.security_type AS securityType, p.isin, p.account FROM positions p WHERE ${where} AND p.is_cash = 0`.text)
    .all(snapshotId !== undefined ? { sid: snapshotId } : {}) as RuleTarget[];
}

export interface RulePlan {
  /**
   * symbol -> theme -> weight, from the highest-priority rules matching any of the symbol's positions,
   * when they agree on the weight. A pair whose top rules disagree is in `conflicts` instead.
   */
  tags: Map<string, Map<string, number>>;
  /** Symbol/theme pairs the rules leave alone: rules of the same priority give different weights. */
  conflicts: RuleConflict[];
  positions: number;
  /** The positions `watch` (one of the rules) matches, and their symbols: what that rule alone would tag. */
  watched: { positions: number; symbols: Set<string> };
}

type PlannedRule = RuleInput & { id?: number };

/**
 * Which tags the rules would set, without writing. A symbol with a manual tag is left alone. Per
 * symbol and theme, the highest-priority matching rules decide; when those give different weights,
 * nothing is decided (never by the order the rules were saved in): the pair is a conflict.
 */
export function planRules(db: Db, rules: readonly PlannedRule[], snapshotId?: number, watch?: PlannedRule): RulePlan {
  const compiled = [...rules].sort((a, b) => b.priority - a.priority).map((r, order) => ({ r, order, match: compileRule(r) }));
  const manual = new Set(db.prepare("SELECT DISTINCT symbol_key FROM tags WHERE source = 'manual'").pluck().all() as string[]);
  // symbol -> theme -> the matching rules of the highest priority seen (of any of the symbol's positions).
  const top = new Map<string, Map<string, (typeof compiled)[number][]>>();
  let positions = 0;
  const watched = { positions: 0, symbols: new Set<string>() };
  for (const p of latestPositions(db, snapshotId)) {
    if (manual.has(p.symbolKey)) continue;
    let matched = false;
    for (const c of compiled) {
      if (!c.match(p)) continue;
      matched = true;
      if (c.r === watch) {
        watched.positions++;
        watched.symbols.add(p.symbolKey);
      }
      const themes = top.get(p.symbolKey) ?? new Map<string, (typeof compiled)[number][]>();
      top.set(p.symbolKey, themes);
      const best = themes.get(c.r.themeId);
      if (!best || c.r.priority > best[0]!.r.priority) themes.set(c.r.themeId, [c]);
      else if (c.r.priority === best[0]!.r.priority && !best.includes(c)) best.push(c);
    }
    if (matched) positions++;
  }
  const tags = new Map<string, Map<string, number>>();
  const conflicts: RuleConflict[] = [];
  for (const [symbolKey, themes] of top) {
    const m = new Map<string, number>();
    // Themes in the order of their deciding rule (priority first), as applyRules gives way by it.
    const ordered = [...themes].sort(([, a], [, b]) => Math.min(...a.map((c) => c.order)) - Math.min(...b.map((c) => c.order)));
    for (const [themeId, best] of ordered) {
      const weights = new Set(best.map((c) => c.r.weightBp));
      if (weights.size === 1) {
        m.set(themeId, best[0]!.r.weightBp);
        continue;
      }
      const byId = best.map((c) => c.r).sort((a, b) => (a.id ?? Infinity) - (b.id ?? Infinity));
      conflicts.push({
        symbolKey,
        themeId,
        priority: best[0]!.r.priority,
        rules: byId.map((r) => ({ id: r.id ?? null, kind: r.kind, pattern: r.pattern.trim(), weightBp: r.weightBp })),
      });
    }
    if (m.size > 0) tags.set(symbolKey, m);
  }
  return { tags, conflicts, positions, watched };
}

/**
 * What saving `input` would do: the positions it matches and their symbols (the first 200), and the
 * conflicts it would make with the saved rules (the same priority and theme, another weight, on one
 * symbol), which would leave those pairs untagged by the rules.
 */
export function previewRule(db: Db, input: RuleInput): { positions: number; symbols: string[]; conflicts: RuleConflict[] } {
  // One pass over the positions with the saved rules and the new one, which is watched for what it
  // alone would tag (it had been two passes, a plan of the rule alone and one with the saved rules).
  const plan = planRules(db, [...listRules(db), input], undefined, input);
  return {
    positions: plan.watched.positions,
    symbols: [...plan.watched.symbols].sort().slice(0, 200),
    conflicts: plan.conflicts.filter((c) => c.rules.some((r) => r.id === null)),
  };
}

/**
 * Applies the saved rules (to one snapshot, or every portfolio's latest) as tags with source
 * "rule": never over a manual tag, never taking a symbol over 100% (lower-priority themes give way).
 * A pair in conflict (rules of the same priority, different weights) is not written, and is returned.
 */
export function applyRules(db: Db, now: string, snapshotId?: number): { tagged: number; skipped: string[]; conflicts: RuleConflict[] } {
  const rules = listRules(db);
  if (rules.length === 0) return { tagged: 0, skipped: [], conflicts: [] };
  const plan = planRules(db, rules, snapshotId);
  const current = db.prepare('SELECT theme_id AS themeId, weight_bp AS w, source FROM tags WHERE symbol_key = ?');
  const upsert = db.prepare(
    `INSERT INTO tags (symbol_key, theme_id, weight_bp, source, updated_at) VALUES (?, ?, ?, 'rule', ?)
     ON CONFLICT (symbol_key, theme_id) DO UPDATE SET weight_bp = excluded.weight_bp, source = 'rule', updated_at = excluded.updated_at`,
  );
  const event = db.prepare("INSERT INTO tag_events (symbol_key, theme_id, old_weight_bp, new_weight_bp, source, at) VALUES (?, ?, ?, ?, 'rule', ?)");
  let tagged = 0;
  const skipped: string[] = [];
  db.transaction(() => {
    for (const [symbol, themes] of plan.tags) {
      const existing = current.all(symbol) as { themeId: string; w: number; source: string }[];
      let used = existing.filter((t) => !themes.has(t.themeId)).reduce((a, t) => a + t.w, 0);
      for (const [themeId, weight] of themes) {
        const old = existing.find((t) => t.themeId === themeId);
        if (old?.w === weight) {
          used += weight;
          continue;
        }
        if (used + weight > 10_000) {
          skipped.push(`${symbol} ${themeId}`);
          continue;
        }
        upsert.run(symbol, themeId, weight, now);
        event.run(symbol, themeId, old?.w ?? null, weight, now);
        used += weight;
        tagged++;
      }
    }
  })();
  return { tagged, skipped, conflicts: plan.conflicts };
}

/**
 * What an import says of the pairs its rules left (applyRules' conflicts): the first few, and how
 * to decide them. One warning, however many pairs.
 */
export function ruleConflictsWarning(conflicts: readonly RuleConflict[]): string {
  const named = conflicts.slice(0, 3).map((c) => `${c.symbolKey} ${c.themeId} (rules ${c.rules.map((r) => r.id).join(' and ')}, priority ${c.priority})`);
  const more = conflicts.length > 3 ? ` and ${conflicts.length - 3} more` : '';
  const pairs = conflicts.length === 1 ? '1 holding/theme pair' : `${conflicts.length} holding/theme pairs`;
  return `Saved rules of the same priority give ${pairs} different weights, so the rules left ${conflicts.length === 1 ? 'it' : 'them'} as ${conflicts.length === 1 ? 'it was' : 'they were'}: ${named.join(', ')}${more}. Give the rule that should win a higher priority (Themes… › Rules, or themelens rules).`;
}
