import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tagged } from './backend-fixture';

describe('reproducible reports (issue 6, deliverable 3)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('records the inputs and re-generates the same content after tags, rates and theme names changed', async () => {
    const f = await tagged();
    cleanup = f.cleanup;
    const h = f.backend.handlers;
    const first = await h.exportReport({ portfolioId: f.portfolioId, format: 'json', paper: 'a4', path: join(f.dir, 'first.json') });
    const original = readFileSync(join(f.dir, 'first.json'), 'utf8');
    expect(first.fingerprint).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(JSON.parse(original).fingerprint).toBe(first.fingerprint);

    const [record] = await h.listReports({ portfolioId: f.portfolioId });
    expect(record).toMatchObject({ id: first.reportId, snapshotId: 1, format: 'json', fingerprint: first.fingerprint, paper: 'a4' });
    expect(record!.fileSha256).toMatch(/^[0-9a-f]{64}$/);

    // Everything the figures depend on changes afterwards.
    await h.setTag({ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 1000 });
    await h.removeTag({ symbolKey: 'KMI' });
    await h.updateTheme({ id: 'oil-logistics', name: 'Renamed theme' });
    await h.setFxRate({ currency: 'EUR', quote: 'USD', rate: '1.2' });
    const now = await h.exportReport({ portfolioId: f.portfolioId, format: 'json', paper: 'a4', path: join(f.dir, 'now.json') });
    expect(now.fingerprint).not.toBe(first.fingerprint);
    expect(JSON.parse(readFileSync(join(f.dir, 'now.json'), 'utf8')).themes[0].value).toBe(2163); // 21630 x 10%

    const again = await h.regenerateReport({ reportId: first.reportId, path: join(f.dir, 'again.json') });
    expect(again.sameContent).toBe(true);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(readFileSync(join(f.dir, 'again.json'), 'utf8')).toBe(original);
    const report = JSON.parse(original);
    expect(report.themes.map((t: { value: number }) => t.value)).toEqual([12978, 8133, 358.13]);
    expect(report.themes[1].name).toBe('Crude-oil logistics');

    // Re-generating changed nothing in the database: today's tags are still today's.
    expect((await h.listTags({})).map((t) => [t.symbolKey, t.themeId, t.weightBp])).toEqual([['COHR', 'diamond-semiconductors', 2500], ['NVDA', 'data-centers', 1000]]);
    expect((await h.listThemes({})).find((t) => t.id === 'oil-logistics')?.name).toBe('Renamed theme');
  });

  it('gives the same fingerprint and content for the same inputs, in every format', async () => {
    const f = await tagged();
    cleanup = f.cleanup;
    const h = f.backend.handlers;
    const a = await h.previewReport({ portfolioId: f.portfolioId, format: 'html' });
    const b = await h.previewReport({ portfolioId: f.portfolioId, format: 'html' });
    expect(a).toEqual(b);
    expect(a.content).toContain(a.fingerprint);
    const csv = await h.exportReport({ portfolioId: f.portfolioId, format: 'csv', paper: 'a4', path: join(f.dir, 'r.csv') });
    const xlsx = await h.exportReport({ portfolioId: f.portfolioId, format: 'xlsx', paper: 'a4', path: join(f.dir, 'r.xlsx') });
    expect(csv.fingerprint).toBe(a.fingerprint);
    expect(xlsx.fingerprint).toBe(a.fingerprint);
    const records = await h.listReports({});
    expect(new Set(records.map((r) => r.contentSha256)).size).toBe(1);
  });
});
