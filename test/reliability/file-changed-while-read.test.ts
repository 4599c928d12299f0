/**
 * A holdings file cut while it is read (still being downloaded, or overwritten) is refused with one
 * message naming it, rather than imported in part or read forever: the chunked reader checks each
 * read against the size the file had when it was opened.
 */
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChunkedFile } from '../../db/import/chunks';
import { makeTempDir } from '../helpers/temp-dir';

let temp: { dir: string; cleanup: () => void };
beforeAll(() => {
  temp = makeTempDir('themelens-changed-');
});
afterAll(() => temp.cleanup());

describe('a file that changes while it is read', () => {
  it('shorter than when opened: the next read refuses, naming the file', () => {
    const path = join(temp.dir, 'holdings.csv');
    writeFileSync(path, 'x'.repeat(3000));
    const file = openChunkedFile(path, 1000, 1000);
    try {
      expect(file.next()?.length).toBe(1000);
      truncateSync(path, 1500);
      expect(() => file.next()).toThrow('holdings.csv changed while it was read (it is shorter than when the import started). Import it again once it is complete.');
    } finally {
      file.close();
    }
  });

  it('read whole, as it was when opened, when nothing changes', () => {
    const path = join(temp.dir, 'steady.csv');
    writeFileSync(path, 'y'.repeat(2500));
    const file = openChunkedFile(path, 1000, 1000);
    try {
      const sizes: number[] = [];
      for (let c = file.next(); c !== null; c = file.next()) sizes.push(c.length);
      expect(sizes).toEqual([1000, 500]);
      expect(file.bytesRead()).toBe(2500);
    } finally {
      file.close();
    }
  });
});
