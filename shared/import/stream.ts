/**
 * The holdings parser over a file read in chunks, so memory stays bounded whatever the file size:
 * detection runs once on the head of the file, then each chunk (cut at a line feed) is decoded and
 * its records go through the same stepRow as a whole-file parse. A quoted cell that spans a chunk
 * boundary is carried into the next chunk. Files that need the whole text at once (UTF-16, presets
 * that look ahead, small files) are parsed whole; the caller gives all their bytes.
 */
import { FATAL_TEXT, fatalError } from './fatal-text';
import { decodeJapanese, decodeSingleByte, decodeUtf8Strict } from './decode';
import { endOfFileNotes, extraCashPositions, finishedFormat, openSession, quoteOpenPastLimit, stepRow, unclosedQuote, type Session } from './parse';
import { CsvReader, type RawRow } from './tokenize';
import { MAX_ROWS, rowOverLimits, tooManyRows } from './limits';
import type { ImportCheck } from './checks';
import type { FatalParseError, FileFormat, ParseOptions, ParsedPosition, RowIssue } from './types';

export interface StreamSink {
  position(p: ParsedPosition): void;
  issue(i: RowIssue): void;
  /** Bytes of the file consumed so far. */
  progress?(bytesRead: number): void;
}

export type StreamResult =
  | { ok: true; format: FileFormat; warnings: string[]; checks: ImportCheck[]; positions: number; rejected: number }
  | { ok: false; error: FatalParseError }
  /** The file cannot be streamed (UTF-16, or a preset that reads ahead): parse it whole. */
  | { ok: false; wholeFileNeeded: true };

const LF = 0x0a;

/** The parts one after another, `length` bytes in all. */
function concatBytes(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Decodes one chunk (cut at a line feed, so never inside a UTF-8 sequence, but for what follows the file's last one) in the file's encoding. */
function decodeChunk(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'windows-1252' || encoding === 'iso-8859-1') return decodeSingleByte(bytes, 0, encoding === 'windows-1252');
  // A line feed is never part of a Shift_JIS or EUC-JP character, so chunks cut at one decode alone.
  if (encoding === 'shift_jis' || encoding === 'euc-jp') return decodeJapanese(bytes, 0, encoding, false) ?? decodeSingleByte(bytes, 0, true);
  // Valid UTF-8 in the head does not promise the rest: a stray windows-1252 byte later is read as such.
  return decodeUtf8Strict(bytes, 0) ?? decodeSingleByte(bytes, 0, true);
}

/**
 * Streams a file: `head` is the first bytes (at least a few hundred KB, or the whole file),
 * `next()` gives the following chunks in order, then null.
 */
export function parseHoldingsStream(head: Uint8Array, next: () => Uint8Array | null, options: ParseOptions, sink: StreamSink): StreamResult {
  const cut = head.lastIndexOf(LF) + 1;
  if (cut <= 0) return { ok: false, wholeFileNeeded: true };
  const opened = openSession(head.subarray(0, cut), options);
  // A header that is not within the head (or any other doubt) is left to the whole-file parser.
  if (!opened.ok) return cut === head.length ? { ok: false, error: opened.error } : { ok: false, wholeFileNeeded: true };
  const s = opened.session;
  if (s.format.encoding.startsWith('utf-16') || s.preset?.finish) return { ok: false, wholeFileNeeded: true };

  let positions = 0;
  let rejected = 0;
  let sumCents = 0;
  const rejectedExtra: RowIssue[] = [];
  let stopped = false;
  let limit: FatalParseError | null = null;
  const handle = (row: RawRow): void => {
    limit = rowOverLimits(row) ?? (positions >= MAX_ROWS ? tooManyRows(row.line, MAX_ROWS) : null);
    if (limit) {
      stopped = true;
      return;
    }
    const step = stepRow(row, s);
    if (step.kind === 'position') {
      positions++;
      sumCents += step.position.valueCents;
      sink.position(step.position);
    } else if (step.kind === 'issue') {
      rejected++;
      sink.issue(step.issue);
    } else if (step.kind === 'stop') stopped = true;
  };

  for (const row of s.pending) {
    handle(row);
    if (stopped) break;
  }
  s.pending = [];
  let bytesRead = cut;
  let carry: Uint8Array = head.subarray(cut);
  let reader: CsvReader = s.reader;
  let line = 0;
  // Reads the records of one reader; returns the text of an unfinished quoted record to carry over.
  const drain = (r: CsvReader, atEnd: boolean): { carryText: string; carryLine: number } | null => {
    for (;;) {
      const row = r.next();
      if (row === null) {
        if (r.unterminatedQuoteLine !== null && !atEnd) {
          // Carried over, an open quote would gather the rest of the file; past a cell's limit it is refused.
          if (quoteOpenPastLimit(r)) {
            limit = unclosedQuote(r).error;
            stopped = true;
            return null;
          }
          return { carryText: r.source.slice(r.recordStart), carryLine: r.recordLine };
        }
        line = r.currentLine;
        return null;
      }
      handle(row);
      if (stopped) return null;
    }
  };

  let pendingText: { text: string; line: number } | null = null;
  const first = drain(reader, false);
  if (first) pendingText = { text: first.carryText, line: first.carryLine };
  sink.progress?.(bytesRead);

  let ended = false;
  while (!stopped) {
    // At least as many new bytes as are waiting (a line with no line feed yet, a quoted record not
    // yet closed), so a record longer than a chunk is read again a few times, not once per chunk:
    // the work stays linear in the file's size whatever the chunk size.
    const waiting = carry.length + (pendingText?.text.length ?? 0);
    const parts: Uint8Array[] = [carry];
    let got = 0;
    while (!ended && (parts.length === 1 || got < waiting)) {
      const chunk = next();
      if (chunk === null) ended = true;
      else {
        parts.push(chunk);
        got += chunk.length;
      }
    }
    const joined = parts.length === 1 ? carry : concatBytes(parts, carry.length + got);
    // Up to the last line feed (never inside a UTF-8 sequence); what follows the file's last line
    // feed is read on its own, in a last round.
    let cutAt = joined.lastIndexOf(LF) + 1;
    if (ended && cutAt === 0) cutAt = joined.length;
    const bytes = joined.subarray(0, cutAt);
    carry = joined.subarray(cutAt);
    const atEnd = ended && carry.length === 0;
    if (bytes.length === 0 && !pendingText) {
      if (atEnd) break;
      continue;
    }
    bytesRead += bytes.length;
    const text = (pendingText?.text ?? '') + decodeChunk(bytes, s.format.encoding);
    reader = new CsvReader(text, s.format.delimiter, 0, pendingText?.line ?? line);
    pendingText = null;
    const left = drain(reader, atEnd);
    if (left) pendingText = { text: left.carryText, line: left.carryLine };
    sink.progress?.(bytesRead);
    if (atEnd) {
      if (reader.unterminatedQuoteLine !== null) return unclosedQuote(reader);
      break;
    }
  }

  if (limit) return { ok: false, error: limit };
  for (const p of extraCashPositions(s, rejectedExtra)) {
    positions++;
    sumCents += p.valueCents;
    sink.position(p);
  }
  for (const i of rejectedExtra) {
    rejected++;
    sink.issue(i);
  }
  if (positions === 0 && rejected === 0) {
    return {
      ok: false,
      error: fatalError('HEADER_ONLY', FATAL_TEXT.headerOnly, { line: String(s.format.headerLine) }, s.format.headerLine),
    };
  }
  const format = finishedFormat(s);
  return { ok: true, format, ...endOfFileNotes(s, sumCents), positions, rejected };
}

export type { Session };
