import { describe, expect, it } from 'vitest';
import { widthOf, wrapLabel } from '../../../renderer/src/analytics/charts/wrap-label';

describe('a bar label broken into lines that fit under its bar', () => {
  it('keeps a name that fits on one line', () => {
    expect(wrapLabel('Untagged', 16)).toEqual(['Untagged']);
  });

  it('breaks a theme name between words, never inside one that fits', () => {
    expect(wrapLabel('Data-center infrastructure', 16)).toEqual(['Data-center', 'infrastructure']);
    expect(wrapLabel('Diamond semiconductors', 16)).toEqual(['Diamond', 'semiconductors']);
    expect(wrapLabel('Crude-oil logistics', 20)).toEqual(['Crude-oil logistics']);
  });

  it('ends the last line in an ellipsis when the name needs more lines, and stays within the width', () => {
    const lines = wrapLabel('Lab-grown diamond wafers for power semiconductors', 14);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const l of lines) expect(widthOf(l)).toBeLessThanOrEqual(14);
  });

  it('cuts a word longer than a line by characters', () => {
    expect(wrapLabel('Supercalifragilistic', 8, 3)).toEqual(['Supercal', 'ifragili', 'stic']);
  });

  it('counts Japanese characters as two narrow ones and cuts a Japanese name by characters', () => {
    expect(widthOf('データ')).toBe(6);
    expect(wrapLabel('データセンター基盤', 10)).toEqual(['データセン', 'ター基盤']);
    expect(wrapLabel('ダイヤモンド半導体ウエハー', 8)).toEqual(['ダイヤモ', 'ンド…']); // 半導体 starts the next line, past the two kept
  });

  it('parts a Japanese name where its words part: after ・, or where kana meets kanji; never starts a line with ・ or ー', () => {
    expect(wrapLabel('データセンター・インフラ', 16)).toEqual(['データセンター・', 'インフラ']);
    expect(wrapLabel('データセンター・インフラ', 14)).toEqual(['データセンター・', 'インフラ']); // ・ hangs
    expect(wrapLabel('ダイヤモンド半導体', 14)).toEqual(['ダイヤモンド', '半導体']);
    for (const limit of [6, 8, 10, 12, 14, 16]) {
      for (const line of wrapLabel('データセンター・インフラ', limit, 4).slice(1)) expect(['・', 'ー']).not.toContain(line[0]);
    }
  });
});
