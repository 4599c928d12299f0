import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { conflictLine } from '../../cli/rule-commands';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

describe('themelens rules apply, with two rules of the same priority that disagree', () => {
  const temp = makeTempDir('themelens-rule-conflicts-');
  const db = join(temp.dir, 'r.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  const csv = join(temp.dir, 'h.csv');
  writeFileSync(
    csv,
    'Account,Symbol,Description,ISIN,Type,Quantity,Market Value\n' +
      'A1,EQIX,EQUINIX REALTY,US29444U7000,Equity,10,"8,123.30"\n' +
      'A1,DLR,DIGITAL REALTY TRUST,US2538681030,REIT,10,"1,700.00"\n',
  );
  afterAll(() => temp.cleanup());

  it('tags neither weight, and says on stderr which rules tie and how to decide it', () => {
    expect(cli('import', csv, '--portfolio', 'P').code).toBe(0);
    expect(cli('rules', 'add', 'description', '*REALTY*', 'data-centers', '--weight', '0.5').code).toBe(0);
    expect(cli('rules', 'add', 'symbols', 'EQIX', 'data-centers', '--weight', '0.3').code).toBe(0);
    const applied = cli('rules', 'apply');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^Tagged 1 symbol\/theme pair/);
    expect(applied.stderr).toBe(
      "conflict: EQIX data-centers: rule 1 (description '*REALTY*', weight 0.5) and rule 2 (symbols EQIX, weight 0.3) match with the same priority 0 but different weights, so the rules leave EQIX data-centers as it is. " +
        'Give the rule that should win a higher priority, e.g. for rule 2: themelens rules delete 2, then themelens rules add symbols EQIX data-centers --weight 0.3 --priority 1\n',
    );
    const report = JSON.parse(cli('report', '--portfolio', 'P', '--format', 'json').stdout);
    const themesOf = (s: string) => report.positions.find((p: { symbol: string }) => p.symbol === s).themes.map((t: { id: string; weight: number }) => `${t.id} ${t.weight}`);
    expect(themesOf('EQIX')).toEqual([]);
    expect(themesOf('DLR')).toEqual(['data-centers 0.5']);
  });

  it('following the advice decides it: the re-added rule wins with its higher priority', () => {
    expect(cli('rules', 'delete', '2').code).toBe(0);
    expect(cli('rules', 'add', 'symbols', 'EQIX', 'data-centers', '--weight', '0.3', '--priority', '1').code).toBe(0);
    const applied = cli('rules', 'apply');
    expect(applied.stderr).toBe('');
    const report = JSON.parse(cli('report', '--portfolio', 'P', '--format', 'json').stdout);
    expect(report.positions.find((p: { symbol: string }) => p.symbol === 'EQIX').themes.map((t: { id: string; weight: number }) => [t.id, t.weight])).toEqual([['data-centers', 0.3]]);
  });

  it('a new rule that ties is said when it is added; an import with tied rules says which pairs they left', () => {
    const added = cli('rules', 'add', 'symbols', 'EQIX', 'data-centers', '--weight', '0.8', '--priority', '1');
    expect(added.code).toBe(0);
    // After the line saying what it would tag.
    expect(added.stderr).toMatch(/^conflict: EQIX data-centers: rule \d+ \(symbols EQIX, weight 0\.3\) and the new rule \(symbols EQIX, weight 0\.8\) match with the same priority 1 but different weights/m);
    const later = join(temp.dir, 'later.csv');
    writeFileSync(later, 'Account,Symbol,Description,ISIN,Type,Quantity,Market Value\nA1,EQIX,EQUINIX REALTY,US29444U7000,Equity,10,"8,200.00"\n');
    const imported = cli('import', later, '--portfolio', 'P', '--as-of', '2026-12-01');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout + imported.stderr).toMatch(
      /Saved rules of the same priority give 1 holding\/theme pair different weights, so the rules left it as it was: EQIX data-centers \(rules \d+ and \d+, priority 1\)\. Give the rule that should win a higher priority \(Themes… › Rules, or themelens rules\)\./,
    );
  });

  it('the advice to give way below 0 can be followed: --priority -1 (the option parser refused it as ambiguous)', () => {
    const added = cli('rules', 'add', 'symbols', 'EQIX', 'data-centers', '--weight', '0.1', '--priority', '-1');
    expect(added.code, added.stderr).toBe(0);
    expect(cli('rules', 'list').stdout).toMatch(/EQIX.*-1/);
  });

  it('a conflict a new rule would make is said with the --priority that decides it', () => {
    const line = conflictLine({
      symbolKey: 'EQIX',
      themeId: 'data-centers',
      priority: 2,
      rules: [
        { id: 7, kind: 'description', pattern: "O'REILLY", weightBp: 5000 },
        { id: null, kind: 'symbols', pattern: 'EQIX, DLR', weightBp: 2500 },
      ],
    });
    expect(line).toBe(
      "conflict: EQIX data-centers: rule 7 (description 'O'\\''REILLY', weight 0.5) and the new rule (symbols 'EQIX, DLR', weight 0.25) match with the same priority 2 but different weights, so the rules leave EQIX data-centers as it is. " +
        'To decide it, add the new rule with another --priority (3 to win, 1 to give way) or the same weight.',
    );
  });
});
