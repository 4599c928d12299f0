import { FATAL_TEXT } from '../../shared/import/fatal-text';
import { fillTemplate } from '../../shared/text/fill';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { MAX_FILE_BYTES } from '../../shared/import/parse';
import { openForReading } from '../files/open-for-reading';

/** Bytes read before detection: enough for any broker's title block and header. */
export const HEAD_BYTES = 1 << 20;
/**
 * Bytes per later read. Each chunk's rows are parsed at once and live until its last one is passed
 * on, so a smaller chunk leaves less for the parse thread's old generation to keep: a million-row
 * import peaked at 215-223 MB with 512 KB against 244-248 MB with 4 MB, in the same time (2.35-2.43
 * s either way, interleaved runs). A record longer than a chunk costs no more for it (stream.ts).
 */
export const CHUNK_BYTES = 512 << 10;

/** A file read front to back in chunks, hashed on the way (the hash identifies re-imports). */
export interface ChunkedFile {
  size: number;
  head: Uint8Array;
  next(): Uint8Array | null;
  /** All bytes (for files that must be parsed whole); reads what is left. */
  rest(): Uint8Array;
  bytesRead(): number;
  sha256(): string;
  close(): void;
}

export function openChunkedFile(path: string, headBytes = HEAD_BYTES, chunkBytes = CHUNK_BYTES): ChunkedFile {
  const name = basename(path);
  const fd = openForReading(path);
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new AppError('IO', `${path} is not a file. Choose a holdings CSV file.`, { file: name });
  }
  if (st.size > MAX_FILE_BYTES) {
    closeSync(fd);
    const params = { file: name, mb: String(Math.ceil(st.size / 1048576)), limit: String(MAX_FILE_BYTES / 1048576) };
    // Its template and figures go along, for the app to say it in its language; the message is whole (it names the file itself).
    throw new AppError('IMPORT_FATAL', fillTemplate(FATAL_TEXT.fileTooLargeNamed, params), { file: name, text: FATAL_TEXT.fileTooLargeNamed, params, whole: true });
  }
  const hash = createHash('sha256');
  let offset = 0;
  const read = (max: number): Uint8Array => {
    const buf = Buffer.allocUnsafe(Math.min(max, Math.max(0, st.size - offset)));
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, offset + got);
      if (n === 0) break;
      got += n;
    }
    // Fewer bytes than the file had when opened: it is being written or cut meanwhile. Read on, and
    // the import would take part of a file (or wait for bytes that never come).
    if (got < buf.length) throw new AppError('IO', `${name} changed while it was read (it is shorter than when the import started). Import it again once it is complete.`, { file: name });
    offset += got;
    const out = buf.subarray(0, got);
    hash.update(out);
    return out;
  };
  const head = read(headBytes);
  let closed = false;
  return {
    size: st.size,
    head,
    next: () => (offset >= st.size ? null : read(chunkBytes)),
    rest: () => {
      const tail = read(st.size - offset);
      return Buffer.concat([head, tail]);
    },
    bytesRead: () => offset,
    sha256: () => {
      while (offset < st.size) read(chunkBytes);
      return hash.digest('hex');
    },
    close: () => {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}
