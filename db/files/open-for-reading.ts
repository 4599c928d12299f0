import { openSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/api/errors';

/**
 * Opens a file the user gave us for reading, as a descriptor; one that is missing or not readable
 * is refused in words that name it (an import, a tags file, a fund's holdings, prices, rates).
 */
export function openForReading(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new AppError('IO', `Cannot read ${path}: ${why}. Check the path.`, { file: basename(path) });
  }
}
