/**
 * REFERENCE ONLY, not used by the app: the hand-written CSV tokenizer that shared/import/tokenize.ts
 * used before papaparse took over the tokenizing: its reader, copied unchanged below this comment (its
 * own header comment included; its tokenize() and isBlankRow() helpers are left out: tokenize.ts still
 * has them and nothing here needs them). It is the reference that test/unit/import/tokenize-papaparse.test.ts compares the
 * papaparse-based reader with (rows, lines, unterminated quotes), and the baseline of the tokenize
 * figure in test/bench/run.ts (tokenize-bench.ts).
 */
/**
 * A small RFC 4180 reader that keeps every cell a string and knows the line each record starts on.
 * Own code rather than papaparse so line numbers are exact (quoted cells may span lines) and the
 * reader can be pulled one record at a time.
 */

/** One record of the file. */
export interface RawRow {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Pulls records one by one from decoded text. After `next()` returns null, check `error`. */
export class CsvReader {
  private pos: number;
  private line = 1;
  private readonly delim: number;
  private readonly text: string;
  private readonly delimText: string;
  /** Files whose records end in a lone CR (old Mac) are scanned char by char. */
  private readonly crOnly: boolean;
  /** Cached positions of the next LF and the next delimiter at or after the read position. */
  private nextLf = -1;
  private nextDelim = -1;
  /** Offset and line where the record last asked for starts (a streaming caller carries it over). */
  recordStart = 0;
  recordLine = 1;
  /** Set when a quoted cell never closes: the line where its quote opened. */
  unterminatedQuoteLine: number | null = null;

  constructor(text: string, delimiter: string, start = 0, startLine = 1) {
    this.text = text;
    this.line = startLine;
    this.delim = delimiter.charCodeAt(0);
    this.delimText = delimiter.charAt(0);
    this.crOnly = text.indexOf('\n') === -1;
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
    const text = this.text;
    const len = text.length;
    if (this.pos >= len || this.unterminatedQuoteLine !== null) return null;
    const delim = this.delim;
    const startLine = this.line;
    this.recordStart = this.pos;
    this.recordLine = startLine;
    const cells: string[] = [];
    let pos = this.pos;
    for (;;) {
      let c = pos < len ? text.charCodeAt(pos) : -1;
      if (c === QUOTE) {
        const openLine = this.line;
        pos++;
        let value = '';
        for (;;) {
          const q = text.indexOf('"', pos);
          if (q === -1) {
            this.unterminatedQuoteLine = openLine;
            this.pos = len;
            return null;
          }
          this.countLines(pos, q);
          value += text.slice(pos, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            pos = q + 2;
          } else {
            pos = q + 1;
            break;
          }
        }
        // Text after the closing quote (malformed, e.g. `"abc"def`) is kept as it is.
        const rest = pos;
        while (pos < len) {
          c = text.charCodeAt(pos);
          if (c === delim || c === LF || c === CR) break;
          pos++;
        }
        cells.push(pos > rest ? value + text.slice(rest, pos) : value);
      } else if (!this.crOnly) {
        // Native indexOf finds the cell's end far faster than a char loop on large files.
        let lf = this.nextLf;
        if (lf < pos) {
          lf = text.indexOf('\n', pos);
          if (lf === -1) lf = len;
          this.nextLf = lf;
        }
        let d = this.nextDelim;
        if (d < pos) {
          d = text.indexOf(this.delimText, pos);
          if (d === -1) d = len;
          this.nextDelim = d;
        }
        let end = d < lf ? d : lf;
        if (end === lf && end > pos && text.charCodeAt(end - 1) === CR) end--;
        cells.push(text.slice(pos, end));
        pos = end;
      } else {
        const start = pos;
        while (pos < len) {
          c = text.charCodeAt(pos);
          if (c === delim || c === LF || c === CR) break;
          pos++;
        }
        cells.push(text.slice(start, pos));
      }
      if (pos >= len) {
        this.pos = pos;
        return { cells, line: startLine };
      }
      c = text.charCodeAt(pos);
      if (c === delim) {
        pos++;
        if (pos >= len) {
          cells.push('');
          this.pos = pos;
          return { cells, line: startLine };
        }
        continue;
      }
      // End of record.
      pos++;
      if (c === CR && text.charCodeAt(pos) === LF) pos++;
      this.line++;
      this.pos = pos;
      return { cells, line: startLine };
    }
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
