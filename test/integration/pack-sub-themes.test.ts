/**
 * The pack's sub-themes: a suggestion for one names it under its theme, accepting it creates it under
 * that theme (where its value rolls up), and nothing is offered twice or to a theme that is gone.
 *
 * Holdings (USD): EQIX 8,000.00, NVDA 4,000.00, KMI 1,000.00.
 * EQIX accepted for dc-operators at the pack's weight w: dc-operators = 8,000.00 x w; data-centers
 * (with no tag of its own) the same; the total 13,000.00.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../db/service/backend';
import { STARTER_SUGGESTIONS, STARTER_THEMES } from '../../shared/suggestions/suggestions';
import { makeTempDir } from '../helpers/temp-dir';

const later = async <T>(call: () => T): Promise<T> => call();

describe('sub-themes from the pack', () => {
  const temp = makeTempDir('themelens-subthemes-');
  let backend: Backend;
  let portfolioId: number;
  const h = () => backend.handlers;
  const eqix = STARTER_SUGGESTIONS.find((s) => s.symbolKey === 'EQIX' && s.themeId === 'dc-operators');

  beforeAll(async () => {
    const csv = join(temp.dir, 'h.csv');
    writeFileSync(csv, 'Account,Symbol,Description,Quantity,Price,Market Value,Currency\nA,EQIX,EQUINIX INC,10,800,"8,000.00",USD\nA,NVDA,NVIDIA CORP,20,200,"4,000.00",USD\nA,KMI,KINDER MORGAN,40,25,"1,000.00",USD\n');
    backend = await openBackend({ dbPath: join(temp.dir, 's.db') });
    ({ portfolio: { id: portfolioId } } = await h().importHoldings({ path: csv, portfolioName: 'P', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false }));
  });
  afterAll(() => {
    backend.close();
    temp.cleanup();
  });

  it('the pack declares sub-themes under each default theme; none exists before it is used', async () => {
    expect(eqix).toBeDefined();
    expect(STARTER_THEMES.find((t) => t.id === 'dc-operators')).toMatchObject({ parentId: 'data-centers', name: 'Data-center operators and REITs' });
    const themes = await h().listThemes({});
    expect(themes.map((t) => t.id)).toEqual(['data-centers', 'oil-logistics', 'diamond-semiconductors']);
  });

  it('a suggestion names its sub-theme under its theme; accepting it creates the sub-theme, and its value rolls up', async () => {
    const offered = (await h().listSuggestions({ onlyHeld: true })).find((s) => s.symbolKey === 'EQIX');
    expect(offered).toMatchObject({ themeId: 'dc-operators', themePath: [{ id: 'data-centers', name: 'Data-center infrastructure' }, { id: 'dc-operators', name: 'Data-center operators and REITs' }], held: true });
    await h().acceptSuggestions({ items: [{ symbolKey: 'EQIX', themeId: 'dc-operators' }] });
    const sub = (await h().listThemes({})).find((t) => t.id === 'dc-operators');
    expect(sub).toMatchObject({ parentId: 'data-centers', name: 'Data-center operators and REITs', isDefault: false });
    const exposure = await h().getExposure({ portfolioId });
    const value = (id: string) => exposure.themes.find((t) => t.id === id)?.value;
    const expected = (800_000 * eqix!.weightBp) / 10_000 / 100;
    expect(value('dc-operators')).toBe(expected);
    expect(value('data-centers')).toBe(expected);
    expect(exposure.totalValue).toBe(13_000);
    // Sub-themes that hold nothing are not created: only the one accepted.
    expect((await h().listThemes({})).filter((t) => t.parentId)).toHaveLength(1);
  });

  it('a holding tagged by hand on a theme is not offered that theme\'s sub-themes (the theme already counts it)', async () => {
    const nvda = STARTER_SUGGESTIONS.filter((s) => s.symbolKey === 'NVDA' && STARTER_THEMES.find((t) => t.id === s.themeId)?.parentId === 'data-centers');
    expect(nvda.length).toBeGreaterThan(0);
    expect((await h().listSuggestions({ onlyHeld: true })).some((s) => s.symbolKey === 'NVDA' && s.themeId === nvda[0]!.themeId)).toBe(true);
    await h().applyTagChanges({ changes: [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 5000 }] });
    expect((await h().listSuggestions({ onlyHeld: true })).some((s) => s.symbolKey === 'NVDA' && nvda.some((n) => n.themeId === s.themeId))).toBe(false);
  });

  it('a theme of the user\'s with a sub-theme\'s name is never merged into: the accept is refused, nothing changes', async () => {
    const kmi = STARTER_SUGGESTIONS.find((s) => s.symbolKey === 'KMI');
    const declared = STARTER_THEMES.find((t) => t.id === kmi!.themeId)!;
    await h().createTheme({ name: declared.name });
    await expect(later(() => h().acceptSuggestions({ items: [{ symbolKey: 'KMI', themeId: declared.id }] }))).rejects.toThrow(/has the name of a theme you already have/);
    expect((await h().listThemes({})).some((t) => t.id === declared.id)).toBe(false);
    expect((await h().getExposure({ portfolioId })).untaggedValue).toBe(13_000 - 2000 - (8000 * eqix!.weightBp) / 10_000);
  });

  it('deleting a theme takes its sub-themes\' suggestions with it', async () => {
    expect((await h().listSuggestions({ onlyHeld: false })).some((s) => s.themeId.startsWith('ol-'))).toBe(true);
    await h().deleteTheme({ id: 'oil-logistics' });
    expect((await h().listSuggestions({ onlyHeld: false })).some((s) => s.themeId.startsWith('ol-'))).toBe(false);
  });

  it('shared tag files keep sub-themes under their themes: JSON carries the parent; a CSV naming a pack sub-theme creates it', async () => {
    const json = join(temp.dir, 'tags.json');
    await h().exportTags({ path: json, format: 'json' });
    const csv = join(temp.dir, 'tags.csv');
    await h().exportTags({ path: csv, format: 'csv' });
    for (const file of [json, csv]) {
      const other = await openBackend({ dbPath: join(temp.dir, `other-${file.slice(-4)}.db`) });
      try {
        expect((await other.handlers.previewTagImport({ path: file })).newThemes).toContain('dc-operators');
        await other.handlers.importTags({ path: file });
        expect((await other.handlers.listThemes({})).find((t) => t.id === 'dc-operators')).toMatchObject({ parentId: 'data-centers' });
        expect((await other.handlers.listTags({})).find((t) => t.symbolKey === 'EQIX')).toMatchObject({ themeId: 'dc-operators', weightBp: eqix!.weightBp });
      } finally {
        other.close();
      }
    }
  });

  it("the pack's securities are in the master: held by ISIN alone they take the listing's key and its suggestions; Arista's ISIN before its split still resolves", async () => {
    const csv = join(temp.dir, 'eu.csv');
    writeFileSync(
      csv,
      'Account,Symbol,Description,ISIN,Type,Quantity,Market Value\n' +
        'E1,,SCHNEIDER ELECTRIC SE,FR0000121972,Equity,10,"2,400.00"\n' +
        'E1,ANET,ARISTA NETWORKS INC,US0404132054,Equity,10,"1,300.00"\n' +
        'E1,,ARISTA NETWORKS INC (BEFORE THE SPLIT),US0404131064,Equity,1,"130.00"\n',
    );
    const { portfolio } = await h().importHoldings({ path: csv, portfolioName: 'EU', baseCurrency: 'USD', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false });
    const positions = (await h().getExposure({ portfolioId: portfolio.id })).positions.map((p) => p.symbolKey);
    expect(positions.sort()).toEqual(['ANET', 'ANET', 'XPAR:SU']);
    expect((await h().listSecurities({ unresolved: true })).reviews).toEqual([]);
    const schneider = STARTER_SUGGESTIONS.find((s) => s.isin === 'FR0000121972')!;
    expect((await h().listSuggestions({ onlyHeld: true })).find((s) => s.symbolKey === 'XPAR:SU')).toMatchObject({ themeId: schneider.themeId, held: true });
  });
});
