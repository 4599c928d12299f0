import { describe, expect, it } from 'vitest';
import { DEFAULT_THEMES } from '../../../shared/domain/default-themes';
import { withThemeNamesIn } from '../../../shared/domain/theme-names';

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
