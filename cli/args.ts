import { parseArgs, type ParseArgsConfig } from 'node:util';
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

/** Parses a command's own options strictly; a mistake becomes a UsageError (exit 2). */
export function parseCommandArgs<const O extends Options>(args: string[], options: O): ParsedArgs<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as unknown as ParsedArgs<O>;
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional.*$/, '.'));
  }
}
