import { describe, expect, it } from 'vitest';
import { ERROR_TEXT, saidError, type ErrorText } from '../../../shared/api/error-text';

/** The backend's other refusals, in English word for word as the command line printed them before they became templates. */
describe('refusals said from templates, in English', () => {
  const cases: [ErrorText, Record<string, string>, string][] = [
    [ERROR_TEXT.weightOver100, { key: 'KMI', others: '80%', left: '20%', theme: 'Data-center infrastructure' }, 'KMI is already 80% tagged to other themes; at most 20% is left for Data-center infrastructure.'],
    [ERROR_TEXT.fullyTagged, { key: 'NVDA', theme: 'data-centers' }, 'NVDA is already 100% tagged; untag it first to accept the data-centers suggestion.'],
    [ERROR_TEXT.fundWeight, { cell: 'abc' }, 'Weight "abc" is not a number. Nothing was imported.'],
    [ERROR_TEXT.fundNoHeader, {}, 'No header with Ticker (or ISIN) and Weight (%) was found: is this an issuer holdings file? Nothing was imported.'],
    [ERROR_TEXT.fundNoHoldings, {}, 'no holdings were found below the header. Nothing was imported.'],
    [ERROR_TEXT.fundWeightOver100, { cell: '100.5' }, 'Weight "100.5" is more than 100% of the fund, or less than -100%. Nothing was imported.'],
    [ERROR_TEXT.fundHoldingOver100, { key: 'NVDA', total: '120.00' }, 'NVDA is listed for 120.00% of the fund in all, more than 100%. Nothing was imported.'],
    [ERROR_TEXT.fundIsCash, { key: 'CASH:USD' }, 'CASH:USD is cash, which is never part of a theme: it holds nothing to look through. Nothing was imported.'],
    [ERROR_TEXT.cashLinked, { key: 'CASH:USD' }, 'CASH:USD is cash, which is never part of a theme: it cannot share tags with another security. Nothing was linked.'],
    [ERROR_TEXT.portfolioExistsImport, { name: 'NISA' }, 'A portfolio named "NISA" already exists. Choose another name or import into it.'],
    [ERROR_TEXT.portfolioExists, { name: 'NISA' }, 'A portfolio named "NISA" already exists. Choose another name.'],
    [ERROR_TEXT.themeExists, { name: 'Robots' }, 'A theme named "Robots" already exists.'],
    [ERROR_TEXT.subThemeDeep, { name: 'Cooling' }, 'Cooling is itself a sub-theme; sub-themes go one level deep.'],
    [ERROR_TEXT.subThemeNameTaken, { name: 'Data-center operators and REITs' }, 'The pack\'s sub-theme "Data-center operators and REITs" has the name of a theme you already have. Rename yours first.'],
    [ERROR_TEXT.ownParent, {}, 'A theme cannot be its own parent.'],
    [ERROR_TEXT.hasSubThemes, {}, 'This theme has sub-themes of its own, so it stays a top-level theme.'],
    [ERROR_TEXT.importRunning, {}, 'Another import is running; wait for it to finish or cancel it.'],
    [ERROR_TEXT.restoreWhileImport, {}, 'An import is running; wait for it to finish or cancel it, then restore.'],
    [ERROR_TEXT.ruleNeedsPattern, {}, 'A rule needs a pattern.'],
    [ERROR_TEXT.targetsOverPortfolio, { total: '110.00' }, 'The targets of this portfolio would add up to 110.00%, more than 100%. Lower another target first. Nothing was changed.'],
    [ERROR_TEXT.targetsOverClient, { client: 'Tanaka', total: '110.00' }, 'The targets of Tanaka would add up to 110.00%, more than 100%. Lower another target first. Nothing was changed.'],
    [ERROR_TEXT.logoNotImage, {}, 'The logo is not a PNG or JPEG image (whatever its name says). Save it as PNG or JPEG.'],
    [ERROR_TEXT.logoTooLarge, { size: '600', limit: '512' }, 'The logo is 600 KB; the limit is 512 KB. Use a smaller image.'],
    [ERROR_TEXT.linkedToItself, { canonical: 'GOOG', key: 'GOOGL' }, 'GOOG is already linked to GOOGL; a key cannot take its own tags.'],
    [ERROR_TEXT.bothTagged, { key: 'ACME2', target: 'NVDA' }, 'ACME2 and NVDA both have tags of their own. Untag one of them first (themelens untag ACME2); nothing was linked.'],
    [ERROR_TEXT.alreadyOne, { key: 'GOOG', canonical: 'GOOGL', one: 'GOOGL' }, 'GOOG and GOOGL are already one security (GOOGL).'],
    [
      ERROR_TEXT.pricesOlder,
      { file: 'prices.csv', asOf: '2026-01-31', portfolio: 'NISA', latest: '2026-06-30' },
      "prices.csv: prices as of 2026-01-31 are older than NISA's latest holdings (as of 2026-06-30). Use prices on or after 2026-06-30. Nothing was written.",
    ],
    [ERROR_TEXT.backupCopyFailed, {}, 'The backup copy failed its integrity check; it was discarded. The database itself is unchanged.'],
    [ERROR_TEXT.undoGone, {}, 'That deletion can no longer be undone (the app was restarted or it was already undone).'],
    [ERROR_TEXT.undoPortfolioGone, {}, 'The portfolio that snapshot was in is gone (deleted, or a backup restored), so the deletion cannot be undone.'],
    [ERROR_TEXT.snapshotImportedAgain, { file: 'a.csv', date: '2026-11-01' }, 'a.csv was imported into this portfolio again (as of 2026-11-01) after the deletion: the snapshot is there already, so the deletion is not undone.'],
    [ERROR_TEXT.sampleLoaded, {}, 'The sample household is already loaded. Remove it first (Remove the sample, on its banner, or themelens demo --remove).'],
    [ERROR_TEXT.sampleNotEmpty, {}, 'The sample household goes in an empty database, so that it never mixes with real holdings. Use a new database file: themelens demo --db sample.db'],
    [ERROR_TEXT.noSnapshots, { portfolio: 'NISA' }, 'NISA has no snapshots yet. Import a holdings file into it first.'],
    [ERROR_TEXT.nothingToReprice, { portfolio: 'NISA' }, 'NISA has no holdings to reprice yet. Import a holdings file first.'],
    [ERROR_TEXT.themeGone, { themeId: 'robots' }, 'There is no theme "robots".'],
    [ERROR_TEXT.themeGoneList, { themeId: 'robots' }, 'There is no theme "robots". Run "themelens themes" to list the theme ids.'],
    [ERROR_TEXT.parentGone, { themeId: 'robots' }, 'There is no theme "robots" to put it under.'],
    [ERROR_TEXT.suggestionThemeGone, { themeId: 'robots' }, 'There is no theme "robots" for this suggestion: its theme was deleted.'],
    [ERROR_TEXT.suggestionGone, { key: 'NVDA', themeId: 'robots' }, 'There is no suggestion of NVDA for robots.'],
    [ERROR_TEXT.notTaggedWith, { key: 'NVDA', themeId: 'robots' }, 'NVDA is not tagged with "robots".'],
    [ERROR_TEXT.noTags, { key: 'NVDA' }, 'NVDA has no tags.'],
    [ERROR_TEXT.cashTagged, { key: 'CASH:USD' }, 'CASH:USD is cash, which is never part of a theme (reports show it as "of which cash" under Untagged). Nothing was tagged. To count a money-market fund in a theme, import it as a security, not as cash.'],
    [ERROR_TEXT.ruleGone, { id: '7' }, 'There is no rule 7.'],
    [ERROR_TEXT.reviewGone, { id: '7' }, 'There is no review item 7.'],
    [ERROR_TEXT.readOnlyFile, { path: '/data/themelens.db' }, '/data/themelens.db is read-only: you can look at your portfolios, but changes cannot be saved. Make the file writable and restart ThemeLens to make changes.'],
  ];

  it('every template is pinned here', () => {
    expect(new Set(cases.map(([text]) => text))).toEqual(new Set(Object.values(ERROR_TEXT)));
  });

  it.each(cases)('%s', (text, params, english) => {
    const e = saidError('CONFLICT', text, params, { extra: 1 });
    expect(e.message).toBe(english);
    expect(e.details).toEqual({ extra: 1, text, params });
  });
});
