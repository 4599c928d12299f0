import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate, MIGRATIONS } from '../../../db/migrations';
import { openBackend } from '../../../db/service/backend';
import { reportFileName } from '../../../shared/report/file-name';
import { shareDonutSvg, themeBarChartSvg } from '../../../shared/report/charts-svg';
import { makeTempDir } from '../../helpers/temp-dir';

const HEADER = 'Account,Symbol,Description,Quantity,Price,Value,Currency\n';

describe('what changed since the previous snapshot', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('lists positions added, removed and with a new quantity; unchanged ones are left out', async () => {
    const temp = makeTempDir();
    const backend = await openBackend({ dbPath: join(temp.dir, 't.db'), clock: () => '2026-11-25T09:00:00.000Z' });
    cleanup = () => { backend.close(); temp.cleanup(); };
    const h = backend.handlers;
    const older = join(temp.dir, 'october.csv');
    const newer = join(temp.dir, 'november.csv');
    writeFileSync(older, `${HEADER}A1,NVDA,NVIDIA,10,100,1000.00,USD\nA1,KMI,KINDER MORGAN,50,27,1350.00,USD\nA1,EQIX,EQUINIX,2,800,1600.00,USD\n`);
    writeFileSync(newer, `${HEADER}A1,NVDA,NVIDIA,12,110,1320.00,USD\nA1,EQIX,EQUINIX,2,810,1620.00,USD\nA2,COHR,COHERENT,5,80,400.00,USD\n`);
    const base = { portfolioName: 'P', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false };
    await h.importHoldings({ ...base, path: older, asOf: '2026-10-31' });
    const second = await h.importHoldings({ ...base, path: newer, asOf: '2026-11-24' });
    const report = JSON.parse((await h.previewReport({ portfolioId: second.portfolio.id, format: 'json' })).content);
    expect(report.previousSnapshot).toEqual({ id: 1, asOf: '2026-10-31' });
    expect(report.positionChanges.map((c: { kind: string; symbolKey: string; quantityBefore: number | null; quantityAfter: number | null; localValueAfter: number | null }) => [c.kind, c.symbolKey, c.quantityBefore, c.quantityAfter, c.localValueAfter])).toEqual([
      ['added', 'COHR', null, 5, 400],
      ['removed', 'KMI', 50, null, null],
      ['changed', 'NVDA', 10, 12, 1320],
    ]);
    const html = (await h.previewReport({ portfolioId: second.portfolio.id, format: 'html' })).content;
    expect(html).toContain('Compared with the previous snapshot, as of 2026-10-31.');
    const first = JSON.parse((await h.previewReport({ portfolioId: second.portfolio.id, snapshotId: 1, format: 'json' })).content);
    expect(first.previousSnapshot).toBeNull();
    expect(first.positionChanges).toEqual([]);
  });
});

describe('what changed since the previous report', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('counts from the last report made (its holdings and its recorded tags), not a re-save of the same report', async () => {
    const temp = makeTempDir();
    let now = '2026-11-01T09:00:00.000Z';
    const backend = await openBackend({ dbPath: join(temp.dir, 't.db'), clock: () => now });
    cleanup = () => { backend.close(); temp.cleanup(); };
    const h = backend.handlers;
    const files = ['september', 'october', 'november'].map((m) => join(temp.dir, `${m}.csv`));
    writeFileSync(files[0]!, `${HEADER}A1,NVDA,NVIDIA,8,100,800.00,USD\nA1,KMI,KINDER MORGAN,50,27,1350.00,USD\n`);
    writeFileSync(files[1]!, `${HEADER}A1,NVDA,NVIDIA,10,100,1000.00,USD\nA1,KMI,KINDER MORGAN,50,27,1350.00,USD\nA1,EQIX,EQUINIX,2,800,1600.00,USD\n`);
    writeFileSync(files[2]!, `${HEADER}A1,NVDA,NVIDIA,12,110,1320.00,USD\nA1,EQIX,EQUINIX,2,810,1620.00,USD\nA1,KMI,KINDER MORGAN,50,27,1350.00,USD\n`);
    const base = { portfolioName: 'P', options: {}, skipInvalid: false, allowDuplicate: false, rememberMapping: false };
    const first = await h.importHoldings({ ...base, path: files[0]!, asOf: '2026-09-30' });
    const pid = first.portfolio.id;
    await h.importHoldings({ ...base, path: files[1]!, asOf: '2026-10-31' });
    await h.applyTagChanges({ changes: [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 6000 }, { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: 10000 }] });
    // The October report is sent (HTML, then the same report as PDF-like JSON: same fingerprint).
    const sent = await h.exportReport({ portfolioId: pid, format: 'html', paper: 'a4', path: join(temp.dir, 'oct.html') });
    const resaved = await h.exportReport({ portfolioId: pid, format: 'json', paper: 'a4', path: join(temp.dir, 'oct.json') });
    expect(resaved.fingerprint).toBe(sent.fingerprint);
    // Saving it again in another format does not make it "the previous report" of itself.
    expect(JSON.parse((await h.previewReport({ portfolioId: pid, format: 'json' })).content).previousReport).toBeNull();

    now = '2026-11-25T09:00:00.000Z';
    await h.importHoldings({ ...base, path: files[2]!, asOf: '2026-11-24' });
    await h.applyTagChanges({ changes: [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 7000 }, { symbolKey: 'EQIX', themeId: 'data-centers', weightBp: 10000 }, { symbolKey: 'KMI', themeId: 'oil-logistics', weightBp: null }] });
    const json = JSON.parse((await h.previewReport({ portfolioId: pid, format: 'json' })).content);
    expect(json.previousReport).toEqual({ id: resaved.reportId, generatedAt: '2026-11-01T09:00:00.000Z', fingerprint: sent.fingerprint });
    expect(json.previousSnapshot).toEqual({ id: 2, asOf: '2026-10-31' });
    expect(json.positionChanges.map((c: { kind: string; symbolKey: string }) => [c.kind, c.symbolKey])).toEqual([['changed', 'NVDA']]);
    expect(json.tagChanges.map((c: { symbolKey: string; themeId: string; oldWeight: number | null; newWeight: number | null }) => [c.symbolKey, c.themeId, c.oldWeight, c.newWeight])).toEqual([
      ['EQIX', 'data-centers', null, 1],
      ['KMI', 'oil-logistics', 1, null],
      ['NVDA', 'data-centers', 0.6, 0.7],
    ]);
    const html = (await h.previewReport({ portfolioId: pid, format: 'html' })).content;
    expect(html).toContain(`Compared with the previous report (made 2026-11-01, fingerprint ${sent.fingerprint}), on the holdings as of 2026-10-31.`);
    // The weights' table names each theme as the client reads it, not by its id.
    const weights = html.slice(html.indexOf('Theme weights changed'));
    expect(weights).toContain('<td>Crude-oil logistics</td>');
    expect(weights).not.toContain('<td>oil-logistics</td>');

    // Recorded, then regenerated after the tags moved on: the same changes, the same content.
    const november = await h.exportReport({ portfolioId: pid, format: 'json', paper: 'a4', path: join(temp.dir, 'nov.json') });
    await h.applyTagChanges({ changes: [{ symbolKey: 'NVDA', themeId: 'data-centers', weightBp: 1000 }] });
    const again = await h.regenerateReport({ reportId: november.reportId, path: join(temp.dir, 'nov-again.json') });
    expect(again.sameContent).toBe(true);
  });
});

describe('migration 6: report records and preferences', () => {
  it('adds the two tables and keeps every existing row', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS, 5);
    db.prepare("INSERT INTO portfolios (name, base_currency, created_at) VALUES ('Old', 'EUR', 'then')").run();
    const before = db.prepare('SELECT * FROM portfolios').all();
    migrate(db, MIGRATIONS, 6);
    expect(db.prepare('SELECT * FROM portfolios').all()).toEqual(before);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('reports', 'preferences') ORDER BY name").pluck().all();
    expect(tables).toEqual(['preferences', 'reports']);
    expect(() => db.prepare("INSERT INTO reports (portfolio_id, snapshot_id, file_sha256, format, paper, fingerprint, inputs, content_sha256, generated_at) VALUES (1, 99, 'x', 'docx', 'a4', 'f', '{}', 'c', 'now')").run()).toThrow();
    db.close();
  });
});

describe('report file names and charts', () => {
  it.each([
    [null, 'Retirement', 'pdf', 'Retirement.pdf'],
    ['Smith family', 'Retirement', 'pdf', 'Smith family - Retirement.pdf'],
    ['Smith family', 'smith family', 'xlsx', 'smith family.xlsx'],
    ['../../etc', 'a/b\\c:d*e?', 'pdf', '.. etc - a b c d e.pdf'],
    [null, 'CON', 'csv', '_CON.csv'],
  ] as const)('%j / %j -> %j', (client, portfolio, ext, expected) => {
    expect(reportFileName(client, portfolio, ext)).toBe(expected);
  });

  it('draws bars either side of a zero axis and a donut of the positive slices, all text escaped', () => {
    const bars = themeBarChartSvg([{ label: '<b>Long</b>', value: 300, color: '#ff0000' }, { label: 'Short', value: -100, color: 'javascript:x' }], 'USD');
    expect(bars).not.toContain('<b>');
    expect(bars).toContain('&lt;b&gt;Long&lt;/b&gt;');
    expect(bars).toContain('fill="#9ca3af"'); // a color that is not #rrggbb falls back to gray
    expect(bars).toMatch(/-USD\s100\.00/);
    const donut = shareDonutSvg([{ label: 'A', value: 75, color: '#111111' }, { label: 'B', value: 25, color: '#222222' }, { label: 'Short', value: -10, color: '#333333' }], 100);
    expect(donut.match(/<path /g)).toHaveLength(2);
    expect(donut).toContain('A 75.0%');
    expect(donut).not.toContain('Short');
    expect(shareDonutSvg([{ label: 'All', value: 5, color: '#111111' }], 5).match(/<path /g)).toHaveLength(2); // a full circle as two halves
  });
});
