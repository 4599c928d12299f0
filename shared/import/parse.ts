import { FATAL_TEXT, fatalError, type FatalText } from './fatal-text';
import { checkText, type ImportCheck, type NoticedRow } from './checks';
import { CELL_NOTE_TEXT, CELL_PROBLEM_TEXT, ROW_TEXT, rowIssue, rowReason } from './row-text';
import { isCusip, isIsin } from './identifiers';
/**
 * The holdings-file parser: bytes in, positions + row issues out, never a throw on bad input.
 * Whole-file work (encoding, delimiter, header, preset, number style) happens once in openSession;
 * each record then goes through stepRow/normaliseRow, which do no detection and compile nothing.
 * Longer than 300 lines: detection's steps hand each other partial results (encoding, then
 * delimiter, header and preset, then number style), and the preview and the streaming parser
 * share them; split, each step's contract would have to be spelt out twice.
 */

import { MONEY_LIMIT_TEXT } from './normalise';
import { decimalToCents, decimalToString } from '../money/decimal';
import type { NumberStyle } from '../money/parse-number';
import { ambiguousReadings, detectNumberStyleOrNull, parseDecimal } from '../money/parse-number';
import type { ParseContext } from './context';
import { newContext, scanLineForDate } from './context';
import { decodeBytes } from './decode';
import { canonicalDelimiter, sniffDelimiter } from './dialect';
import { headerFingerprint } from './header-fingerprint';
import type { ColumnIndexes } from './header';
import { autoMapIndexes, baseValueCurrencyOf, duplicateHeaderNotes, findHeader, headerLabels, indexesToMapping, isUsable, normaliseHeader } from './header';
import type { ColumnPlan, RowOutcome } from './normalise';
import { hasTotalWord, isNoneMarker, normaliseRow, type RowNotice } from './normalise';
import type { Preset } from './presets';
import { BUILT_IN_PRESETS, PRESETS, presetById, presetForHeader } from './presets';
import type { RawRow } from './tokenize';
import { CsvReader, isBlankRow } from './tokenize';
import { MAX_OPEN_QUOTE_CHARS, MAX_ROWS, openCellTooLong, rowOverLimits, tooManyRows } from './limits';
import type { ColumnMapping, FatalParseError, FileFormat, ParseOptions, ParsedPosition, ParseResult, PositionField, RowIssue } from './types';
import { POSITION_FIELDS } from './types';
import { RepeatedRows } from './repeated-rows';

/** Files above this size are refused before decoding. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** How far down the header row may be. */
const HEADER_SEARCH_ROWS = 10_000;
/** Rows after the header sampled to decide each column's decimal separator. */
const STYLE_SAMPLE_ROWS = 200;

function fatal(code: FatalParseError['code'], message: string, line: number | null = null, column: number | null = null): { ok: false; error: FatalParseError } {
  return { ok: false, error: { code, message, line, column } };
}

/** A fatal error with its template and figures, so the app can say it in its language (fatal-text.ts). */
function said(code: FatalParseError['code'], text: FatalText, params: Record<string, string>, line: number | null = null): { ok: false; error: FatalParseError } {
  return { ok: false, error: fatalError(code, text, params, line) };
}

function quoted(list: readonly string[]): string {
  return list.map((h) => `"${h.trim()}"`).join(', ');
}

/** True when the text holds anything besides spaces, line breaks and delimiters. */
function hasContent(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c !== 0x2c && c !== 0x3b && c !== 0x7c && c !== 0xa0 && c !== 0x22) return true;
  }
  return false;
}

function countNonEmpty(cells: readonly string[], stopAt: number): number {
  let n = 0;
  for (const c of cells) {
    if (c.length !== 0 && c.trim().length !== 0 && ++n >= stopAt) return n;
  }
  return n;
}

/** State of one parse between records. */
export interface Session {
  format: FileFormat;
  reader: CsvReader;
  preset: Preset | null;
  plan: ColumnPlan;
  ctx: ParseContext;
  /** Rows already read (for number-style sampling) and not yet processed. */
  pending: RawRow[];
  headerNorm: string[];
  blankSeen: boolean;
  dataSeen: boolean;
  stopped: boolean;
  totalRows: number;
  totalCents: number | null;
  /** The sum of the positions' absolute values so far: a snapshot's sums must stay exact too. */
  absCents: number;
  /** Kept rows with something to check, counted by kind with the first of each as read (endOfFileNotes). */
  notices: Record<NonNullable<RowNotice> | 'looksTotal', { count: number; first: NoticedRow | null }>;
  /** The position rows read so far, to tell one the file repeats cell for cell. */
  rowsSeen: RepeatedRows;
  /** What the positions add up to, for telling a total row without a label by its value (totalBySum); null where none can be. */
  sums: RunningSums | null;
  warnings: string[];
  /** A number cell that reads either way, its decimal separator guessed from the delimiter (separatorCheck); said at the end. */
  separator: ImportCheck | null;
}


/** When no header could be found: the best guess, so a mapping screen can still show the file. */
export interface HeaderGuess {
  encoding: string;
  hadBom: boolean;
  delimiter: string;
  headerLine: number;
  headers: string[];
  rows: RawRow[];
}

/** `savedMapping`: the file was read with a mapping the user saved for its header row. */
type Opened = { ok: true; session: Session; savedMapping: boolean } | { ok: false; error: FatalParseError; guess?: HeaderGuess };

function mappingEntries(mapping: ColumnMapping | undefined): [PositionField, string][] {
  const out: [PositionField, string][] = [];
  if (!mapping) return out;
  for (const field of POSITION_FIELDS) {
    const name = mapping[field];
    if (typeof name === 'string') out.push([field, name]);
  }
  return out;
}

/** Is this row the header? Returns the preset and column indexes when it is. */
function headerCandidate(
  cells: string[],
  preset: Preset | null,
  forced: boolean,
  mapping: [PositionField, string][],
): { preset: Preset | null; idx: ColumnIndexes } | null {
  const norm = cells.map(normaliseHeader);
  if (mapping.length > 0) {
    for (const [, name] of mapping) if (findHeader(cells, name) < 0) return null;
    const p = preset ?? presetForHeader(norm);
    const idx = p ? p.columns(cells) : autoMapIndexes(cells);
    for (const [field, name] of mapping) idx[field] = findHeader(cells, name);
    return { preset: p, idx };
  }
  if (preset) {
    if (preset.isHeaderRow) return preset.isHeaderRow(cells) ? { preset, idx: preset.columns(cells) } : null;
    if (preset.matches(norm)) return { preset, idx: preset.columns(cells) };
    if (forced && countNonEmpty(cells, 2) >= 2) {
      const idx = preset.columns(cells);
      if (isUsable(idx)) return { preset, idx };
    }
    return null;
  }
  const p = presetForHeader(norm);
  if (p && !p.isHeaderRow) return { preset: p, idx: p.columns(cells) };
  if (countNonEmpty(cells, 2) < 2) return null;
  const idx = autoMapIndexes(cells);
  return isUsable(idx) ? { preset: null, idx } : null;
}

function styleOf(rows: readonly RawRow[], col: number): NumberStyle | null {
  if (col < 0) return null;
  const sample: string[] = [];
  for (const r of rows) {
    const c = r.cells[col];
    if (c !== undefined && c !== '') sample.push(c);
  }
  return detectNumberStyleOrNull(sample);
}

/** Whole-file detection: size, encoding, delimiter, header row, preset, columns, number styles. */
export function openSession(bytes: Uint8Array, given: ParseOptions = {}): Opened {
  let options = given;
  if (bytes.length > MAX_FILE_BYTES) {
    return said('TOO_LARGE', FATAL_TEXT.fileTooLarge, { mb: String(Math.ceil(bytes.length / 1048576)), limit: String(MAX_FILE_BYTES / 1048576) });
  }
  if (bytes.length === 0) return said('EMPTY_FILE', FATAL_TEXT.empty, {});
  const decoded = decodeBytes(bytes, options.encoding);
  if (!decoded.ok) return decoded;
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!hasContent(text)) {
    return said('EMPTY_FILE', FATAL_TEXT.noText, {});
  }

  // Excel's `sep=;` first line names the delimiter.
  let start = 0;
  let startLine = 1;
  let delimiter: string | null = null;
  const sep = /^sep=(.)\r?\n/i.exec(text.slice(0, 8));
  if (sep) {
    delimiter = sep[1]!;
    start = sep[0].length;
    startLine = 2;
  }
  if (options.decimal !== undefined && options.decimal !== '.' && options.decimal !== ',' && options.decimal !== 'auto') {
    return fatal('BAD_OPTION', `"${String(options.decimal)}" cannot be a decimal separator. Use . (point), , (comma) or auto (read from the figures).`);
  }
  // Read from the figures, and not from a saved mapping either: from here on, as if none was chosen.
  const savedDecimalIgnored = options.decimal === 'auto';
  if (savedDecimalIgnored) options = { ...options, decimal: undefined };
  if (options.delimiter !== undefined && options.delimiter !== '') {
    delimiter = canonicalDelimiter(options.delimiter);
    if (delimiter === null) return fatal('BAD_OPTION', `"${options.delimiter}" cannot be a delimiter. Use one character such as , ; | or the word tab.`);
  }
  delimiter ??= sniffDelimiter(start > 0 ? text.slice(start) : text);

  let preset: Preset | null = null;
  const forced = options.preset !== undefined && options.preset !== '';
  if (forced) {
    preset = presetById(options.preset!);
    if (!preset) return fatal('BAD_OPTION', `Unknown preset "${options.preset}". Known presets: ${PRESETS.map((p) => p.id).join(', ')}.`);
  }
  let mapping = mappingEntries(options.mapping);
  // Without a mapping of its own, the header row may have one the user saved: looked up as each
  // row is met, before it is taken for a header, so the file is detected once.
  const saved = mapping.length === 0 ? options.savedMappings : undefined;
  let savedMapping = false;

  const reader = new CsvReader(text, delimiter, start, startLine);
  const pre: RawRow[] = [];
  let found: { row: RawRow; preset: Preset | null; idx: ColumnIndexes } | null = null;
  let firstSeen = false;
  while (pre.length < HEADER_SEARCH_ROWS) {
    const row = reader.next();
    if (row === null) break;
    if (isBlankRow(row.cells)) {
      pre.push(row);
      continue;
    }
    const hit = saved && !savedMapping ? saved[headerFingerprint(row.cells)] : undefined;
    if (hit) {
      const encoding = options.encoding ?? hit.encoding ?? undefined;
      const chosen = options.delimiter ?? hit.delimiter ?? undefined;
      // The decimal separator chosen with the mapping, unless one is chosen now: next month's file
      // from the same bank is read as the user said, not as its figures suggest.
      // (Automatic chosen: from the figures, as the user asked.)
      const decimal = savedDecimalIgnored ? undefined : (options.decimal ?? hit.decimal ?? undefined);
      if ((hit.encoding && !options.encoding && hit.encoding !== decoded.encoding) || (hit.delimiter && !options.delimiter && canonicalDelimiter(hit.delimiter) !== delimiter)) {
        // Saved with another encoding or delimiter: the same bytes read that way from the start.
        const again = openSession(bytes, { ...options, mapping: hit.mapping, encoding, delimiter: chosen, decimal, savedMappings: undefined });
        return again.ok ? { ...again, savedMapping: true } : again;
      }
      // As if the mapping had been given: it decides the columns, not a preset recognised by its first row.
      savedMapping = true;
      options = { ...options, mapping: hit.mapping, decimal };
      mapping = mappingEntries(hit.mapping);
      if (!forced) preset = null;
    }
    if (!firstSeen) {
      firstSeen = true;
      if (!preset && mapping.length === 0) preset = BUILT_IN_PRESETS.find((p) => p.matchesFirstRow?.(row.cells)) ?? null;
    }
    const cand = headerCandidate(row.cells, preset, forced, mapping);
    if (cand) {
      found = { row, ...cand };
      break;
    }
    pre.push(row);
  }
  if (found === null && reader.unterminatedQuoteLine !== null) return unclosedQuote(reader);

  const guessFrom = (): HeaderGuess => {
    let best: RawRow | null = null;
    let bestCount = 0;
    for (const r of pre.slice(0, 50)) {
      const n = countNonEmpty(r.cells, 1000);
      if (n > bestCount) {
        best = r;
        bestCount = n;
      }
    }
    const headerLine = best?.line ?? 1;
    return {
      encoding: decoded.encoding,
      hadBom: decoded.hadBom,
      delimiter: delimiter!,
      headerLine,
      headers: best?.cells ?? [],
      rows: pre.filter((r) => r.line > headerLine && !isBlankRow(r.cells)),
    };
  };

  if (found === null) {
    if (!firstSeen) return said('EMPTY_FILE', FATAL_TEXT.noRows, {});
    const guess = guessFrom();
    if (mapping.length > 0) {
      const missing = mapping.filter(([, name]) => !guess.headers.some((h) => normaliseHeader(h) === normaliseHeader(name))).map(([, n]) => n);
      return {
        ...said('BAD_OPTION', missing.length === 1 ? FATAL_TEXT.mappedColumnNotFound : FATAL_TEXT.mappedColumnsNotFound, { missing: quoted(missing), headers: quoted(guess.headers) }, guess.headerLine),
        guess,
      };
    }
    if (countNonEmpty(guess.headers, 2) < 2) {
      return { ...said('NO_HEADER', FATAL_TEXT.noHeader, {}), guess };
    }
    return {
      ...said('NO_USABLE_COLUMNS', FATAL_TEXT.noUsableColumns, { line: String(guess.headerLine), headers: quoted(guess.headers) }, guess.headerLine),
      guess,
    };
  }

  const headers = found.row.cells;
  preset = found.preset;
  const idx = found.idx;
  if (!isUsable(idx)) {
    return {
      ...said('NO_USABLE_COLUMNS', FATAL_TEXT.chosenColumnsUnusable, { line: String(found.row.line), headers: quoted(headers) }, found.row.line),
      guess: { encoding: decoded.encoding, hadBom: decoded.hadBom, delimiter, headerLine: found.row.line, headers, rows: [] },
    };
  }

  const ctx = newContext(preset?.dayFirst ?? delimiter === ';');
  preset?.onHeader?.(headers, ctx);
  for (const row of pre) {
    if (isBlankRow(row.cells)) continue;
    preset?.readMeta?.(row.cells, ctx, row.line);
    if (countNonEmpty(row.cells, 3) <= 2) scanLineForDate(ctx, row.cells);
  }

  const pending: RawRow[] = [];
  while (pending.length < STYLE_SAMPLE_ROWS) {
    const row = reader.next();
    if (row === null) break;
    pending.push(row);
  }
  // The user's decimal separator, or each column's from its figures, else the other columns'
  // majority, else the delimiter's habit: then a figure that reads either way is said (separatorCheck).
  const chosen: NumberStyle | null = options.decimal === '.' || options.decimal === ',' ? { decimal: options.decimal } : null;
  // The value style reads the base-value column too (normalise.ts): where it is the only value column, its own figures decide.
  const columnsStyles = chosen ? [chosen, chosen, chosen] : [styleOf(pending, idx.quantity), styleOf(pending, idx.price), styleOf(pending, idx.value >= 0 ? idx.value : idx.baseValue)];
  let points = 0;
  let commas = 0;
  for (const s of columnsStyles) {
    if (s?.decimal === '.') points++;
    else if (s?.decimal === ',') commas++;
  }
  const fallback: NumberStyle = points > commas ? { decimal: '.' } : commas > points ? { decimal: ',' } : { decimal: delimiter === ';' ? ',' : '.' };
  const separator = points === 0 && commas === 0 ? separatorCheck(pending, headers, idx, fallback.decimal) : null;

  const plan: ColumnPlan = {
    headers,
    idx,
    quantityStyle: columnsStyles[0] ?? fallback,
    priceStyle: columnsStyles[1] ?? fallback,
    valueStyle: columnsStyles[2] ?? fallback,
    defaultCurrency: preset?.currency ?? ((options.defaultCurrency ?? '').trim().toUpperCase() || 'USD'),
    unitRateCurrencies: new Set(),
    checkValues: preset?.pricesInOtherCurrency !== true,
    codeInName: idx.symbol < 0 && idx.description >= 0 && CODE_IN_NAME_HEADERS.includes(normaliseHeader(headers[idx.description] ?? '')),
  };
  const format: FileFormat = {
    encoding: decoded.encoding,
    hadBom: decoded.hadBom,
    delimiter,
    headerLine: found.row.line,
    headers,
    preset: preset?.id ?? null,
    mapping: indexesToMapping(headers, idx),
    asOf: null,
    fileTotalCents: null,
    baseCurrency: null,
    baseValueCurrency: baseValueCurrencyAtHeader(headers, idx, options),
    baseValueColumn: idx.baseValue >= 0 || idx.fxRateToBase >= 0 ? (headerLabels(headers)[idx.baseValue >= 0 ? idx.baseValue : idx.fxRateToBase] as string) : null,
  };
  return {
    ok: true,
    savedMapping,
    session: {
      format,
      reader,
      preset,
      plan,
      ctx,
      pending,
      headerNorm: headers.map(normaliseHeader),
      blankSeen: false,
      dataSeen: false,
      stopped: false,
      totalRows: 0,
      totalCents: null,
      absCents: 0,
      notices: { sign: { count: 0, first: null }, computed: { count: 0, first: null }, differs: { count: 0, first: null }, subCent: { count: 0, first: null }, looksTotal: { count: 0, first: null } },
      rowsSeen: new RepeatedRows(),
      // Totals are told by their value only in files with a quantity or price column (totalBySum).
      sums: idx.quantity >= 0 || idx.price >= 0 ? { all: 0, allCount: 0, block: 0, blockCount: 0, byAccount: idx.account >= 0 ? new Map() : null, account: null, accountSum: null } : null,
      warnings: duplicateHeaderNotes(headers, idx),
      separator,
    },
  };
}

/**
 * With no sampled figure showing the decimal separator (it was taken from the delimiter), the
 * first sampled number cell that reads either way (`2,053`: 2.053 or 2053), as a check; null when
 * every cell reads one way only. Once per file, on the sampled rows.
 */
function separatorCheck(rows: readonly RawRow[], headers: readonly string[], idx: ColumnIndexes, decimal: '.' | ','): ImportCheck | null {
  const columns = [idx.quantity, idx.price, idx.value, idx.baseValue].filter((i) => i >= 0);
  for (const row of rows) {
    for (const col of columns) {
      const cell = row.cells[col];
      if (cell === undefined || cell === '') continue;
      const both = ambiguousReadings(cell);
      if (both === null) continue;
      const [read, other] = decimal === ',' ? [both.comma, both.point] : [both.point, both.comma];
      return { kind: 'separator', line: row.line, column: col + 1, header: (headers[col] ?? '').trim(), cell: cell.trim(), decimal, read: decimalToString(read), other: decimalToString(other) };
    }
  }
  return null;
}

/** Name columns that hold the Tokyo code too (SBI's 銘柄（コード）). */
const CODE_IN_NAME_HEADERS = ['銘柄（コード）', '銘柄(コード)'];

/** A base-value column's currency as the header shows it; '?' until the file states its base (IBKR's Account Information). */
function baseValueCurrencyAtHeader(headers: readonly string[], idx: ColumnIndexes, options: ParseOptions): string | null {
  // Value x IBKR's rate to base: in the account's base currency, named by the file or found from it.
  if (idx.baseValue < 0) return idx.fxRateToBase >= 0 ? '?' : null;
  const code = baseValueCurrencyOf(headers[idx.baseValue] ?? '');
  if (code) return code;
  // Mapped by the user without a currency in its name: they said it is the portfolio's base currency.
  return options.mapping?.baseValue !== undefined ? null : '?';
}

/**
 * The base-value currency once the whole file is read: the base the file states, else the one
 * currency whose rate to base is exactly 1. Where neither tells, the values are not used ('' matches
 * no portfolio), with a line saying so: never assumed.
 */
export function finishBaseValueCurrency(format: FileFormat, fileBase: string | null, unitRateCurrencies: ReadonlySet<string>, warnings: string[]): string | null {
  if (format.baseValueCurrency !== '?') return format.baseValueCurrency ?? null;
  if (fileBase) return fileBase;
  if (unitRateCurrencies.size === 1) return [...unitRateCurrencies][0] as string;
  warnings.push(
    `The column "${format.baseValueColumn ?? ''}" gives values in the account's base currency, but the file does not say which currency that is, so they were not used. If it is the portfolio's base currency, map a value-in-base column by hand.`,
  );
  return '';
}

/** The format as the whole file showed it: its date, its own total, its base currency. */
export function finishedFormat(s: Session): FileFormat {
  return {
    ...s.format,
    asOf: s.ctx.asOf,
    fileTotalCents: s.totalCents,
    baseCurrency: s.ctx.baseCurrency,
    baseValueCurrency: finishBaseValueCurrency(s.format, s.ctx.baseCurrency, s.plan.unitRateCurrencies, s.warnings),
  };
}

/**
 * What a parse says once the whole file is read (either parse, whole or streamed; `sumCents` what
 * its positions add up to): its warnings, then the checks the file asks for, which are also given
 * apart (the app lists only those): figures that read either way under a guessed decimal separator, a file total the rows do not add up to, values whose sign is
 * not quantity x price's, values the file left empty (quantity x price used). All are kept as the
 * file gives them, and said.
 */
export function endOfFileNotes(s: Session, sumCents: number): { warnings: string[]; checks: ImportCheck[] } {
  const checks: ImportCheck[] = s.separator ? [s.separator] : [];
  if (s.totalCents !== null && Math.abs(sumCents - s.totalCents) > 1) checks.push({ kind: 'total', fileCents: s.totalCents, rowsCents: sumCents });
  for (const kind of ['sign', 'computed', 'differs', 'subCent', 'looksTotal'] as const) {
    // A separator guessed from the delimiter is said with its cell and both readings: "2,053" read
    // as 2.053 is that check's to say, not again as a value finer than a cent.
    if (kind === 'subCent' && s.separator) continue;
    const { count, first } = s.notices[kind];
    if (first) checks.push({ kind, count, first });
  }
  const repeats = s.rowsSeen.repeats();
  if (repeats) checks.push({ kind: 'repeated', ...repeats });
  return { warnings: [...s.warnings, ...checks.map(checkText)], checks };
}

export function unterminated(line: number): { ok: false; error: FatalParseError } {
  return said('UNTERMINATED_QUOTE', FATAL_TEXT.unterminated, { line: String(line) }, line);
}

/**
 * A quote the reader found open at the end of its text: over a cell's limit when it is open for
 * longer than any cell may be (the stream refuses it as soon as it is, without reading on), else
 * never closed. Whole or streamed, a file gets the same error.
 */
export function unclosedQuote(reader: CsvReader): { ok: false; error: FatalParseError } {
  const line = reader.unterminatedQuoteLine as number;
  if (quoteOpenPastLimit(reader)) return { ok: false, error: openCellTooLong(line, reader.unterminatedQuoteColumn) };
  return unterminated(line);
}

/** The quote the reader found open has been open for longer than any cell may be (MAX_OPEN_QUOTE_CHARS). */
export function quoteOpenPastLimit(reader: CsvReader): boolean {
  return reader.unterminatedQuoteLine !== null && reader.source.length - reader.unterminatedQuoteAt > MAX_OPEN_QUOTE_CHARS;
}

function sameAsHeader(cells: readonly string[], s: Session): boolean {
  const h = s.plan.headers;
  if (cells.length < h.length - 1 || cells[0]?.trim() !== h[0]?.trim()) return false;
  for (let i = 0; i < h.length; i++) if (normaliseHeader(cells[i] ?? '') !== s.headerNorm[i]) return false;
  return true;
}

/** A different table's header below a blank line (Vanguard's transactions). */
function looksLikeOtherHeader(cells: readonly string[]): boolean {
  const idx = autoMapIndexes(cells);
  let mapped = 0;
  for (const f of POSITION_FIELDS) if (idx[f] >= 0) mapped++;
  if (mapped < 2) return false;
  for (const c of cells) if (c.trim() !== '' && parseDecimal(c).ok) return false;
  return true;
}

/**
 * The index of the first non-empty cell beyond the header's columns, or -1. Trailing empty cells
 * (Fidelity ends every row with a comma) are fine; a value there was split off or misplaced, and
 * dropping it would silently change a figure.
 */
function cellsPastHeader(cells: readonly string[], width: number): number {
  for (let i = width; i < cells.length; i++) if ((cells[i] as string).trim() !== '') return i;
  return -1;
}

/** What one record turned out to be. */
export type Step = RowOutcome | { kind: 'blank' | 'meta' | 'skip' | 'header' | 'stop' };

/** Sorts one record after the header: blank, title/footer, repeated header, total, position or issue. */
export function stepRow(row: RawRow, s: Session): Step {
  const cells = row.cells;
  if (isBlankRow(cells)) {
    s.blankSeen = true;
    return { kind: 'blank' };
  }
  const verdict = s.preset?.classify?.(cells, s.ctx, row.line);
  if (verdict === 'skip') return { kind: 'skip' };
  if (verdict === 'total') return counted(s, { kind: 'total', valueCents: null });
  if (typeof verdict === 'object') {
    return { kind: 'issue', issue: rowIssue(row.line, null, null, (cells[0] ?? '').trim(), verdict.reject) };
  }
  if (verdict === undefined) {
    if (sameAsHeader(cells, s)) {
      s.blankSeen = false;
      return { kind: 'header' };
    }
    const filled = countNonEmpty(cells, 2);
    if (filled <= 1 && (s.blankSeen || !s.dataSeen || cells.length === 1)) {
      s.preset?.readMeta?.(cells, s.ctx, row.line);
      scanLineForDate(s.ctx, cells);
      return { kind: 'meta' };
    }
    if (s.blankSeen) {
      if (cells.length * 2 < s.plan.headers.length) {
        scanLineForDate(s.ctx, cells);
        return { kind: 'meta' };
      }
      if (looksLikeOtherHeader(cells)) {
        s.stopped = true;
        s.warnings.push(`Stopped reading at line ${row.line}: another table starts there; only the first table holds positions.`);
        return { kind: 'stop' };
      }
    }
  }
  const extra = cellsPastHeader(cells, s.plan.headers.length);
  if (extra >= 0) {
    const shown = cells.slice(Math.max(0, extra - 1), extra + 1).join(',');
    return { kind: 'issue', issue: rowIssue(row.line, extra + 1, null, cells[extra] as string, rowReason(ROW_TEXT.extraCells, { column: String(extra + 1), shown })) };
  }
  const outcome = normaliseRow(cells, row.line, s.plan, s.ctx.account);
  if (outcome.kind === 'issue' && outcome.onlyValueCents !== undefined) {
    const total = totalBySum(s, outcome.onlyValueCents, s.plan.idx.account >= 0 ? (cells[s.plan.idx.account] ?? '').trim() : '');
    if (total) return counted(s, total);
  }
  if (outcome.kind === 'position') {
    const p = outcome.position;
    // A row that names no security and has nothing but a value: a total whose label is not one of ours
    // when its value is what the rows above it add up to; else kept, but said when it reads like a total.
    if (p.symbol === null && p.quantity === null && p.price === null && !p.isCash && p.isin === null && p.cusip === null) {
      const total = totalBySum(s, p.valueCents, s.plan.idx.account >= 0 ? p.account : '');
      if (total) return counted(s, total);
      if (hasTotalWord(p.description)) notice(s, 'looksTotal', p);
    }
    const abs = s.absCents + Math.abs(outcome.position.valueCents);
    if (!Number.isSafeInteger(abs)) {
      return { kind: 'issue', issue: rowIssue(row.line, null, null, '', rowReason(ROW_TEXT.sumBeyondLimit, { limit: MONEY_LIMIT_TEXT })) };
    }
    s.absCents = abs;
    if (outcome.notice) notice(s, outcome.notice, p);
    if (row.text === undefined) s.rowsSeen.addCells(cells, row.line);
    else s.rowsSeen.addText(row.text, row.start as number, row.end as number, row.line);
    if (s.sums !== null) addToSums(s.sums, p.valueCents, p.account);
    s.dataSeen = true;
    s.blankSeen = false;
  } else if (outcome.kind === 'total') return counted(s, outcome);
  return outcome;
}

/** A total row: counted, its value added to the file's own total, and a new block of rows begun. */
function counted(s: Session, total: Extract<RowOutcome, { kind: 'total' }>): Step {
  s.totalRows++;
  if (s.sums !== null) {
    s.sums.block = 0;
    s.sums.blockCount = 0;
  }
  if ((s.preset?.totalIsChecksum ?? true) && total.valueCents !== null) s.totalCents = (s.totalCents ?? 0) + total.valueCents;
  return total;
}

function notice(s: Session, kind: keyof Session['notices'], p: ParsedPosition): void {
  const tally = s.notices[kind];
  tally.count++;
  tally.first ??= { line: p.line, label: p.symbol ?? p.description, quantity: p.quantity ?? '', price: p.price ?? '', valueCents: p.valueCents };
}

/**
 * What the positions read so far add up to: all of them, those since the last total row (a block's,
 * or a section's), and each account's where the file has an account column. The account's sum is
 * looked up only when the account changes from one row to the next.
 */
interface RunningSums {
  all: number;
  allCount: number;
  block: number;
  blockCount: number;
  byAccount: Map<string, { cents: number; count: number }> | null;
  account: string | null;
  accountSum: { cents: number; count: number } | null;
}

function addToSums(sums: RunningSums, cents: number, account: string): void {
  sums.all += cents;
  sums.allCount++;
  sums.block += cents;
  sums.blockCount++;
  if (sums.byAccount === null) return;
  if (sums.account !== account || sums.accountSum === null) {
    let sum = sums.byAccount.get(account);
    if (sum === undefined) sums.byAccount.set(account, (sum = { cents: 0, count: 0 }));
    sums.account = account;
    sums.accountSum = sum;
  }
  sums.accountSum.cents += cents;
  sums.accountSum.count++;
}

/**
 * True when a row with nothing but a value (no symbol, quantity or price) is a total: its value is,
 * to the cent, what at least two positions above it add up to: those since the last total row, all
 * of them (a grand total), or, in a file with an account column, its account's. Only in a file with
 * a quantity or price column, whose empty cells say the row holds no security: in a file of names and
 * values alone, any row could add up to the ones above it. A grand total after totals already counted
 * (its value is theirs again) is not added to the file's total (its valueCents is null).
 */
function totalBySum(s: Session, cents: number, account: string): Extract<RowOutcome, { kind: 'total' }> | null {
  const sums = s.sums;
  if (sums === null) return null;
  if (account !== '' && sums.byAccount !== null) {
    const own = sums.byAccount.get(account);
    if (own !== undefined && own.count >= 2 && own.cents === cents) return { kind: 'total', valueCents: cents };
  }
  if (sums.blockCount >= 2 && sums.block === cents) return { kind: 'total', valueCents: cents };
  if (sums.allCount >= 2 && sums.all === cents) return { kind: 'total', valueCents: null };
  return null;
}

/** Positions for cash balances read outside the positions table (IBKR Cash Report). */
export function extraCashPositions(s: Session, rejected: RowIssue[]): ParsedPosition[] {
  const out: ParsedPosition[] = [];
  for (const c of s.ctx.extraCash) {
    const parsed = parseDecimal(c.valueText);
    if (!parsed.ok) {
      rejected.push(rowIssue(c.line, null, null, c.valueText, rowReason(ROW_TEXT.cashNotNumber, { cell: c.valueText })));
      continue;
    }
    out.push({
      line: c.line,
      account: s.ctx.account ?? '',
      symbol: null,
      symbolKey: `CASH:${c.currency}`,
      isin: null,
      cusip: null,
      description: c.description,
      securityType: 'Cash',
      quantity: decimalToString(parsed.value),
      price: null,
      valueCents: decimalToCents(parsed.value),
      currency: c.currency,
      isCash: true,
      baseValueCents: null,
    });
  }
  return out;
}

/** Parses a holdings file. Never throws on bad input: fatal problems come back as `{ ok: false, error }`. */
export function parseHoldings(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const opened = openSession(bytes, options);
  if (!opened.ok) return { ok: false, error: opened.error };
  const s = opened.session;
  const positions: ParsedPosition[] = [];
  const rejected: RowIssue[] = [];
  let limit: FatalParseError | null = null;
  const handle = (row: RawRow): boolean => {
    limit = rowOverLimits(row) ?? (positions.length >= MAX_ROWS ? tooManyRows(row.line, MAX_ROWS) : null);
    if (limit) return false;
    const step = stepRow(row, s);
    if (step.kind === 'position') positions.push(step.position);
    else if (step.kind === 'issue') rejected.push(step.issue);
    return step.kind !== 'stop';
  };
  let going = true;
  for (const row of s.pending) {
    going = handle(row);
    if (!going) break;
  }
  s.pending = [];
  while (going) {
    const row = s.reader.next();
    if (row === null) break;
    going = handle(row);
  }
  if (limit) return { ok: false, error: limit };
  if (s.reader.unterminatedQuoteLine !== null) return unclosedQuote(s.reader);
  for (const p of extraCashPositions(s, rejected)) positions.push(p);
  s.preset?.finish?.(positions, s.ctx);

  if (positions.length === 0 && rejected.length === 0) {
    return said('HEADER_ONLY', FATAL_TEXT.headerOnly, { line: String(s.format.headerLine) }, s.format.headerLine);
  }

  const format = finishedFormat(s);
  let sum = 0;
  for (const p of positions) sum += p.valueCents;
  return { ok: true, format, positions, rejected, ...endOfFileNotes(s, sum) };
}

/** One cell of a preview row: its text, the field its column feeds and how it reads. */
export interface PreviewCell {
  text: string;
  field: PositionField | null;
  /** Normalised reading: exact decimal text for numbers, trimmed text otherwise; null when empty or unreadable. */
  parsed: string | null;
  /** False when a number cell holds something that is not a number. */
  ok: boolean;
  /** Why it does not read; or, with `ok`, what the import will say of it (an identifier whose check digit fails). */
  message: string | null;
}

export interface PreviewRow {
  line: number;
  kind: 'position' | 'cash' | 'total' | 'rejected' | 'skipped';
  cells: PreviewCell[];
  issue: RowIssue | null;
  /** Read, but worth a look before importing (RowNotice; the interface words it). */
  notice: RowNotice;
}

export type PreviewResult =
  | {
      ok: true;
      format: FileFormat;
      /** Read with a mapping the user saved for this header row. */
      savedMapping: boolean;
      rows: PreviewRow[];
      /** Set when the file cannot be imported as mapped (no usable columns): the UI asks for a mapping. */
      problem: FatalParseError | null;
      presets: readonly { id: string; name: string }[];
      /** What the import would say of its decimal separator (a figure that reads either way under a guessed one); null when nothing. */
      separator?: ImportCheck | null;
      /**
       * The decimal separator the mapped number columns are read with ('mixed' where their figures
       * differ), so an automatic choice can say what it chose; null with no number column mapped.
       */
      decimalRead?: '.' | ',' | 'mixed' | null;
    }
  | { ok: false; error: FatalParseError };

const NUMERIC: Partial<Record<PositionField, keyof Pick<ColumnPlan, 'quantityStyle' | 'priceStyle' | 'valueStyle'>>> = {
  quantity: 'quantityStyle',
  price: 'priceStyle',
  value: 'valueStyle',
  baseValue: 'valueStyle',
};

function previewCells(cells: readonly string[], fields: (PositionField | null)[], plan: ColumnPlan | null): PreviewCell[] {
  return cells.map((text, i) => {
    const field = fields[i] ?? null;
    const styleKey = field ? NUMERIC[field] : undefined;
    if (field && styleKey && plan) {
      const parsed = parseDecimal(text, plan[styleKey]);
      if (parsed.ok && !parsed.percent) return { text, field, parsed: decimalToString(parsed.value), ok: true, message: null };
      if (!parsed.ok && parsed.empty) return { text, field, parsed: null, ok: true, message: null };
      return { text, field, parsed: null, ok: false, message: parsed.ok ? CELL_PROBLEM_TEXT.percent : parsed.reason };
    }
    const t = text.trim();
    // Read, but said by the import: said here first (CELL_NOTE_TEXT), the same test as the import's.
    const id = t.toUpperCase();
    const note = t === '' || isNoneMarker(t) ? null : field === 'isin' && !isIsin(id) ? CELL_NOTE_TEXT.badIsin : field === 'cusip' && !isCusip(id) ? CELL_NOTE_TEXT.badCusip : null;
    return { text, field, parsed: t === '' ? null : t, ok: true, message: note };
  });
}

/**
 * The format the parser detects plus the first rows after the header, each cell with its reading,
 * for a mapping screen with a live preview. Only reads as far as it needs to.
 */
export function previewHoldings(bytes: Uint8Array, options: ParseOptions = {}, maxRows = 20): PreviewResult {
  const opened = openSession(bytes, options);
  if (!opened.ok) {
    const g = opened.guess;
    if (!g) return { ok: false, error: opened.error };
    const fields = g.headers.map(() => null);
    return {
      ok: true,
      format: {
        encoding: g.encoding,
        hadBom: g.hadBom,
        delimiter: g.delimiter,
        headerLine: g.headerLine,
        headers: g.headers,
        preset: null,
        mapping: {},
        asOf: null,
        fileTotalCents: null,
      },
      rows: g.rows.slice(0, maxRows).map((r) => ({ line: r.line, kind: 'skipped', cells: previewCells(r.cells, fields, null), issue: null, notice: null })),
      problem: opened.error,
      savedMapping: false,
      presets: PRESETS,
    };
  }
  const s = opened.session;
  const fields: (PositionField | null)[] = s.plan.headers.map(() => null);
  for (const f of POSITION_FIELDS) {
    const i = s.plan.idx[f];
    if (i >= 0) fields[i] = f;
  }
  const rows: PreviewRow[] = [];
  let pendingAt = 0;
  while (rows.length < maxRows) {
    const row = pendingAt < s.pending.length ? s.pending[pendingAt++]! : s.reader.next();
    if (row === null) break;
    const step = stepRow(row, s);
    if (step.kind === 'blank') continue;
    if (step.kind === 'stop') break;
    const kind: PreviewRow['kind'] =
      step.kind === 'position' ? (step.position.isCash ? 'cash' : 'position') : step.kind === 'issue' ? 'rejected' : step.kind === 'total' ? 'total' : 'skipped';
    rows.push({ line: row.line, kind, cells: previewCells(row.cells, fields, s.plan), issue: step.kind === 'issue' ? step.issue : null, notice: step.kind === 'position' ? step.notice : null });
  }
  if (s.reader.unterminatedQuoteLine !== null) return unclosedQuote(s.reader);
  return {
    ok: true,
    format: { ...s.format, asOf: s.ctx.asOf, baseCurrency: s.ctx.baseCurrency, baseValueCurrency: finishBaseValueCurrency(s.format, s.ctx.baseCurrency, s.plan.unitRateCurrencies, []) },
    rows,
    problem: null,
    savedMapping: opened.savedMapping,
    presets: PRESETS,
    separator: s.separator,
    decimalRead: decimalRead(s.plan),
  };
}

/** The decimal separator of the plan's mapped number columns: one, 'mixed', or null with none mapped. */
function decimalRead(plan: ColumnPlan): '.' | ',' | 'mixed' | null {
  const read = new Set<'.' | ','>();
  if (plan.idx.quantity >= 0) read.add(plan.quantityStyle.decimal);
  if (plan.idx.price >= 0) read.add(plan.priceStyle.decimal);
  if (plan.idx.value >= 0 || plan.idx.baseValue >= 0) read.add(plan.valueStyle.decimal);
  return read.size === 0 ? null : read.size > 1 ? 'mixed' : [...read][0]!;
}
