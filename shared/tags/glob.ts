/**
 * Glob patterns for tagging rules (`*` any run, `?` one character, case-insensitive), matched without
 * a regular expression: a regex such as /^.*a.*a.*a.*b$/ backtracks exponentially on a long
 * description, and rules run inside every import. Here the pattern is cut at its stars into literal
 * segments; the first must start the text, the last must end it, and each middle one is found at its
 * leftmost place after the previous (leftmost is always safe for globs). Cost: at most text length x
 * segment length per segment, never exponential.
 */

/** Index of `seg` in `text` at or after `from`, with `?` matching any one character; -1 if none. */
function indexOfSegment(text: string, seg: string, from: number): number {
  if (!seg.includes('?')) return text.indexOf(seg, from);
  const last = text.length - seg.length;
  for (let i = from; i <= last; i++) {
    let j = 0;
    while (j < seg.length && (seg[j] === '?' || seg[j] === text[i + j])) j++;
    if (j === seg.length) return i;
  }
  return -1;
}

function segmentAt(text: string, seg: string, at: number): boolean {
  if (at < 0 || at + seg.length > text.length) return false;
  for (let j = 0; j < seg.length; j++) if (seg[j] !== '?' && seg[j] !== text[at + j]) return false;
  return true;
}

/** A predicate for one glob; compile once, test many texts. */
export function compileGlob(pattern: string): (text: string) => boolean {
  const segs = pattern.toLowerCase().split('*');
  if (segs.length === 1) {
    const only = segs[0] as string;
    return (text) => text.length === only.length && segmentAt(text.toLowerCase(), only, 0);
  }
  const first = segs[0] as string;
  const lastSeg = segs[segs.length - 1] as string;
  const middle = segs.slice(1, -1).filter((s) => s.length > 0);
  const minLength = first.length + lastSeg.length + middle.reduce((n, s) => n + s.length, 0);
  return (raw) => {
    if (raw.length < minLength) return false;
    const text = raw.toLowerCase();
    if (!segmentAt(text, first, 0)) return false;
    const end = text.length - lastSeg.length;
    if (!segmentAt(text, lastSeg, end)) return false;
    let at = first.length;
    for (const seg of middle) {
      const found = indexOfSegment(text, seg, at);
      if (found < 0 || found + seg.length > end) return false;
      at = found + seg.length;
    }
    return at <= end;
  };
}
