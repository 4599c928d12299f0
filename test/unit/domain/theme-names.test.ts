import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK, DEFAULT_THEMES } from '../../../shared/domain/default-themes';
import { packNameOf, SHIPPED_THEME_IDS, withThemeNamesIn } from '../../../shared/domain/theme-names';
import starter from '../../../shared/suggestions/us-japan-2026.json';
import { JAPANESE_RATIONALES } from '../../../shared/suggestions/rationales-ja';

/** The bundled pack's themes as the file ships them. */
const PACK_V1_THEMES = starter.themes.map((t) => ({ id: t.id, name: t.name, description: t.description }));

describe('default theme names in the reader\'s language', () => {
  const exposure = {
    portfolio: 'NISA',
    themes: [
      { id: 'data-centers', name: 'Data-center infrastructure', value: 10 },
      { id: 'oil-logistics', name: 'My oil names', value: 5 },
      { id: 'robotics', name: 'Robotics', value: 1 },
    ],
    nested: { roots: [{ id: 'diamond-semiconductors', name: 'Diamond semiconductors', color: '#7c3aed' }] },
  };

  it('leaves everything as it is in English (the same object)', () => {
    expect(withThemeNamesIn(exposure, 'en')).toBe(exposure);
  });

  it('names a default theme left as shipped in Japanese, wherever it sits, and keeps a name the user wrote', () => {
    const ja = withThemeNamesIn(exposure, 'ja');
    expect(ja.themes.map((t) => t.name)).toEqual(['データセンター・インフラ', 'My oil names', 'Robotics']);
    expect(ja.nested.roots[0]!.name).toBe('ダイヤモンド半導体');
    expect(ja.themes[0]!.value).toBe(10);
    // The original is not touched; what did not change is shared, not copied.
    expect(exposure.themes[0]!.name).toBe('Data-center infrastructure');
    expect(ja.themes[2]).toBe(exposure.themes[2]);
  });

  it("names the shipped pack in Japanese (a theme's pack, a report's packs), never one the user named; the window's Japanese stands for it", () => {
    const [dc, mine] = withThemeNamesIn([{ ...DEFAULT_THEMES[0]! }, { id: 'robotics', name: 'Robotics', pack: 'My themes' }], 'ja');
    expect(dc!.pack).toBe('日米戦略的投資（2026年）');
    expect(mine!.pack).toBe('My themes');
    expect(withThemeNamesIn({ packs: [DEFAULT_PACK, 'My themes'] }, 'ja').packs).toEqual(['日米戦略的投資（2026年）', 'My themes']);
    expect(withThemeNamesIn({ ...DEFAULT_THEMES[0]! }, 'en').pack).toBe(DEFAULT_PACK);
    expect(packNameOf('日米戦略的投資（2026年）')).toBe(DEFAULT_PACK);
    expect(packNameOf('My themes')).toBe('My themes');
  });

  it('translates a shipped description with its name, never one the user wrote', () => {
    const [dc, oil] = withThemeNamesIn([{ ...DEFAULT_THEMES[0]! }, { ...DEFAULT_THEMES[1]!, description: 'Mine' }], 'ja');
    expect(dc!.description).toMatch(/データセンター/);
    expect(oil!.name).toBe('原油物流');
    expect(oil!.description).toBe('Mine');
  });

  it('does not touch an object that only looks like a theme by its id', () => {
    const other = { id: 'data-centers', name: 'Something else' };
    expect(withThemeNamesIn(other, 'ja')).toBe(other);
  });
});

describe("the bundled pack's sub-themes in the reader's language", () => {
  it('every theme the app ships, default or from the pack, has its Japanese name and description', () => {
    const shipped = [...DEFAULT_THEMES, ...PACK_V1_THEMES];
    expect(SHIPPED_THEME_IDS).toEqual(shipped.map((t) => t.id));
    for (const t of withThemeNamesIn(shipped.map((x) => ({ ...x })), 'ja')) {
      expect(t.name, t.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(t.description, t.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('names a sub-theme left as the pack ships it in Japanese, and keeps one the user renamed', () => {
    const [kept, renamed] = withThemeNamesIn(
      [
        { id: 'dc-operators', name: 'Data-center operators and REITs', parentId: 'data-centers' },
        { id: 'ol-shipping', name: 'My tankers', parentId: 'oil-logistics' },
      ],
      'ja',
    );
    expect(kept!.name).toBe('データセンター事業者・REIT');
    expect(renamed!.name).toBe('My tankers');
  });
});

describe("the bundled pack's rationales in Japanese", () => {
  it('every suggestion of the pack has one', () => {
    for (const s of starter.suggestions) expect(JAPANESE_RATIONALES.get(s.rationale), `${s.symbol} ${s.theme}`).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(JAPANESE_RATIONALES.size).toBe(new Set(starter.suggestions.map((s) => s.rationale)).size);
  });

  it('keeps every figure of the English (as written, or billions and millions counted in 億 and 万)', () => {
    /** A sum of money or a count as the Japanese writes it: 1.65bn is 16億5000万, 2 million 200万. */
    const inOku = (v: number) => {
      const oku = Math.floor(v / 1e8);
      const man = Math.round((v - oku * 1e8) / 1e4);
      return oku > 0 ? `${oku}億${man ? `${man}万` : ''}` : `${man}万`;
    };
    for (const s of starter.suggestions) {
      const ja = JAPANESE_RATIONALES.get(s.rationale)!;
      for (const m of s.rationale.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(bn|billion|m\b|million)?/g)) {
        const [token, scale] = [m[1]!, m[2]];
        const value = Number(token.replace(/,/g, '')) * (scale === 'bn' || scale === 'billion' ? 1e9 : scale ? 1e6 : 1);
        // 300,000 tonnes reads 30万トン: a count of ten thousand or more may be in 万 too.
        const written = [token, token.replace(/,/g, ''), ...(scale || value >= 1e4 ? [inOku(value)] : [])];
        expect(written.some((w) => ja.includes(w)), `${s.symbol} ${s.theme}: ${m[0]} in ${ja}`).toBe(true);
      }
    }
    const corning = starter.suggestions.find((s) => s.symbol === 'GLW')!;
    expect(JAPANESE_RATIONALES.get(corning.rationale)).toMatch(/33%増の16億5000万ドル/);
  });

  it('reads a rationale still as shipped in Japanese, and leaves one the user wrote, and English, as they are', () => {
    const [shipped] = starter.suggestions;
    const answer = [{ symbol: shipped!.symbol, rationale: shipped!.rationale }, { symbol: 'NVDA', rationale: 'Our own reasoning.' }];
    const [ja, mine] = withThemeNamesIn(answer, 'ja');
    expect(ja!.rationale).toBe(JAPANESE_RATIONALES.get(shipped!.rationale));
    expect(mine).toBe(answer[1]);
    expect(withThemeNamesIn(answer, 'en')).toBe(answer);
  });
});

