/** East Asian wide and full-width characters (CJK, kana, Hangul, full-width forms). */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

/**
 * True when the text has a wide character: such text may break after any character, so a table
 * column of it would shrink to one character unless it is given a width of its own.
 */
export function hasWide(s: string): boolean {
  for (const ch of s) if (isWide(ch)) return true;
  return false;
}
