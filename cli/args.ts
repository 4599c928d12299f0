import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../shared/import/dates';
import { UsageError } from './errors';

/** Where a command writes: results to `out`, progress and warnings to `err`. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

type Options = NonNullable<ParseArgsConfig['options']>;
type ValueOf<T> = T extends { type: 'boolean' } ? (T extends { multiple: true } ? boolean[] : boolean) : T extends { multiple: true } ? string[] : string;

/** What a command's options parse to: each option's value (absent when not given) and the positionals. */
export interface ParsedArgs<O extends Options> {
  values: { [K in keyof O]?: ValueOf<O[K]> };
  positionals: string[];
}

/** A negative number where an argument goes ("-0.1"): the option parser would read it as options "-0" and "-.1". */
const NEGATIVE_NUMBER = /^-\.?\d/;

/**
 * Parses a command's own options strictly; a mistake becomes a UsageError (exit 2). An option given
 * twice is refused unless it may repeat: `--weight 0.5 --weight 0.7` kept 0.7 without a word.
 */
export function parseCommandArgs<const O extends Options>(args: string[], options: O): ParsedArgs<O> {
  const end = args.indexOf('--');
  const negative = (end < 0 ? args : args.slice(0, end)).find((a) => NEGATIVE_NUMBER.test(a));
  if (negative !== undefined) throw new UsageError(`"${negative}" is a negative number: shares, weights, bands and rates cannot be below 0`);
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional.*$/, '.'));
  }
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || options[t.name]?.multiple === true) continue;
    if (seen.has(t.name)) throw new UsageError(`--${t.name} is given twice: give it once`);
    seen.add(t.name);
  }
  return { values: parsed.values, positionals: parsed.positionals } as unknown as ParsedArgs<O>;
}

/**
 * A date given as an option (`import --as-of`, `fx --as-of`, `reprice --as-of`, `history --since`):
 * unchanged when it `reads` (a real day written YYYY-MM-DD unless told otherwise), absent when not
 * given, else a UsageError (exit 2) naming what was given. An empty value (a script's unset
 * variable) is refused too, never taken as today. A date inside a data file is the file's problem.
 */
export function dateOption(command: string, option: string, text: string | undefined, reads: (text: string) => boolean = isIsoDate): string | undefined {
  if (text !== undefined && !reads(text)) throw new UsageError(`${command} --${option} takes a date, YYYY-MM-DD (got "${text}")`);
  return text;
}
