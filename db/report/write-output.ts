import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { Db } from '../connection';
import { outputMode, writeFileAtomic } from './write-atomic';

/**
 * Who may be replaced at the output path: `any` file (the app's save dialog has asked the user), or
 * only a file ThemeLens wrote there and nobody changed since (`own`: the command line, unless
 * --replace). A new path is always fine; the database's own files never are.
 */
export type Replace = 'own' | 'any';

/** The path with its folder's links resolved: the same file named two ways gives one text. */
function canonical(path: string): string {
  const full = resolve(path);
  try {
    return join(realpathSync(dirname(full)), basename(full));
  } catch {
    return full;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return canonical(a) === canonical(b);
  }
}

/** The database file and SQLite's companions: a report written over one destroys the portfolios. */
function refuseDatabaseFiles(db: Db, path: string): void {
  if (db.memory || !db.name) return;
  for (const file of [db.name, `${db.name}-wal`, `${db.name}-shm`, `${db.name}-journal`]) {
    if (sameFile(path, file)) {
      throw new AppError('IO', `Cannot write ${path}: it is ThemeLens's database${file === db.name ? '' : ` (${basename(file)})`}. Nothing was written; choose another file name.`, { path });
    }
  }
}

function sha256Of(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buffer, 0, buffer.length, null); n > 0; n = readSync(fd, buffer, 0, buffer.length, null)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** A regular file at `path` that this database did not write, or that changed since: refused. */
function refuseOthersFiles(db: Db, path: string): void {
  let isFile: boolean;
  try {
    isFile = lstatSync(path).isFile();
  } catch {
    return; // nothing there (or not readable: writeFileAtomic says why)
  }
  if (!isFile) return;
  const recorded = db.prepare('SELECT sha256 FROM written_files WHERE path = ?').pluck().get(canonical(path)) as string | undefined;
  if (recorded !== undefined && recorded === sha256Of(path)) return;
  const why = recorded === undefined ? 'is not a file ThemeLens wrote' : 'was changed since ThemeLens wrote it';
  throw new AppError('IO', `Cannot write ${path}: the file already exists and ${why}. Nothing was written; choose another file name, or add --replace to replace it.`, { path });
}

/** Hashes the pieces as writeFileAtomic takes them, without holding them. */
function* hashed(data: string | Uint8Array | Iterable<string>, hash: ReturnType<typeof createHash>): Iterable<string | Uint8Array> {
  const pieces: Iterable<string | Uint8Array> = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
  for (const piece of pieces) {
    hash.update(piece);
    yield piece;
  }
}

/**
 * Writes an output file (a report, a client's report, a tag export) atomically, after refusing the
 * database's files and, with `own`, any existing file ThemeLens did not write; then records what
 * it wrote, so the next run may replace it. Returns the bytes written.
 */
export function writeOutput(db: Db, path: string, data: string | Uint8Array | Iterable<string>, replace: Replace = 'any'): number {
  refuseDatabaseFiles(db, path);
  // A folder, a link, a device or a read-only file is refused first, with its own reason.
  outputMode(path);
  if (replace === 'own') refuseOthersFiles(db, path);
  const hash = createHash('sha256');
  const bytes = writeFileAtomic(path, hashed(data, hash));
  db.prepare('INSERT INTO written_files (path, sha256, written_at) VALUES (?, ?, ?) ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, written_at = excluded.written_at').run(canonical(path), hash.digest('hex'), new Date().toISOString());
  return bytes;
}
