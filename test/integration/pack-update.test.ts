import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * A newer version of the suggestion pack: what it adds, removes and re-weights is shown, a dry run
 * changes nothing, and a tag the user accepted at the old weight keeps it: the new weight comes
 * back as a suggestion to accept or reject. A later project arrives as a new theme.
 */
describe('suggestion pack updates', () => {
  const temp = makeTempDir('themelens-pack-');
  const db = join(temp.dir, 'pack.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());

  const builtIn = JSON.parse(readFileSync(join(ROOT, 'shared/suggestions/us-japan-2026.json'), 'utf8')) as { version: number; suggestions: Record<string, unknown>[] };
  const v3 = join(temp.dir, 'pack-v3.json');
  beforeAll(() => {
    const next = {
      ...builtIn,
      version: 3,
      asOf: '2026-12-20',
      themes: [{ id: 'grid-equipment', name: 'Grid equipment', color: '#0f766e', description: 'Turbines, transformers and switchgear for new US power plants.' }],
      suggestions: [
        ...builtIn.suggestions.filter((s) => s['symbol'] !== 'ANET').map((s) => (s['symbol'] === 'NVDA' ? { ...s, weight: 0.9 } : s)),
        { symbol: 'GEV', exchange: 'XNYS', isin: 'US36828A1016', name: 'GE Vernova Inc.', theme: 'grid-equipment', weight: 0.6, rationale: 'Gas turbines and grid equipment.', source: 'https://www.gevernova.com/investors/annual-report', asOf: '2026-12-20' },
      ],
    };
    writeFileSync(v3, JSON.stringify(next));
    expect(cli('import', join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), '--portfolio', 'Smith').code).toBe(0);
    expect(cli('suggestions', 'accept', 'NVDA', 'data-centers').code).toBe(0);
  });

  it('shows the pack in use', () => {
    expect(cli('pack').stdout).toBe(`US-Japan strategic investment, 2026, version ${builtIn.version} (2026-12-04): ${builtIn.suggestions.length} suggestions\n`);
  });

  it('a dry run lists what the new version adds, removes and re-weights, and changes nothing', () => {
    const r = cli('pack', 'import', v3, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `US-Japan strategic investment, 2026: version ${builtIn.version} -> 3 (2026-12-20) (dry run: nothing changed)`,
      'new theme\tgrid-equipment',
      'added\tGEV\tgrid-equipment\t60%',
      'removed\tANET\tdata-centers\t70%',
      're-weighted\tNVDA\tdata-centers\t80% -> 90%',
      '',
    ]);
    expect(cli('pack').stdout).toContain(`version ${builtIn.version} `);
    expect(cli('themes').stdout).not.toContain('grid-equipment');
  });

  it('applied: the accepted tag keeps its weight, and the new weight comes back as a suggestion', () => {
    const r = cli('pack', 'import', v3);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Tags you accepted keep their weights');
    expect(cli('pack').stdout).toContain('version 3 (2026-12-20)');
    expect(cli('themes').stdout).toContain('grid-equipment');
    const report = () => JSON.parse(cli('report', '--portfolio', 'Smith', '--format', 'json').stdout) as { positions: { symbol: string; themes: { id: string; weight: number }[] }[] };
    const nvda = () => report().positions.find((p) => p.symbol === 'NVDA')!.themes.find((t) => t.id === 'data-centers')!.weight;
    expect(nvda()).toBe(0.8);
    const offered = cli('suggestions', '--held').stdout.split('\n').filter((l) => l.startsWith('NVDA\tdata-centers'));
    expect(offered.map((l) => l.split('\t').slice(0, 4).join(' '))).toEqual(['NVDA data-centers 0.9 (was 0.8) held']);
    expect(cli('suggestions', 'accept', 'NVDA', 'data-centers').code).toBe(0);
    expect(nvda()).toBe(0.9);
    expect(cli('suggestions', '--held').stdout).not.toMatch(/^NVDA\tdata-centers/m);
  });

  it('refuses the same version again, and a pack with a bad ISIN, naming the entry; nothing changes', () => {
    expect(cli('pack', 'import', v3)).toMatchObject({ code: 1, stderr: 'themelens: pack-v3.json is version 3; version 3 is already in use. Nothing was changed.\n' });
    const bad = join(temp.dir, 'pack-v4.json');
    const text = readFileSync(v3, 'utf8').replace('"version":3', '"version":4').replace('US36828A1016', 'US36828A1017');
    writeFileSync(bad, text);
    expect(cli('pack', 'import', bad)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^themelens: pack-v4\.json: suggestion 14 "isin": US36828A1017 is not a valid ISIN \(check digit\)\. Nothing was changed\.\n$/) });
    expect(cli('pack').stdout).toContain('version 3 ');
    expect(cli('pack', 'import', join(temp.dir, 'missing.json'))).toMatchObject({ code: 1, stderr: 'themelens: missing.json cannot be read: check that the file exists and that you may read it. Nothing was changed.\n' });
  });
});
