import { securitiesCommand } from './securities-command';
import type { BackendHandlers, ImportOptions } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { withInterrupt } from './interrupt';
import { canonicalEncoding, ENCODINGS } from '../shared/import/decode';
import { canonicalDelimiter, DELIMITER_CANDIDATES } from '../shared/import/dialect';
import { POSITION_FIELDS, type PositionField } from '../shared/import/types';
import { dateOption, parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { counted } from './plural';
import { programHint } from '../shared/suggestions/hint';
import { demoCommand } from './demo-command';
import { packCommand } from './pack-command';
import { parseWeightToBp } from './parse-weight';
import { backupCommand } from './backup-commands';
import { fxCommand } from './fx-commands';
import { repriceCommand } from './reprice-command';
import { exposureCommand } from './exposure-command';
import { scenarioCommand } from './scenario-command';
import { targetsCommand } from './targets-command';
import { clientCommand, clientsCommand } from './client-commands';
import { fundCommand, fundsCommand, rulesCommand, suggestionsCommand } from './rule-commands';
import { historyCommand, tagsCommand, themeCommand } from './theme-commands';
import { reportCommand } from './report-command';
import { batchCommand } from './batch';
import { preferencesCommand, regenerateCommand, reportsCommand } from './report-records';

export type { Io } from './args';

/** What a command may need besides the backend: the database file (backups are kept per file). */
export interface CommandContext {
  dbPath: string;
}

type Command = (h: BackendHandlers, args: string[], io: Io, context: CommandContext) => Promise<void> | void;

const pct = (bp: number) => `${(bp / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;



function importOptions(values: Record<string, unknown>): ImportOptions {
  const options: ImportOptions = {};
  if (values['encoding'] !== undefined) {
    // Aliases as people write them (cp932, sjis, latin1) name one of the encodings the import reads.
    const canonical = canonicalEncoding(String(values['encoding']));
    if (canonical === null || canonical === 'utf-16') throw new UsageError(`--encoding "${String(values['encoding'])}" is not one of ${ENCODINGS.join(', ')}`);
    options.encoding = canonical as ImportOptions['encoding'];
  }
  if (values['delimiter'] !== undefined) {
    // The same spellings as everywhere ("tab", "\t", "semicolon"...), and only the delimiters an import reads.
    const d = canonicalDelimiter(String(values['delimiter']));
    if (d === null || !(DELIMITER_CANDIDATES as readonly string[]).includes(d)) {
      throw new UsageError(`--delimiter "${String(values['delimiter'])}" is not one of ${DELIMITER_CANDIDATES.map((c) => (c === '\t' ? 'tab' : c)).join(' ')}`);
    }
    options.delimiter = d as ImportOptions['delimiter'];
  }
  if (values['decimal'] !== undefined) {
    const d = String(values['decimal']).trim().toLowerCase();
    // auto: from the figures, even where the mapping saved for the file's header row names a separator.
    const decimal = d === 'point' || d === '.' ? '.' : d === 'comma' || d === ',' ? ',' : d === 'auto' ? 'auto' : null;
    if (decimal === null) throw new UsageError(`--decimal "${String(values['decimal'])}" is not one of point comma auto`);
    options.decimal = decimal;
  }
  if (values['preset'] !== undefined) options.preset = String(values['preset']);
  const maps = (values['map'] as string[] | undefined) ?? [];
  if (maps.length > 0) {
    const mapping: Partial<Record<PositionField, string>> = {};
    for (const m of maps) {
      const eq = m.indexOf('=');
      const field = m.slice(0, eq) as PositionField;
      if (eq <= 0 || !POSITION_FIELDS.includes(field)) {
        throw new UsageError(`--map "${m}" should be field=Header with field one of: ${POSITION_FIELDS.join(', ')}.`);
      }
      // The same field mapped twice: the last one won without a word.
      if (mapping[field] !== undefined) throw new UsageError(`--map names ${field} twice ("${mapping[field]}" and "${m.slice(eq + 1)}"): map each field once`);
      mapping[field] = m.slice(eq + 1);
    }
    options.mapping = mapping;
  }
  return options;
}

const importCommand: Command = async (h, args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    portfolio: { type: 'string' },
    client: { type: 'string' },
    'base-currency': { type: 'string' },
    'as-of': { type: 'string' },
    preset: { type: 'string' },
    map: { type: 'string', multiple: true },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    decimal: { type: 'string' },
    'skip-invalid': { type: 'boolean' },
    'allow-duplicate': { type: 'boolean' },
  });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new UsageError('import takes one FILE: themelens import FILE --portfolio NAME');
  if (!values.portfolio) throw new UsageError('import needs --portfolio NAME');
  const asOf = dateOption('import', 'as-of', values['as-of']);
  const input = validateInput('importHoldings', {
    path: file,
    portfolioName: values.portfolio,
    ...(values.client ? { clientName: values.client } : {}),
    ...(values['base-currency'] ? { baseCurrency: values['base-currency'].toUpperCase() } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    options: importOptions(values),
    skipInvalid: values['skip-invalid'] ?? false,
    allowDuplicate: values['allow-duplicate'] ?? false,
  });
  const outcome = await withInterrupt(
    async () => h.importHoldings(input),
    () => h.cancelImport({}),
    (o) => `snapshot ${o.snapshot.id} of ${o.portfolio.name} holds its ${counted(o.imported, 'position')}.`,
  );
  io.out(
    `Imported ${counted(outcome.imported, 'position')} from ${outcome.snapshot.sourceFile} into ${outcome.portfolio.name} ` +
      `(snapshot ${outcome.snapshot.id}, as of ${outcome.snapshot.asOf}${outcome.snapshot.preset ? `, ${outcome.snapshot.preset} format` : ''}).\n`,
  );
  for (const r of outcome.rejected) io.err(`skipped: line ${r.line}${r.column ? `, column ${r.column}` : ''}: ${r.message}\n`);
  for (const w of outcome.warnings) io.err(`warning: ${w}\n`);
  // What the pack has to say about these holdings: the next step, on stderr beside the warnings.
  const hint = programHint(await h.listSuggestions({ onlyHeld: true }));
  if (hint) io.err(`hint: ${hint.text} See them: themelens suggestions --held\n`);
};

const tagCommand: Command = async (h, args, io) => {
  const { values, positionals } = parseCommandArgs(args, { weight: { type: 'string' } });
  const [symbol, themeId, ...rest] = positionals;
  if (!symbol || !themeId || rest.length > 0) throw new UsageError('tag takes SYMBOL THEME_ID: themelens tag NVDA data-centers --weight 0.5');
  const weightBp = values.weight === undefined ? 10_000 : parseWeightToBp(values.weight);
  const tags = await h.setTag(validateInput('setTag', { symbolKey: symbol, themeId, weightBp }));
  const used = tags.reduce((s, t) => s + t.weightBp, 0);
  const key = tags[0]?.symbolKey ?? symbol;
  io.out(`${key}: ${tags.map((t) => `${t.themeId} ${pct(t.weightBp)}`).join(', ')} (${pct(10_000 - used)} untagged)\n`);
  // Tagging ahead of an import is allowed, but a misspelt symbol (ZZZZ for ZZZ) would count nowhere without a word.
  const security = await h.showSecurity(validateInput('showSecurity', { text: key }));
  if (security.positions === 0) io.err(`note: ${key} is in no portfolio's latest holdings, so this tag counts nowhere yet. If that is a misspelling, "themelens securities" lists the held ones.\n`);
};

const untagCommand: Command = async (h, args, io) => {
  const { positionals } = parseCommandArgs(args, {});
  const [symbol, themeId, ...rest] = positionals;
  if (!symbol || rest.length > 0) throw new UsageError('untag takes SYMBOL [THEME_ID]');
  const left = await h.removeTag(validateInput('removeTag', { symbolKey: symbol, ...(themeId ? { themeId } : {}) }));
  io.out(left.length ? `${symbol.toUpperCase()}: ${left.map((t) => `${t.themeId} ${pct(t.weightBp)}`).join(', ')}\n` : `${symbol.toUpperCase()}: no tags left\n`);
};

const themesCommand: Command = async (h, args, io) => {
  parseCommandArgs(args, {});
  for (const t of await h.listThemes({})) io.out(`${t.id}\t${t.name}\t${t.pack}\n`);
};

const portfoliosCommand: Command = async (h, args, io) => {
  parseCommandArgs(args, {});
  const list = await h.listPortfolios({});
  if (list.length === 0) io.err('No portfolios yet. Import one with: themelens import FILE --portfolio NAME\n');
  for (const p of list) io.out(`${p.name}\t${p.baseCurrency}\t${counted(p.snapshotCount, 'snapshot')}\t${p.latestAsOf ?? '-'}\n`);
};

/**
 * Commands that read no position rows (the exposure reads position groups): the damage check at open
 * leaves out the positions table and the position index for them, so their time grows less with the
 * positions. A test runs each on a file whose positions and position index are overwritten
 * (test/reliability/damage-check-scope.test.ts).
 */
export const READ_NO_POSITIONS: ReadonlySet<string> = new Set(['exposure']);

export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  tag: tagCommand,
  untag: untagCommand,
  fx: fxCommand,
  reprice: repriceCommand,
  exposure: exposureCommand,
  scenario: scenarioCommand,
  targets: targetsCommand,
  client: clientCommand,
  clients: clientsCommand,
  themes: themesCommand,
  portfolios: portfoliosCommand,
  report: reportCommand,
  theme: themeCommand,
  tags: tagsCommand,
  history: historyCommand,
  rules: rulesCommand,
  suggestions: suggestionsCommand,
  demo: demoCommand,
  pack: packCommand,
  securities: securitiesCommand,
  fund: fundCommand,
  funds: fundsCommand,
  backup: backupCommand,
  batch: batchCommand,
  reports: reportsCommand,
  regenerate: regenerateCommand,
  preferences: preferencesCommand,
};
