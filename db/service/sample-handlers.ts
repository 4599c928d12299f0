import { ERROR_TEXT, saidError } from '../../shared/api/error-text';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendHandlers } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { SAMPLE_AS_OF, SAMPLE_CLIENT, SAMPLE_FILES, SAMPLE_FUND, SAMPLE_FX, SAMPLE_PREFIX } from '../../shared/samples/household';
import { setFxRates } from '../repos/fx';
import { fundConstituents } from '../repos/look-through';
import * as portfolios from '../repos/portfolios';
import { deletePortfolio } from '../repos/portfolio-edits';
import { removeTag } from '../repos/tags';
import { deletePreference, getPreference, setPreference } from '../repos/preference-values';
import type { HandlerContext } from './handler-context';

/** What loading the sample added, kept so removing it takes exactly that away. */
interface SampleRecord {
  portfolioIds: number[];
  fund: string;
  tags: { symbolKey: string; themeId: string }[];
}

const KEY = 'sample.household';

/**
 * The sample household (shared/samples/household.ts): loaded through the same calls as a user's
 * files (import, fund file, suggestions accepted), into an empty database only, so it never mixes
 * with real holdings; removed in one call, with the rates, fund and tags it brought.
 */
export function sampleHandlers({ db, now, withLookThrough }: HandlerContext, all: () => BackendHandlers) {
  const recorded = (): SampleRecord | null => {
    const row = getPreference(db, KEY);
    return row ? (JSON.parse(row) as SampleRecord) : null;
  };
  return {
    loadSampleHousehold: async () => {
      if (recorded()) throw saidError('CONFLICT', ERROR_TEXT.sampleLoaded, {});
      if (portfolios.listPortfolios(db).length > 0) {
        throw saidError('CONFLICT', ERROR_TEXT.sampleNotEmpty, {});
      }
      const h = all();
      const dir = mkdtempSync(join(tmpdir(), 'themelens-sample-'));
      const record: SampleRecord = { portfolioIds: [], fund: SAMPLE_FUND.symbol, tags: [] };
      try {
        // Rates first (marked as sample), so the household adds up in one currency.
        setFxRates(db, SAMPLE_FX.map((r) => ({ ...r, asOf: SAMPLE_AS_OF })), 'sample');
        for (const f of SAMPLE_FILES) {
          const path = join(dir, f.fileName);
          writeFileSync(path, f.text);
          const outcome = await h.importHoldings({ path, portfolioName: f.portfolio, baseCurrency: f.baseCurrency, clientName: SAMPLE_CLIENT, asOf: SAMPLE_AS_OF, options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
          record.portfolioIds.push(outcome.portfolio.id);
        }
        const fundPath = join(dir, SAMPLE_FUND.fileName);
        writeFileSync(fundPath, SAMPLE_FUND.text);
        await h.importFundHoldings({ fundSymbol: SAMPLE_FUND.symbol, path: fundPath });
        // Tagged from the pack as a user accepting the suggestions for what the household holds: its
        // positions, and the fund's constituents (the fund counts through their tags). Securities it
        // does not hold stay untagged, so no sub-theme it has nothing in appears.
        const constituents = new Set(fundConstituents(db, SAMPLE_FUND.symbol));
        const suggested = (await h.listSuggestions({ onlyHeld: false }))
          .filter((s) => s.held || constituents.has(s.symbolKey))
          .map((s) => ({ symbolKey: s.symbolKey, themeId: s.themeId }));
        if (suggested.length > 0) await h.acceptSuggestions({ items: suggested });
        record.tags = suggested;
        setPreference(db, KEY, JSON.stringify(record));
      } catch (err) {
        // Half a sample is no sample: take back what went in.
        removeSample(record);
        throw err;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      return { client: SAMPLE_CLIENT, portfolios: record.portfolioIds.length, tagged: record.tags.length };
    },
    removeSampleHousehold: () => {
      const record = recorded();
      if (!record) throw new AppError('NOT_FOUND', 'No sample household is loaded.');
      return { removed: removeSample(record) };
    },
  } satisfies Pick<BackendHandlers, 'loadSampleHousehold' | 'removeSampleHousehold'>;

  /** Deletes the sample's portfolios, fund, rates and accepted tags in one transaction; returns the portfolios removed. */
  function removeSample(record: SampleRecord): number {
    // As any tag edit: linked listings' copies (SoftBank's ADR) and funds' look-through follow.
    return withLookThrough(() => {
      let removed = 0;
      for (const p of portfolios.listPortfolios(db)) {
        if (record.portfolioIds.includes(p.id) && p.name.startsWith(SAMPLE_PREFIX)) {
          deletePortfolio(db, p.id);
          removed++;
        }
      }
      for (const t of record.tags) removeTag(db, t, now());
      removeTag(db, { symbolKey: record.fund }, now());
      db.prepare('DELETE FROM funds WHERE fund_key = ?').run(record.fund);
      db.prepare("DELETE FROM fx_rates WHERE source = 'sample'").run();
      const decision = db.prepare('DELETE FROM suggestion_decisions WHERE symbol_key = ? AND theme_id = ?');
      for (const t of record.tags) decision.run(t.symbolKey, t.themeId);
      deletePreference(db, KEY);
      return removed;
    });
  }
}
