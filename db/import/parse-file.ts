import { parseHoldings } from '../../shared/import/parse';
import { parseHoldingsStream } from '../../shared/import/stream';
import type { FatalParseError, FileFormat, ParseOptions, ParsedPosition, RowIssue } from '../../shared/import/types';
import { openChunkedFile } from './chunks';

/** Positions flattened for cheap transfer between threads, FIELDS_PER_ROW values each. */
export const FIELDS_PER_ROW = 13;
export type FlatRows = (string | number | null)[];

/** Writes one position into `out` at `at`; returns the next free index. */
export function flatten(p: ParsedPosition, out: FlatRows, at: number): number {
  out[at] = p.line;
  out[at + 1] = p.account;
  out[at + 2] = p.symbol;
  out[at + 3] = p.symbolKey;
  out[at + 4] = p.isin;
  out[at + 5] = p.cusip;
  out[at + 6] = p.description;
  out[at + 7] = p.securityType;
  out[at + 8] = p.quantity;
  out[at + 9] = p.price;
  out[at + 10] = p.valueCents;
  out[at + 11] = p.currency;
  out[at + 12] = p.isCash ? 1 : 0;
  return at + FIELDS_PER_ROW;
}

export interface ParseSink {
  rows(rows: FlatRows, count: number, bytesRead: number): void;
  issues(issues: RowIssue[]): void;
  cancelled(): boolean;
}

export type FileParseResult =
  | { ok: true; format: FileFormat; warnings: string[]; positions: number; rejected: number; sha256: string; size: number }
  | { ok: false; error: FatalParseError }
  | { ok: false; cancelled: true };

const BATCH_ROWS = 4000;

class Cancelled extends Error {}

/**
 * Parses a holdings file front to back in chunks and hands positions over in batches; memory stays
 * bounded. Files that must be parsed whole (UTF-16, look-ahead presets) are read whole: they are
 * small in practice, and the size limit still applies.
 */
export function parseFileInBatches(path: string, options: ParseOptions, sink: ParseSink): FileParseResult {
  const file = openChunkedFile(path);
  try {
    const newBatch = (): FlatRows => new Array<string | number | null>(BATCH_ROWS * FIELDS_PER_ROW).fill(null);
    let batch = newBatch();
    let used = 0;
    let count = 0;
    let issues: RowIssue[] = [];
    const flush = () => {
      if (issues.length > 0) {
        sink.issues(issues);
        issues = [];
      }
      if (count > 0) {
        if (used < batch.length) batch.length = used;
        sink.rows(batch, count, file.bytesRead());
        batch = newBatch();
        used = 0;
        count = 0;
      }
      if (sink.cancelled()) throw new Cancelled();
    };
    const position = (p: ParsedPosition) => {
      used = flatten(p, batch, used);
      if (++count >= BATCH_ROWS) flush();
    };
    const issue = (i: RowIssue) => {
      issues.push(i);
      if (issues.length >= 500) flush();
    };
    if (file.size === 0) return { ok: false, error: { code: 'EMPTY_FILE', message: 'The file is empty. Export the positions from your broker again.', line: null, column: null } };
    const streamed = file.head.length < file.size ? parseHoldingsStream(file.head, file.next, options, { position, issue }) : { ok: false as const, wholeFileNeeded: true as const };
    if (streamed.ok) {
      flush();
      return { ...streamed, sha256: file.sha256(), size: file.size };
    }
    if (!('wholeFileNeeded' in streamed)) return streamed;
    const whole = parseHoldings(file.rest(), options);
    if (!whole.ok) return whole;
    for (const p of whole.positions) position(p);
    for (const i of whole.rejected) issue(i);
    flush();
    return { ok: true, format: whole.format, warnings: whole.warnings, positions: whole.positions.length, rejected: whole.rejected.length, sha256: file.sha256(), size: file.size };
  } catch (err) {
    if (err instanceof Cancelled) return { ok: false, cancelled: true };
    throw err;
  } finally {
    file.close();
  }
}
