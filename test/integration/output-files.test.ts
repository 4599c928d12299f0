import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { dumpContent } from '../helpers/db-content';
import { makeTempDir } from '../helpers/temp-dir';

// The command line never changes a file it was not made for: a report's --out (and batch's, and
// regenerate's, and a tag export's) replaces only a file ThemeLens wrote there, unchanged since,
// unless --replace; the database's own files never.
describe('output paths the command line will not overwrite', () => {
  const temp = makeTempDir('themelens-out-');
  const db = join(temp.dir, 'p.db');
  const holdings = join(temp.dir, 'h.csv');
  const HOLDINGS = 'Symbol,Description,Quantity,Price,Market Value\nNVDA,NVIDIA CORP,100,183.60,18360.00\n';
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());

  beforeAll(() => {
    writeFileSync(holdings, HOLDINGS);
    expect(cli('import', holdings, '--portfolio', 'P').code).toBe(0);
  });

  it('refuses the holdings file and unrelated notes, and writes nothing', () => {
    const notes = join(temp.dir, 'notes.txt');
    writeFileSync(notes, 'my notes\n');
    const before = dumpContent(db);
    for (const [format, out] of [['csv', holdings], ['html', notes]] as const) {
      const r = cli('report', '--portfolio', 'P', '--format', format, '--out', out);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`themelens: Cannot write ${out}: the file already exists and is not a file ThemeLens wrote. Nothing was written; choose another file name, or add --replace to replace it.\n`);
    }
    expect(readFileSync(holdings, 'utf8')).toBe(HOLDINGS);
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
    expect(dumpContent(db)).toEqual(before);
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it("never writes over the database or its companions, even with --replace", () => {
    for (const out of [db, `${db}-wal`, `${db}-shm`]) {
      const r = cli('report', '--portfolio', 'P', '--format', 'json', '--out', out, '--replace');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^themelens: Cannot write .*: it is ThemeLens's database/);
    }
    const r = cli('portfolios');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^P\tUSD\t1 snapshot\t/);
  });

  it('replaces its own report, refuses it once changed, and replaces anything with --replace', () => {
    const out = join(temp.dir, 'r.json');
    expect(cli('report', '--portfolio', 'P', '--format', 'json', '--out', out).code).toBe(0);
    // Written by ThemeLens and unchanged: a weekly script writing the same path keeps working.
    expect(cli('report', '--portfolio', 'P', '--format', 'json', '--out', out).code).toBe(0);
    writeFileSync(out, readFileSync(out, 'utf8') + 'my edit\n');
    const refused = cli('report', '--portfolio', 'P', '--format', 'json', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the file already exists and was changed since ThemeLens wrote it\. Nothing was written/);
    expect(readFileSync(out, 'utf8')).toMatch(/my edit\n$/);
    expect(cli('report', '--portfolio', 'P', '--format', 'json', '--out', out, '--replace').code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).totalValue).toBe(18360);
    // Regenerating a recorded report to a path ThemeLens wrote is replacing its own file too.
    expect(cli('regenerate', '1', '--out', out).code).toBe(0);
  });

  it('batch does not overwrite the holdings file it reports on', () => {
    const r = cli('batch', holdings, '--out', temp.dir, '--format', 'csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/h\.csv: FAILED: Cannot write .*h\.csv: the file already exists and is not a file ThemeLens wrote/);
    expect(readFileSync(holdings, 'utf8')).toBe(HOLDINGS);
  });

  it('a tag export replaces its own earlier export but not a holdings file', () => {
    expect(cli('tags', 'export', holdings).code).toBe(1);
    expect(readFileSync(holdings, 'utf8')).toBe(HOLDINGS);
    const tags = join(temp.dir, 'tags.csv');
    expect(cli('tags', 'export', tags).code).toBe(0);
    expect(cli('tags', 'export', tags).code).toBe(0);
  });

  it('report --all into a path that is a file is a usage error, not an internal one', () => {
    const file = join(temp.dir, 'afile');
    writeFileSync(file, '');
    const r = cli('report', '--all', '--format', 'json', '--out', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^themelens: --out .*afile is a file; these reports go into a folder/);
  });
});
