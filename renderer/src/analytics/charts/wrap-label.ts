import { isWide } from '../../wide-text';

/**
 * A category label broken into lines that fit under its bar: by words (a theme's name), a word too
 * long for a line (or a Japanese name, which has no spaces) cut by characters. The last line ends in
 * "…" when the name needs more than `maxLines`. Widths count narrow characters; a full-width (CJK)
 * character counts as two.
 */
export function wrapLabel(text: string, maxWidth: number, maxLines = 2): string[] {
  const limit = Math.max(4, Math.floor(maxWidth));
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && widthOf(`${last} ${word}`) <= limit) {
      lines[lines.length - 1] = `${last} ${word}`;
      continue;
    }
    // Characters onto the current piece until the next one would not fit (one at least per piece).
    let piece = '';
    for (const ch of word) {
      // A mark that never starts a line (・, ー, 、) hangs at the end of this one.
      if (piece !== '' && widthOf(piece) + widthOf(ch) > limit && !NO_LINE_START.has(ch)) {
        const at = breakAt(piece);
        lines.push(piece.slice(0, at));
        piece = piece.slice(at);
      }
      piece += ch;
    }
    lines.push(piece);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let tail = [...(kept[maxLines - 1] as string)];
  while (tail.length > 0 && widthOf(tail.join('')) + 1 > limit) tail = tail.slice(0, -1);
  kept[maxLines - 1] = `${tail.join('').trimEnd()}…`;
  return kept;
}

/** Marks a Japanese line never starts with. */
const NO_LINE_START = new Set([...'・ー、。，．）」』】〕ぁぃぅぇぉっゃゅょァィゥェォッャュョ']);

/** A character's script, where Japanese words part: kana, kanji or other. */
function scriptOf(ch: string): 'katakana' | 'hiragana' | 'kanji' | 'other' {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x30a0 && c <= 0x30ff) return 'katakana';
  if (c >= 0x3040 && c <= 0x309f) return 'hiragana';
  if (c >= 0x4e00 && c <= 0x9fff) return 'kanji';
  return 'other';
}

/**
 * Where a piece that must break parts best: after its last "・", or where its script changes
 * (データセンター・|インフラ, ダイヤモンド|半導体), two characters in at least; else at its end.
 */
function breakAt(piece: string): number {
  const chars = [...piece];
  for (let i = chars.length - 1; i >= 2; i--) {
    const before = chars[i - 1] as string;
    const after = chars[i] as string;
    if (before === '・' || (scriptOf(before) !== scriptOf(after) && scriptOf(before) !== 'other' && scriptOf(after) !== 'other')) {
      return chars.slice(0, i).join('').length;
    }
  }
  return piece.length;
}

/** The width of `s` in narrow characters. */
export function widthOf(s: string): number {
  let n = 0;
  for (const ch of s) n += isWide(ch) ? 2 : 1;
  return n;
}
