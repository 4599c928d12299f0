/**
 * Loud, never silent: an unquoted decimal-comma amount that split across cells, or any row with more
 * non-empty cells than the header, is a row error naming line and column and what to do; two columns
 * with one name are reported, with how to choose the other (--map value="Market Value#2").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

describe('mis-parses are loud', () => {
  const temp = makeTempDir('themelens-loud-');
  const db = join(temp.dir, 'l.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  const file = (name: string, text: string) => {
    const p = join(temp.dir, name);
    writeFileSync(p, text);
    return p;
  };
  afterAll(() => temp.cleanup());
  const total = (portfolio: string) => JSON.parse(cli('report', '--portfolio', portfolio, '--format', 'json').stdout).totalValue as number;

  it('an unquoted 1 234,56 in a comma file is a row error, not 1,234.00', () => {
    const p = file('split.csv', 'Symbol,Quantity,Market Value\nNVDA,10,1 234,56\nKMI,5,100.00\n');
    const r = cli('import', p, '--portfolio', 'Split');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/split\.csv line 2, column 4: This row has more cells than the header has columns \(from column 4, "1 234,56"\).*Quote the cell \("1 234,56"\)/);
    expect(cli('portfolios').stdout).not.toContain('Split'); // nothing was written
    // Quoted as the message says, it reads exactly: 1,234.56 + 100.00.
    const fixed = file('fixed.csv', 'Symbol,Quantity,Market Value\nNVDA,10,"1 234,56"\nKMI,5,100.00\n');
    expect(cli('import', fixed, '--portfolio', 'Fixed').code).toBe(0);
    expect(total('Fixed')).toBe(1334.56);
  });

  it('an extra non-empty cell anywhere is a row error; trailing empty cells are fine', () => {
    const p = file('extra.csv', 'Symbol,Quantity,Market Value\nNVDA,10,500.00,,\nKMI,5,100.00,oops\n');
    const r = cli('import', p, '--portfolio', 'Extra');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/extra\.csv line 3, column 4/);
    expect(cli('import', p, '--portfolio', 'Extra', '--skip-invalid').code).toBe(0);
    expect(total('Extra')).toBe(500);
  });

  it('two "Market Value" columns: the import says which it used; --map value="Market Value#2" picks the other', () => {
    const p = file('dup.csv', 'Symbol,Quantity,Market Value,Market Value\nNVDA,10,100.00,200.00\n');
    const first = cli('import', p, '--portfolio', 'Local');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('warning: The header has 2 columns named "Market Value" (columns 3, 4); value was read from column 3. To use "Market Value#2" (column 4), choose it on the mapping screen or add --map value="Market Value#2".');
    expect(total('Local')).toBe(100);
    const second = cli('import', p, '--portfolio', 'Base', '--map', 'value=Market Value#2');
    expect(second.code).toBe(0);
    expect(total('Base')).toBe(200);
  });
});
