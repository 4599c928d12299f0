import { accessSync, closeSync, constants, fchmodSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/api/errors';

/** What is at `path` now: nothing, or what lstat says (links are not followed). */
function existing(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Refuses an output path that is not a new path or a regular file we may write: a device, a folder,
 * a link or a read-only file is never replaced by a regular file. Returns the mode to give the file.
 */
export function outputMode(path: string): number {
  const st = existing(path);
  if (!st) return 0o600;
  if (!st.isFile()) {
    const what = st.isDirectory() ? 'a folder' : st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
    throw new AppError('IO', `Cannot write ${path}: it is ${what}. Nothing was written; choose a file name.`, { path });
  }
  let writable = (st.mode & 0o200) !== 0;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw new AppError('IO', `Cannot write ${path}: the file is read-only. Nothing was written; make it writable or choose another name.`, { path });
  return st.mode & 0o7777;
}

/**
 * Writes a file so that it is either wholly there or not changed at all: a temp file beside it
 * (created exclusively, so it never follows a planted link), fsync, then rename. A full disk leaves no
 * truncated report behind; an existing file keeps its mode. `data` may come in pieces (a JSON
 * report of a million positions), written one after another: never one string of them all.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>): number {
  const pieces: Iterable<string | Uint8Array> = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
  const mode = outputMode(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  let created = false;
  let written = 0;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    created = true;
    for (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      written += bytes.length;
    }
    fchmodSync(fd, mode);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== null) closeSync(fd);
    if (created) rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the folder does not exist' : (err as Error).message;
    throw new AppError('IO', `Cannot write ${path}: ${why}. Nothing was written.`);
  }
  return written;
}
