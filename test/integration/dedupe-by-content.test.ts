/**
 * Dedupe by content: the same holdings downloaded twice the same day, where only the "Date downloaded"
 * line differs, are refused as "already imported as snapshot N"; --allow-duplicate keeps both; a
 * changed quantity, or another as-of date, is a new snapshot.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIDELITY = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');

describe('the same positions are one snapshot, whatever bytes differ', () => {
  const temp = makeTempDir('themelens-dedupe-');
  const db = join(temp.dir, 'd.db');
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  afterAll(() => temp.cleanup());
  const original = readFileSync(FIDELITY, 'utf8');
  const variant = (name: string, text: string) => {
    const p = join(temp.dir, name);
    writeFileSync(p, text);
    return p;
  };
  const snapshots = () => cli('portfolios').stdout;

  it('a second download that differs only in its "Date downloaded" line is refused, naming the snapshot', () => {
    expect(cli('import', FIDELITY, '--portfolio', 'F').code).toBe(0);
    expect(original).toMatch(/Date downloaded/);
    const again = variant('again.csv', original.replace(/Date downloaded [^"\n]*/, 'Date downloaded Nov-24-2026 9:59 p.m ET'));
    expect(readFileSync(again, 'utf8')).not.toBe(original);
    const r = cli('import', again, '--portfolio', 'F');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/again\.csv holds the same positions \(quantities and values\) as of 2026-11-24 as snapshot 1 of F \(fidelity-current\.csv\), already imported\. Nothing was imported; to keep both, import with --allow-duplicate\./);
    expect(cli('import', again, '--portfolio', 'F', '--allow-duplicate').code).toBe(0);
    expect(snapshots()).toMatch(/^F\tUSD\t2 snapshots\t/m);
  });

  it('a changed quantity is new content: imported', () => {
    const changed = variant('changed.csv', original.replace('NVDA,NVIDIA CORPORATION COM,250,', 'NVDA,NVIDIA CORPORATION COM,251,'));
    expect(readFileSync(changed, 'utf8')).toContain(',251,');
    const r = cli('import', changed, '--portfolio', 'F');
    expect(r.code).toBe(0);
    expect(snapshots()).toMatch(/^F\tUSD\t3 snapshots\t/m);
  });

  it('the same positions as of another date are a new snapshot', () => {
    const r = cli('import', FIDELITY, '--portfolio', 'G');
    expect(r.code).toBe(0);
    const later = variant('later.csv', original.replace(/Date downloaded [^"\n]*/, 'Date downloaded Nov-25-2026 4:05 p.m ET'));
    expect(cli('import', later, '--portfolio', 'G').code).toBe(0);
  });
});
