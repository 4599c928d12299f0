/**
 * `--out` never replaces what it was not made for: a device, a folder, a link or a read-only file is
 * refused with one line and left as it was; an existing file keeps its mode; and a read-only database
 * writes no report at all (it could not record it), saying so.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIXTURE = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');
let temp: { dir: string; cleanup: () => void };
let db = '';
beforeAll(() => {
  temp = makeTempDir('themelens-out-');
  db = join(temp.dir, 'themelens.db');
  expect(runCli(['--db', db, 'import', FIXTURE, '--portfolio', 'Main']).code).toBe(0);
});
afterAll(() => temp.cleanup());

const report = (out: string, dbPath = db, ...more: string[]) => runCli(['--db', dbPath, 'report', '--portfolio', 'Main', '--format', 'csv', '--out', out, ...more]);

function expectRefused(out: string, message: RegExp) {
  const r = report(out);
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain('Nothing was written');
}

describe('report --out', () => {
  it('refuses a device and leaves it a device', () => {
    expectRefused('/dev/null', /\/dev\/null: it is not a regular file/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a folder, and a symbolic link (its target unchanged)', () => {
    const folder = join(temp.dir, 'reports');
    mkdirSync(folder);
    expectRefused(folder, /it is a folder/);
    const target = join(temp.dir, 'target.txt');
    writeFileSync(target, 'precious');
    const link = join(temp.dir, 'link.csv');
    symlinkSync(target, link);
    expectRefused(link, /it is a symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('refuses a read-only file (0444) and leaves its bytes and mode', () => {
    const file = join(temp.dir, 'locked.csv');
    writeFileSync(file, 'old report');
    chmodSync(file, 0o444);
    expectRefused(file, /the file is read-only/);
    expect(readFileSync(file, 'utf8')).toBe('old report');
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('replaces a writable file with --replace and keeps its mode', () => {
    const file = join(temp.dir, 'shared.csv');
    writeFileSync(file, 'old report');
    chmodSync(file, 0o640);
    // Not written by ThemeLens: replaced only when asked (test/integration/output-files.test.ts).
    expect(report(file).code).toBe(1);
    expect(report(file, db, '--replace').code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('NVDA');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('on a read-only database writes nothing and says so', () => {
    const ro = join(temp.dir, 'ro');
    mkdirSync(ro);
    const roDb = join(ro, 'themelens.db');
    writeFileSync(roDb, readFileSync(db));
    expect(runCli(['--db', roDb, 'portfolios']).code).toBe(0); // checkpointed copy opens
    chmodSync(roDb, 0o400);
    const out = join(temp.dir, 'never.csv');
    const r = report(out, roDb);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^themelens: Nothing was written: .*is read-only/);
    expect(existsSync(out)).toBe(false);
  });
});
