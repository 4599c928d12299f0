/**
 * `themelens scenario`: theme shocks against hand-computed figures. Each position moves by the sum
 * over its themes of weight x shock, rounded per theme to the cent; cash does not move.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');

describe('themelens scenario', () => {
  const temp = makeTempDir('themelens-scenario-');
  const db = join(temp.dir, 's.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());
  beforeAll(() => {
    expect(cli('import', FIDELITY, '--portfolio', 'Fid', '--as-of', '2026-11-24').code).toBe(0);
    expect(cli('tag', 'NVDA', 'data-centers', '--weight', '0.6').code).toBe(0);
    expect(cli('tag', 'NVDA', 'diamond-semiconductors', '--weight', '0.2').code).toBe(0);
    expect(cli('tag', 'AMAT', 'diamond-semiconductors').code).toBe(0);
    // Cash tagged on purpose (as an earlier version allowed; tagging cash is refused now): it still does not move.
    const raw = new Database(db);
    raw.prepare("INSERT INTO tags (symbol_key, theme_id, weight_bp, source, updated_at) VALUES ('CASH:USD', 'data-centers', 10000, 'manual', '2026-11-24T00:00:00Z')").run();
    raw.close();
  });

  it('moves each position by the sum of weight x shock, exactly as by hand', () => {
    const r = cli('scenario', '--portfolio', 'Fid', '--shock', 'data-centers=-20', '--shock', 'diamond-semiconductors=+10%', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    // NVDA 45,900.35 x (0.6 x -20% + 0.2 x +10%) = 45,900.35 x -10% = -4,590.035 -> -4,590.04, rounded
    // once. Its parts: -5,508.042 and 918.007, each rounded down or up to add up to it: -5,508.05 +
    // 918.00 is a cent short, and the cent goes to the larger remainder (.008): -5,508.04 and 918.00.
    // AMAT 5,172.00 x 1 x +10% = 517.20. Total -4,072.84 of 86,367.72.
    expect(s.impact).toBe(-4072.84);
    expect(s.totalValue).toBe(86367.72);
    expect(s.impactShare).toBeCloseTo(-4072.84 / 86367.72, 12);
    expect(s.positions).toEqual([
      { symbol: 'NVDA', account: 'Z12345678', value: 45900.35, impact: -4590.04 },
      { symbol: 'AMAT', account: '234567890', value: 5172, impact: 517.2 },
    ]);
    const byId = Object.fromEntries(s.themes.map((t: { id: string }) => [t.id, t]));
    expect(byId['data-centers']).toMatchObject({ shock: -20, impact: -5508.04 });
    expect(byId['diamond-semiconductors']).toMatchObject({ shock: 10, impact: 1435.2 }); // 918.00 + 517.20
    expect(byId['oil-logistics']).toMatchObject({ shock: 0, impact: 0 });
  });

  it('the table lists the ten largest moves and counts the rest; JSON lists every one, as it always did', () => {
    const file = join(temp.dir, 'thirteen.csv');
    const symbols = Array.from({ length: 13 }, (_, i) => `T${String.fromCharCode(65 + i)}`);
    writeFileSync(file, `Account,Symbol,Description,Quantity,Market Value\n${symbols.map((s, i) => `X1,${s},${s} CORP,1,${(i + 1) * 100}.00`).join('\n')}\n`);
    expect(cli('import', file, '--portfolio', 'Thirteen', '--as-of', '2026-11-24').code).toBe(0);
    for (const s of symbols) expect(cli('tag', s, 'oil-logistics', '--weight', '0.5').code).toBe(0);
    const table = cli('scenario', '--portfolio', 'Thirteen', '--shock', 'oil-logistics=-10').stdout.split('\n');
    // TM 1,300.00 x 50% x -10% = -65.00, the largest; TD 400.00 -> -20.00, the tenth.
    expect(table[2]).toMatch(/^ {2}TM +X1 +-65\.00$/);
    expect(table[11]).toMatch(/^ {2}TD +X1 +-20\.00$/);
    expect(table[12]).toBe('  and 3 more positions; --format json lists them all');
    const json = JSON.parse(cli('scenario', '--portfolio', 'Thirteen', '--shock', 'oil-logistics=-10', '--format', 'json').stdout);
    expect(json.positions).toHaveLength(13);
    expect(Object.keys(json)).toEqual(['portfolio', 'snapshotId', 'asOf', 'warnings', 'baseCurrency', 'totalValue', 'impact', 'impactShare', 'themes', 'positions']);
  });

  it('a table for people; refusals in one line', () => {
    const r = cli('scenario', '--portfolio', 'Fid', '--shock', 'data-centers=-20');
    expect(r.code, r.stderr).toBe(0);
    // NVDA alone: -5,508.04.
    expect(r.stdout).toContain('Fid, snapshot 1 as of 2026-11-24: -5,508.04 USD (-6.38% of 86,367.72)');
    // A gain's share is signed as its amount is: +5,508.04 and +6.38%, where the share had no "+".
    expect(cli('scenario', '--portfolio', 'Fid', '--shock', 'data-centers=+20').stdout).toContain('Fid, snapshot 1 as of 2026-11-24: +5,508.04 USD (+6.38% of 86,367.72)');
    expect(cli('scenario', '--portfolio', 'Fid', '--shock', 'space=-20').stderr).toMatch(/no theme with id space; the ids are: data-centers/);
    expect(cli('scenario', '--portfolio', 'Fid', '--shock', 'data-centers=-120').code).toBe(2);
    expect(cli('scenario', '--portfolio', 'Fid', '--shock', 'data-centers').code).toBe(2);
    expect(cli('scenario', '--portfolio', 'Fid').code).toBe(2);
  });

  it('reads a move under 1% without its "%" as the contract says, and says it may be meant as a fraction (--weight 0.5 is 50%)', () => {
    const r = cli('scenario', '--portfolio', 'Fid', '--shock', 'data-centers=-0.2', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).themes.find((t: { id: string }) => t.id === 'data-centers').shock).toBe(-0.2); // percent, as the JSON writes a shock
    expect(r.stderr).toBe(
      'note: --shock data-centers=-0.2 moves data-centers by -0.2% (a shock is in percent). For -20%, write data-centers=-20; to keep -0.2% and not see this, write data-centers=-0.2%.\n',
    );
    // Written with its "%", or 1% and more: nothing to say.
    for (const shock of ['data-centers=-0.2%', 'data-centers=-1', 'data-centers=+12.5']) expect(cli('scenario', '--portfolio', 'Fid', '--shock', shock, '--format', 'json').stderr).toBe('');
  });
});
