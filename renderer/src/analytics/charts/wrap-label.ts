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
      if (piece !== '' && widthOf(piece) + widthOf(ch) > limit) {
        lines.push(piece);
        piece = '';
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

/** The width of `s` in narrow characters. */
export function widthOf(s: string): number {
  let n = 0;
  for (const ch of s) n += isWide(ch) ? 2 : 1;
  return n;
}
