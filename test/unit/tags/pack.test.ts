import { describe, expect, it } from 'vitest';
import { DEFAULT_THEMES } from '../../../shared/domain/default-themes';
import { isinCheckDigit } from '../../../shared/securities/identifiers';
import { PROGRAM_PROJECTS } from '../../../shared/suggestions/projects';
import { STARTER_PACK, STARTER_SUGGESTIONS, STARTER_THEMES } from '../../../shared/suggestions/suggestions';
import { programHint } from '../../../shared/suggestions/hint';

describe('the seed pack file', () => {
  it('every suggestion: a valid ISIN (check digit), a known exchange, a name, a weight in 0..1, a dated https source', () => {
    for (const s of STARTER_SUGGESTIONS) {
      expect(s.isin).toMatch(/^[A-Z]{2}[A-Z0-9]{9}\d$/);
      expect(isinCheckDigit(s.isin.slice(0, 11))).toBe(Number(s.isin[11]));
      expect(['XNAS', 'XNYS', 'XTKS', 'XLON', 'XPAR', 'XAMS', 'XETR', 'XMIL', 'XSWX', 'XTSE']).toContain(s.exchange);
      expect(s.name.length).toBeGreaterThan(3);
      expect(s.weightBp).toBeGreaterThan(0);
      expect(s.weightBp).toBeLessThanOrEqual(10_000);
      expect(s.source).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
      expect(s.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(STARTER_PACK.version).toBeGreaterThanOrEqual(2);
    expect(STARTER_PACK.method).toMatch(/pure play/);
  });

  // The issue asks for 60, 10 per theme: data centers and crude logistics have more than 20 each;
  // diamond has 8 so far (listed companies whose diamond link a public page states are few).
  it('60 securities or more, 10 or more per seed theme, from US, Japanese and European markets', () => {
    expect(STARTER_SUGGESTIONS.length).toBeGreaterThanOrEqual(60);
    const rootOf = (themeId: string) => STARTER_THEMES.find((t) => t.id === themeId)?.parentId;
    const count = (theme: string) => new Set(STARTER_SUGGESTIONS.filter((s) => rootOf(s.themeId) === theme).map((s) => s.isin)).size;
    expect(count('data-centers')).toBeGreaterThanOrEqual(20);
    expect(count('oil-logistics')).toBeGreaterThanOrEqual(20);
    expect(count('diamond-semiconductors')).toBeGreaterThanOrEqual(10);
    // Every sub-theme holds suggestions, and every suggestion names a sub-theme under a default theme.
    for (const sub of STARTER_THEMES) {
      expect(DEFAULT_THEMES.map((t) => t.id), sub.id).toContain(sub.parentId);
      expect(STARTER_SUGGESTIONS.some((s) => s.themeId === sub.id), sub.id).toBe(true);
    }
    for (const s of STARTER_SUGGESTIONS) expect(rootOf(s.themeId), `${s.symbolKey} ${s.themeId}`).toBeDefined();
    const markets = new Set(STARTER_SUGGESTIONS.map((s) => s.exchange));
    expect(markets.has('XNAS') || markets.has('XNYS')).toBe(true);
    expect(markets.has('XTKS')).toBe(true);
    expect(['XLON', 'XPAR', 'XAMS', 'XETR', 'XSWX'].some((m) => markets.has(m))).toBe(true);
    // A Tokyo listing's ISIN is Japanese; one ISIN is one security, under one listing.
    for (const s of STARTER_SUGGESTIONS.filter((x) => x.exchange === 'XTKS')) expect(s.isin.slice(0, 2), s.symbolKey).toBe('JP');
    const listingOf = new Map<string, string>();
    for (const s of STARTER_SUGGESTIONS) {
      expect(listingOf.get(s.isin) ?? s.symbolKey, s.isin).toBe(s.symbolKey);
      listingOf.set(s.isin, s.symbolKey);
    }
  });

  it('every source is a specific page (a filing, release or report), never a home or investor-relations landing page', () => {
    for (const s of STARTER_SUGGESTIONS) {
      const url = new URL(s.source);
      const path = url.pathname.replace(/\/+$/, '').toLowerCase();
      const landing = /^(\/(en|us|jp|ja|en-us|en-gb|global|corporate))?(\/(investors?|ir|investor-relations|about|about-us|company|news|newsroom|home|index\.html?))?$/;
      expect(landing.test(path), `${s.symbolKey}: ${s.source}`).toBe(false);
      expect(path.length, `${s.symbolKey}: ${s.source}`).toBeGreaterThan(8);
      expect(s.rationale.length, s.symbolKey).toBeGreaterThan(20);
      expect(s.asOf <= STARTER_PACK.asOf, s.symbolKey).toBe(true);
    }
  });

  it('each default theme has its project: sponsor, location, size, the date announced and a specific public source', () => {
    for (const t of DEFAULT_THEMES) {
      const p = PROGRAM_PROJECTS.find((x) => x.themeId === t.id);
      expect(p, t.id).toBeDefined();
      expect(p!.announced).toBe('2026-02-17');
      for (const field of [p!.name, p!.sponsor, p!.location, p!.size, p!.summary]) expect(field.length).toBeGreaterThan(4);
      expect(p!.sources.length).toBeGreaterThan(0);
      // A page about the announcement, never a site's home page.
      for (const src of p!.sources) expect(new URL(src.url).pathname.length).toBeGreaterThan(20);
    }
    expect(PROGRAM_PROJECTS.find((p) => p.themeId === 'data-centers')).toMatchObject({ sponsor: 'SB Energy (SoftBank Group)', location: 'Portsmouth, Ohio' });
  });

  it('the hint counts holdings once each, whatever the number of themes they are suggested for', () => {
    expect(programHint([])).toBeNull();
    expect(programHint([{ symbolKey: 'NVDA', themeId: 'data-centers' }, { symbolKey: 'NVDA', themeId: 'diamond-semiconductors' }, { symbolKey: 'KMI', themeId: 'oil-logistics' }])).toMatchObject({ holdings: 2, themes: 3 });
    // One holding is "relates ... tag it", not "relate ... tag them".
    expect(programHint([{ symbolKey: 'KMI', themeId: 'oil-logistics' }])?.text).toBe("1 of your holdings fits the themes of Japan's first US investment projects (1 theme): the pack suggests how to tag it.");
    expect(programHint([{ symbolKey: 'NVDA', themeId: 'data-centers' }, { symbolKey: 'NVDA', themeId: 'diamond-semiconductors' }])?.text).toBe(
      "1 of your holdings fits the themes of Japan's first US investment projects (2 themes): the pack suggests how to tag it.",
    );
    expect(programHint([{ symbolKey: 'KMI', themeId: 'oil-logistics' }, { symbolKey: 'ET', themeId: 'oil-logistics' }])?.text).toMatch(/^2 of your holdings fit the themes of .* \(1 theme\): the pack suggests how to tag them\.$/);
  });
});
