import { spawnSync } from 'node:child_process';
import { AppError } from '../../shared/api/errors';

/**
 * Whether this computer has a font for every character a PDF will print. Chromium draws a character
 * no installed font has as an empty box, or drops it: an SBI holding's "ソフトバンクグループ" would be
 * unreadable on paper while the file looks fine, so printing is refused instead, saying what to install.
 *
 * Fonts are known through fontconfig (`fc-list`, Linux, which honours FONTCONFIG_FILE as Chromium
 * does). Where it is absent (Windows, macOS ship fonts for every script) nothing can be checked and
 * nothing is refused.
 */
export type CoverageProbe = () => ((codePoint: number) => boolean) | null;

/** Reads the union of every installed font's character set, on each call: a font installed since is seen. */
export const fontconfigCoverage: CoverageProbe = () => {
  const r = spawnSync('fc-list', ['--format', '%{charset}\\n'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 10_000 });
  if (r.error || r.status !== 0) return null;
  const ranges: [number, number][] = [];
  for (const token of r.stdout.split(/\s+/)) {
    const m = /^([0-9a-f]+)(?:-([0-9a-f]+))?$/.exec(token);
    if (m) ranges.push([parseInt(m[1] as string, 16), parseInt((m[2] ?? m[1]) as string, 16)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  // Merged, so one binary search answers each character.
  const merged: [number, number][] = [];
  for (const [lo, hi] of ranges) {
    const last = merged.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return (cp) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = merged[mid] as [number, number];
      if (cp < a) hi = mid - 1;
      else if (cp > b) lo = mid + 1;
      else return true;
    }
    return false;
  };
};

/**
 * Letters and digits carry a name's meaning: one drawn as a box makes "住友電気工業" unreadable. A
 * missing symbol (an emoji in a portfolio's name) is a blemish, not a wrong word: it is not refused.
 */
const MEANINGFUL = /[\p{L}\p{N}]/u;

/** The distinct characters of `text` no installed font has (at most `limit`), or [] when it cannot be told. */
export function missingGlyphs(text: string, probe: CoverageProbe, limit = 8): string[] {
  // Latin letters, general punctuation and currency signs are in every font a system prints with:
  // only other scripts are looked up, so a report in English costs no lookup at all.
  const rare = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x250 || (cp >= 0x2000 && cp < 0x20d0) || !MEANINGFUL.test(ch)) continue;
    rare.add(ch);
  }
  if (rare.size === 0) return [];
  const has = probe();
  if (!has) return [];
  return [...rare].filter((ch) => !has(ch.codePointAt(0) as number)).slice(0, limit);
}

/** Refuses to print text that would come out as empty boxes; says which characters and what to install. */
export function assertPrintable(text: string, probe: CoverageProbe): void {
  const missing = missingGlyphs(text, probe);
  if (missing.length === 0) return;
  const japanese = missing.some((c) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c));
  const install = japanese ? 'a Japanese font (Noto Sans CJK; Debian or Ubuntu: sudo apt-get install fonts-noto-cjk)' : 'a font that has them (Noto fonts cover most scripts)';
  throw new AppError(
    'UNSUPPORTED',
    `This report has letters no font on this computer can print (${missing.map((c) => `"${c}"`).join(', ')}): the PDF would show empty boxes in their place. Install ${install}, or export HTML, XLSX, CSV or JSON, which keep the text as it is. Nothing was written.`,
  );
}
