/**
 * Targets: a share per theme with a band; drift = share - target, outside when past the band, in the
 * report's themes and from `themelens targets`. Figures by hand.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');

describe('themelens targets', () => {
  const temp = makeTempDir('themelens-targets-');
  const db = join(temp.dir, 't.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());
  beforeAll(() => {
    expect(cli('import', FIDELITY, '--portfolio', 'Fid', '--as-of', '2026-11-24').code).toBe(0);
    // NVDA 45,900.35 of 86,367.72: 53.145...% of the portfolio.
    expect(cli('tag', 'NVDA', 'data-centers').code).toBe(0);
  });

  it('drift is share minus target; outside when past the band', () => {
    const set = cli('targets', 'set', 'data-centers', '40%', '--band', '5', '--portfolio', 'Fid');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('data-centers\ttarget 40.0% ± 5.0 pts\tnow 53.1%\tdrift +13.1 pts\toutside the band\n');
    const rep = JSON.parse(cli('report', '--portfolio', 'Fid', '--format', 'json').stdout);
    const dc = rep.themes.find((t: { id: string }) => t.id === 'data-centers');
    expect(dc.target.share).toBe(0.4);
    expect(dc.target.band).toBe(0.05);
    expect(dc.target.drift).toBeCloseTo(45900.35 / 86367.72 - 0.4, 12);
    expect(dc.target.outside).toBe(true);
    expect(rep.themes.find((t: { id: string }) => t.id === 'oil-logistics').target).toBeUndefined();
    // The HTML (and so the PDF) report has a target-mix table.
    const html = cli('report', '--portfolio', 'Fid', '--format', 'html').stdout;
    expect(html).toContain('<h3>Target mix</h3>');
    expect(html).toMatch(/40\.0%.*± 5\.0 pts.*53\.1%.*\+13\.1 pts.*outside the band/s);
    // 0.5 with a band of 5 points: 53.1% is within.
    expect(cli('targets', 'set', 'data-centers', '0.5', '--portfolio', 'Fid').stdout).toMatch(/target 50\.0% ± 5\.0 pts\tnow 53\.1%\tdrift \+3\.1 pts\n$/);
  });

  it('targets past 100% in all, a share past 1 and an unknown theme are refused; remove clears one', () => {
    const over = cli('targets', 'set', 'oil-logistics', '60%', '--portfolio', 'Fid');
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('would add up to 110.00%, more than 100%');
    expect(cli('targets', 'set', 'oil-logistics', '1.5', '--portfolio', 'Fid').code).toBe(2);
    expect(cli('targets', 'set', 'space', '10%', '--portfolio', 'Fid').stderr).toContain('no theme with id space');
    // A target that is not there: refused, where before it printed the list and exited 0.
    const missing = cli('targets', 'remove', 'oil-logistics', '--portfolio', 'Fid');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('themelens: Fid has no target for "oil-logistics": nothing was removed. Its targets: data-centers.\n');
    expect(cli('targets', 'remove', 'data-centers', '--portfolio', 'Fid').stdout).toContain('Fid has no targets');
    expect(cli('targets', 'remove', 'data-centers', '--portfolio', 'Fid').stderr).toContain('It has no targets.');
  });

  it('a negative share is said to be one, and a band given twice is refused', () => {
    const negative = cli('targets', 'set', 'data-centers', '-0.1', '--portfolio', 'Fid');
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('"-0.1" is a negative number');
    const twice = cli('targets', 'set', 'data-centers', '10%', '--band', '5', '--band', '10', '--portfolio', 'Fid');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--band is given twice');
    expect(cli('targets', '--portfolio', 'Fid').stdout).toBe('Fid has no targets. Set one: themelens targets set data-centers 25% --band 5 --portfolio "Fid"\n');
  });
});
