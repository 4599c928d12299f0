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

/**
 * A negative number where an argument goes ("-0.1", "-5%"): the option parser would read it as options
 * "-0" and "-.1". The whole token: "-1x Inverse" is a name, said by the parser (and taken after --).
 */
const NEGATIVE_NUMBER = /^-(\d+(\.\d*)?|\.\d+)%?$/;

/**
 * `--priority -1` as `--priority=-1`: a negative number after an option that takes a value is that
 * value (the option parser calls it ambiguous, and rules' priorities go below 0). Whether the
 * option takes it is the option's own check.
 */
function negativeValuesJoined(args: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return [...out, ...args.slice(i)];
    const next = args[i + 1];
    const name = a.startsWith('--') ? a.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * Parses a command's own options strictly; a mistake becomes a UsageError (exit 2). An option given
 * twice is refused unless it may repeat: `--weight 0.5 --weight 0.7` kept 0.7 without a word.
 */
export function parseCommandArgs<const O extends Options>(args: string[], options: O): ParsedArgs<O> {
  const given = negativeValuesJoined(args, options);
  const end = given.indexOf('--');
  const negative = (end < 0 ? given : given.slice(0, end)).find((a) => NEGATIVE_NUMBER.test(a));
  if (negative !== undefined) throw new UsageError(`"${negative}" is a negative number: a share or a rate cannot be below 0 (if it is a name, put -- before it)`);
  let parsed;
  try {
    parsed = parseArgs({ args: given, options, allowPositionals: true, strict: true, tokens: true });
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
