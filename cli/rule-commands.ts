import type { BackendHandlers, RuleConflict } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { RULE_KINDS } from '../shared/tags/rule-match';
import { bpToFraction } from '../shared/tags/weight';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { counted } from './plural';
import { parseWeightToBp } from './parse-weight';



const RULES_USAGE = `rules takes: list | add KIND PATTERN THEME_ID [--weight W] [--priority N] [--dry-run] | delete ID | apply   (KIND: ${RULE_KINDS.join(', ')})`;

/** A rule's pattern as one shell word (single-quoted unless it is plain). */
function shellWord(text: string): string {
  return /^[\w.,:/@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * One line for a symbol/theme pair that rules of the same priority give different weights: the pair
 * is left as it is (not tagged by the rules), and how to decide it.
 */
export function conflictLine(c: RuleConflict): string {
  const described = c.rules.map((r) => `${r.id === null ? 'the new rule' : `rule ${r.id}`} (${r.kind} ${shellWord(r.pattern)}, weight ${bpToFraction(r.weightBp)})`);
  const rules = `${described.slice(0, -1).join(', ')} and ${described[described.length - 1]}`;
  const head = `conflict: ${c.symbolKey} ${c.themeId}: ${rules} match with the same priority ${c.priority} but different weights, so the rules leave ${c.symbolKey} ${c.themeId} as it is.`;
  if (c.rules.some((r) => r.id === null)) return `${head} To decide it, add the new rule with another --priority (${c.priority + 1} to win, ${c.priority - 1} to give way) or the same weight.`;
  const last = c.rules[c.rules.length - 1]!;
  return `${head} Give the rule that should win a higher priority, e.g. for rule ${last.id}: themelens rules delete ${last.id}, then themelens rules add ${last.kind} ${shellWord(last.pattern)} ${c.themeId} --weight ${bpToFraction(last.weightBp)} --priority ${c.priority + 1}`;
}

/** `themelens rules ...`: tagging rules, previewed before they are saved, applied on import and on demand. */
export async function rulesCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { weight: { type: 'string' }, priority: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  const [action, ...rest] = positionals;
  if (action === 'list' && rest.length === 0) {
    for (const r of await h.listRules({})) io.out(`${r.id}\t${r.kind}\t${r.pattern}\t${r.themeId}\t${bpToFraction(r.weightBp)}\tpriority ${r.priority}\n`);
  } else if (action === 'add' && rest.length === 3) {
    const [kind, pattern, themeId] = rest as [string, string, string];
    const priority = values.priority === undefined ? 0 : Number(values.priority);
    if (!Number.isInteger(priority)) throw new UsageError(`--priority "${values.priority}" is not a whole number`);
    const rule = { kind, pattern, themeId, weightBp: values.weight === undefined ? 10_000 : parseWeightToBp(values.weight), priority };
    const preview = await h.previewRule(validateInput('previewRule', rule));
    io.err(`Would tag ${counted(preview.positions, 'position')}: ${preview.symbols.slice(0, 12).join(', ')}${preview.symbols.length > 12 ? ', ...' : ''}\n`);
    for (const c of preview.conflicts) io.err(`${conflictLine(c)}\n`);
    if (values['dry-run']) return;
    const saved = await h.createRule(validateInput('createRule', rule));
    io.out(`Added rule ${saved.id}\n`);
  } else if (action === 'delete' && rest.length === 1) {
    const id = Number(rest[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`"${rest[0]}" is not a rule id`);
    await h.deleteRule(validateInput('deleteRule', { id }));
    io.out(`Deleted rule ${id}\n`);
  } else if (action === 'apply' && rest.length === 0) {
    const r = await h.applyRules({});
    io.out(`Tagged ${counted(r.tagged, 'symbol/theme pair')}${r.skipped.length ? `; left ${r.skipped.length} that would exceed 100%: ${r.skipped.join(', ')}` : ''}\n`);
    for (const c of r.conflicts) io.err(`${conflictLine(c)}\n`);
  } else {
    throw new UsageError(RULES_USAGE);
  }
}

/** `themelens suggestions [--held] | accept|reject SYMBOL THEME_ID | accept|reject --all [--held]`. */
export async function suggestionsCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { held: { type: 'boolean' }, all: { type: 'boolean' }, format: { type: 'string' } });
  const [action, symbol, themeId] = positionals;
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format: "${format}" is not one of table, json`);
  const list = await h.listSuggestions(validateInput('listSuggestions', { onlyHeld: values.held ?? false }));
  if (!action) {
    // The JSON shape is part of the command-line contract: exactly these fields, weight a fraction 0..1.
    if (format === 'json') {
      const rows = list.map((s) => ({ symbol: s.symbol, isin: s.isin, exchange: s.exchange, name: s.name, theme: s.themeId, weight: s.weightBp / 10_000, rationale: s.rationale, source: s.source, asOf: s.asOf }));
      io.out(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    for (const s of list) io.out(`${s.symbolKey}\t${s.themeId}\t${bpToFraction(s.weightBp)}${s.previousWeightBp === null ? '' : ` (was ${bpToFraction(s.previousWeightBp)})`}\t${s.held ? 'held' : '-'}\t${s.rationale}\t${s.source}\n`);
    return;
  }
  if (values.format) throw new UsageError('--format goes with the list of suggestions, not with accept or reject');
  if (action !== 'accept' && action !== 'reject') throw new UsageError('suggestions takes: [--held] | accept|reject SYMBOL THEME_ID | accept|reject --all');
  const items = values.all ? list.map((s) => ({ symbolKey: s.symbolKey, themeId: s.themeId })) : symbol && themeId ? [{ symbolKey: symbol.toUpperCase(), themeId }] : [];
  if (items.length === 0) throw new UsageError(values.all ? 'there are no open suggestions' : `${action} takes SYMBOL THEME_ID, or --all`);
  if (action === 'accept') io.out(`Accepted ${counted((await h.acceptSuggestions(validateInput('acceptSuggestions', { items }))).accepted, 'suggestion')}\n`);
  else io.out(`Rejected ${counted((await h.rejectSuggestions(validateInput('rejectSuggestions', { items }))).rejected, 'suggestion')}\n`);
}

/** `themelens fund import SYMBOL FILE` (issuer holdings for look-through) and `themelens funds`. */
export async function fundCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { positionals } = parseCommandArgs(args, {});
  const [action, symbol, file] = positionals;
  if (action !== 'import' || !symbol || !file || positionals.length !== 3) throw new UsageError('fund takes: import SYMBOL FILE');
  const f = await h.importFundHoldings(validateInput('importFundHoldings', { fundSymbol: symbol, path: file }));
  io.out(`${f.fundKey}: ${counted(f.constituents, 'holding')} (${(f.coverage * 100).toFixed(2)}% of the fund) as of ${f.asOf ?? 'an unknown date'}\n`);
  // Weights past 100% are real (of net assets: a Treasury fund, a leveraged one), but a fund's themes
  // are at most 100% of it: said, where the look-through capped them without a word.
  if (f.coverage > 1.0005) io.err(`note: ${f.fundKey}'s holdings add up to ${(f.coverage * 100).toFixed(2)}% of the fund (weights of its net assets); the look-through counts at most 100% of the fund in its themes.\n`);
}

export async function fundsCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  parseCommandArgs(args, {});
  for (const f of await h.listFunds({})) io.out(`${f.fundKey}\t${counted(f.constituents, 'holding')}\t${f.asOf ?? '-'}\t${f.sourceFile}\n`);
}
