import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './errors';

/**
 * The folder --out names for commands that write one file per portfolio (report --all, batch),
 * made if missing. A file already at that path is a mistake in the command, said as one: mkdir's
 * EEXIST was an internal error.
 */
export function outputFolder(out: string): string {
  const dir = resolve(out);
  let isFolder: boolean | null = null;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    // Nothing there yet: made below.
  }
  if (isFolder === false) throw new UsageError(`--out ${out} is a file; these reports go into a folder: give a folder's path (it is made if missing)`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
