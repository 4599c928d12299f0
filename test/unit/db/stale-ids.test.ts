import { describe, expect, it } from 'vitest';
import { ERROR_TEXT } from '../../../shared/api/error-text';
import { AppError } from '../../../shared/api/errors';
import { createRule, deleteRule } from '../../../db/repos/rules';
import { acceptSuggestions } from '../../../db/repos/suggestions';
import { applyTagChanges, removeTag, setTag } from '../../../db/repos/tags';
import { createTheme, deleteTheme, reorderThemes, updateTheme } from '../../../db/repos/theme-edits';
import { decideReview } from '../../../db/securities/queries';
import { makeDb } from '../exposure/fixture';

const NOW = '2026-12-06T00:00:00Z';

/** What a call threw: its code, English and template (or null when it threw nothing). */
function refusal(call: () => unknown): { code: string; message: string; text: unknown; params: unknown } | null {
  try {
    call();
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { code: err.code, message: err.message, text: err.details?.['text'], params: err.details?.['params'] };
  }
}

/**
 * An id the window held that is gone meanwhile (a theme, rule or review deleted from the command
 * line or another window): refused with the same English as ever, and with its template and
 * figures, so the Japanese interface says it in Japanese (shared/api/error-text.ts).
 */
describe('refusals of ids that are gone', () => {
  const db = makeDb();
  const cases: [string, () => unknown, string, Record<string, string>, string][] = [
    ['edit a theme', () => updateTheme(db, { id: 'robots', name: 'Robots' }), ERROR_TEXT.themeGone, { themeId: 'robots' }, 'There is no theme "robots".'],
    ['delete a theme', () => deleteTheme(db, 'robots', NOW), ERROR_TEXT.themeGone, { themeId: 'robots' }, 'There is no theme "robots".'],
    ['reorder themes', () => reorderThemes(db, ['data-centers', 'robots']), ERROR_TEXT.themeGone, { themeId: 'robots' }, 'There is no theme "robots".'],
    ['a sub-theme under a deleted theme', () => createTheme(db, { name: 'Cooling', parentId: 'robots' }), ERROR_TEXT.parentGone, { themeId: 'robots' }, 'There is no theme "robots" to put it under.'],
    ['a rule for a deleted theme', () => createRule(db, { kind: 'symbols', pattern: 'NVDA', themeId: 'robots', weightBp: 5000, priority: 0 }, NOW), ERROR_TEXT.themeGone, { themeId: 'robots' }, 'There is no theme "robots".'],
    ['delete a deleted rule', () => deleteRule(db, 99), ERROR_TEXT.ruleGone, { id: '99' }, 'There is no rule 99.'],
    ['tag with a deleted theme', () => setTag(db, { symbolKey: 'NVDA', themeId: 'robots', weightBp: 5000 }, NOW), ERROR_TEXT.themeGoneList, { themeId: 'robots' }, 'There is no theme "robots". Run "themelens themes" to list the theme ids.'],
    ['bulk-tag with a deleted theme', () => applyTagChanges(db, [{ symbolKey: 'NVDA', themeId: 'robots', weightBp: 5000 }], NOW), ERROR_TEXT.themeGoneList, { themeId: 'robots' }, 'There is no theme "robots". Run "themelens themes" to list the theme ids.'],
    ['untag a tag removed meanwhile', () => removeTag(db, { symbolKey: 'NVDA', themeId: 'data-centers' }, NOW), ERROR_TEXT.notTaggedWith, { key: 'NVDA', themeId: 'data-centers' }, 'NVDA is not tagged with "data-centers".'],
    ['untag every theme of an untagged key', () => removeTag(db, { symbolKey: 'NVDA' }, NOW), ERROR_TEXT.noTags, { key: 'NVDA' }, 'NVDA has no tags.'],
    ['accept a suggestion the pack does not make', () => acceptSuggestions(db, [{ symbolKey: 'ZZZZ', themeId: 'data-centers' }], NOW), ERROR_TEXT.suggestionGone, { key: 'ZZZZ', themeId: 'data-centers' }, 'There is no suggestion of ZZZZ for data-centers.'],
    ['decide a review decided meanwhile', () => decideReview(db, 99, 'reject', undefined, NOW), ERROR_TEXT.reviewGone, { id: '99' }, 'There is no review item 99.'],
  ];
  it.each(cases)('%s', (_what, call, text, params, english) => {
    expect(refusal(call)).toEqual({ code: 'NOT_FOUND', message: english, text, params });
  });

  it("accept a pack suggestion whose theme's parent was deleted meanwhile", () => {
    const other = makeDb();
    // The pack's sub-theme dc-operators goes under Data-center infrastructure, deleted here.
    deleteTheme(other, 'data-centers', NOW);
    expect(refusal(() => acceptSuggestions(other, [{ symbolKey: 'EQIX', themeId: 'dc-operators' }], NOW))).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no theme "dc-operators" for this suggestion: its theme was deleted.',
      text: ERROR_TEXT.suggestionThemeGone,
      params: { themeId: 'dc-operators' },
    });
  });
});
