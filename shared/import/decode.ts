/**
 * Turns a file's bytes into text: finds the encoding (BOM, UTF-16 null pattern, UTF-8 validity,
 * Shift_JIS and EUC-JP) and refuses binary files. Longer than 300 lines: detection and the decoders
 * it chooses between are one decision, kept together.
 */

import { FATAL_TEXT, fatalError } from './fatal-text';
import type { FatalParseError } from './types';

/** The encodings a holdings file may be read in (canonical names; aliases below). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1', 'shift_jis', 'euc-jp'] as const;

export interface DecodedText {
  text: string;
  /** Canonical name: one of ENCODINGS. */
  encoding: string;
  hadBom: boolean;
}

export type DecodeResult = ({ ok: true } & DecodedText) | { ok: false; error: FatalParseError };

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderCtor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

/** TextDecoder exists in Node, Electron and browsers; reached through globalThis so shared/ needs no DOM or Node types. */
function textDecoderCtor(): TextDecoderCtor | undefined {
  return (globalThis as unknown as { TextDecoder?: TextDecoderCtor }).TextDecoder;
}

const ENCODING_ALIASES: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16': 'utf-16',
  utf16: 'utf-16',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'ucs-2': 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'win-1252': 'windows-1252',
  ansi: 'windows-1252',
  'iso-8859-1': 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  'iso-8859-15': 'windows-1252',
  // Japanese brokers (SBI, Rakuten) export Shift_JIS, which Windows calls CP932 / Windows-31J.
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  'windows-31j': 'shift_jis',
  'euc-jp': 'euc-jp',
  eucjp: 'euc-jp',
};

/** Canonical encoding name for a user-given label, or null when it is not one we read. */
export function canonicalEncoding(label: string): string | null {
  return ENCODING_ALIASES[label.trim().toLowerCase()] ?? null;
}


function binaryError(): FatalParseError {
  return fatalError('BINARY_FILE', FATAL_TEXT.binary, {});
}

/** UTF-16 without a BOM shows as every other byte zero in ASCII-heavy text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, newlines, form feed and Ctrl-Z in the first 64 KiB: a text file has (almost) none. */
function looksBinary(bytes: Uint8Array, start: number): boolean {
  if (bytes.indexOf(0, start) !== -1) return true;
  const end = Math.min(bytes.length, start + 65536);
  let controls = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) controls++;
  }
  return controls > 0 && controls * 100 > end - start;
}

function textLooksBinary(text: string): boolean {
  if (text.indexOf('\u0000') !== -1) return true;
  const end = Math.min(text.length, 65536);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) controls++;
  }
  return controls > 0 && controls * 100 > end;
}

/** windows-1252 code points for bytes 0x80..0x9F (undefined bytes keep their C1 value). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const CHUNK = 8192;

/** String from a chunk of UTF-16 code units (apply accepts typed arrays at run time). */
function fromCodes(codes: Uint16Array): string {
  return String.fromCharCode.apply(null, codes as unknown as number[]);
}

/** Decodes single-byte text; windows-1252 maps 0x80..0x9F to its printable characters, ISO-8859-1 keeps them. */
export function decodeSingleByte(bytes: Uint8Array, start: number, cp1252: boolean): string {
  const parts: string[] = [];
  const codes = new Uint16Array(CHUNK);
  for (let pos = start; pos < bytes.length; pos += CHUNK) {
    const end = Math.min(bytes.length, pos + CHUNK);
    const n = end - pos;
    for (let i = 0; i < n; i++) {
      const b = bytes[pos + i]!;
      codes[i] = cp1252 && b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(fromCodes(n === CHUNK ? codes : codes.subarray(0, n)));
  }
  return parts.join('');
}

/** Decodes UTF-16 code units (surrogate pairs pass through as they are). */
export function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const parts: string[] = [];
  const codes = new Uint16Array(CHUNK);
  const usable = start + ((bytes.length - start) & ~1);
  for (let pos = start; pos < usable; pos += CHUNK * 2) {
    const end = Math.min(usable, pos + CHUNK * 2);
    const n = (end - pos) >> 1;
    for (let i = 0; i < n; i++) {
      const a = bytes[pos + 2 * i]!;
      const b = bytes[pos + 2 * i + 1]!;
      codes[i] = littleEndian ? a | (b << 8) : (a << 8) | b;
    }
    parts.push(fromCodes(n === CHUNK ? codes : codes.subarray(0, n)));
  }
  return parts.join('');
}

/** Node's Buffer, where the runtime has one (the import's threads; not a browser window). */
type LatinBuffer = { from(buffer: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'latin1'): string } };
const nodeBuffer = (): LatinBuffer | undefined => (globalThis as unknown as { Buffer?: LatinBuffer }).Buffer;
const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * Bytes that are all ASCII, as text; null when any is not (or the runtime has no Buffer). ASCII
 * bytes read as latin1 are their UTF-8 text, and Node makes latin1 text far quicker than a strict
 * UTF-8 decoder does: the bench's 80 MB holdings file in 1 MB chunks took 98-99 ms this way (the
 * latin1 text and a scan for a character above 0x7f), 401-440 ms through the strict decoder, warm,
 * in the same process. Most broker files are ASCII throughout; any other byte is decoded strictly.
 */
function asciiText(view: Uint8Array): string | null {
  const B = nodeBuffer();
  if (!B) return null;
  const text = B.from(view.buffer, view.byteOffset, view.length).toString('latin1');
  return NOT_ASCII.test(text) ? null : text;
}

/** Strict UTF-8 decode; null when the bytes are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array, start: number): string | null {
  const Ctor = textDecoderCtor();
  const view = start === 0 ? bytes : bytes.subarray(start);
  const ascii = asciiText(view);
  if (ascii !== null) return ascii;
  if (Ctor) {
    try {
      return new Ctor('utf-8', { fatal: true, ignoreBOM: true }).decode(view);
    } catch {
      return null;
    }
  }
  return decodeUtf8Fallback(view);
}

/** Minimal strict UTF-8 decoder for runtimes without TextDecoder. */
function decodeUtf8Fallback(b: Uint8Array): string | null {
  const parts: string[] = [];
  let codes: number[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let cp: number;
    let need: number;
    if (c < 0x80) {
      cp = c;
      need = 0;
    } else if (c >= 0xc2 && c <= 0xdf) {
      cp = c & 0x1f;
      need = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
      cp = c & 0x0f;
      need = 2;
    } else if (c >= 0xf0 && c <= 0xf4) {
      cp = c & 0x07;
      need = 3;
    } else return null;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (d & 0x3f);
    }
    if ((need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff))) return null;
    if (cp > 0xffff) {
      cp -= 0x10000;
      codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else codes.push(cp);
    i += need + 1;
    if (codes.length >= CHUNK) {
      parts.push(String.fromCharCode.apply(null, codes));
      codes = [];
    }
  }
  parts.push(String.fromCharCode.apply(null, codes));
  return parts.join('');
}

/** A multi-byte Japanese encoding, decoded by the runtime's TextDecoder; null when the bytes are not valid in it. */
export function decodeJapanese(bytes: Uint8Array, start: number, encoding: 'shift_jis' | 'euc-jp', fatal = true): string | null {
  const Ctor = textDecoderCtor();
  if (!Ctor) return null;
  try {
    return new Ctor(encoding, { fatal, ignoreBOM: true }).decode(start === 0 ? bytes : bytes.subarray(start));
  } catch {
    return null;
  }
}

/**
 * Whether text decoded from a guessed Japanese encoding reads as Japanese: kana present (a European
 * file misread as Shift_JIS turns accented letters into kanji or half-width kana, almost never into
 * full-width kana), and the non-ASCII characters nearly all Japanese.
 */
function readsAsJapanese(text: string): boolean {
  const end = Math.min(text.length, 65536);
  let kana = 0;
  let japanese = 0;
  let other = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0x3040 && c <= 0x30ff) kana++;
    if ((c >= 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) japanese++;
    else other++;
  }
  return kana >= 2 && other * 20 <= japanese;
}

/** Shift_JIS or EUC-JP, when 8-bit text that is not UTF-8 reads as Japanese in one of them. */
function sniffJapanese(bytes: Uint8Array, start: number): { encoding: 'shift_jis' | 'euc-jp'; text: string } | null {
  const head = bytes.subarray(start, Math.min(bytes.length, start + 65536));
  for (const encoding of ['shift_jis', 'euc-jp'] as const) {
    // The head may end inside a character: judge it leniently, then decode the whole file strictly.
    const sample = decodeJapanese(head, 0, encoding, false);
    if (sample === null || (sample.includes('\ufffd') && sample.indexOf('\ufffd') < sample.length - 2)) continue;
    if (!readsAsJapanese(sample)) continue;
    const text = decodeJapanese(bytes, start, encoding);
    if (text !== null) return { encoding, text };
  }
  return null;
}

/**
 * Decodes the file: an explicit encoding wins; else a BOM; else UTF-16 by its null-byte pattern;
 * else UTF-8 when the bytes are valid UTF-8; else Shift_JIS or EUC-JP when the text reads as Japanese
 * in one of them; windows-1252 otherwise. NUL bytes or many control
 * characters in 8-bit text mean a binary file.
 */
export function decodeBytes(bytes: Uint8Array, override?: string): DecodeResult {
  let encoding: string | null = null;
  if (override !== undefined && override.trim() !== '') {
    encoding = canonicalEncoding(override);
    if (encoding === null) {
      return {
        ok: false,
        error: {
          code: 'BAD_OPTION',
          message: `Unknown encoding "${override}". Use one of: ${ENCODINGS.join(', ')}.`,
          line: null,
          column: null,
        },
      };
    }
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  const utf8Bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  const leBom = b0 === 0xff && b1 === 0xfe;
  const beBom = b0 === 0xfe && b1 === 0xff;

  if (encoding === 'utf-16') encoding = beBom ? 'utf-16be' : 'utf-16le';
  if (encoding === null) {
    if (utf8Bom) encoding = 'utf-8';
    else if (leBom) encoding = 'utf-16le';
    else if (beBom) encoding = 'utf-16be';
    else encoding = sniffUtf16(bytes);
  }

  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = encoding === 'utf-16le';
    const hadBom = le ? leBom : beBom;
    const text = decodeUtf16(bytes, hadBom ? 2 : 0, le);
    if (textLooksBinary(text)) return { ok: false, error: binaryError() };
    return { ok: true, text, encoding, hadBom };
  }

  const hadBom = utf8Bom && (encoding === null || encoding === 'utf-8');
  const start = hadBom ? 3 : 0;
  if (looksBinary(bytes, start)) return { ok: false, error: binaryError() };
  if (encoding === 'windows-1252' || encoding === 'iso-8859-1') {
    return { ok: true, text: decodeSingleByte(bytes, start, encoding === 'windows-1252'), encoding, hadBom: false };
  }
  if (encoding === 'shift_jis' || encoding === 'euc-jp') {
    // Chosen by the user: bytes that are not valid in it show as replacement characters, not a refusal.
    return { ok: true, text: decodeJapanese(bytes, start, encoding, false) ?? decodeSingleByte(bytes, start, true), encoding, hadBom: false };
  }
  const utf8 = decodeUtf8Strict(bytes, start);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', hadBom };
  if (encoding === 'utf-8') {
    // Forced UTF-8 on bytes that are not: decode leniently with replacement characters.
    const Ctor = textDecoderCtor();
    const text = Ctor ? new Ctor('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start)) : decodeSingleByte(bytes, start, true);
    return { ok: true, text, encoding: 'utf-8', hadBom };
  }
  const japanese = sniffJapanese(bytes, start);
  if (japanese) return { ok: true, text: japanese.text, encoding: japanese.encoding, hadBom: false };
  return { ok: true, text: decodeSingleByte(bytes, start, true), encoding: 'windows-1252', hadBom: false };
}
