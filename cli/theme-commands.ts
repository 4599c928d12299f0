import { isIsoDate } from '../shared/import/dates';
import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { bpToFraction } from '../shared/tags/weight';
import { dateOption, parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { counted } from './plural';



/** `themelens theme add|rename|recolor|delete|restore-defaults`: the user's own themes. */
export async function themeCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { color: { type: 'string' }, pack: { type: 'string' }, description: { type: 'string' }, parent: { type: 'string' } });
  const [action, a, b] = positionals;
  if (action === 'add' && a) {
    const t = await h.createTheme(validateInput('createTheme', { name: a, ...(values.color ? { color: values.color } : {}), ...(values.pack ? { pack: values.pack } : {}), ...(values.description ? { description: values.description } : {}), ...(values.parent ? { parentId: values.parent } : {}) }));
    io.out(`Added theme ${t.id}\t${t.name}\t${t.pack}\n`);
  } else if (action === 'rename' && a && b) {
    const t = await h.updateTheme(validateInput('updateTheme', { id: a, name: b }));
    io.out(`${t.id} is now "${t.name}"\n`);
  } else if (action === 'recolor' && a && b) {
    const t = await h.updateTheme(validateInput('updateTheme', { id: a, color: b }));
    io.out(`${t.id} is now ${t.color}\n`);
  } else if (action === 'delete' && a) {
    const r = await h.deleteTheme(validateInput('deleteTheme', { id: a }));
    const also = [r.deletedRules > 0 ? counted(r.deletedRules, 'rule') : '', r.deletedTargets > 0 ? counted(r.deletedTargets, 'target') : ''].filter(Boolean);
    const subs = r.deletedSubThemes.length > 0 ? ` with its ${r.deletedSubThemes.length === 1 ? 'sub-theme' : 'sub-themes'} ${r.deletedSubThemes.join(', ')}` : '';
    io.out(`Deleted theme ${a}${subs} and ${counted(r.deletedTags, 'tag')} (kept in the tag history)${also.length > 0 ? `, with ${also.join(' and ')}` : ''}\n`);
  } else if (action === 'restore-defaults') {
    const themes = await h.restoreDefaultThemes({});
    io.out(`${counted(themes.filter((t) => t.isDefault).length, 'default theme')} present\n`);
  } else {
    throw new UsageError('theme takes: add NAME [--color #rrggbb] [--pack P] [--description D] [--parent ID] | rename ID NAME | recolor ID #rrggbb | delete ID | restore-defaults');
  }
}

/** `themelens tags export FILE [--format json|csv]` and `tags import FILE [--dry-run]`. */
export async function tagsCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, replace: { type: 'boolean' } });
  const [action, file] = positionals;
  if (action === 'export' && file) {
    const format = (values.format ?? (file.toLowerCase().endsWith('.json') ? 'json' : 'csv')) as 'json' | 'csv';
    if (format !== 'json' && format !== 'csv') throw new UsageError('--format is json or csv');
    const r = await h.exportTags(validateInput('exportTags', { path: file, format, replace: values.replace ? 'any' : 'own' }));
    io.err(`Wrote ${r.path} (${r.bytes} bytes)\n`);
    return;
  }
  if (action === 'import' && file) {
    const preview = values['dry-run'] ? await h.previewTagImport(validateInput('previewTagImport', { path: file })) : await h.importTags(validateInput('importTags', { path: file }));
    for (const r of preview.rows.filter((x) => x.status !== 'same')) {
      const from = r.oldWeightBp === null ? '-' : bpToFraction(r.oldWeightBp);
      io.out(`${r.status}\t${r.symbolKey}\t${r.themeId}\t${from} -> ${bpToFraction(r.newWeightBp)}${r.message ? `\t${r.message}` : ''}\n`);
    }
    const c = preview.counts;
    io.err(`${values['dry-run'] ? 'Would import' : 'Imported'}: ${c.new} new, ${c.changed} changed, ${c.same} unchanged, ${counted(c.conflict, 'conflict')}${preview.newThemes.length ? `; new themes: ${preview.newThemes.join(', ')}` : ''}\n`);
    return;
  }
  throw new UsageError('tags takes: export FILE [--format json|csv] | import FILE [--dry-run]');
}

/** A day (YYYY-MM-DD), or a moment of one in ISO form (2026-11-01T09:30:00Z), as tag changes are timed. */
function sinceReads(since: string): boolean {
  return isIsoDate(since.slice(0, 10)) && /^(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/.test(since.slice(10));
}

/** `themelens history [SYMBOL] [--since YYYY-MM-DD]`: tag changes, newest first. */
export async function historyCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { since: { type: 'string' } });
  if (positionals.length > 1) throw new UsageError('history takes at most one SYMBOL');
  // Compared as text with each change's time: "2026/11/01" or "yesterday" matched nothing, and
  // "2026-02-30" everything since February, all without a word.
  const since = dateOption('history', 'since', values.since, sinceReads);
  const events = await h.tagHistory(validateInput('tagHistory', { ...(positionals[0] ? { symbolKey: positionals[0] } : {}), ...(since ? { since } : {}) }));
  const w = (bp: number | null) => (bp === null ? '-' : bpToFraction(bp));
  for (const e of events) io.out(`${e.at}\t${e.symbolKey}\t${e.themeId}\t${w(e.oldWeightBp)} -> ${w(e.newWeightBp)}\t${e.source}\n`);
}
