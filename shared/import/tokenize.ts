/**
 * The CSV reader: every cell a string, the 1-based line each record starts on, pulled one record at a
 * time. papaparse does the tokenizing (its low-level Parser, over a window of the text at a time);
 * our code on top keeps what papaparse does not give: exact line numbers (counted from offsets, so
 * quoted cells spanning lines, CRLF, LF and lone-CR files all number as before), the offset and line
 * where an unfinished quoted record starts (stream.ts carries it into the next chunk), and the
 * reading every caller relied on before papaparse. Delimiter detection and number parsing live
 * elsewhere (dialect.ts, parse.ts).
 *
 * papaparse reads some malformed text differently from this reader's long-standing behaviour:
 * text after a closing quote (`"abc"def` is `abcdef` here; papaparse reads on to the next quote),
 * spaces after a closing quote (kept here; papaparse drops them), a lone CR after a closing quote in
 * a file with line feeds (ends the record here), and a delimiter papaparse refuses (a BOM). Each
 * papaparse row is checked against the text; a record it reads otherwise is read by our own small
 * reader (readByHand), so results are unchanged, then papaparse resumes after it (after a doubling
 * stretch read by hand where it keeps disagreeing, so such files stay about as fast as before).
 *
 * Longer than 300 lines: papaparse's reading, the check of each of its rows against the text and the
 * hand reader it falls back to share one cursor and one line count, and are read together.
 */
import Papa from 'papaparse';

/** One record of the file. */
export interface RawRow {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** The record as the file wrote it, read from text: text[start, end), its line break included (repeated-rows.ts). */
  text?: string;
  start?: number;
  end?: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** What papaparse's low-level Parser returns (its typings say `any`). */
interface PapaResult {
  data: string[][];
  errors: { code: string; row: number }[];
}

interface PapaParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaResult;
}

/**
 * papaparse parses a window of the text at a time, so a caller that reads a few records (the
 * delimiter sniffer, a header search) does not pay for the whole file, and memory stays bounded.
 * Windows grow while papaparse and we agree, and start small again after a record read by hand.
 */
const MIN_WINDOW = 2048;
/**
 * 64 KB at most: a window's rows stay alive until served, and the parse thread's young generation is
 * small (8 MB). At 256 KB they outlived collections and were copied and promoted: a million rows
 * kept the parse thread busy 2.39-2.40 s; at 64 KB 1.89-1.96 s (16 and 32 KB no better).
 */
const MAX_WINDOW = 1 << 16;

/** The longest stretch read by hand before papaparse is tried again. */
const MAX_BACKOFF = 1023;

const NO_ROWS: string[][] = [];

/** Number of `"` in a cell's value: its quoted form doubles each. */
function countQuotes(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('"'); i !== -1; i = cell.indexOf('"', i + 1)) n++;
  return n;
}

/** Line breaks in a quoted value, counted as this reader always has: LF, CRLF and a lone CR each one. */
function countBreaks(value: string): number {
  let n = 0;
  for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) n++;
  for (let i = value.indexOf('\r'); i !== -1; i = value.indexOf('\r', i + 1)) if (value.charCodeAt(i + 1) !== LF) n++;
  return n;
}

/** A papaparse Parser for the delimiter, or null when papaparse refuses it (it would use a comma). */
function papaParser(delimiter: string, newline: '\n' | '\r'): PapaParser | null {
  if (delimiter.length !== 1 || Papa.BAD_DELIMITERS.includes(delimiter)) return null;
  const parser: unknown = new Papa.Parser({ delimiter, newline, quoteChar: '"', escapeChar: '"' });
  return parser as PapaParser;
}

/** Pulls records one by one from decoded text. After `next()` returns null, check `unterminatedQuoteLine`. */
export class CsvReader {
  private pos: number;
  private line = 1;
  private readonly delim: number;
  private readonly text: string;
  /** Files without a line feed end their records in a lone CR (old Mac); others at LF (or CRLF). */
  private readonly crOnly: boolean;
  private readonly newline: number;
  private readonly papa: PapaParser | null;
  /** The current papaparse window: its rows (the first starts at `pos`), the next to serve, its flagged rows. */
  private rows: string[][] = NO_ROWS;
  private rowAt = 0;
  private flagged: Set<number> | null = null;
  private window = MIN_WINDOW;
  /**
   * Records still to read by hand, and how many the next disagreement sets: each one wastes papaparse's
   * window, so where it keeps disagreeing (a file of `"abc"def` cells) we read on by hand for a doubling
   * stretch; a window served whole resets it.
   */
  private byHandLeft = 0;
  private backoff = 0;
  /** Cached positions of the next LF and CR at or after a record start, to see cheaply whether a record spans lines. */
  private nextLf = -1;
  private nextCr = -1;
  /** Offset and line where the record last asked for starts (a streaming caller carries it over). */
  recordStart = 0;
  recordLine = 1;
  /** Set when a quoted cell never closes: the line where its quote opened. */
  unterminatedQuoteLine: number | null = null;
  /** With it: the offset of that quote in the text, and the cell's column (1-based). */
  unterminatedQuoteAt = -1;
  unterminatedQuoteColumn = 0;

  constructor(text: string, delimiter: string, start = 0, startLine = 1) {
    this.text = text;
    this.line = startLine;
    this.delim = delimiter.charCodeAt(0);
    this.crOnly = text.indexOf('\n') === -1;
    this.newline = this.crOnly ? CR : LF;
    this.papa = papaParser(delimiter.charAt(0), this.crOnly ? '\r' : '\n');
    this.pos = start;
  }

  /** The text being read. */
  get source(): string {
    return this.text;
  }

  /** 1-based line of the next unread record. */
  get currentLine(): number {
    return this.line;
  }

  /** Offset of the next unread character (for progress reports). */
  get offset(): number {
    return this.pos;
  }

  /** The next record, or null at the end of the text or on an unterminated quote. */
  next(): RawRow | null {
    if (this.pos >= this.text.length || this.unterminatedQuoteLine !== null) return null;
    const line = this.line;
    this.recordStart = this.pos;
    this.recordLine = line;
    if (this.byHandLeft > 0) {
      this.byHandLeft--;
      return this.readByHand(line);
    }
    const cells = this.papa ? this.fromPapa() : null;
    if (cells) return this.record(cells, line);
    this.dropWindow();
    this.backoff = Math.min(MAX_BACKOFF, this.backoff * 2 + 1);
    this.byHandLeft = this.backoff - 1;
    return this.readByHand(line);
  }

  /** The record just read, with where it stands in the text. */
  private record(cells: string[], line: number): RawRow {
    return { cells, line, text: this.text, start: this.recordStart, end: this.pos };
  }

  /** The record at `pos` as papaparse read it, once checked against the text; null when we read it otherwise. */
  private fromPapa(): string[] | null {
    if (this.rowAt >= this.rows.length) {
      if (this.rows.length > 0) this.backoff = 0;
      if (!this.fill()) return null;
    }
    const at = this.rowAt++;
    if (this.flagged?.has(at)) return null;
    const cells = this.rows[at]!;
    const end = this.endOfCells(cells, this.pos);
    if (end < 0) return null;
    const text = this.text;
    let contentEnd = end;
    let next: number;
    let terminated: boolean;
    if (end === text.length) {
      next = end;
      terminated = false;
    } else if (text.charCodeAt(end) === this.newline) {
      next = end + 1;
      terminated = true;
    } else if (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF) {
      next = end + 2;
      terminated = true;
    } else return null;
    // A CR before the LF (or the end) closing the last cell is part of the line break, as before. Only an
    // unquoted cell can end in one (a quoted cell's text ends in its closing quote).
    const lastCell = cells[cells.length - 1]!;
    if (!this.crOnly && lastCell.length > 0 && text.charCodeAt(end - 1) === CR) {
      cells[cells.length - 1] = lastCell.slice(0, -1);
      contentEnd = end - 1;
      terminated = true;
    }
    this.line += (terminated ? 1 : 0) + this.breaksWithin(cells, this.pos, contentEnd);
    this.pos = next;
    return cells;
  }

  /**
   * Where papaparse's cells end in the text when read from `p` as we read them: the offset after
   * the last cell, or -1 when they do not fit the text that way (malformed quoting, see the header).
   * A quoted value without errors is its text with each quote doubled, so its length gives its end;
   * then the delimiter must follow at once (the caller checks the line break after the last cell), so
   * spaces or text after a closing quote, which papaparse reads otherwise, fail here.
   */
  private endOfCells(cells: string[], p: number): number {
    const text = this.text;
    const last = cells.length - 1;
    for (let i = 0; ; i++) {
      const cell = cells[i]!;
      if (text.charCodeAt(p) === QUOTE) {
        const close = p + 1 + cell.length + countQuotes(cell);
        if (text.charCodeAt(close) !== QUOTE) return -1;
        p = close + 1;
      } else p += cell.length;
      if (i === last) return p;
      if (text.charCodeAt(p) !== this.delim) return -1;
      p++;
    }
  }

  /** Line breaks inside the quoted cells of a record spanning [from, to); unquoted cells never span lines. */
  private breaksWithin(cells: string[], from: number, to: number): number {
    const text = this.text;
    if (this.nextLf < from) {
      this.nextLf = text.indexOf('\n', from);
      if (this.nextLf === -1) this.nextLf = text.length;
    }
    if (this.nextCr < from) {
      this.nextCr = text.indexOf('\r', from);
      if (this.nextCr === -1) this.nextCr = text.length;
    }
    if (this.nextLf >= to && this.nextCr >= to) return 0;
    let n = 0;
    let p = from;
    for (const cell of cells) {
      if (text.charCodeAt(p) === QUOTE) {
        n += countBreaks(cell);
        p += 3 + cell.length + countQuotes(cell);
      } else p += cell.length + 1;
    }
    return n;
  }

  /**
   * Parses the next window from `pos` (whole records only, unless it reaches the end of the text).
   * False when the record at `pos` is one papaparse reads otherwise, seen before the window is complete.
   */
  private fill(): boolean {
    const text = this.text;
    for (let size = this.window; ; size *= 2) {
      const end = Math.min(text.length, this.pos + size);
      const partial = end < text.length;
      const result = this.papa!.parse(text.slice(this.pos, end), 0, partial);
      const flagged = result.errors.length > 0 ? new Set(result.errors.map((e) => e.row)) : null;
      if (result.data.length > 0) {
        this.rows = result.data;
        this.rowAt = 0;
        this.flagged = flagged;
        this.window = Math.min(MAX_WINDOW, Math.max(this.window, size) * 2);
        return true;
      }
      // A malformed quote makes papaparse read on to the next quote, maybe the end of the text: do not wait for it.
      if (flagged?.has(0) || !partial) return false;
    }
  }

  /** Forgets papaparse's rows after a record read by hand: they may have been read from a different start. */
  private dropWindow(): void {
    this.rows = NO_ROWS;
    this.rowAt = 0;
    this.flagged = null;
    this.window = MIN_WINDOW;
  }

  /** Reads the record at `pos` as this reader always has (where papaparse reads it otherwise, see the header). */
  private readByHand(startLine: number): RawRow | null {
    const text = this.text;
    const len = text.length;
    const cells: string[] = [];
    let pos = this.pos;
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        const quoted = this.quotedByHand(pos);
        if (quoted === null) {
          this.unterminatedQuoteColumn = cells.length + 1;
          return null;
        }
        cells.push(quoted.value);
        pos = quoted.end;
      } else {
        const start = pos;
        while (pos < len && !this.endsUnquoted(text.charCodeAt(pos))) pos++;
        // A CR before the LF (or the end) is part of the line break.
        if (!this.crOnly && pos > start && text.charCodeAt(pos - 1) === CR && (pos === len || text.charCodeAt(pos) === LF)) pos--;
        cells.push(text.slice(start, pos));
      }
      if (pos >= len) {
        this.pos = pos;
        return this.record(cells, startLine);
      }
      const c = text.charCodeAt(pos);
      pos++;
      if (c === this.delim) {
        if (pos < len) continue;
        cells.push('');
        this.pos = pos;
        return this.record(cells, startLine);
      }
      if (c === CR && text.charCodeAt(pos) === LF) pos++;
      this.line++;
      this.pos = pos;
      return this.record(cells, startLine);
    }
  }

  /** An unquoted cell ends at the delimiter or the record's line break (a CR inside one is kept when the file has LFs). */
  private endsUnquoted(c: number): boolean {
    return c === this.delim || c === LF || (this.crOnly && c === CR);
  }

  /**
   * A quoted cell opening at `open`: its value, with any text after the closing quote kept (`"abc"def`
   * is abcdef), and where it ends. Null when the quote never closes (sets unterminatedQuoteLine).
   */
  private quotedByHand(open: number): { value: string; end: number } | null {
    const text = this.text;
    const openLine = this.line;
    let pos = open + 1;
    let value = '';
    for (;;) {
      const q = text.indexOf('"', pos);
      if (q === -1) {
        this.unterminatedQuoteLine = openLine;
        this.unterminatedQuoteAt = open;
        this.pos = text.length;
        return null;
      }
      this.countLines(pos, q);
      value += text.slice(pos, q);
      pos = q + 1;
      if (text.charCodeAt(pos) !== QUOTE) break;
      value += '"';
      pos++;
    }
    const rest = pos;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === this.delim || c === LF || c === CR) break;
      pos++;
    }
    return { value: pos > rest ? value + text.slice(rest, pos) : value, end: pos };
  }

  /** Advances the line counter over newlines inside a quoted cell. */
  private countLines(from: number, to: number): void {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) this.line++;
      else if (c === CR && text.charCodeAt(i + 1) !== LF) this.line++;
    }
  }
}

/** Reads every record; for tests and small files. */
export function tokenize(text: string, delimiter: string): { rows: RawRow[]; unterminatedQuoteLine: number | null } {
  const reader = new CsvReader(text, delimiter);
  const rows: RawRow[] = [];
  for (let row = reader.next(); row !== null; row = reader.next()) rows.push(row);
  return { rows, unterminatedQuoteLine: reader.unterminatedQuoteLine };
}

/** True when every cell is empty or whitespace. */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) {
    if (cell.length !== 0 && cell.trim().length !== 0) return false;
  }
  return true;
}
