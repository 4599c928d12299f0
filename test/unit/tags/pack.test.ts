import { describe, expect, it } from 'vitest';
import { DEFAULT_THEMES } from '../../../shared/domain/default-themes';
import { isinCheckDigit } from '../../../shared/securities/identifiers';
import { PROGRAM_PROJECTS } from '../../../shared/suggestions/projects';
import { STARTER_PACK, STARTER_SUGGESTIONS } from '../../../shared/suggestions/suggestions';
import { programHint } from '../../../shared/suggestions/hint';

describe('the seed pack file', () => {
  it('every suggestion: a valid ISIN (check digit), a known exchange, a name, a weight in 0..1, a dated https source', () => {
    for (const s of STARTER_SUGGESTIONS) {
      expect(s.isin).toMatch(/^[A-Z]{2}[A-Z0-9]{9}\d$/);
      expect(isinCheckDigit(s.isin.slice(0, 11))).toBe(Number(s.isin[11]));
      expect(['XNAS', 'XNYS', 'XTKS', 'XLON']).toContain(s.exchange);
      expect(s.name.length).toBeGreaterThan(3);
      expect(s.weightBp).toBeGreaterThan(0);
      expect(s.weightBp).toBeLessThanOrEqual(10_000);
      expect(s.source).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
      expect(s.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(STARTER_PACK.version).toBeGreaterThanOrEqual(2);
    expect(STARTER_PACK.method).toMatch(/pure play/);
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
  });
});
