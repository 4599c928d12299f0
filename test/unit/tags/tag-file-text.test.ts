import { describe, expect, it } from 'vitest';
import { TAG_FILE_TEXT, tagFileSaid, type TagFileText } from '../../../shared/tags/tag-file-text';
import { parseTagCsv, parseTagJson } from '../../../shared/tags/tag-file-format';

/**
 * Why a tag file's row cannot be read or applied, in English word for word as the command line
 * printed it before the messages became templates (the app says them in Japanese from the same
 * template and figures).
 */
describe("a tag file's reasons, in English", () => {
  const cases: [TagFileText, Record<string, string>, string][] = [
    [TAG_FILE_TEXT.badHeader, { columns: 'symbol,isin,exchange,theme,weight,rationale,source' }, 'The first line must name the columns symbol,isin,exchange,theme,weight,rationale,source; symbol, theme and weight are required.'],
    [TAG_FILE_TEXT.emptySymbol, {}, 'The symbol is empty.'],
    [TAG_FILE_TEXT.badThemeId, {}, 'A theme id is lower-case letters, digits and dashes (see "themelens themes").'],
    [TAG_FILE_TEXT.badWeight, {}, 'The weight must be a fraction 0..1 (0.5) or a percentage (50%).'],
    [TAG_FILE_TEXT.unclosedQuote, {}, 'A quoted cell is never closed.'],
    [TAG_FILE_TEXT.notJson, { detail: 'Unexpected end of JSON input' }, 'Not valid JSON: Unexpected end of JSON input'],
    [TAG_FILE_TEXT.notTagsFile, {}, 'This is not a ThemeLens tags file (format "themelens-tags").'],
    [TAG_FILE_TEXT.themeIncomplete, { n: '2' }, 'Theme 2 needs an id and a name.'],
    [TAG_FILE_TEXT.tagIncomplete, { n: '3' }, 'Tag 3 needs a symbol, a theme id and a weight 0..1.'],
    [TAG_FILE_TEXT.badIsin, { isin: 'US0000000001' }, 'US0000000001 is not a valid ISIN (its check digit fails).'],
    [TAG_FILE_TEXT.isinElsewhere, { symbol: 'NVDA', exchange: 'US', byTicker: 'NVDA', isin: 'US5949181045', byIsin: 'MSFT' }, 'NVDA on US is NVDA here, but ISIN US5949181045 is MSFT: not applied.'],
    [TAG_FILE_TEXT.noTheme, { theme: 'space' }, 'There is no theme "space" here or in the file.'],
    [TAG_FILE_TEXT.taggedByHand, { key: 'NVDA', theme: 'data-centers', old: '80', new: '50' }, "NVDA is tagged data-centers by hand at 80%; the file says 50%. Change it by hand, or untag it first to take the file's weight."],
    [TAG_FILE_TEXT.over100, { key: 'NVDA', total: '120.5' }, 'NVDA would be 120.5% tagged; at most 100% is allowed.'],
    [TAG_FILE_TEXT.twice, { key: 'NVDA', theme: 'data-centers', first: '2' }, 'NVDA is tagged data-centers on line 2 too; keep one of the two rows.'],
    [TAG_FILE_TEXT.cash, { key: 'CASH:USD' }, 'CASH:USD is cash, which is never part of a theme; remove the row.'],
    [TAG_FILE_TEXT.strayCell, { cell: '5', column: '4' }, '"5" in column 4 is under no column name: a weight written with a decimal comma (0,5) may have been split in two. Write it with a point (0.5) or as a percentage (50%).'],
  ];

  it('every template is pinned here', () => {
    expect(new Set(cases.map(([text]) => text))).toEqual(new Set(Object.values(TAG_FILE_TEXT)));
  });

  it.each(cases)('%s', (text, params, english) => {
    expect(tagFileSaid(text, params)).toEqual({ message: english, text, params });
  });

  it('a file read carries each row\'s template and figures', () => {
    expect(parseTagCsv('symbol,theme,weight\n,data-centers,0.5\nNVDA,Data Centers,0.5\nNVDA,data-centers,lots\n').errors.map((e) => [e.line, e.text])).toEqual([
      [2, TAG_FILE_TEXT.emptySymbol],
      [3, TAG_FILE_TEXT.badThemeId],
      [4, TAG_FILE_TEXT.badWeight],
    ]);
    // A weight with a decimal comma, unquoted, splits: its 0 is never taken for the weight.
    const split = parseTagCsv('symbol,theme,weight\nKMI,oil-logistics,0,5\nNVDA,data-centers,0.5\n');
    expect(split.errors.map((e) => [e.line, e.column, e.text, e.message])).toEqual([[2, 4, TAG_FILE_TEXT.strayCell, expect.stringMatching(/^"5" in column 4 is under no column name/)]]);
    expect(split.tags.map((t) => t.symbol)).toEqual(['NVDA']);
    // Words after an unquoted comma in a rationale are not a split weight: read as before.
    expect(parseTagCsv('symbol,theme,weight,rationale\nNVDA,data-centers,0.5,GPUs, networking\n').errors).toEqual([]);
    expect(parseTagJson('{"format":"themelens-tags","themes":[{"id":"x"}],"tags":[{"symbol":"A"}]}').errors.map((e) => [e.line, e.text, e.params, e.message])).toEqual([
      [1, TAG_FILE_TEXT.themeIncomplete, { n: '1' }, 'Theme 1 needs an id and a name.'],
      [1, TAG_FILE_TEXT.tagIncomplete, { n: '1' }, 'Tag 1 needs a symbol, a theme id and a weight 0..1.'],
    ]);
  });
});
