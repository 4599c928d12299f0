/**
 * Provenance holds (the exact sequence a user met): a manual tag, then a tags file at the same weight,
 * then a rule for the same symbol. The tag stays manual at its weight throughout; a file with another
 * weight is refused for that tag rather than overriding a choice made by hand.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

describe('a manual tag keeps its source and weight', () => {
  const temp = makeTempDir('themelens-provenance-');
  const db = join(temp.dir, 'p.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());
  const tagRows = () => {
    const c = new Database(db, { readonly: true });
    try {
      return c.prepare('SELECT symbol_key AS symbol, theme_id AS theme, weight_bp AS weight, source FROM tags ORDER BY 1, 2').all();
    } finally {
      c.close();
    }
  };
  const manualNvda = [{ symbol: 'NVDA', theme: 'data-centers', weight: 6000, source: 'manual' }];

  it('manual tag, tags import at the same weight, then a rule: still manual at 60%', () => {
    expect(cli('import', resolve(__dirname, '../fixtures/holdings/fidelity-current.csv'), '--portfolio', 'F').code).toBe(0);
    expect(cli('tag', 'NVDA', 'data-centers', '--weight', '0.6').code).toBe(0);
    const same = join(temp.dir, 'same.csv');
    writeFileSync(same, 'symbol,theme,weight\nNVDA,data-centers,0.6\n');
    const imported = cli('tags', 'import', same);
    expect(imported.code).toBe(0);
    expect(imported.stdout + imported.stderr).toMatch(/0 new, 0 changed, 1 unchanged/);
    expect(tagRows()).toEqual(manualNvda);
    expect(cli('rules', 'add', 'symbols', 'NVDA', 'data-centers', '--weight', '0.3').code).toBe(0);
    expect(cli('rules', 'apply').code).toBe(0);
    expect(tagRows()).toEqual(manualNvda);
    // Nor did the import write a history event for a tag it did not change.
    expect(cli('history', 'NVDA').stdout.trim().split('\n')).toHaveLength(1);
  });

  it('a tags file with another weight for a manual tag is refused as a whole, naming the line', () => {
    const other = join(temp.dir, 'other.csv');
    writeFileSync(other, 'symbol,theme,weight\nKMI,oil-logistics,1\nNVDA,data-centers,0.5\n');
    const r = cli('tags', 'import', other);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/other\.csv line 3: NVDA is tagged data-centers by hand at 60%; the file says 50%/);
    expect(tagRows()).toEqual(manualNvda);
  });
});
