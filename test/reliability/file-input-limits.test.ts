/**
 * Every file the user hands the command line shares the holdings import's limits: a tags file, a
 * fund's holdings, an FX rates file, a prices file and a logo are checked for size, binary content and line length (logos: PNG or
 * JPEG by their bytes), refused with one line naming the file, and the database stays as it was.
 */
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpContent } from '../helpers/db-content';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const FIXTURE = resolve(__dirname, '../fixtures/holdings/fidelity-current.csv');
let temp: { dir: string; cleanup: () => void };
let db = '';
beforeAll(() => {
  temp = makeTempDir('themelens-inputs-');
  db = join(temp.dir, 'themelens.db');
  expect(runCli(['--db', db, 'import', FIXTURE, '--portfolio', 'Main']).code).toBe(0);
  expect(runCli(['--db', db, 'tag', 'NVDA', 'data-centers', '--weight', '0.6']).code).toBe(0);
});
afterAll(() => temp.cleanup());

function refusedUnchanged(args: string[], message: RegExp) {
  const before = dumpContent(db);
  const r = runCli(['--db', db, ...args]);
  expect(r.code).not.toBe(0);
  expect(r.code).not.toBe(70); // never an internal error
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(dumpContent(db)).toBe(before);
}

const file = (name: string, content: string | Buffer) => {
  const p = join(temp.dir, name);
  writeFileSync(p, content);
  return p;
};

describe('tags import and fund import', () => {
  it('a 300 MB file of NUL bytes is refused by its size, before it is read', () => {
    const p = join(temp.dir, 'zeros.csv');
    const fd = openSync(p, 'w');
    ftruncateSync(fd, 300 * 1024 * 1024); // sparse: costs no disk
    closeSync(fd);
    refusedUnchanged(['tags', 'import', p], /zeros\.csv is 300 MB; a tags file may be at most 200 MB/);
    refusedUnchanged(['fund', 'import', 'DCX', p], /zeros\.csv is 300 MB; a fund's holdings file may be at most 200 MB/);
    refusedUnchanged(['fx', 'import', p], /zeros\.csv is 300 MB; a rates file may be at most 200 MB/);
    refusedUnchanged(['reprice', p, '--portfolio', 'Main'], /zeros\.csv is 300 MB; a prices file may be at most 200 MB/);
  });

  it('a small binary file is not text, not "0 tags"', () => {
    const p = file('binary.csv', Buffer.concat([Buffer.from('symbol,theme,weight\n'), Buffer.alloc(4096, 0)]));
    refusedUnchanged(['tags', 'import', p], /binary\.csv: this is not a text file \(a tags file is CSV or JSON text\)/);
    refusedUnchanged(['fund', 'import', 'DCX', p], /binary\.csv: this is not a text file/);
    refusedUnchanged(['fx', 'import', p], /binary\.csv: this is not a text file/);
    refusedUnchanged(['reprice', p, '--portfolio', 'Main'], /binary\.csv: this is not a text file/);
  });

  it('a line longer than any cell may be is refused, naming the line', () => {
    const p = file('long.csv', `symbol,theme,weight\nNVDA,data-centers,0.5\n"${'x'.repeat(150_000)}",data-centers,0.1\n`);
    refusedUnchanged(['tags', 'import', p], /long\.csv line 3 holds 150,0\d\d characters; the limit is 100,000/);
  });

  it('a missing file is one line, not an internal error', () => {
    refusedUnchanged(['tags', 'import', join(temp.dir, 'nope.csv')], /Cannot read .*nope\.csv: there is no such file/);
    // A holdings file says it in the same words (db/files/open-for-reading.ts).
    refusedUnchanged(['import', join(temp.dir, 'nope.csv'), '--portfolio', 'Nope'], /Cannot read .*nope\.csv: there is no such file\. Check the path\./);
  });
});

describe('preferences --logo', () => {
  it('a missing logo, a text file named .png, and a logo over the size cap are refused', () => {
    refusedUnchanged(['preferences', '--logo', join(temp.dir, 'missing.png')], /Cannot read the logo .*missing\.png: there is no such file/);
    refusedUnchanged(['preferences', '--logo', file('fake.png', 'not an image at all')], /fake\.png is not a PNG or JPEG image/);
    const big = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600 * 1024)]);
    refusedUnchanged(['preferences', '--logo', file('big.png', big)], /big\.png is 601 KB; the limit is 512 KB/);
  });

  it('a real PNG is taken, whatever its extension says', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const r = runCli(['--db', db, 'preferences', '--logo', file('logo.bin', png)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('logo\tset');
  });
});
