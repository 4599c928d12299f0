import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STARTER_SUGGESTIONS, STARTER_THEMES } from '../../shared/suggestions/suggestions';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

describe('rules and suggestions', () => {
  const temp = makeTempDir('themelens-rules-');
  const db = join(temp.dir, 'r.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  const csv = join(temp.dir, 'h.csv');
  writeFileSync(
    csv,
    'Account,Symbol,Description,ISIN,Type,Quantity,Market Value\n' +
      'A1,EQIX,EQUINIX INC,US29444U7000,Equity,10,"8,123.30"\n' +
      'A1,DLR,DIGITAL REALTY TRUST,US2538681030,REIT,10,"1,700.00"\n' +
      'A1,9984,SOFTBANK GROUP,JP3436100006,Equity,100,"9,000.00"\n' +
      'A1,7203,TOYOTA MOTOR,JP3633400001,Equity,100,"2,850.00"\n' +
      'B2,NVDA,NVIDIA CORP,US67066G1040,Equity,20,"3,605.00"\n',
  );
  afterAll(() => temp.cleanup());

  it('previews a rule ("would tag N positions") before saving, and a dry run saves nothing', () => {
    expect(cli('import', csv, '--portfolio', 'P').code).toBe(0);
    const dry = cli('rules', 'add', 'description', '*REALTY*', 'data-centers', '--dry-run');
    expect(dry.stderr).toBe('Would tag 1 position: DLR\n');
    expect(cli('rules', 'list').stdout).toBe('');
    expect(cli('rules', 'add', 'isin-prefix', 'JP', 'data-centers', '--weight', '0.25').stderr).toBe('Would tag 2 positions: 7203, XTKS:9984\n');
  });

  it('applies rules on demand, never over a manual tag, by priority, within 100%', () => {
    cli('tag', '7203', 'oil-logistics', '--weight', '0.1'); // manual: rules leave 7203 alone
    cli('rules', 'add', 'symbols', 'EQIX, DLR', 'data-centers', '--priority', '5');
    cli('rules', 'add', 'account', 'b2', 'diamond-semiconductors', '--weight', '0.2');
    expect(cli('rules', 'apply').stdout).toBe('Tagged 4 symbol/theme pairs\n');
    const report = JSON.parse(cli('report', '--portfolio', 'P', '--format', 'json').stdout);
    const themesOf = (s: string) => report.positions.find((p: { symbol: string }) => p.symbol === s).themes.map((t: { id: string; weight: number }) => `${t.id} ${t.weight}`);
    expect(themesOf('EQIX')).toEqual(['data-centers 1']);
    expect(themesOf('9984')).toEqual(['data-centers 0.25']);
    expect(themesOf('7203')).toEqual(['oil-logistics 0.1']);
    expect(themesOf('NVDA')).toEqual(['diamond-semiconductors 0.2']);
    expect(cli('history', 'EQIX').stdout).toMatch(/\tEQIX\tdata-centers\t- -> 1\trule\n/);
  });

  it('applies rules to a newly imported snapshot in the same transaction', () => {
    const next = join(temp.dir, 'h2.csv');
    writeFileSync(next, 'Account,Symbol,Description,ISIN,Type,Quantity,Market Value\nA1,6758,SONY GROUP,JP3435000009,Equity,10,"500.00"\n');
    expect(cli('import', next, '--portfolio', 'P').code).toBe(0);
    const report = JSON.parse(cli('report', '--portfolio', 'P', '--format', 'json').stdout);
    expect(report.positions[0].themes).toEqual([{ id: 'data-centers', weight: 0.25, value: 125, source: 'rule' }]);
  });

  it('offers starter suggestions with a rationale and a public source; accept and reject are remembered', () => {
    for (const s of STARTER_SUGGESTIONS) {
      expect(s.rationale.length).toBeGreaterThan(20);
      expect(s.source).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
      // Each under one of the three default themes, through the pack's sub-themes.
      expect(['data-centers', 'oil-logistics', 'diamond-semiconductors']).toContain(STARTER_THEMES.find((t) => t.id === s.themeId)?.parentId);
    }
    const held = cli('suggestions', '--held').stdout.trim().split('\n').map((l) => l.split('\t').slice(0, 4).join(' '));
    // EQIX, DLR and 9984 are tagged on data-centers already, so its sub-themes are not offered for them.
    expect(held).toEqual(['NVDA dc-compute 0.8 held']);
    expect(cli('suggestions', 'accept', 'nvda', 'dc-compute').stdout).toBe('Accepted 1 suggestion\n');
    const report = JSON.parse(cli('report', '--portfolio', 'P', '--format', 'json', '--snapshot', '1').stdout);
    expect(report.positions.find((p: { symbol: string }) => p.symbol === 'NVDA').themes.map((t: { id: string; weight: number }) => [t.id, t.weight])).toEqual([
      ['dc-compute', 0.8],
      ['diamond-semiconductors', 0.2],
    ]);
    expect(cli('suggestions', 'reject', '--all').stdout).toMatch(/^Rejected \d+ suggestions?\n$/);
    expect(cli('suggestions').stdout).toBe('');
  });

  it('suggestions --format json: the contract fields, exactly, for the suggestions still open', () => {
    const fresh = join(temp.dir, 'fresh.db');
    const imported = runCli(['import', csv, '--portfolio', 'Q', '--db', fresh]);
    expect(imported.code).toBe(0);
    // The next step, said after the import: EQIX, DLR, NVDA and SoftBank are in the pack.
    expect(imported.stderr).toContain("hint: 4 of your holdings fit the themes of Japan's first US investment projects (1 theme): the pack suggests how to tag them. See them: themelens suggestions --held\n");
    const r = runCli(['suggestions', '--held', '--format', 'json', '--db', fresh]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => `${x['exchange']}:${x['symbol']}`).sort()).toEqual(['XNAS:EQIX', 'XNAS:NVDA', 'XNYS:DLR', 'XTKS:9984']);
    for (const row of rows) expect(Object.keys(row)).toEqual(['symbol', 'isin', 'exchange', 'name', 'theme', 'weight', 'rationale', 'source', 'asOf']);
    const softbank = STARTER_SUGGESTIONS.find((s) => s.symbolKey === 'XTKS:9984')!;
    expect(rows.find((x) => x['symbol'] === '9984')).toMatchObject({ isin: 'JP3436100006', name: 'SoftBank Group Corp.', theme: softbank.themeId, weight: softbank.weightBp / 10_000, asOf: softbank.asOf });
    expect(JSON.parse(runCli(['suggestions', '--format', 'json', '--db', fresh]).stdout)).toHaveLength(STARTER_SUGGESTIONS.length);
    expect(runCli(['suggestions', '--format', 'xml', '--db', fresh])).toMatchObject({ code: 2, stderr: 'themelens: --format: "xml" is not one of table, json. Run "themelens help" for usage.\n' });
  });
});
