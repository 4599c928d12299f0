import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';
import { execFileSync } from 'node:child_process';

const count = (db: string, table: string) => Number(execFileSync('sqlite3', [db, `SELECT count(*) FROM ${table}`], { encoding: 'utf8' }).trim());

/**
 * themelens demo: the sample household through the real import of three brokers' files, a fund
 * file and the pack's suggestions, its exposure printed, and all of it gone with --remove. By hand
 * (USD, sample rates EUR 1.08, GBP 1.27, JPY 0.0065):
 *   US brokerage 2,500 + 7,210 + 6,498.64 + 6,173 + 3,140 + 5,422 + 4,680 + 2,865 = 38,488.64;
 *   DEGIRO 850 x 1.08 + 2,449.60 x 1.08 + 2,943.60 x 1.08 + GBP 1,470 x 1.27 + USD 2,060
 *     = 918.00 + 2,645.57 + 3,179.09 + 1,866.90 + 2,060.00 = 10,669.56;
 *   SBI 951,200 + 501,000 + 244,350 yen x 0.0065 = 6,182.80 + 3,256.50 + 1,588.28 = 11,027.58;
 *   total 60,185.78. Data centers: NVDA 7,210 x 80% = 5,768.00, EQIX 6,498.64, VRT 6,173 x 80%
 *   = 4,938.40, SoftBank 6,182.80 x 30% = 1,854.84, Siemens Energy 3,179.09 x 20% = 635.82, and
 *   the ETF through its holdings file:
 *   3,140 x (25% + 20% + 15% x 80% + 15% x 80% + 12.5% x 70%) = 3,140 x 77.75% = 2,441.35;
 *   22,137.05 in all (36.8%), of which power and grid for data centers 1,854.84 + 635.82 = 2,490.66.
 */
describe('themelens demo', () => {
  const temp = makeTempDir('themelens-demo-');
  const db = join(temp.dir, 'demo.db');
  afterAll(() => temp.cleanup());

  it('loads the sample household into an empty database and prints its exposure, figures to the cent', () => {
    const r = runCli(['demo', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Loaded "Sample household": 3 portfolios');
    expect(r.stdout).toMatch(/Data-center infrastructure\s+22,137\.05\s+36\.8%/);
    expect(r.stdout).toMatch(/\n {2}Power and grid for data centers\s+2,490\.66\s+4\.1%/);
    // Only what the household holds is tagged, so no sub-theme it has nothing in is listed.
    expect(r.stdout).not.toContain('Crude tankers and shipping');
    expect(r.stdout).toMatch(/Total\s+60,185\.78\s+100\.0%/);
    expect(r.stdout).toContain('Remove it: themelens demo --remove');
    // Marked as sample everywhere a user looks: portfolio names and the client.
    const portfolios = runCli(['portfolios', '--db', db]).stdout;
    expect(portfolios.match(/Sample: /g)).toHaveLength(3);
    expect(runCli(['clients', '--db', db]).stdout).toContain('Sample household');
  });

  it('refuses a second load, and a database that holds real portfolios, changing nothing', () => {
    expect(runCli(['demo', '--db', db])).toMatchObject({ code: 1 });
    const other = join(temp.dir, 'mine.db');
    expect(runCli(['import', join(ROOT, 'test/fixtures/journey/fidelity-two-accounts.csv'), '--portfolio', 'Mine', '--db', other]).code).toBe(0);
    const before = ['portfolios', 'positions', 'tags', 'fx_rates', 'funds'].map((t) => count(other, t));
    const r = runCli(['demo', '--db', other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/goes in an empty database.*themelens demo --db sample\.db/);
    expect(['portfolios', 'positions', 'tags', 'fx_rates', 'funds'].map((t) => count(other, t))).toEqual(before);
  });

  it('--remove takes away its portfolios, fund file, sample rates and tags, linked copies included', () => {
    const r = runCli(['demo', '--remove', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Removed the sample household: 3 portfolios,');
    for (const t of ['portfolios', 'snapshots', 'positions', 'tags', 'funds', 'fund_holdings', 'fx_rates', 'suggestion_decisions']) expect(count(db, t), t).toBe(0);
    expect(runCli(['demo', '--remove', '--db', db])).toMatchObject({ code: 1, stderr: 'themelens: No sample household is loaded.\n' });
    // And it can be loaded again.
    expect(runCli(['demo', '--db', db]).code).toBe(0);
  });
});
