import { resolve } from 'node:path';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { counted } from './plural';

const pct = (bp: number) => `${Number((bp / 100).toFixed(2))}%`;

/**
 * `themelens pack` (the suggestion pack in use) and `themelens pack import FILE [--dry-run]`: a
 * newer version of the pack, with what it adds, removes and re-weights. Tags never change: a
 * re-weighted suggestion the user had accepted is offered again at its new weight.
 */
export async function packCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean' } });
  const [action, file, ...rest] = positionals;
  if (!action) {
    const p = await h.showPack({});
    io.out(`${p.name}, version ${p.version} (${p.asOf}): ${counted(p.suggestions, 'suggestion')}\n`);
    return;
  }
  if (action !== 'import' || !file || rest.length > 0) throw new UsageError('pack takes: (nothing) | import FILE [--dry-run]');
  const r = await h.importPack(validateInput('importPack', { path: resolve(file), dryRun: values['dry-run'] ?? false }));
  io.out(`${r.name}: version ${r.fromVersion} -> ${r.version} (${r.asOf})${r.applied ? '' : ' (dry run: nothing changed)'}\n`);
  for (const t of r.themesAdded) io.out(`new theme\t${t}\n`);
  for (const s of r.diff.added) io.out(`added\t${s.symbolKey}\t${s.themeId}\t${pct(s.weightBp)}\n`);
  for (const s of r.diff.removed) io.out(`removed\t${s.symbolKey}\t${s.themeId}\t${pct(s.weightBp)}\n`);
  for (const x of r.diff.reweighted) io.out(`re-weighted\t${x.suggestion.symbolKey}\t${x.suggestion.themeId}\t${pct(x.fromBp)} -> ${pct(x.suggestion.weightBp)}\n`);
  if (r.applied && r.diff.reweighted.length > 0) io.err('Tags you accepted keep their weights; re-weighted ones are offered again: themelens suggestions\n');
}
