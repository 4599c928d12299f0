import { closeSync, fstatSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { decodeBytes } from '../../shared/import/decode';
import { MAX_FIELD_CHARS, MAX_ROWS } from '../../shared/import/limits';
import { MAX_FILE_BYTES } from '../../shared/import/parse';
import { openForReading } from './open-for-reading';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Reads a text file the user gives us (a tags file, a fund's holdings, prices, FX rates) under the same
 * limits as a holdings import: a regular file, at most MAX_FILE_BYTES, text rather than binary, at most
 * MAX_ROWS lines, no line longer than a cell may be. Refusals name the file and what to do; nothing is
 * read past the size check, so a 300 MB file of NUL bytes costs nothing.
 */
export function readTextInput(path: string, what: string): string {
  const name = basename(path);
  const fd = openForReading(path);
  let bytes: Buffer;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new AppError('IMPORT_FATAL', `${name} is not a regular file. Choose the ${what} itself.`, { file: name });
    if (st.size > MAX_FILE_BYTES) {
      throw new AppError('IMPORT_FATAL', `${name} is ${fmt(Math.ceil(st.size / 1048576))} MB; a ${what} may be at most ${fmt(MAX_FILE_BYTES / 1048576)} MB. Is this the right file?`, { file: name });
    }
    bytes = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, bytes, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    bytes = bytes.subarray(0, off);
  } finally {
    closeSync(fd);
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new AppError('IMPORT_FATAL', `${name}: this is not a text file (a ${what} is CSV or JSON text). Nothing was imported.`, { file: name });
  const text = decoded.text;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 10) continue;
    if (i - start > MAX_FIELD_CHARS) {
      throw new AppError('IMPORT_FATAL', `${name} line ${fmt(line)} holds ${fmt(i - start)} characters; the limit is ${fmt(MAX_FIELD_CHARS)}. Check the file's quotes. Nothing was imported.`, { file: name, line });
    }
    if (line > MAX_ROWS) throw new AppError('IMPORT_FATAL', `${name} has more than ${fmt(MAX_ROWS)} lines, the limit for a ${what}. Nothing was imported.`, { file: name, line });
    line++;
    start = i + 1;
  }
  return text;
}
