/**
 * `themelens exposure` (the command-line contract in the README): the report's theme figures without positions, as JSON or
 * a table; the same figures as `report --format json`.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');

describe('themelens exposure', () => {
  const temp = makeTempDir('themelens-exposure-');
  const db = join(temp.dir, 'e.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());
  beforeAll(() => {
    expect(cli('import', FIDELITY, '--portfolio', 'Fid', '--as-of', '2026-11-24').code).toBe(0);
    expect(cli('tag', 'NVDA', 'data-centers', '--weight', '0.5').code).toBe(0);
  });

  it('json: the report\'s figures, no positions', () => {
    const r = cli('exposure', '--portfolio', 'fid', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);
    const report = JSON.parse(cli('report', '--portfolio', 'Fid', '--format', 'json').stdout);
    expect(e).not.toHaveProperty('positions');
    for (const k of ['totalValue', 'cashValue', 'untaggedValue', 'themes', 'asOf', 'baseCurrency']) expect(e[k]).toEqual(report[k]);
    // By hand: half of NVDA's 45,900.35 is 22,950.175, rounded half away from zero to 22,950.18.
    expect(e.themes.find((t: { id: string }) => t.id === 'data-centers').value).toBe(22950.18);
  });

  it('json warnings are { code, message } as documented, in every JSON output (their figures, kept for other languages, stay out)', () => {
    const file = join(temp.dir, 'total.csv');
    writeFileSync(file, 'Symbol,Description,Quantity,Price,Market Value,Currency\nMSFT,MICROSOFT,5,300,1500,USD\nSAP,SAP SE,1,200,200,EUR\nTotal,,,,1800,\n');
    expect(cli('import', file, '--portfolio', 'Totals', '--as-of', '2026-11-24').code).toBe(0);
    const outputs = {
      exposure: cli('exposure', '--portfolio', 'Totals', '--format', 'json'),
      report: cli('report', '--portfolio', 'Totals', '--format', 'json'),
      scenario: cli('scenario', '--portfolio', 'Totals', '--shock', 'data-centers=-10', '--format', 'json'),
    };
    const codes = { exposure: ['MISSING_FX', 'TOTAL_MISMATCH'], report: ['MISSING_FX', 'TOTAL_MISMATCH'], scenario: ['MISSING_FX'] };
    for (const [name, r] of Object.entries(outputs)) {
      expect(r.code, r.stderr).toBe(0);
      const warnings = JSON.parse(r.stdout).warnings as Record<string, string>[];
      expect(warnings.map((w) => w.code), name).toEqual(codes[name as keyof typeof codes]);
      for (const w of warnings) expect(Object.keys(w), name).toEqual(['code', 'message']);
      expect(warnings[0]?.message).toBe('No exchange rate from EUR to USD: the positions in EUR are left out of the totals. Add a rate (themelens fx EUR RATE --to USD).');
    }
  });

  it('table: one line per theme, untagged, cash and total', () => {
    const r = cli('exposure', '--portfolio', 'Fid');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Fid, snapshot 1 as of 2026-11-24');
    expect(r.stdout).toMatch(/^Data-center infrastructure\s+22,950\.18\s+26\.6%$/m);
    expect(r.stdout).toMatch(/^Total\s+86,367\.72\s+100\.0%$/m);
  });

  it('refuses an unknown portfolio (1) and a bad format (2) in one line', () => {
    const missing = cli('exposure', '--portfolio', 'Nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli('exposure', '--portfolio', 'Fid', '--format', 'xml').code).toBe(2);
  });
});
