import { closeSync, fstatSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { FILE_KIND, FILE_TEXT, fileRefusal, type FileKind } from '../../shared/api/file-text';
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
export function readTextInput(path: string, kind: FileKind): string {
  const name = basename(path);
  const what = FILE_KIND[kind];
  const fd = openForReading(path);
  let bytes: Buffer;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw fileRefusal('IMPORT_FATAL', FILE_TEXT.notRegular, { file: name, what });
    if (st.size > MAX_FILE_BYTES) {
      throw fileRefusal('IMPORT_FATAL', FILE_TEXT.tooLarge, { file: name, what, mb: fmt(Math.ceil(st.size / 1048576)), limit: fmt(MAX_FILE_BYTES / 1048576) });
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
  if (!decoded.ok) throw fileRefusal('IMPORT_FATAL', FILE_TEXT.notText, { file: name, what });
  const text = decoded.text;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 10) continue;
    if (i - start > MAX_FIELD_CHARS) {
      throw fileRefusal('IMPORT_FATAL', FILE_TEXT.lineTooLong, { file: name, line: fmt(line), n: fmt(i - start), limit: fmt(MAX_FIELD_CHARS) }, { line });
    }
    if (line > MAX_ROWS) throw fileRefusal('IMPORT_FATAL', FILE_TEXT.tooManyLines, { file: name, what, limit: fmt(MAX_ROWS) }, { line });
    line++;
    start = i + 1;
  }
  return text;
}
