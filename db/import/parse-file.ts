import { FATAL_TEXT, fatalError } from '../../shared/import/fatal-text';
import { parseHoldings } from '../../shared/import/parse';
import { parseHoldingsStream } from '../../shared/import/stream';
import type { ImportCheck } from '../../shared/import/checks';
import type { FatalParseError, FileFormat, ParseOptions, ParsedPosition, RowIssue } from '../../shared/import/types';
import { openChunkedFile } from './chunks';
import { RowBatchWriter, type RowBatch } from './row-batch';

export interface ParseSink {
  rows(batch: RowBatch, bytesRead: number): void;
  issues(issues: RowIssue[]): void;
  cancelled(): boolean;
}

export type FileParseResult =
  | {
      ok: true;
      format: FileFormat;
      warnings: string[];
      checks: ImportCheck[];
      positions: number;
      rejected: number;
      sha256: string;
      size: number;
      /** Set by the parse worker: its busy time, its time waiting for the inserter and its CPU time. */
      timing?: { busyMs: number; waitMs: number; cpuMs: number | null };
    }
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
    const writer = new RowBatchWriter(BATCH_ROWS);
    let issues: RowIssue[] = [];
    const flush = () => {
      if (issues.length > 0) {
        sink.issues(issues);
        issues = [];
      }
      const batch = writer.take();
      if (batch) sink.rows(batch, file.bytesRead());
      if (sink.cancelled()) throw new Cancelled();
    };
    const position = (p: ParsedPosition) => {
      writer.add(p);
      if (writer.full) flush();
    };
    const issue = (i: RowIssue) => {
      issues.push(i);
      if (issues.length >= 500) flush();
    };
    if (file.size === 0) return { ok: false, error: fatalError('EMPTY_FILE', FATAL_TEXT.empty, {}) };
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
    return { ok: true, format: whole.format, warnings: whole.warnings, checks: whole.checks, positions: whole.positions.length, rejected: whole.rejected.length, sha256: file.sha256(), size: file.size };
  } catch (err) {
    if (err instanceof Cancelled) return { ok: false, cancelled: true };
    throw err;
  } finally {
    file.close();
  }
}
