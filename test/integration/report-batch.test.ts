import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const journey = (name: string) => join(ROOT, 'test/fixtures/journey', name);
const holdings = (name: string) => join(ROOT, 'test/fixtures/holdings', name);

describe('batch reports from the CLI', () => {
  const temp = makeTempDir('themelens-batch-');
  const db = join(temp.dir, 'batch.db');
  afterAll(() => temp.cleanup());

  it('batch: imports each file as its own portfolio and reports on it; a bad file is reported, the others complete, exit 1', () => {
    const out = join(temp.dir, 'out');
    const broken = join(temp.dir, 'broken.csv');
    writeFileSync(broken, 'not,a,holdings\nfile,at,all\n');
    const r = runCli(['batch', journey('fidelity-two-accounts.csv'), broken, holdings('schwab-2025.csv'), '--out', out, '--format', 'pdf', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // Run as root, Chromium prints without its sandbox and the command says so once, first.
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('themelens: note: PDF printing runs Chromium without its sandbox'));
    expect(lines[0]).toMatch(/^\[1\/3\] fidelity-two-accounts\.csv: imported 6 positions into "fidelity-two-accounts"; wrote fidelity-two-accounts\.pdf/);
    expect(lines[1]).toMatch(/^\[2\/3\] broken\.csv: FAILED: /);
    expect(lines[2]).toMatch(/^\[3\/3\] schwab-2025\.csv: imported 5 positions into "schwab-2025"; wrote schwab-2025\.pdf/);
    expect(r.stderr).toMatch(/batch: 2 of 3 files reported/);
    expect(r.stderr).toMatch(/themelens: 1 of 3 files failed/);
    expect(readdirSync(out).sort()).toEqual(['fidelity-two-accounts.pdf', 'schwab-2025.pdf']);
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f)).subarray(0, 5).toString()).toBe('%PDF-');

    // Running the same batch again reports on the snapshots already imported.
    const again = runCli(['batch', journey('fidelity-two-accounts.csv'), '--out', out, '--format', 'json', '--db', db]);
    expect(again.stderr).toMatch(/already imported as snapshot \d+/);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'fidelity-two-accounts.json'), 'utf8')).totalValue).toBe(40553.36);
  });

  it('report --all writes one file per portfolio, named by client and portfolio, and each is recorded', () => {
    const out = join(temp.dir, 'all');
    const r = runCli(['report', '--all', '--format', 'html', '--out', out, '--db', db]);
    expect(r.stderr).toMatch(/^\[1\/2\] .*: wrote .*\.html/m);
    expect(r.stderr).toMatch(/report --all: 2 of 2 written/);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['fidelity-two-accounts.html', 'schwab-2025.html']);
    const listed = runCli(['reports', '--db', db]);
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(5); // 2 PDFs, 1 JSON, 2 HTML
  });

  it('report --all and batch need --out; report --format pdf needs --out', () => {
    expect(runCli(['report', '--all', '--format', 'pdf', '--db', db])).toMatchObject({ code: 2 });
    expect(runCli(['batch', holdings('schwab-2025.csv'), '--db', db])).toMatchObject({ code: 2 });
    // One file named twice (it was imported twice, the second as "schwab-2025 (2)").
    const twice = runCli(['batch', holdings('schwab-2025.csv'), holdings('schwab-2025.csv'), '--out', join(temp.dir, 'twice'), '--db', db]);
    expect(twice).toMatchObject({ code: 2, stderr: expect.stringContaining('schwab-2025.csv twice: name each file once') });
    expect(runCli(['report', '--portfolio', 'schwab-2025', '--format', 'pdf', '--db', db]).stderr).toMatch(/add --out FILE/);
  });
});
