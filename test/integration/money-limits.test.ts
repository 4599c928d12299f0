/**
 * Money limits: amounts are exact integer cents up to 2^53 - 1 (90,071,992,547,409.91); a row beyond
 * it is a row error naming line, column and the limit; a file whose positions add up past it is
 * refused at the row that crosses it; a report over what is stored never fails, and says when a
 * converted total is past the limit.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

describe('money limits', () => {
  const temp = makeTempDir('themelens-limits-');
  const db = join(temp.dir, 'm.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  const file = (name: string, text: string) => {
    const p = join(temp.dir, name);
    writeFileSync(p, text);
    return p;
  };
  afterAll(() => temp.cleanup());

  it('the largest exact amount imports to the cent; one cent more is a row error naming the limit', () => {
    expect(cli('import', file('max.csv', 'Symbol,Quantity,Market Value\nBIG,1,90071992547409.91\n'), '--portfolio', 'Max').code).toBe(0);
    expect(JSON.parse(cli('report', '--portfolio', 'Max', '--format', 'json').stdout).totalValue).toBe(90071992547409.91);
    const over = cli('import', file('over.csv', 'Symbol,Quantity,Market Value\nBIG,1,90071992547409.92\n'), '--portfolio', 'Over');
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/over\.csv line 2, column 3.*beyond the largest ThemeLens keeps exact \(90,071,992,547,409\.91 either way\)/);
  });

  it('two rows of 5e14 dollars: each past the limit, refused; nothing stored', () => {
    const r = cli('import', file('huge.csv', 'Symbol,Quantity,Market Value\nNVDA,10,500000000000000.00\nKMI,5,500000000000000.00\n'), '--portfolio', 'Huge');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.csv line 2, column 3/);
    expect(cli('portfolios').stdout).not.toContain('Huge');
  });

  it('rows each within the limit whose sum is not: refused at the row that crosses it', () => {
    const r = cli('import', file('sum.csv', 'Symbol,Quantity,Market Value\nA,1,50000000000000.00\nB,1,-50000000000000.00\n'), '--portfolio', 'Sum');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sum\.csv line 3: The positions up to this row add up to more than the largest amount ThemeLens keeps exact/);
  });

  it('a report converting a large amount into a weaker currency renders, with an AMOUNT_LIMIT warning', () => {
    expect(cli('import', file('usd.csv', 'Symbol,Quantity,Market Value,Currency\nBIG,1,80000000000000.00,USD\n'), '--portfolio', 'Yen', '--base-currency', 'JPY').code).toBe(0);
    expect(cli('fx', 'USD', '150', '--to', 'JPY').code).toBe(0);
    for (const format of ['json', 'csv', 'html']) expect(cli('report', '--portfolio', 'Yen', '--format', format).code).toBe(0);
    const report = JSON.parse(cli('report', '--portfolio', 'Yen', '--format', 'json').stdout);
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('AMOUNT_LIMIT');
  });
});
