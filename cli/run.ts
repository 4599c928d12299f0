import { dirname, resolve } from 'node:path';
import { mkdirSync, statSync } from 'node:fs';
import { AppError, fromSqliteError } from '../shared/api/errors';
import { openBackend } from '../db/service/backend';
import { defaultDataDir, ensureDataDir } from '../db/paths';
import { COMMANDS, READ_NO_POSITIONS, type Io } from './commands';
import { decryptCommand, encryptCommand } from './encryption-commands';
import { InterruptedError, UsageError } from './errors';
import { inputWords } from './input-words';
import { USAGE } from './usage';

/** Splits off the global --db option, wherever it appears. */
function takeDbOption(argv: string[]): { dbPath: string | null; rest: string[] } {
  const rest: string[] = [];
  let dbPath: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--db' || a.startsWith('--db=')) {
      const next = a === '--db' ? argv[++i] : a.slice(5);
      if (next === undefined) throw new UsageError('--db needs a PATH');
      // Given twice, the last one won without a word: which database was meant is not guessed.
      if (dbPath !== null) throw new UsageError(`--db is given twice ("${dbPath}" and "${next}"): give it once`);
      dbPath = next;
    }
    else rest.push(a);
  }
  return { dbPath, rest };
}

/**
 * Commands that only read: run on a --db path where no database was, they made an empty one and
 * answered from it (no portfolios, the default themes) as if that were the user's database. The
 * command still runs (scripts make a database with `themes`), and says what happened.
 */
const ONLY_READS: ReadonlySet<string> = new Set(['themes', 'portfolios', 'clients', 'tags', 'history', 'suggestions', 'securities', 'funds', 'reports', 'exposure', 'scenario', 'report']);
/** Commands whose listing form only reads: `backup list`, `rules list`, `fx list`, `pack`, `preferences`, `targets` without set or remove. */
const LISTS_WITH: Readonly<Record<string, (args: readonly string[]) => boolean>> = {
  backup: (args) => args[0] === 'list',
  rules: (args) => args[0] === 'list',
  fx: (args) => args[0] === 'list',
  pack: (args) => args.length === 0,
  preferences: (args) => args.length === 0,
  targets: (args) => !args.includes('set') && !args.includes('remove'),
};
const onlyReads = (name: string, args: readonly string[]): boolean => ONLY_READS.has(name) || (LISTS_WITH[name]?.(args) ?? false);

/** Said when --db named no database: a mistyped path answers from a new one, or fails for want of what the user meant. */
const madeNew = (path: string): string => `there was no database at ${path}: this command made a new one, with no portfolios yet. Check --db`;

/** No database there yet: no file, or an empty one (SQLite starts a new database in it). */
function noDatabaseAt(path: string): boolean {
  try {
    return statSync(path).size === 0;
  } catch {
    return true;
  }
}

/** Runs one command; returns the exit code. Never prints a stack trace for a user's mistake. */
export async function run(argv: string[], io: Io): Promise<number> {
  let backend: Awaited<ReturnType<typeof openBackend>> | null = null;
  // The command, for the words of a refused argument (input-words.ts).
  let commandName = '';
  // A database this command made (an explicit --db path where none was); null when it was there.
  let made: string | null = null;
  try {
    const { dbPath, rest } = takeDbOption(argv);
    const [name, ...args] = rest;
    commandName = name ?? '';
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      io.out(`${USAGE}\n`);
      return name ? 0 : 2;
    }
    const command = COMMANDS[name];
    if (!command && name !== 'encrypt' && name !== 'decrypt') throw new UsageError(`unknown command "${name}"`);
    let path: string;
    if (dbPath) {
      path = resolve(dbPath);
      if (noDatabaseAt(path)) made = path;
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    } else path = ensureDataDir(defaultDataDir());
    // An encrypted database: its key (64 hex digits) from THEMELENS_DB_KEY (the desktop app keeps it in the system key store).
    const key = process.env['THEMELENS_DB_KEY']?.trim().toLowerCase() || undefined;
    // Read once, then gone: nothing started from here (PDF printing's Chromium) inherits it.
    delete process.env['THEMELENS_DB_KEY'];
    if (name === 'encrypt' || name === 'decrypt') {
      if (args.length > 0) throw new UsageError(`${name} takes no arguments (the database is --db, the key THEMELENS_DB_KEY)`);
      await (name === 'encrypt' ? encryptCommand : decryptCommand)(path, key, io);
      return 0;
    }
    if (!command) throw new UsageError(`unknown command "${name}"`);
    backend = await openBackend({ dbPath: path, key, readsNoPositions: READ_NO_POSITIONS.has(name) });
    await command(backend.handlers, args, io, { dbPath: path });
    if (made !== null && onlyReads(name, args)) io.err(`note: ${madeNew(made)}.\n`);
    return 0;
  } catch (err) {
    if (err instanceof InterruptedError) {
      io.err(`themelens: ${err.message}\n`);
      return 130;
    }
    if (err instanceof UsageError) {
      // A message may already end with its own full stop; never print "..".
      io.err(`themelens: ${err.message.replace(/\.$/, '')}. Run "themelens help" for usage.\n`);
      return 2;
    }
    const known = err instanceof AppError ? err : fromSqliteError(err);
    // An argument the call refused, said by the option's name, not the call's field (exit 1, as before: scripts rely on it).
    const refusedInput = known?.code === 'VALIDATION' ? inputWords(commandName, known.details) : null;
    if (refusedInput !== null) {
      io.err(`themelens: ${refusedInput}\n`);
      return 1;
    }
    if (known) {
      // One line still: the reason a portfolio or snapshot is missing may be the path.
      const because = made !== null && known.code === 'NOT_FOUND' ? ` (${madeNew(made)}.)` : '';
      io.err(`themelens: ${known.message.replace(/\s*\n\s*/g, ' ')}${because}\n`);
      return 1;
    }
    // A bug's message may quote a row of the user's portfolio: shown only when asked for.
    const name = err instanceof Error ? err.name : typeof err;
    io.err(
      process.env['THEMELENS_DEBUG']
        ? `themelens: internal error: ${(err as Error)?.message}\n${(err as Error)?.stack ?? ''}\n`
        : `themelens: internal error (${name}). Run again with THEMELENS_DEBUG=1 to see the details, and report them.\n`,
    );
    return 70;
  } finally {
    backend?.close();
  }
}
