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

  const builtIn = JSON.parse(readFileSync(join(ROOT, 'shared/suggestions/us-japan-2026.json'), 'utf8')) as { version: number; themes: unknown[]; suggestions: Record<string, unknown>[] };
  const next = builtIn.version + 1;
  const v3 = join(temp.dir, `pack-v${next}.json`);
  // NVIDIA's and Arista's suggestions as the app ships them: the update re-weights one and drops the other.
  const nvda = builtIn.suggestions.find((s) => s['symbol'] === 'NVDA') as { theme: string; weight: number };
  const anet = builtIn.suggestions.find((s) => s['symbol'] === 'ANET') as { theme: string; weight: number };
  const pct = (w: number) => `${Math.round(w * 100)}%`;
  beforeAll(() => {
    const pack = {
      ...builtIn,
      version: next,
      asOf: '2026-12-20',
      themes: [...builtIn.themes, { id: 'grid-equipment', name: 'Grid equipment', color: '#0f766e', description: 'Turbines, transformers and switchgear for new US power plants.' }],
      suggestions: [
        ...builtIn.suggestions.filter((s) => s['symbol'] !== 'ANET').map((s) => (s['symbol'] === 'NVDA' ? { ...s, weight: 0.9 } : s)),
        { symbol: 'GEV', exchange: 'XNYS', isin: 'US36828A1016', name: 'GE Vernova Inc.', theme: 'grid-equipment', weight: 0.6, rationale: 'Gas turbines and grid equipment.', source: 'https://www.gevernova.com/investors/annual-report', asOf: '2026-12-20' },
      ],
    };
    writeFileSync(v3, JSON.stringify(pack));
    expect(cli('import', join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), '--portfolio', 'Smith').code).toBe(0);
    expect(cli('suggestions', 'accept', 'NVDA', nvda.theme).code).toBe(0);
  });

  it('shows the pack in use', () => {
    expect(cli('pack').stdout).toBe(`US-Japan strategic investment, 2026, version ${builtIn.version} (2026-12-07): ${builtIn.suggestions.length} suggestions\n`);
  });

  it('a dry run lists what the new version adds, removes and re-weights, and changes nothing', () => {
    const r = cli('pack', 'import', v3, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `US-Japan strategic investment, 2026: version ${builtIn.version} -> ${next} (2026-12-20) (dry run: nothing changed)`,
      'new theme\tgrid-equipment',
      'added\tGEV\tgrid-equipment\t60%',
      `removed\tANET\t${anet.theme}\t${pct(anet.weight)}`,
      `re-weighted\tNVDA\t${nvda.theme}\t${pct(nvda.weight)} -> 90%`,
      '',
    ]);
    expect(cli('pack').stdout).toContain(`version ${builtIn.version} `);
    expect(cli('themes').stdout).not.toContain('grid-equipment');
  });

  it('applied: the accepted tag keeps its weight, and the new weight comes back as a suggestion', () => {
    const r = cli('pack', 'import', v3);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Tags you accepted keep their weights');
    expect(cli('pack').stdout).toContain(`version ${next} (2026-12-20)`);
    expect(cli('themes').stdout).toContain('grid-equipment');
    const report = () => JSON.parse(cli('report', '--portfolio', 'Smith', '--format', 'json').stdout) as { positions: { symbol: string; themes: { id: string; weight: number }[] }[] };
    const weight = () => report().positions.find((p) => p.symbol === 'NVDA')!.themes.find((t) => t.id === nvda.theme)!.weight;
    expect(weight()).toBe(nvda.weight);
    const offered = cli('suggestions', '--held').stdout.split('\n').filter((l) => l.startsWith(`NVDA\t${nvda.theme}`));
    expect(offered.map((l) => l.split('\t').slice(0, 4).join(' '))).toEqual([`NVDA ${nvda.theme} 0.9 (was ${nvda.weight}) held`]);
    expect(cli('suggestions', 'accept', 'NVDA', nvda.theme).code).toBe(0);
    expect(weight()).toBe(0.9);
    expect(cli('suggestions', '--held').stdout).not.toMatch(new RegExp(`^NVDA\t${nvda.theme}`, 'm'));
  });

  it('refuses the same version again, and a pack with a bad ISIN, naming the entry; nothing changes', () => {
    expect(cli('pack', 'import', v3)).toMatchObject({ code: 1, stderr: `themelens: pack-v${next}.json is version ${next}; version ${next} is already in use. Nothing was changed.\n` });
    const bad = join(temp.dir, `pack-v${next + 1}.json`);
    // GE Vernova's line for grid-equipment is the last one of the file (the pack may list GEV for its own theme too).
    const pack = JSON.parse(readFileSync(v3, 'utf8')) as { version: number; suggestions: { isin: string }[] };
    pack.version = next + 1;
    pack.suggestions.at(-1)!.isin = 'US36828A1017';
    writeFileSync(bad, JSON.stringify(pack));
    expect(cli('pack', 'import', bad)).toMatchObject({ code: 1, stderr: `themelens: pack-v${next + 1}.json: suggestion ${pack.suggestions.length} "isin": US36828A1017 is not a valid ISIN (check digit). Nothing was changed.\n` });
    expect(cli('pack').stdout).toContain(`version ${next} `);
    expect(cli('pack', 'import', join(temp.dir, 'missing.json'))).toMatchObject({ code: 1, stderr: 'themelens: missing.json cannot be read: check that the file exists and that you may read it. Nothing was changed.\n' });
  });

  it('a sub-theme must go under a theme this database or the pack has, one level deep; otherwise nothing changes', () => {
    const pack = JSON.parse(readFileSync(v3, 'utf8')) as { version: number; themes: Record<string, unknown>[] };
    pack.version = next + 1;
    const orphan = join(temp.dir, 'orphan.json');
    writeFileSync(orphan, JSON.stringify({ ...pack, themes: [...pack.themes, { id: 'grid-transformers', name: 'Transformers', color: '#115e59', parent: 'no-such-theme' }] }));
    expect(cli('pack', 'import', orphan)).toMatchObject({ code: 1, stderr: 'themelens: orphan.json: the sub-theme "grid-transformers" goes under "no-such-theme", a theme neither this database nor the pack has. Nothing was changed.\n' });
    const nested = join(temp.dir, 'nested.json');
    writeFileSync(nested, JSON.stringify({ ...pack, themes: [...pack.themes, { id: 'grid-transformers', name: 'Transformers', color: '#115e59', parent: 'dc-power' }] }));
    expect(cli('pack', 'import', nested)).toMatchObject({ code: 1, stderr: 'themelens: nested.json: theme "grid-transformers" "parent": "dc-power" is itself a sub-theme; sub-themes go one level deep. Nothing was changed.\n' });
    expect(cli('pack').stdout).toContain(`version ${next} `);
  });
});
