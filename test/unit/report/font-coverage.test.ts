import { describe, expect, it, vi } from 'vitest';
import { assertPrintable, missingGlyphs } from '../../../db/report/font-coverage';

/** A computer whose fonts have Latin and katakana only. */
const latinAndKatakana = () => (cp: number) => cp < 0x250 || (cp >= 0x30a0 && cp <= 0x30ff);

describe('fonts for every character a PDF prints', () => {
  it('names the characters no font has, once each, and looks nothing up for Latin text', () => {
    expect(missingGlyphs('ソフトバンクグループ 住友電気工業 住友', latinAndKatakana)).toEqual(['住', '友', '電', '気', '工', '業']);
    const probe = vi.fn(latinAndKatakana);
    expect(missingGlyphs('Café · €1,234.56 – “Müller”', probe)).toEqual([]);
    // A symbol no font has (an emoji in a name) is not a wrong word: not looked up, not refused.
    expect(missingGlyphs('🚀 Rockets ✓', probe)).toEqual([]);
    expect(probe).not.toHaveBeenCalled();
  });

  it('where fonts cannot be listed (no fontconfig), nothing is refused', () => {
    expect(missingGlyphs('住友電気工業', () => null)).toEqual([]);
  });

  it('refuses with the characters and what to install', () => {
    expect(() => assertPrintable('キオクシア 東京エレクトロン', latinAndKatakana)).toThrow(/\("東", "京"\).*Install a Japanese font \(Noto Sans CJK; Debian or Ubuntu: sudo apt-get install fonts-noto-cjk\).*Nothing was written\./);
    expect(() => assertPrintable('Ελληνικά', latinAndKatakana)).toThrow(/Install a font that has them/);
    expect(() => assertPrintable('キオクシア', latinAndKatakana)).not.toThrow();
  });
});
